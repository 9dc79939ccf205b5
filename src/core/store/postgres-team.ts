import type pg from 'pg';
import type { Logger } from '../logger.ts';
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
} from './team-rows.ts';
import type { StoredDocument, TeamKnowledgeStore } from './team-types.ts';

type Run = <T>(op: string, fn: () => Promise<T>) => Promise<T>;

/** Most rows one INSERT carries (PostgreSQL allows 65,535 parameters; a passage takes 9). */
const ROWS_PER_INSERT = 500;

/**
 * The team-knowledge store on PostgreSQL. Each write is one transaction that bumps `team_meta.revision`
 * first: the row lock on the counter orders concurrent writers, so a replica that read revision N and
 * then the documents above it never misses a write that committed with a lower revision. With the
 * `vector` extension installed (or installable), nearest-passage search runs in the database.
 */
export async function postgresTeam(pool: pg.Pool, run: Run, logger: Logger): Promise<TeamKnowledgeStore> {
  const query = <R extends pg.QueryResultRow>(text: string, values: unknown[] = []) =>
    pool.query<R>(text, values);
  /** Runs `fn` in one transaction on one connection. */
  const tx = async <T>(fn: (c: pg.PoolClient) => Promise<T>): Promise<T> => {
    const client = await pool.connect();
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      const out = await fn(client);
      await client.query('COMMIT');
      return out;
    } catch (err) {
      await client.query('ROLLBACK').catch((e: unknown) => {
        broken = e instanceof Error ? e : new Error(String(e));
      });
      throw err;
    } finally {
      client.release(broken);
    }
  };
  const bump = async (c: pg.PoolClient): Promise<number> => {
    const r = await c.query<{ value: string }>(
      `INSERT INTO team_meta (key, value) VALUES ('revision', 1)
       ON CONFLICT (key) DO UPDATE SET value = team_meta.value + 1 RETURNING value`,
    );
    return Number(r.rows[0]?.value ?? 0);
  };
  const sourceRow = async (text: string, values: unknown[]) =>
    (await query<SourceRow>(`SELECT ${SOURCE_COLUMNS} FROM team_sources s WHERE ${text}`, values)).rows[0];

  const store: TeamKnowledgeStore = {
    addSource: (src, now) =>
      run('team.addSource', async () => {
        const created = await tx(async (c) => {
          const r = await c.query(
            `INSERT INTO team_sources (id, kind, location, chat, title, added_by, added_at, status)
             VALUES ($1, $2, $3, $4, $5, $6, $7, 'pending') ON CONFLICT DO NOTHING`,
            [
              src.id,
              src.kind,
              src.location,
              src.chat,
              src.title,
              src.addedBy ?? null,
              new Date(millis(now, 'now')),
            ],
          );
          if (r.rowCount === 1) await bump(c);
          return r.rowCount === 1;
        });
        const row = created
          ? await sourceRow('s.id = $1', [src.id])
          : await sourceRow('s.kind = $1 AND s.location = $2 AND s.chat = $3', [
              src.kind,
              src.location,
              src.chat,
            ]);
        if (!row) throw new Error(`source ${src.id} clashes with another source's id`);
        return { source: sourceFromRow(row), created };
      }),
    sources: () =>
      run('team.sources', async () =>
        (
          await query<SourceRow>(`SELECT ${SOURCE_COLUMNS} FROM team_sources s ORDER BY s.added_at, s.id`)
        ).rows.map(sourceFromRow),
      ),
    source: (id) =>
      run('team.source', async () => {
        const row = await sourceRow('s.id = $1', [id]);
        return row ? sourceFromRow(row) : undefined;
      }),
    removeSource: (id) =>
      run('team.removeSource', () =>
        tx(async (c) => {
          const r = await c.query('DELETE FROM team_sources WHERE id = $1', [id]);
          if (r.rowCount === 1) await bump(c);
          return r.rowCount === 1;
        }),
      ),
    documents: (sourceId) =>
      run('team.documents', async () => {
        const r = await query<StoredDocument>(
          `SELECT d.key, d.title, d.link, d.revision,
             (SELECT count(*) FROM team_passages p WHERE p.source_id = d.source_id AND p.doc_key = d.key)::int AS passages
           FROM team_documents d WHERE d.source_id = $1 ORDER BY d.key COLLATE "C"`,
          [sourceId],
        );
        return r.rows;
      }),
    writeDocument: (sourceId, doc, passages, now) =>
      run('team.writeDocument', () =>
        tx(async (c) => {
          const at = new Date(millis(now, 'now'));
          // Locks the source row: a removal waits for this write, or this write sees the source gone.
          const src = await c.query<{ chat: string }>(
            'SELECT chat FROM team_sources WHERE id = $1 FOR SHARE',
            [sourceId],
          );
          const chat = src.rows[0]?.chat;
          if (chat === undefined) return;
          const version = await bump(c);
          await c.query(
            `INSERT INTO team_documents (source_id, key, title, link, revision, version, synced_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7)
             ON CONFLICT (source_id, key) DO UPDATE SET title = excluded.title, link = excluded.link,
               revision = excluded.revision, version = excluded.version, synced_at = excluded.synced_at`,
            [sourceId, doc.key, doc.title, doc.link, doc.revision, version, at],
          );
          await c.query('DELETE FROM team_passages WHERE source_id = $1 AND doc_key = $2', [
            sourceId,
            doc.key,
          ]);
          for (let i = 0; i < passages.length; i += ROWS_PER_INSERT) {
            const batch = passages.slice(i, i + ROWS_PER_INSERT);
            const values = batch.flatMap((p) => [
              passageId(sourceId, doc.key, p.seq),
              sourceId,
              doc.key,
              p.seq,
              chat,
              p.heading,
              p.link,
              p.text,
              p.hash,
            ]);
            const rows = batch.map(
              (_, j) => `(${Array.from({ length: 9 }, (_, k) => `$${j * 9 + k + 1}`).join(', ')})`,
            );
            await c.query(
              `INSERT INTO team_passages (id, source_id, doc_key, seq, chat, heading, link, text, hash)
               VALUES ${rows.join(', ')}`,
              values,
            );
          }
        }),
      ),
    removeDocuments: (sourceId, keys) =>
      run('team.removeDocuments', () =>
        tx(async (c) => {
          if (keys.length === 0) return 0;
          const r = await c.query(
            'DELETE FROM team_documents WHERE source_id = $1 AND key = ANY($2::text[])',
            [sourceId, keys],
          );
          const n = r.rowCount ?? 0;
          if (n > 0) await bump(c);
          return n;
        }),
      ),
    recordSync: (sourceId, record, now) =>
      run('team.recordSync', async () => {
        await query(
          `UPDATE team_sources SET status = $2, error = $3, problems = $4::jsonb, last_sync_at = $5,
             last_ok_at = CASE WHEN $2 = 'error' THEN last_ok_at ELSE $5 END, title = coalesce($6, title)
           WHERE id = $1`,
          [
            sourceId,
            record.status,
            record.error ?? null,
            problemsJson(record.problems),
            new Date(millis(now, 'now')),
            record.title ?? null,
          ],
        );
      }),
    revision: () =>
      run('team.revision', async () => {
        const r = await query<{ value: string }>("SELECT value FROM team_meta WHERE key = 'revision'");
        return Number(r.rows[0]?.value ?? 0);
      }),
    changes: (since) =>
      run('team.changes', () =>
        tx(async (c) => {
          // One snapshot for the three reads.
          await c.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
          const rev = await c.query<{ value: string }>("SELECT value FROM team_meta WHERE key = 'revision'");
          const docs = await c.query<{ sourceId: string; key: string; version: string }>(
            'SELECT source_id AS "sourceId", key, version FROM team_documents',
          );
          const passages = await c.query<PassageRow>(
            `SELECT ${PASSAGE_COLUMNS} FROM team_passages p
             JOIN team_documents d ON d.source_id = p.source_id AND d.key = p.doc_key
             WHERE d.version > $1 ORDER BY p.source_id, p.doc_key, p.seq`,
            [since],
          );
          return {
            revision: Number(rev.rows[0]?.value ?? 0),
            docs: docs.rows.map((d) => ({ sourceId: d.sourceId, key: d.key, version: Number(d.version) })),
            passages: passages.rows.map(passageFromRow),
          };
        }),
      ),
    claimLease: (name, owner, now, leaseMs) =>
      run('team.claimLease', async () => {
        const at = millis(now, 'now');
        const r = await query(
          `INSERT INTO team_leases (name, owner, expires_at) VALUES ($1, $2, $3)
           ON CONFLICT (name) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at
           WHERE team_leases.expires_at <= $4`,
          [name, owner, new Date(at + checkLease(leaseMs)), new Date(at)],
        );
        return r.rowCount === 1;
      }),
    renewLease: (name, owner, now, leaseMs) =>
      run('team.renewLease', async () => {
        const r = await query('UPDATE team_leases SET expires_at = $3 WHERE name = $1 AND owner = $2', [
          name,
          owner,
          new Date(millis(now, 'now') + checkLease(leaseMs)),
        ]);
        return r.rowCount === 1;
      }),
    releaseLease: (name, owner) =>
      run('team.releaseLease', async () => {
        await query('DELETE FROM team_leases WHERE name = $1 AND owner = $2', [name, owner]);
      }),
    vectors: (model, hashes) =>
      run('team.vectors', async () => {
        if (hashes.length === 0) return [];
        const r = await query<{ hash: string; vector: number[] }>(
          'SELECT hash, vector FROM team_vectors WHERE model = $1 AND hash = ANY($2::text[])',
          [model, hashes],
        );
        return r.rows.map((row) => ({ hash: row.hash, vector: Float32Array.from(row.vector) }));
      }),
    saveVectors: (model, rows) =>
      run('team.saveVectors', async () => {
        if (rows.length === 0) return;
        await query(
          `INSERT INTO team_vectors (model, hash, vector)
           SELECT $1, h, v::real[] FROM unnest($2::text[], $3::text[]) AS t(h, v) ON CONFLICT DO NOTHING`,
          [model, rows.map((r) => r.hash), rows.map((r) => `{${Array.from(r.vector).join(',')}}`)],
        );
      }),
  };
  if (await hasVectorExtension(pool, logger)) {
    store.nearest = (model, vector, chat, k) =>
      run('team.nearest', async () => {
        const r = await query<{ id: string; similarity: number }>(
          `SELECT p.id, 1 - ((v.vector::vector) <=> $2::vector) AS similarity
           FROM team_passages p JOIN team_vectors v ON v.model = $1 AND v.hash = p.hash
           WHERE p.chat = '' OR p.chat = $3
           ORDER BY (v.vector::vector) <=> $2::vector LIMIT $4`,
          [model, `[${Array.from(vector).join(',')}]`, chat, k],
        );
        return r.rows.map((row) => ({ id: row.id, similarity: Number(row.similarity) }));
      });
  }
  return store;
}

/**
 * True when pgvector is usable: installed in this database, or available and installable by this user.
 * Anything else (not available, no permission) leaves nearest-passage search to the process.
 */
async function hasVectorExtension(pool: pg.Pool, logger: Logger): Promise<boolean> {
  try {
    const available = await pool.query<{ installed: string | null }>(
      "SELECT installed_version AS installed FROM pg_available_extensions WHERE name = 'vector'",
    );
    const row = available.rows[0];
    if (!row) return false;
    if (!row.installed) await pool.query('CREATE EXTENSION IF NOT EXISTS vector');
    logger.info(
      { event: 'store_vector_extension', kind: 'postgres' },
      'pgvector is used for semantic search',
    );
    return true;
  } catch (err) {
    logger.warn(
      { event: 'store_vector_extension_unusable', reason: err instanceof Error ? err.message : String(err) },
      'pgvector is available but cannot be used; semantic search runs in process',
    );
    return false;
  }
}
