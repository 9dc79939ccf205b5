import type pg from 'pg';
import {
  DAY_MS,
  eventColumns,
  feedbackColumns,
  HOUR_MS,
  newSalt,
  ROLLUP_TABLES,
  type Rollups,
  rollupsOf,
  rollupUpsert,
  rollupValues,
} from './insights-record.ts';
import { type Dialect, dashboardOf, summaryOf } from './insights-sql.ts';
import { type InsightEvent, type InsightFeedback, type InsightsStore, isFeedback } from './insights-types.ts';
import { millis } from './store-input.ts';

/** PostgreSQL's spelling of the insights queries: numbered placeholders, times as timestamptz. */
export const POSTGRES_DIALECT: Dialect = { placeholder: (n) => `$${n}`, time: (d) => d };

const EVENT_COLUMNS =
  'at, kind, platform, workspace, chat_id, user_hash, command, lang, outcome, fallback, model, latency_ms, ' +
  'tokens_in, tokens_out, overall, scores, cited, question, question_key, ref';
/** Rows per statement, well under PostgreSQL's 65,535 parameters. */
const BATCH = 1_000;

/** Multi-row VALUES of `rows`, numbering placeholders from 1. */
function values(rows: unknown[][]): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const sql = rows.map((r) => `(${r.map((v) => `$${params.push(v)}`).join(', ')})`).join(', ');
  return { sql, params };
}

/**
 * Insights on the PostgreSQL store's database. A batch is written in one transaction: the events, the
 * roll-ups (summed per key in the batch, one upsert per table and thousand rows) and the votes.
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
      const v = values(
        events.slice(i, i + BATCH).map((e) => {
          const c = eventColumns(e, key);
          return [
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
            c.cited,
            c.question,
            c.questionKey,
            c.ref,
          ];
        }),
      );
      await client.query(`INSERT INTO insight_events (${EVENT_COLUMNS}) VALUES ${v.sql}`, v.params);
    }
    const rollups = rollupsOf(events, key);
    for (const name of Object.keys(rollups) as (keyof Rollups)[]) {
      const rows = rollups[name].map((r) => rollupValues(r));
      for (let i = 0; i < rows.length; i += BATCH) {
        const part = rows.slice(i, i + BATCH);
        await client.query(
          rollupUpsert(ROLLUP_TABLES[name], part.length, (n) => `$${n}`),
          part.flat(),
        );
      }
    }
  }

  async function upsertVotes(client: pg.PoolClient, votes: InsightFeedback[], key: string): Promise<void> {
    // One statement may not update a row twice: the last vote of a user on a reply wins.
    const last = new Map(
      votes.map((v) => feedbackColumns(v, key)).map((c) => [`${c.ref}\0${c.userHash}`, c]),
    );
    const v = values(
      [...last.values()].map((c) => [
        new Date(c.at),
        c.platform,
        c.workspace,
        c.chatId,
        c.userHash,
        c.about,
        c.ref,
        c.value,
      ]),
    );
    await client.query(
      `INSERT INTO insight_feedback (at, platform, workspace, chat_id, user_hash, about, ref, value)
       VALUES ${v.sql}
       ON CONFLICT (ref, user_hash) DO UPDATE SET value = excluded.value, at = excluded.at`,
      v.params,
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
        const hour = Math.floor(at.getTime() / HOUR_MS);
        const day = Math.floor(at.getTime() / DAY_MS);
        const r = await pool.query<{ n: number }>(
          `WITH e AS (DELETE FROM insight_events WHERE at < $1 RETURNING 1),
                f AS (DELETE FROM insight_feedback WHERE at < $1 RETURNING 1),
                h AS (DELETE FROM insight_hours WHERE hour < $2 RETURNING 1),
                u AS (DELETE FROM insight_user_days WHERE day < $3 RETURNING 1),
                l AS (DELETE FROM insight_latency WHERE day < $3 RETURNING 1),
                c AS (DELETE FROM insight_cited WHERE day < $3 RETURNING 1)
           SELECT ((SELECT count(*) FROM e) + (SELECT count(*) FROM f))::int AS n`,
          [at, hour, day],
        );
        return r.rows[0]?.n ?? 0;
      }),
  };
}
