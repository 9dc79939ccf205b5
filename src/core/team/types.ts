/**
 * The team's own knowledge: sources (a folder, a file, documents on a platform), the documents a source
 * lists, and the passages they are split into. Core knows no platform: each kind of source comes from a
 * {@link DocumentProvider} (the folder provider lives in core; the Feishu/Lark and Notion ones in their
 * adapters).
 */

/** Where a source is visible: a chat (`<platform>:<chat id>`), or '' for the whole team. */
export type Scope = string;

/** The sync state of a source, as `status` and `/healthz` show it. */
export type SourceStatus = 'pending' | 'ok' | 'warning' | 'error';

/** A document of a source that could not be read, and why. */
export interface SyncProblem {
  /** The file path or document title (and link) that failed. */
  file: string;
  reason: string;
}

/** A registered source of team knowledge. */
export interface TeamSource {
  /** Short id users type (`coach knowledge remove <id>`, `/coach forget <id>`). */
  id: string;
  /** The provider that reads it (`folder`, or a platform's document provider). */
  kind: string;
  /** An absolute path, or the URL the user gave. */
  location: string;
  /** '' for team-wide; else the one chat that sees it. */
  chat: Scope;
  /** A readable name (the folder name, the document or space title once read). */
  title: string;
  addedBy?: string;
  addedAt: Date;
  status: SourceStatus;
  /** Why the last sync failed (status `error`). */
  error?: string;
  /** Documents that could not be read in the last sync. */
  problems: SyncProblem[];
  documents: number;
  passages: number;
  /** When the last sync ended, whatever its outcome. */
  lastSyncAt?: Date;
  /** When a sync last ended without an error. */
  lastOkAt?: Date;
}

/** One document a source lists: enough to decide whether to read it again. */
export interface DocRef {
  /** Stable within its source (a relative path, a document token, a page id). */
  key: string;
  title: string;
  /** Where a citation points (a file path or a URL), without an anchor. */
  link: string;
  /** Changes whenever the content changes (a file's hash, an edit time, a revision id). */
  revision: string;
  /** Size in bytes, when known before reading. */
  bytes?: number;
}

/**
 * A piece of a document as readers produce it: a heading (level 1–6) or a paragraph of text, with the
 * anchor a link can use to land on it (a block id, a heading slug, `page=3`).
 */
export interface DocBlock {
  heading?: number;
  text: string;
  anchor?: string;
}

/** A document, read and flattened into blocks. */
export interface ParsedDoc {
  title: string;
  blocks: DocBlock[];
  /** Bytes read (counts against the source's size limit). */
  bytes: number;
}

/** A passage ready to store: a few hundred words under one heading path. */
export interface NewPassage {
  seq: number;
  /** The headings above it, outermost first, joined with ` › ` ('' at the top of a document). */
  heading: string;
  /** The document link with the anchor of its place (`https://…#block`, `cases/acme.md#results`). */
  link: string;
  text: string;
  /** SHA-256 of the text (embeddings are cached by it). */
  hash: string;
}

/** A stored passage, as the index loads it. */
export interface TeamPassage extends NewPassage {
  /** `team:<source id>:<document>:<seq>`. */
  id: string;
  sourceId: string;
  docKey: string;
  /** The document's title. */
  title: string;
  chat: Scope;
}

/** Limits every sync enforces (settings `TEAM_MAX_*`). */
export interface TeamLimits {
  /** Largest file or document read, in bytes. */
  fileBytes: number;
  /** Most bytes read for one source in one sync. */
  sourceBytes: number;
  /** Most pages read from one PDF. */
  pdfPages: number;
  /** Most passages one source may hold. */
  passages: number;
  /** Most documents one source may list. */
  documents: number;
}

/** What a provider gets while it works. */
export interface ProviderContext {
  limits: TeamLimits;
  /** Raised when the sync is abandoned (shutdown). */
  signal?: AbortSignal;
}

/** Reads one kind of source. */
export interface DocumentProvider {
  /** Stored with the source (`folder`, …). */
  readonly kind: string;
  /**
   * Recognises a location typed by a user (a path, a URL): its canonical form and a first title, or
   * undefined when it is not this provider's. May throw `input_invalid` with a clear reason (a link of
   * this platform that names nothing it can read, credentials not configured).
   */
  recognise(location: string): { location: string; title: string } | undefined;
  /** What it reads, for messages listing what can be added ("a folder or file on the server"). */
  readonly accepts: string;
  /** Only URLs can be added from a chat: a local path from a chat would read the server's files. */
  readonly fromChat: boolean;
  /** The documents the source holds now, with their revisions (cheap: no content). Throws on failure. */
  list(
    source: TeamSource,
    ctx: ProviderContext,
  ): Promise<{ docs: DocRef[]; problems: SyncProblem[]; title?: string }>;
  /** One document's content. Throws (with a reason for the user) when it cannot be read. */
  read(source: TeamSource, doc: DocRef, ctx: ProviderContext): Promise<ParsedDoc>;
}

/** What one source's sync did. */
export interface SyncReport {
  sourceId: string;
  title: string;
  status: SourceStatus | 'busy';
  documents: number;
  passages: number;
  /** Documents read again (new or changed). */
  read: number;
  /** Documents removed because they vanished upstream. */
  removed: number;
  problems: SyncProblem[];
  error?: string;
}
