import type Database from 'better-sqlite3';
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
import { type InsightEvent, type InsightsStore, isFeedback } from './insights-types.ts';
import { millis } from './store-input.ts';

/** SQLite's spelling of the insights queries: times are epoch milliseconds. */
export const SQLITE_DIALECT: Dialect = { placeholder: () => '?', time: (d) => d.getTime() };

/**
 * Insights on the SQLite store's database. `record` writes a batch (the events, their roll-ups, the
 * votes) in one IMMEDIATE transaction; figures are read with the shared queries. `run` wraps driver
 * errors like the rest of the store.
 */
export function sqliteInsights(
  db: Database.Database,
  run: <T>(op: string, fn: () => T) => Promise<T>,
): InsightsStore {
  const upsert = (t: (typeof ROLLUP_TABLES)[keyof Rollups]) => db.prepare(rollupUpsert(t, 1, () => '?'));
  const s = {
    addSalt: db.prepare<[string]>('INSERT INTO insight_salt (id, salt) VALUES (1, ?) ON CONFLICT DO NOTHING'),
    salt: db.prepare<[], { salt: string }>('SELECT salt FROM insight_salt WHERE id = 1'),
    event: db.prepare(
      `INSERT INTO insight_events (at, kind, platform, workspace, chat_id, user_hash, command, lang, outcome,
         fallback, model, latency_ms, tokens_in, tokens_out, overall, scores, cited, question, question_key, ref)
       VALUES (@at, @kind, @platform, @workspace, @chatId, @userHash, @command, @lang, @outcome, @fallback,
         @model, @latencyMs, @tokensIn, @tokensOut, @overall, @scores, @cited, @question, @questionKey, @ref)`,
    ),
    feedback: db.prepare(
      `INSERT INTO insight_feedback (at, platform, workspace, chat_id, user_hash, about, ref, value)
       VALUES (@at, @platform, @workspace, @chatId, @userHash, @about, @ref, @value)
       ON CONFLICT (ref, user_hash) DO UPDATE SET value = excluded.value, at = excluded.at`,
    ),
    rollups: {
      hours: upsert(ROLLUP_TABLES.hours),
      userDays: upsert(ROLLUP_TABLES.userDays),
      latency: upsert(ROLLUP_TABLES.latency),
      cited: upsert(ROLLUP_TABLES.cited),
    },
    prune: [
      db.prepare<[number]>('DELETE FROM insight_events WHERE at < ?'),
      db.prepare<[number]>('DELETE FROM insight_feedback WHERE at < ?'),
    ],
    pruneHours: db.prepare<[number]>('DELETE FROM insight_hours WHERE hour < ?'),
    pruneDays: ['insight_user_days', 'insight_latency', 'insight_cited'].map((t) =>
      db.prepare<[number]>(`DELETE FROM ${t} WHERE day < ?`),
    ),
  };
  let salt: string | undefined;
  const saltOf = () => {
    if (salt) return salt;
    s.addSalt.run(newSalt());
    salt = s.salt.get()?.salt;
    if (!salt) throw new Error('insights: no salt');
    return salt;
  };
  const write = db.transaction((events: Parameters<InsightsStore['record']>[0]) => {
    const key = saltOf();
    const answers: InsightEvent[] = [];
    for (const e of events) {
      if (isFeedback(e)) s.feedback.run(feedbackColumns(e, key));
      else {
        s.event.run(eventColumns(e, key));
        answers.push(e);
      }
    }
    const rollups = rollupsOf(answers, key);
    for (const name of Object.keys(rollups) as (keyof Rollups)[]) {
      for (const row of rollups[name]) s.rollups[name].run(...rollupValues(row));
    }
  });
  const prune = db.transaction((before: number) => {
    // Roll-up buckets go once they lie wholly before the cut-off.
    s.pruneHours.run(Math.floor(before / HOUR_MS));
    for (const p of s.pruneDays) p.run(Math.floor(before / DAY_MS));
    return s.prune.reduce((sum, p) => sum + p.run(before).changes, 0);
  });
  const runner = (op: string) => (q: { sql: string; params: unknown[] }) =>
    run(op, () => db.prepare(q.sql).all(...q.params) as Record<string, unknown>[]);
  return {
    record: (events) => run('insights.record', () => write.immediate(events)),
    summary: (f) => summaryOf(runner('insights.summary'), SQLITE_DIALECT, f),
    dashboard: (f) => dashboardOf(runner('insights.dashboard'), SQLITE_DIALECT, f),
    pruneBefore: (before) => run('insights.pruneBefore', () => prune.immediate(millis(before, 'before'))),
  };
}
