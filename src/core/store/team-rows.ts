import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { SourceStatus, SyncProblem, TeamPassage, TeamSource } from '../team/types.ts';

// Team rows as the drivers return them (times: epoch ms in SQLite, Date in pg; problems: JSON text in
// SQLite, parsed jsonb in pg; counts: number or bigint-as-string). One set of mappers for both stores.

type Instant = Date | number;

/** A `team_sources` row joined with its document and passage counts. */
export interface SourceRow {
  id: string;
  kind: string;
  location: string;
  chat: string;
  title: string;
  added_by: string | null;
  added_at: Instant;
  status: SourceStatus;
  error: string | null;
  problems: unknown;
  last_sync_at: Instant | null;
  last_ok_at: Instant | null;
  documents: number | string;
  passages: number | string;
}

/** The columns of {@link SourceRow}, counts included, for `FROM team_sources s`. */
export const SOURCE_COLUMNS = `s.id, s.kind, s.location, s.chat, s.title, s.added_by, s.added_at, s.status, s.error,
  s.problems, s.last_sync_at, s.last_ok_at,
  (SELECT count(*) FROM team_documents d WHERE d.source_id = s.id) AS documents,
  (SELECT count(*) FROM team_passages p WHERE p.source_id = s.id) AS passages`;

const problemsSchema = z.array(z.object({ file: z.string(), reason: z.string() }));

/** Turns a row into a TeamSource; unreadable problems JSON (edited outside Coach) reads as none. */
export function sourceFromRow(row: SourceRow): TeamSource {
  const raw = typeof row.problems === 'string' ? safeJson(row.problems) : row.problems;
  const problems = problemsSchema.safeParse(raw);
  const source: TeamSource = {
    id: row.id,
    kind: row.kind,
    location: row.location,
    chat: row.chat,
    title: row.title,
    addedAt: new Date(row.added_at),
    status: row.status,
    problems: problems.success ? problems.data : [],
    documents: Number(row.documents),
    passages: Number(row.passages),
  };
  if (row.added_by !== null) source.addedBy = row.added_by;
  if (row.error !== null) source.error = row.error;
  if (row.last_sync_at !== null) source.lastSyncAt = new Date(row.last_sync_at);
  if (row.last_ok_at !== null) source.lastOkAt = new Date(row.last_ok_at);
  return source;
}

/** A passage row joined with its document's title. */
export interface PassageRow {
  id: string;
  source_id: string;
  doc_key: string;
  seq: number;
  chat: string;
  title: string;
  heading: string;
  link: string;
  text: string;
  hash: string;
}

/** The columns of {@link PassageRow}, for `FROM team_passages p JOIN team_documents d`. */
export const PASSAGE_COLUMNS =
  'p.id, p.source_id, p.doc_key, p.seq, p.chat, d.title, p.heading, p.link, p.text, p.hash';

export function passageFromRow(row: PassageRow): TeamPassage {
  return {
    id: row.id,
    sourceId: row.source_id,
    docKey: row.doc_key,
    seq: row.seq,
    chat: row.chat,
    title: row.title,
    heading: row.heading,
    link: row.link,
    text: row.text,
    hash: row.hash,
  };
}

/** The id of a passage: `team:<source>:<document>:<seq>` (the document key hashed, it may be a long path). */
export function passageId(sourceId: string, docKey: string, seq: number): string {
  const doc = createHash('sha256').update(docKey).digest('hex').slice(0, 10);
  return `team:${sourceId}:${doc}:${seq}`;
}

/** Problems as stored: at most 50, each reason cut to 300 characters. */
export function problemsJson(problems: SyncProblem[]): string {
  return JSON.stringify(
    problems.slice(0, 50).map((p) => ({ file: p.file.slice(0, 500), reason: p.reason.slice(0, 300) })),
  );
}

/** A vector as bytes (little-endian float32) and back. */
export function vectorBytes(v: Float32Array): Buffer {
  const out = Buffer.alloc(v.length * 4);
  v.forEach((x, i) => {
    out.writeFloatLE(x, i * 4);
  });
  return out;
}

export function vectorFromBytes(b: Uint8Array): Float32Array {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const out = new Float32Array(Math.floor(b.byteLength / 4));
  for (let i = 0; i < out.length; i++) out[i] = view.getFloat32(i * 4, true);
  return out;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return []; // written by problemsJson, so only a hand edit gets here: show no problems rather than fail
  }
}
