/**
 * WAL checkpoints kept off the acknowledgement path. SQLite's automatic checkpoint runs inside whichever
 * commit crosses 1,000 pages of WAL, copying them into the database and syncing both files: measured at
 * 5–20 ms on this machine, and in the service that commit is usually a claim, made before an ack while a
 * burst waits. Here the automatic one is off and PASSIVE checkpoints run once a second instead, while no
 * platform delivery is being acknowledged (or, in a steady stream of them, at least every `maxDeferMs`),
 * each copying only the pages written since the last (once a second, not more: each one syncs the files).
 */
import type Database from 'better-sqlite3';
import { acksInProgress } from '../async.ts';
import { describeError } from '../errors.ts';
import type { Logger } from '../logger.ts';

export interface CheckpointOptions {
  /** How often to look (ms); default 1,000. */
  everyMs?: number;
  /** True when a checkpoint may run now; default: no acknowledgement in progress. */
  quiet?: () => boolean;
  /** A checkpoint runs anyway when the last one is this old (ms); default 10,000. */
  maxDeferMs?: number;
}

/** Turns the automatic checkpoint of `db` off and starts the timed ones; returns the stop function. */
export function startCheckpoints(
  db: Database.Database,
  logger: Logger,
  opts: CheckpointOptions = {},
): () => void {
  const quiet = opts.quiet ?? (() => acksInProgress() === 0);
  const maxDeferMs = opts.maxDeferMs ?? 10_000;
  db.pragma('wal_autocheckpoint = 0');
  let last = Date.now();
  let failures = 0;
  const timer = setInterval(() => {
    if (!db.open) {
      clearInterval(timer);
      return;
    }
    if (!quiet() && Date.now() - last < maxDeferMs) return;
    last = Date.now();
    try {
      // PASSIVE never waits: pages a reader still needs are left for the next round.
      db.pragma('wal_checkpoint(PASSIVE)');
      failures = 0;
    } catch (err) {
      failures += 1;
      if (failures === 1 || failures % 100 === 0) {
        logger.warn(
          { event: 'store_checkpoint_failed', failures, ...describeError(err) },
          'WAL checkpoint failed',
        );
      }
    }
  }, opts.everyMs ?? 1_000);
  timer.unref();
  return () => clearInterval(timer);
}
