/**
 * Retention (`COACH_RETENTION_DAYS`, default 180): once a day, one replica deletes conversation turns,
 * reviews, feedback, tip slots, token counts and insights events older than the retention period. The day's run is
 * claimed in the store first, so however many replicas run the job, it runs once.
 */
import { Cron } from 'croner';
import { describeError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import type { PruneResult, Store } from '../store/types.ts';
import { localTime } from '../tips/local-time.ts';

/** What one run deleted: the store's records and the insights events and votes. */
export type RetentionResult = PruneResult & { insights: number };

/** The retention job. */
export interface RetentionJob {
  /** Runs today's retention unless this or another replica already did; resolves with what it deleted. */
  run(at?: Date): Promise<RetentionResult | undefined>;
  /** Checks every hour (at minute 23) until `stop`. */
  start(): void;
  stop(): void;
}

/** Creates the job. */
export function createRetentionJob(deps: {
  store: Store;
  logger: Logger;
  /** Days records are kept. */
  days: number;
  /** Zone of the "day" a run belongs to and of tip dates (`COACH_TIMEZONE`). */
  timezone: string;
  now?: () => Date;
}): RetentionJob {
  const { store, logger, days, timezone } = deps;
  const now = deps.now ?? (() => new Date());
  let job: Cron | undefined;

  async function run(at = now()): Promise<RetentionResult | undefined> {
    const today = localTime(at, timezone).date;
    try {
      if (!(await store.claim(`retention:${today}`, at))) return undefined;
      const before = new Date(at.getTime() - days * 86_400_000);
      const result = {
        ...(await store.pruneBefore(before, localTime(before, timezone).date)),
        insights: await store.insights.pruneBefore(before),
      };
      logger.info(
        { event: 'retention_done', days, before: before.toISOString(), ...result },
        'old records deleted',
      );
      return result;
    } catch (err) {
      logger.warn({ event: 'retention_failed', ...describeError(err) }, 'retention did not run');
      return undefined;
    }
  }

  return {
    run,
    start() {
      job ??= new Cron('0 23 * * * *', { protect: true }, async () => {
        await run();
      });
    },
    stop() {
      job?.stop();
      job = undefined;
    },
  };
}
