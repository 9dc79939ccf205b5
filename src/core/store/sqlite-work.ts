import type Database from 'better-sqlite3';
import { CoachError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import { checkLease, count, millis, payloadJson } from './store-input.ts';
import type { Store } from './types.ts';

type WorkStore = Pick<Store, 'claimWork' | 'completeWork' | 'renewWork' | 'expiredWork' | 'releaseOwner'>;
type WorkRow = { key: string; payload: string; owner: string };

/**
 * The work-lease part of the SQLite store (see `Store.claimWork`). Each method is one statement or an
 * IMMEDIATE transaction, so processes sharing the file see one owner per key. `run` wraps driver
 * errors like the rest of the store.
 */
export function sqliteWork(
  db: Database.Database,
  logger: Logger,
  run: <T>(op: string, fn: () => T) => Promise<T>,
): WorkStore & { pruneDone: (before: number) => number } {
  const s = {
    // Inserts, or takes over a lease that ran out; returns a row only when the caller became the owner.
    claim: db.prepare<[Record<string, unknown>], { owner: string }>(
      `INSERT INTO work_leases (key, payload, owner, status, claimed_at, expires_at)
       VALUES (@key, @payload, @owner, 'claimed', @now, @expiresAt)
       ON CONFLICT (key) DO UPDATE SET
         owner = excluded.owner, claimed_at = excluded.claimed_at, expires_at = excluded.expires_at
       WHERE work_leases.status = 'claimed' AND work_leases.expires_at <= excluded.claimed_at
       RETURNING owner`,
    ),
    status: db.prepare<[string], { status: 'claimed' | 'done' }>(
      'SELECT status FROM work_leases WHERE key = ?',
    ),
    complete: db.prepare<[Record<string, unknown>], { owner: string }>(
      `UPDATE work_leases SET status = 'done', done_at = @now
       WHERE key = @key AND status = 'claimed' RETURNING owner`,
    ),
    // Only the owner's open lease; a released one (`expires_at = claimed_at`) stays released.
    renew: db.prepare<[Record<string, unknown>]>(
      `UPDATE work_leases SET expires_at = @expiresAt
       WHERE key = @key AND owner = @owner AND status = 'claimed' AND expires_at > claimed_at`,
    ),
    expired: db.prepare<[number, number], WorkRow>(
      `SELECT key, payload, owner FROM work_leases WHERE status = 'claimed' AND expires_at <= ?
       ORDER BY expires_at, key LIMIT ?`,
    ),
    // A zero-length lease: expired for any `now` from its claim on.
    release: db.prepare<[string]>(
      `UPDATE work_leases SET expires_at = claimed_at
       WHERE owner = ? AND status = 'claimed' AND expires_at > claimed_at`,
    ),
    pruneDone: db.prepare<[number]>("DELETE FROM work_leases WHERE status = 'done' AND done_at < ?"),
  };

  const claim = db.transaction((params: Record<string, unknown>, key: string) => {
    if (s.claim.get(params)) return 'claimed' as const;
    return s.status.get(key)?.status === 'done' ? ('done' as const) : ('busy' as const);
  });

  return {
    claimWork: (key, payload, now, leaseMs, owner) =>
      run('claimWork', () => {
        const at = millis(now, 'now');
        const params = {
          key,
          payload: payloadJson(payload),
          owner,
          now: at,
          expiresAt: at + checkLease(leaseMs),
        };
        return claim.immediate(params, key);
      }),

    completeWork: (key, owner, now) =>
      run('completeWork', () => {
        const row = s.complete.get({ key, now: millis(now, 'now') });
        if (!row) {
          logger.warn(
            { event: 'work_not_claimed', key, owner },
            'work completed but it was not claimed (missing, or already done)',
          );
        } else if (row.owner !== owner) {
          logger.warn(
            { event: 'work_lease_lost', key, owner, holder: row.owner },
            'work completed after its lease was taken over',
          );
        }
      }),

    renewWork: (key, owner, now, leaseMs) =>
      run('renewWork', () => {
        const expiresAt = millis(now, 'now') + checkLease(leaseMs);
        return s.renew.run({ key, owner, expiresAt }).changes === 1;
      }),

    expiredWork: (now, limit) =>
      run('expiredWork', () =>
        s.expired.all(millis(now, 'now'), count(limit)).map((r) => ({
          key: r.key,
          payload: parsePayload(r.payload, r.key),
          owner: r.owner,
        })),
      ),

    releaseOwner: (owner) => run('releaseOwner', () => s.release.run(owner).changes),

    pruneDone: (before) => s.pruneDone.run(before).changes,
  };
}

/** Payloads are written by `payloadJson`, so a failure here means the row was damaged outside Coach. */
function parsePayload(text: string, key: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new CoachError(
      'store_unavailable',
      `The stored work "${key}" has an unreadable payload (not JSON)`,
      {
        cause: err,
      },
    );
  }
}
