/**
 * Work the adapters run after acknowledging an event: counted (for `/healthz` and shutdown), started
 * one piece per event-loop turn, refused while stopping, and drained on stop within a grace period.
 */
import { createTurnQueue, within } from '../../core/async.ts';
import { describeError } from '../../core/errors.ts';
import type { Logger } from '../../core/logger.ts';

/** The background work of one adapter. */
export interface BackgroundWork {
  /** Runs `work` soon (after the current event-loop turn); logs its failure, never throws. */
  run(name: string, fields: Record<string, unknown>, work: () => Promise<void>): void;
  /** Pieces queued or running. */
  readonly inFlight: number;
  /** Pieces started since creation. */
  readonly started: number;
  /** Refuses new work (logged) from now on, and aborts {@link signal}. */
  close(): void;
  /** Aborted by `close`: long waits (a reply's retries) end early and leave their work to another replica. */
  readonly signal: AbortSignal;
  /** Waits until nothing is queued or running, at most `timeoutMs`; true when everything finished. */
  drain(timeoutMs: number): Promise<boolean>;
}

/** Creates the background work of an adapter; `logger` carries the platform. */
export function createBackgroundWork(logger: Logger): BackgroundWork {
  const tasks = new Set<Promise<void>>();
  // One piece per turn: the engine's work starts with synchronous steps (retrieval, SQLite), so
  // starting a burst of 50 at once would hold every pending acknowledgement behind all of them.
  const startInTurn = createTurnQueue();
  let open = true;
  let started = 0;
  const stopping = new AbortController();
  return {
    run(name, fields, work) {
      if (!open) {
        logger.warn({ event: 'work_refused', work: name, ...fields }, 'stopping: work refused');
        return;
      }
      const task = new Promise<void>((resolve) => {
        startInTurn(() => {
          started += 1;
          const at = Date.now();
          work()
            .then(
              () => logger.debug({ event: 'work_done', work: name, ms: Date.now() - at, ...fields }),
              (err: unknown) =>
                logger.error(
                  { event: 'work_failed', work: name, ...fields, ...describeError(err) },
                  'work failed',
                ),
            )
            .finally(resolve);
        });
      });
      tasks.add(task);
      void task.finally(() => tasks.delete(task));
    },
    get inFlight() {
      return tasks.size;
    },
    get started() {
      return started;
    },
    close() {
      open = false;
      stopping.abort();
    },
    signal: stopping.signal,
    drain(timeoutMs) {
      return within(
        timeoutMs,
        (async () => {
          while (tasks.size > 0) await Promise.allSettled([...tasks]);
        })(),
      );
    },
  };
}
