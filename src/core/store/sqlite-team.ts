import type Database from 'better-sqlite3';
import type { NewPassage } from '../team/types.ts';
import { checkLease, millis } from './store-input.ts';
import {
  PASSAGE_COLUMNS,
  type PassageRow,
  passageFromRow,
  passageId,
  problemsJson,
  SOURCE_COLUMNS,
  type SourceRow,
  sourceFromRow,
  vectorBytes,
  vectorFromBytes,
} from './team-rows.ts';
import type { StoredDocument, TeamKnowledgeStore } from './team-types.ts';

type Run = <T>(op: string, fn: () => T) => Promise<T>;

/**
 * The team-knowledge store on SQLite. Every write is an IMMEDIATE transaction that also bumps
 * `team_meta.revision`, so processes sharing the file see each change whole and in order.
 */
export function sqliteTeam(db: Database.Database, run: Run): TeamKnowledgeStore {
  const s = {
    bump: db.prepare<[], { value: number }>(
      `INSERT INTO team_meta (key, value) VALUES ('revision', 1)
       ON CONFLICT (key) DO UPDATE SET value = team_meta.value + 1 RETURNING value`,
    ),
    revision: db.prepare<[], { value: number }>("SELECT value FROM team_meta WHERE key = 'revision'"),
    insertSource: db.prepare<[Record<string, unknown>]>(
      `INSERT INTO team_sources (id, kind, location, chat, title, added_by, added_at, status)
       VALUES (@id, @kind, @location, @chat, @title, @addedBy, @addedAt, 'pending')
       ON CONFLICT DO NOTHING`,
    ),
    sameSource: db.prepare<[string, string, string], SourceRow>(
      `SELECT ${SOURCE_COLUMNS} FROM team_sources s WHERE s.kind = ? AND s.location = ? AND s.chat = ?`,
    ),
    source: db.prepare<[string], SourceRow>(`SELECT ${SOURCE_COLUMNS} FROM team_sources s WHERE s.id = ?`),
    sources: db.prepare<[], SourceRow>(
      `SELECT ${SOURCE_COLUMNS} FROM team_sources s ORDER BY s.added_at, s.id`,
    ),
    removeSource: db.prepare<[string]>('DELETE FROM team_sources WHERE id = ?'),
    documents: db.prepare<[string], StoredDocument>(
      `SELECT d.key, d.title, d.link, d.revision,
         (SELECT count(*) FROM team_passages p WHERE p.source_id = d.source_id AND p.doc_key = d.key) AS passages
       FROM team_documents d WHERE d.source_id = ? ORDER BY d.key`,
    ),
    chatOf: db.prepare<[string], { chat: string }>('SELECT chat FROM team_sources WHERE id = ?'),
    upsertDocument: db.prepare<[Record<string, unknown>]>(
      `INSERT INTO team_documents (source_id, key, title, link, revision, version, synced_at)
       VALUES (@sourceId, @key, @title, @link, @revision, @version, @now)
       ON CONFLICT (source_id, key) DO UPDATE SET title = excluded.title, link = excluded.link,
         revision = excluded.revision, version = excluded.version, synced_at = excluded.synced_at`,
    ),
    clearPassages: db.prepare<[string, string]>(
      'DELETE FROM team_passages WHERE source_id = ? AND doc_key = ?',
    ),
    insertPassage: db.prepare<[Record<string, unknown>]>(
      `INSERT INTO team_passages (id, source_id, doc_key, seq, chat, heading, link, text, hash)
       VALUES (@id, @sourceId, @docKey, @seq, @chat, @heading, @link, @text, @hash)`,
    ),
    removeDocument: db.prepare<[string, string]>(
      'DELETE FROM team_documents WHERE source_id = ? AND key = ?',
    ),
    recordSync: db.prepare<[Record<string, unknown>]>(
      `UPDATE team_sources SET status = @status, error = @error, problems = @problems, last_sync_at = @now,
         last_ok_at = CASE WHEN @status = 'error' THEN last_ok_at ELSE @now END,
         title = coalesce(@title, title)
       WHERE id = @id`,
    ),
    versions: db.prepare<[], { sourceId: string; key: string; version: number }>(
      'SELECT source_id AS sourceId, key, version FROM team_documents',
    ),
    changed: db.prepare<[number], PassageRow>(
      `SELECT ${PASSAGE_COLUMNS} FROM team_passages p
       JOIN team_documents d ON d.source_id = p.source_id AND d.key = p.doc_key
       WHERE d.version > ? ORDER BY p.source_id, p.doc_key, p.seq`,
    ),
    claimLease: db.prepare<[Record<string, unknown>]>(
      `INSERT INTO team_leases (name, owner, expires_at) VALUES (@name, @owner, @expiresAt)
       ON CONFLICT (name) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at
       WHERE team_leases.expires_at <= @now`,
    ),
    renewLease: db.prepare<[Record<string, unknown>]>(
      'UPDATE team_leases SET expires_at = @expiresAt WHERE name = @name AND owner = @owner',
    ),
    releaseLease: db.prepare<[string, string]>('DELETE FROM team_leases WHERE name = ? AND owner = ?'),
    vector: db.prepare<[string, string], { vector: Buffer }>(
      'SELECT vector FROM team_vectors WHERE model = ? AND hash = ?',
    ),
    saveVector: db.prepare<[string, string, Buffer]>(
      'INSERT INTO team_vectors (model, hash, vector) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
    ),
  };
  const bump = () => s.bump.get()?.value ?? 0;

  const add = db.transaction((params: Record<string, unknown>) => {
    const created = s.insertSource.run(params).changes === 1;
    if (created) bump();
    return created;
  });
  const remove = db.transaction((id: string) => {
    const gone = s.removeSource.run(id).changes === 1;
    if (gone) bump();
    return gone;
  });
  const write = db.transaction(
    (sourceId: string, doc: Omit<StoredDocument, 'passages'>, passages: NewPassage[], now: number) => {
      const chat = s.chatOf.get(sourceId)?.chat;
      if (chat === undefined) return; // the source was removed while it was being read
      const version = bump();
      s.upsertDocument.run({ sourceId, ...doc, version, now });
      s.clearPassages.run(sourceId, doc.key);
      for (const p of passages) {
        s.insertPassage.run({
          id: passageId(sourceId, doc.key, p.seq),
          sourceId,
          docKey: doc.key,
          seq: p.seq,
          chat,
          heading: p.heading,
          link: p.link,
          text: p.text,
          hash: p.hash,
        });
      }
    },
  );
  const removeDocs = db.transaction((sourceId: string, keys: string[]) => {
    let n = 0;
    for (const key of keys) n += s.removeDocument.run(sourceId, key).changes;
    if (n > 0) bump();
    return n;
  });
  const changes = db.transaction((since: number) => ({
    revision: s.revision.get()?.value ?? 0,
    docs: s.versions.all(),
    passages: s.changed.all(since).map(passageFromRow),
  }));
  const saveVectors = db.transaction((model: string, rows: { hash: string; vector: Float32Array }[]) => {
    for (const r of rows) s.saveVector.run(model, r.hash, vectorBytes(r.vector));
  });

  return {
    addSource: (src, now) =>
      run('team.addSource', () => {
        const created = add.immediate({
          ...src,
          addedBy: src.addedBy ?? null,
          addedAt: millis(now, 'now'),
        });
        const row = created ? s.source.get(src.id) : s.sameSource.get(src.kind, src.location, src.chat);
        if (!row) throw new Error(`source ${src.id} clashes with another source's id`);
        return { source: sourceFromRow(row), created };
      }),
    sources: () => run('team.sources', () => s.sources.all().map(sourceFromRow)),
    source: (id) =>
      run('team.source', () => {
        const row = s.source.get(id);
        return row ? sourceFromRow(row) : undefined;
      }),
    removeSource: (id) => run('team.removeSource', () => remove.immediate(id)),
    documents: (sourceId) =>
      run('team.documents', () =>
        s.documents.all(sourceId).map((d) => ({ ...d, passages: Number(d.passages) })),
      ),
    writeDocument: (sourceId, doc, passages, now) =>
      run('team.writeDocument', () => write.immediate(sourceId, doc, passages, millis(now, 'now'))),
    removeDocuments: (sourceId, keys) =>
      run('team.removeDocuments', () => removeDocs.immediate(sourceId, keys)),
    recordSync: (sourceId, record, now) =>
      run('team.recordSync', () => {
        s.recordSync.run({
          id: sourceId,
          status: record.status,
          error: record.error ?? null,
          problems: problemsJson(record.problems),
          now: millis(now, 'now'),
          title: record.title ?? null,
        });
      }),
    revision: () => run('team.revision', () => s.revision.get()?.value ?? 0),
    changes: (since) => run('team.changes', () => changes.deferred(since)),
    claimLease: (name, owner, now, leaseMs) =>
      run('team.claimLease', () => {
        const at = millis(now, 'now');
        return s.claimLease.run({ name, owner, now: at, expiresAt: at + checkLease(leaseMs) }).changes === 1;
      }),
    renewLease: (name, owner, now, leaseMs) =>
      run('team.renewLease', () => {
        const expiresAt = millis(now, 'now') + checkLease(leaseMs);
        return s.renewLease.run({ name, owner, expiresAt }).changes === 1;
      }),
    releaseLease: (name, owner) =>
      run('team.releaseLease', () => {
        s.releaseLease.run(name, owner);
      }),
    vectors: (model, hashes) =>
      run('team.vectors', () =>
        hashes.flatMap((hash) => {
          const row = s.vector.get(model, hash);
          return row ? [{ hash, vector: vectorFromBytes(row.vector) }] : [];
        }),
      ),
    saveVectors: (model, rows) => run('team.saveVectors', () => saveVectors.immediate(model, rows)),
  };
}
