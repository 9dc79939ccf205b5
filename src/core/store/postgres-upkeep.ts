import type pg from 'pg';
import { checkLocalDate, count, millis } from './store-input.ts';
import type { Store } from './types.ts';

type UpkeepStore = Pick<Store, 'addTokens' | 'tokensUsed' | 'pruneBefore'>;

/**
 * Token counts (the daily budget) and retention for the PostgreSQL store. Counting is one atomic
 * upsert, so replicas adding at once never lose a count; retention runs in one transaction.
 */
export function postgresUpkeep(
  pool: pg.Pool,
  run: <T>(op: string, fn: () => Promise<T>) => Promise<T>,
): UpkeepStore {
  return {
    addTokens: (workspace, day, tokens) =>
      run('addTokens', async () => {
        const r = await pool.query<{ tokens: string }>(
          `INSERT INTO token_usage (workspace, day, tokens) VALUES ($1, $2, $3)
           ON CONFLICT (workspace, day) DO UPDATE SET tokens = token_usage.tokens + excluded.tokens
           RETURNING tokens`,
          [workspace, checkLocalDate(day), count(tokens)],
        );
        return Number(r.rows[0]?.tokens ?? 0);
      }),
    tokensUsed: (workspace, day) =>
      run('tokensUsed', async () => {
        const r = await pool.query<{ tokens: string }>(
          'SELECT tokens FROM token_usage WHERE workspace = $1 AND day = $2',
          [workspace, checkLocalDate(day)],
        );
        return Number(r.rows[0]?.tokens ?? 0);
      }),
    pruneBefore: (before, beforeDay) =>
      run('pruneBefore', async () => {
        const at = new Date(millis(before, 'before'));
        const day = checkLocalDate(beforeDay);
        const client = await pool.connect();
        try {
          await client.query('BEGIN');
          const del = async (sql: string, value: unknown) => (await client.query(sql, [value])).rowCount ?? 0;
          const result = {
            turns: await del('DELETE FROM turns WHERE at < $1', at),
            reviews: await del('DELETE FROM reviews WHERE at < $1', at),
            feedback: await del('DELETE FROM feedback WHERE at < $1', at),
            tipSlots: await del("DELETE FROM tip_slots WHERE local_date < $1 AND status <> 'claimed'", day),
            tokenDays: await del('DELETE FROM token_usage WHERE day < $1', day),
          };
          await client.query('COMMIT');
          return result;
        } catch (err) {
          await client.query('ROLLBACK').catch(() => undefined);
          throw err;
        } finally {
          client.release();
        }
      }),
  };
}
