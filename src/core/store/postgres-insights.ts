import type pg from 'pg';
import { eventColumns, feedbackColumns, newSalt } from './insights-record.ts';
import { type Dialect, dashboardOf, summaryOf } from './insights-sql.ts';
import { type InsightEvent, type InsightFeedback, type InsightsStore, isFeedback } from './insights-types.ts';
import { millis } from './store-input.ts';

/** PostgreSQL's spelling of the insights queries: times are timestamptz, days counted in UTC + offset. */
export const POSTGRES_DIALECT: Dialect = {
  placeholder: (n) => `$${n}`,
  time: (d) => d,
  day: (col, offset) => `to_char((${col} AT TIME ZONE 'UTC') + interval '${offset} minutes', 'YYYY-MM-DD')`,
  week: (col, offset) =>
    `to_char(date_trunc('week', (${col} AT TIME ZONE 'UTC') + interval '${offset} minutes'), 'YYYY-MM-DD')`,
  dim: (key) => `(scores->>'${key}')::float8`,
  list: (col) => `string_agg(${col}, ',')`,
};

const EVENT_COLUMNS = [
  'at',
  'kind',
  'platform',
  'workspace',
  'chat_id',
  'user_hash',
  'command',
  'lang',
  'outcome',
  'fallback',
  'model',
  'latency_ms',
  'tokens_in',
  'tokens_out',
  'overall',
  'scores',
  'question',
  'question_key',
  'ref',
  'cited',
] as const;
/** Rows per INSERT, well under PostgreSQL's 65,535 parameters. */
const BATCH = 1_000;

/**
 * Insights on the PostgreSQL store's database. A batch is written in one transaction: the events and
 * their citations in one statement per thousand rows, the votes in one upsert.
 */
export function postgresInsights(
  pool: pg.Pool,
  run: <T>(op: string, fn: () => Promise<T>) => Promise<T>,
): InsightsStore {
  let salt: string | undefined;
  async function saltOf(client: pg.PoolClient): Promise<string> {
    if (salt) return salt;
    await client.query('INSERT INTO insight_salt (id, salt) VALUES (1, $1) ON CONFLICT DO NOTHING', [
      newSalt(),
    ]);
    const r = await client.query<{ salt: string }>('SELECT salt FROM insight_salt WHERE id = 1');
    salt = r.rows[0]?.salt;
    if (!salt) throw new Error('insights: no salt');
    return salt;
  }

  async function insertEvents(client: pg.PoolClient, events: InsightEvent[], key: string): Promise<void> {
    for (let i = 0; i < events.length; i += BATCH) {
      const values: unknown[] = [];
      const rows = events.slice(i, i + BATCH).map((e) => {
        const c = eventColumns(e, key);
        const row = [
          new Date(c.at),
          c.kind,
          c.platform,
          c.workspace,
          c.chatId,
          c.userHash,
          c.command,
          c.lang,
          c.outcome,
          c.fallback,
          c.model,
          c.latencyMs,
          c.tokensIn,
          c.tokensOut,
          c.overall,
          c.scores,
          c.question,
          c.questionKey,
          c.ref,
          c.cited,
        ];
        const marks = row.map((v) => `$${values.push(v)}`);
        return `(${marks.join(', ')})`;
      });
      await client.query(
        `WITH ins AS (INSERT INTO insight_events (${EVENT_COLUMNS.join(', ')}) VALUES ${rows.join(', ')}
           RETURNING id, cited)
         INSERT INTO insight_citations (event_id, entry_id) SELECT id, unnest(cited) FROM ins`,
        values,
      );
    }
  }

  async function upsertVotes(client: pg.PoolClient, votes: InsightFeedback[], key: string): Promise<void> {
    // One statement may not update a row twice: the last vote of a user on a reply wins.
    const last = new Map(
      votes.map((v) => feedbackColumns(v, key)).map((c) => [`${c.ref}\0${c.userHash}`, c]),
    );
    const values: unknown[] = [];
    const rows = [...last.values()].map((c) => {
      const row = [new Date(c.at), c.platform, c.workspace, c.chatId, c.userHash, c.about, c.ref, c.value];
      return `(${row.map((v) => `$${values.push(v)}`).join(', ')})`;
    });
    await client.query(
      `INSERT INTO insight_feedback (at, platform, workspace, chat_id, user_hash, about, ref, value)
       VALUES ${rows.join(', ')}
       ON CONFLICT (ref, user_hash) DO UPDATE SET value = excluded.value, at = excluded.at`,
      values,
    );
  }

  const runner = (op: string) => (q: { sql: string; params: unknown[] }) =>
    run(op, async () => (await pool.query(q.sql, q.params)).rows as Record<string, unknown>[]);

  return {
    record: (events) =>
      run('insights.record', async () => {
        if (events.length === 0) return;
        const client = await pool.connect();
        try {
          await client.query('BEGIN');
          const key = await saltOf(client);
          const answers = events.filter((e): e is InsightEvent => !isFeedback(e));
          const votes = events.filter(isFeedback);
          if (answers.length > 0) await insertEvents(client, answers, key);
          if (votes.length > 0) await upsertVotes(client, votes, key);
          await client.query('COMMIT');
        } catch (err) {
          await client.query('ROLLBACK').catch(() => undefined);
          throw err;
        } finally {
          client.release();
        }
      }),
    summary: (f) => summaryOf(runner('insights.summary'), POSTGRES_DIALECT, f),
    dashboard: (f) => dashboardOf(runner('insights.dashboard'), POSTGRES_DIALECT, f),
    pruneBefore: (before) =>
      run('insights.pruneBefore', async () => {
        const at = new Date(millis(before, 'before'));
        const r = await pool.query<{ n: number }>(
          `WITH e AS (DELETE FROM insight_events WHERE at < $1 RETURNING 1),
                f AS (DELETE FROM insight_feedback WHERE at < $1 RETURNING 1)
           SELECT ((SELECT count(*) FROM e) + (SELECT count(*) FROM f))::int AS n`,
          [at],
        );
        return r.rows[0]?.n ?? 0;
      }),
  };
}
