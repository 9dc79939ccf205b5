import type pg from 'pg';
import type { Logger } from '../logger.ts';
import { checkLease, count, millis, payloadJson } from './store-input.ts';
import type { Store } from './types.ts';

type WorkStore = Pick<Store, 'claimWork' | 'completeWork' | 'renewWork' | 'expiredWork' | 'releaseOwner'>;

/**
 * The work-lease part of the PostgreSQL store (see `Store.claimWork`). Each method is one statement, so
 * PostgreSQL's row locks give one owner per key across replicas. `run` wraps driver errors like the rest
 * of the store. Done leases are pruned with the claims, by the store's `pruneClaims`.
 */
export function postgresWork(
  pool: pg.Pool,
  logger: Logger,
  run: <T>(op: string, fn: () => Promise<T>) => Promise<T>,
): WorkStore {
  const query = <R extends pg.QueryResultRow>(text: string, values: unknown[]) => pool.query<R>(text, values);

  return {
    // Inserts, or takes over a lease that ran out (the row lock serialises racing claimers); when the
    // caller did not become the owner, the row says whether the work is done or still someone's.
    claimWork: (key, payload, now, leaseMs, owner) =>
      run('claimWork', async () => {
        const at = millis(now, 'now');
        const r = await query<{ result: 'claimed' | 'done' | 'busy' }>(
          `WITH won AS (
             INSERT INTO work_leases (key, payload, owner, status, claimed_at, expires_at)
             VALUES ($1, $2::jsonb, $3, 'claimed', $4, $5)
             ON CONFLICT (key) DO UPDATE SET
               owner = excluded.owner, claimed_at = excluded.claimed_at, expires_at = excluded.expires_at
             WHERE work_leases.status = 'claimed' AND work_leases.expires_at <= excluded.claimed_at
             RETURNING 1
           )
           SELECT CASE
             WHEN EXISTS (SELECT 1 FROM won) THEN 'claimed'
             WHEN (SELECT status FROM work_leases WHERE key = $1) = 'done' THEN 'done'
             ELSE 'busy'
           END AS result`,
          [key, payloadJson(payload), owner, new Date(at), new Date(at + checkLease(leaseMs))],
        );
        return r.rows[0]?.result ?? 'busy';
      }),

    completeWork: (key, owner, now) =>
      run('completeWork', async () => {
        const r = await query<{ owner: string }>(
          `UPDATE work_leases SET status = 'done', done_at = $2 WHERE key = $1 AND status = 'claimed' RETURNING owner`,
          [key, new Date(millis(now, 'now'))],
        );
        const holder = r.rows[0]?.owner;
        if (holder === undefined) {
          logger.warn(
            { event: 'work_not_claimed', key, owner },
            'work completed but it was not claimed (missing, or already done)',
          );
        } else if (holder !== owner) {
          logger.warn(
            { event: 'work_lease_lost', key, owner, holder },
            'work completed after its lease was taken over',
          );
        }
      }),

    // Only the owner's open lease; a released one (`expires_at = claimed_at`) stays released.
    renewWork: (key, owner, now, leaseMs) =>
      run('renewWork', async () => {
        const r = await query(
          `UPDATE work_leases SET expires_at = $3
           WHERE key = $1 AND owner = $2 AND status = 'claimed' AND expires_at > claimed_at`,
          [key, owner, new Date(millis(now, 'now') + checkLease(leaseMs))],
        );
        return r.rowCount === 1;
      }),

    expiredWork: (now, limit) =>
      run('expiredWork', async () => {
        const r = await query<{ key: string; payload: unknown; owner: string }>(
          `SELECT key, payload, owner FROM work_leases WHERE status = 'claimed' AND expires_at <= $1
           ORDER BY expires_at, key COLLATE "C" LIMIT $2`,
          [new Date(millis(now, 'now')), count(limit)],
        );
        return r.rows.map((row) => ({ key: row.key, payload: row.payload, owner: row.owner }));
      }),

    // A zero-length lease: expired for any `now` from its claim on.
    releaseOwner: (owner) =>
      run('releaseOwner', async () => {
        const r = await query(
          `UPDATE work_leases SET expires_at = claimed_at
           WHERE owner = $1 AND status = 'claimed' AND expires_at > claimed_at`,
          [owner],
        );
        return r.rowCount ?? 0;
      }),
  };
}
