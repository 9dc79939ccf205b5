/**
 * Persistence of the team's knowledge (`store.team`): sources, their documents and passages, a revision
 * counter that replicas poll to refresh their in-memory index, named leases (one sync per source, one
 * scheduled run at a time) and the embeddings cache. Met by SQLite (`sqlite-team.ts`) and PostgreSQL
 * (`postgres-team.ts`); `test/contracts/team-store-contract.ts` is the executable contract.
 */
import type { NewPassage, Scope, SourceStatus, SyncProblem, TeamPassage, TeamSource } from '../team/types.ts';

/** A source as registered (the rest of {@link TeamSource} starts empty). */
export type NewTeamSource = Pick<TeamSource, 'id' | 'kind' | 'location' | 'chat' | 'title' | 'addedBy'>;

/** A document as stored: what the next sync compares against. */
export interface StoredDocument {
  key: string;
  title: string;
  link: string;
  revision: string;
  passages: number;
}

/** The outcome of one source's sync, as recorded. */
export interface SyncRecord {
  status: Exclude<SourceStatus, 'pending'>;
  error?: string;
  problems: SyncProblem[];
  /** A better title learnt while reading (a space's or page's name). */
  title?: string;
}

/** What changed since a revision: every document's version, and the passages of those written after it. */
export interface TeamChanges {
  revision: number;
  /** Every stored document (`source id` + `key`) with the revision that last wrote it. */
  docs: { sourceId: string; key: string; version: number }[];
  /** Passages of the documents whose version is above the revision asked about. */
  passages: TeamPassage[];
}

/** A vector of a passage, by the hash of its text. */
export interface StoredVector {
  hash: string;
  vector: Float32Array;
}

/** The team-knowledge part of the store. Every write bumps the revision in the same transaction. */
export interface TeamKnowledgeStore {
  /** Registers a source; an existing one with the same kind, location and chat is returned instead. */
  addSource(source: NewTeamSource, now: Date): Promise<{ source: TeamSource; created: boolean }>;
  /** Every source, oldest first. */
  sources(): Promise<TeamSource[]>;
  source(id: string): Promise<TeamSource | undefined>;
  /** Removes a source with its documents and passages; false when there was none. */
  removeSource(id: string): Promise<boolean>;
  /** The documents a source holds. */
  documents(sourceId: string): Promise<StoredDocument[]>;
  /** Creates or replaces one document and all its passages. */
  writeDocument(
    sourceId: string,
    doc: Omit<StoredDocument, 'passages'>,
    passages: NewPassage[],
    now: Date,
  ): Promise<void>;
  /** Removes documents (and their passages) of a source; returns how many went. */
  removeDocuments(sourceId: string, keys: string[]): Promise<number>;
  /** Records how a sync ended (counts of documents and passages are taken from what is stored). */
  recordSync(sourceId: string, record: SyncRecord, now: Date): Promise<void>;
  /** The revision counter: it grows with every change of documents, passages or sources. */
  revision(): Promise<number>;
  /** What replicas need to bring their index from `since` to now. */
  changes(since: number): Promise<TeamChanges>;
  /**
   * Takes the named lease for `leaseMs` when nobody holds it or its lease ran out; a holder (the same
   * owner included) keeps it until then (`renewLease` extends it). True for the caller that got it.
   */
  claimLease(name: string, owner: string, now: Date, leaseMs: number): Promise<boolean>;
  /** Extends a lease the owner still holds; false when it lost it. */
  renewLease(name: string, owner: string, now: Date, leaseMs: number): Promise<boolean>;
  /** Ends the owner's lease at once (no-op when someone else holds it). */
  releaseLease(name: string, owner: string): Promise<void>;
  /** Cached vectors of `model` for the given text hashes (absent ones are left out). */
  vectors(model: string, hashes: string[]): Promise<StoredVector[]>;
  saveVectors(model: string, vectors: StoredVector[]): Promise<void>;
  /**
   * Nearest passages to `vector` by cosine similarity in the database (PostgreSQL with the `vector`
   * extension), visible in `chat`; undefined when the database cannot do it (then Coach scores in process).
   */
  nearest?(
    model: string,
    vector: Float32Array,
    chat: Scope,
    k: number,
  ): Promise<{ id: string; similarity: number }[]>;
}
