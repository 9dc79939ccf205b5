import type Database from 'better-sqlite3';
import { checkLocalDate, count, millis } from './store-input.ts';
import type { Store } from './types.ts';

type UpkeepStore = Pick<Store, 'addTokens' | 'tokensUsed' | 'pruneBefore'>;

/**
 * Token counts (the daily budget) and retention for the SQLite store. Each method is one statement or
 * one IMMEDIATE transaction. `run` wraps driver errors like the rest of the store.
 */
export function sqliteUpkeep(
  db: Database.Database,
  run: <T>(op: string, fn: () => T) => Promise<T>,
): UpkeepStore {
  const s = {
    addTokens: db.prepare<[string, string, number], { tokens: number }>(
      `INSERT INTO token_usage (workspace, day, tokens) VALUES (?, ?, ?)
       ON CONFLICT (workspace, day) DO UPDATE SET tokens = tokens + excluded.tokens
       RETURNING tokens`,
    ),
    tokensUsed: db.prepare<[string, string], { tokens: number }>(
      'SELECT tokens FROM token_usage WHERE workspace = ? AND day = ?',
    ),
    turns: db.prepare<[number]>('DELETE FROM turns WHERE at < ?'),
    reviews: db.prepare<[number]>('DELETE FROM reviews WHERE at < ?'),
    feedback: db.prepare<[number]>('DELETE FROM feedback WHERE at < ?'),
    tipSlots: db.prepare<[string]>("DELETE FROM tip_slots WHERE local_date < ? AND status <> 'claimed'"),
    tokenDays: db.prepare<[string]>('DELETE FROM token_usage WHERE day < ?'),
  };
  const prune = db.transaction((before: number, day: string) => ({
    turns: s.turns.run(before).changes,
    reviews: s.reviews.run(before).changes,
    feedback: s.feedback.run(before).changes,
    tipSlots: s.tipSlots.run(day).changes,
    tokenDays: s.tokenDays.run(day).changes,
  }));
  return {
    addTokens: (workspace, day, tokens) =>
      run('addTokens', () => s.addTokens.get(workspace, checkLocalDate(day), count(tokens))?.tokens ?? 0),
    tokensUsed: (workspace, day) =>
      run('tokensUsed', () => s.tokensUsed.get(workspace, checkLocalDate(day))?.tokens ?? 0),
    pruneBefore: (before, beforeDay) =>
      run('pruneBefore', () => prune.immediate(millis(before, 'before'), checkLocalDate(beforeDay))),
  };
}
