/**
 * The scheduled sync of every team source (`COACH_SYNC_EVERY`, default hourly), on one replica at a
 * time: each replica's timer fires, and only the one that takes the `team-sync` lease for the period
 * syncs; the lease is kept until the period ends, so the others skip it. (Each source also has its own
 * lease, so an on-demand sync never runs beside the scheduled one on the same source.) The first run
 * comes right after start, so a new `TEAM_KNOWLEDGE_DIR` is read at once.
 */
import { describeError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import type { TeamKnowledgeStore } from '../store/team-types.ts';
import type { TeamKnowledge } from './team-knowledge.ts';

/** The name of the schedule's lease. */
export const SCHEDULE_LEASE = 'team-sync';

/** See the module comment. */
export interface TeamSyncJob {
  start(): void;
  /** Stops the timer and abandons a sync in progress between two documents. */
  stop(): Promise<void>;
  /** One scheduled run now: true when this replica took the period and synced. */
  tick(): Promise<boolean>;
}

/** Dependencies of {@link createTeamSyncJob}. */
export interface TeamSyncJobDeps {
  team: TeamKnowledge;
  store: TeamKnowledgeStore;
  /** The period; 0 turns the schedule off (syncs run on demand only). */
  everyMs: number;
  owner: string;
  logger: Logger;
  now?: () => Date;
}

/** Creates the job (not started). */
export function createTeamSyncJob(deps: TeamSyncJobDeps): TeamSyncJob {
  const { team, store, everyMs, owner, logger } = deps;
  const now = deps.now ?? (() => new Date());
  let timer: NodeJS.Timeout | undefined;
  let first: NodeJS.Timeout | undefined;
  let running: Promise<boolean> | undefined;
  let abort = new AbortController();

  async function run(): Promise<boolean> {
    // A little shorter than the period, so that this replica's own next tick (which may fire a hair
    // early) finds it free.
    if (!(await store.claimLease(SCHEDULE_LEASE, owner, now(), Math.max(1, Math.floor(everyMs * 0.9))))) {
      logger.debug({ event: 'team_sync_skipped' }, 'another replica syncs this period');
      return false;
    }
    const reports = await team.sync({ signal: abort.signal });
    const failed = reports.filter((r) => r.status === 'error');
    logger.info(
      {
        event: 'team_sync_done',
        sources: reports.length,
        read: reports.reduce((n, r) => n + r.read, 0),
        removed: reports.reduce((n, r) => n + r.removed, 0),
        failed: failed.map((r) => r.sourceId),
      },
      failed.length > 0 ? `team sync done; ${failed.length} source(s) failed` : 'team sync done',
    );
    return true;
  }

  const tick = (): Promise<boolean> => {
    if (everyMs <= 0) return Promise.resolve(false);
    running ??= run()
      .catch((err: unknown) => {
        logger.error({ event: 'team_sync_error', ...describeError(err) }, 'team sync could not run');
        return false;
      })
      .finally(() => {
        running = undefined;
      });
    return running;
  };

  return {
    tick,
    start() {
      if (everyMs <= 0 || timer) return;
      abort = new AbortController();
      first = setTimeout(() => void tick(), 0);
      first.unref();
      timer = setInterval(() => void tick(), everyMs);
      timer.unref();
    },
    async stop() {
      clearTimeout(first);
      clearInterval(timer);
      timer = undefined;
      abort.abort();
      await running;
    },
  };
}
