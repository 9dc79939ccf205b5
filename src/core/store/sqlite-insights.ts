import type Database from 'better-sqlite3';
import { eventColumns, feedbackColumns, newSalt } from './insights-record.ts';
import { type Dialect, dashboardOf, summaryOf } from './insights-sql.ts';
import { type InsightsStore, isFeedback } from './insights-types.ts';
import { millis } from './store-input.ts';

/** SQLite's spelling of the insights queries: times are epoch milliseconds. */
export const SQLITE_DIALECT: Dialect = {
  placeholder: () => '?',
  time: (d) => d.getTime(),
  day: (col, offset) => `date((${col} + ${offset * 60_000}) / 1000, 'unixepoch')`,
  week: (col, offset) => `date((${col} + ${offset * 60_000}) / 1000, 'unixepoch', '-6 days', 'weekday 1')`,
  dim: (key) => `json_extract(scores, '$.${key}')`,
  list: (col) => `group_concat(${col})`,
};

/**
 * Insights on the SQLite store's database. `record` writes a batch in one IMMEDIATE transaction;
 * figures are read with the shared queries. `run` wraps driver errors like the rest of the store.
 */
export function sqliteInsights(
  db: Database.Database,
  run: <T>(op: string, fn: () => T) => Promise<T>,
): InsightsStore {
  const s = {
    addSalt: db.prepare<[string]>('INSERT INTO insight_salt (id, salt) VALUES (1, ?) ON CONFLICT DO NOTHING'),
    salt: db.prepare<[], { salt: string }>('SELECT salt FROM insight_salt WHERE id = 1'),
    event: db.prepare(
      `INSERT INTO insight_events (at, kind, platform, workspace, chat_id, user_hash, command, lang, outcome,
         fallback, model, latency_ms, tokens_in, tokens_out, overall, scores, question, question_key, ref)
       VALUES (@at, @kind, @platform, @workspace, @chatId, @userHash, @command, @lang, @outcome,
         @fallback, @model, @latencyMs, @tokensIn, @tokensOut, @overall, @scores, @question, @questionKey, @ref)`,
    ),
    citation: db.prepare<[number | bigint, string]>(
      'INSERT INTO insight_citations (event_id, entry_id) VALUES (?, ?)',
    ),
    feedback: db.prepare(
      `INSERT INTO insight_feedback (at, platform, workspace, chat_id, user_hash, about, ref, value)
       VALUES (@at, @platform, @workspace, @chatId, @userHash, @about, @ref, @value)
       ON CONFLICT (ref, user_hash) DO UPDATE SET value = excluded.value, at = excluded.at`,
    ),
    pruneEvents: db.prepare<[number]>('DELETE FROM insight_events WHERE at < ?'),
    pruneFeedback: db.prepare<[number]>('DELETE FROM insight_feedback WHERE at < ?'),
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
    for (const e of events) {
      if (isFeedback(e)) {
        s.feedback.run(feedbackColumns(e, key));
        continue;
      }
      const { cited, ...row } = eventColumns(e, key);
      const id = s.event.run(row).lastInsertRowid;
      for (const entry of cited) s.citation.run(id, entry);
    }
  });
  const prune = db.transaction(
    (before: number) => s.pruneEvents.run(before).changes + s.pruneFeedback.run(before).changes,
  );
  const runner = (op: string) => (q: { sql: string; params: unknown[] }) =>
    run(op, () => db.prepare(q.sql).all(...q.params) as Record<string, unknown>[]);
  return {
    record: (events) => run('insights.record', () => write.immediate(events)),
    summary: (f) => summaryOf(runner('insights.summary'), SQLITE_DIALECT, f),
    dashboard: (f) => dashboardOf(runner('insights.dashboard'), SQLITE_DIALECT, f),
    pruneBefore: (before) => run('insights.pruneBefore', () => prune.immediate(millis(before, 'before'))),
  };
}
