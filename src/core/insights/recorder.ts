/**
 * Records answers, reviews and votes for the insights without ever slowing or breaking a reply:
 * `record` only queues the event (microseconds) and returns; the queue is written in the background
 * in batches (everything queued within {@link BATCH_MS}, or while the previous write was under way,
 * goes in one transaction). A failed write is logged and dropped, never thrown.
 */
import { describeError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import type { InsightEvent, InsightFeedback, InsightsStore } from '../store/insights-types.ts';
import { questionKey } from './gaps.ts';

/** Queues insights events for the store. */
export interface InsightsRecorder {
  /** Queues one event; returns at once and never throws. */
  record(event: InsightEvent | InsightFeedback): void;
  /** Resolves once everything queued so far was written (or failed and was logged). */
  flush(): Promise<void>;
}

/**
 * Events are written together at most this long after the first of them: one transaction per batch
 * instead of one per answer, off the path of the acknowledgements and replies of a burst.
 */
export const BATCH_MS = 200;

/** Events kept waiting at most; past that (the database is down for long) new ones are dropped. */
export const MAX_QUEUED = 10_000;

/** Creates a recorder over `store` (a store's `insights`). */
export function createInsightsRecorder(deps: { store: InsightsStore; logger: Logger }): InsightsRecorder {
  const { store, logger } = deps;
  let queue: (InsightEvent | InsightFeedback)[] = [];
  let writing: Promise<void> | undefined;
  let scheduled = false;
  let dropped = 0;

  async function writeAll(): Promise<void> {
    while (queue.length > 0) {
      const batch = queue;
      queue = [];
      try {
        // The grouping key needs the tokenizer (jieba): worked out here, off the reply's path.
        const keyed = batch.map((e) =>
          'outcome' in e && e.outcome === 'unanswered' && e.question && !e.questionKey
            ? { ...e, questionKey: questionKey(e.question) }
            : e,
        );
        await store.record(keyed);
      } catch (err) {
        logger.warn(
          { event: 'insights_record_failed', events: batch.length, ...describeError(err) },
          'insights not recorded',
        );
      }
    }
  }

  function start(): Promise<void> {
    writing ??= writeAll().finally(() => {
      writing = undefined;
      if (queue.length > 0) schedule(); // queued after the last batch was taken
    });
    return writing;
  }

  function schedule(): void {
    if (scheduled) return;
    scheduled = true;
    setTimeout(() => {
      scheduled = false;
      void start();
    }, BATCH_MS);
  }

  return {
    record(event) {
      if (queue.length >= MAX_QUEUED) {
        dropped += 1;
        if (dropped === 1 || dropped % 1_000 === 0)
          logger.warn({ event: 'insights_dropped', dropped }, 'insights queue full: events dropped');
        return;
      }
      queue.push(event);
      if (!writing) schedule();
    },
    async flush() {
      while (writing || queue.length > 0) await start();
    },
  };
}
