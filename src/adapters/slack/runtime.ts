import type { webApi } from '@slack/bolt';
import type { ChatEngine } from '../../core/chat/engine.ts';
import { describeError } from '../../core/errors.ts';
import type { Logger } from '../../core/logger.ts';
import type { ShareStore } from './ephemeral.ts';

/** What the Slack listeners share: the Web API client, the engine, the share store and background work. */
export interface SlackRuntime {
  client: webApi.WebClient;
  engine: ChatEngine;
  logger: Logger;
  shares: ShareStore;
  /** Coach's own user id (from `auth.test`), once known. */
  botUserId(): string | undefined;
  /** Least time between two placeholder updates while an answer streams. */
  updateIntervalMs: number;
  /** Runs work after the listener has returned (Slack is acked first); logs a failure, never throws. */
  background(name: string, fields: Record<string, unknown>, work: () => Promise<void>): void;
}

/** Tracks background work so that `stop()` can wait for it and `/healthz` can show it. */
export interface BackgroundWork {
  run: SlackRuntime['background'];
  readonly inFlight: number;
  /** Waits until no work is in flight, at most `timeoutMs`; true when everything finished. */
  drain(timeoutMs: number): Promise<boolean>;
}

/** Creates the background-work tracker. */
export function createBackgroundWork(logger: Logger): BackgroundWork {
  const tasks = new Set<Promise<void>>();
  // Work starts one piece per event-loop turn: the engine's work is mostly synchronous (retrieval,
  // SQLite), so starting a burst of 50 at once would hold every pending ack behind all of them.
  const queued: (() => void)[] = [];
  let draining = false;
  const startNext = () => {
    const start = queued.shift();
    if (!start) {
      draining = false;
      return;
    }
    start();
    setImmediate(startNext);
  };
  return {
    run(name, fields, work) {
      const task = new Promise<void>((resolve) => {
        queued.push(() => {
          const started = Date.now();
          work()
            .then(
              () =>
                logger.debug({ event: 'slack_work_done', work: name, ms: Date.now() - started, ...fields }),
              (err: unknown) =>
                logger.error(
                  { event: 'slack_work_failed', work: name, ...fields, ...describeError(err) },
                  'Slack work failed',
                ),
            )
            .finally(resolve);
        });
      });
      tasks.add(task);
      void task.finally(() => tasks.delete(task));
      if (!draining) {
        draining = true;
        setImmediate(startNext);
      }
    },
    get inFlight() {
      return tasks.size;
    },
    async drain(timeoutMs) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<false>((resolve) => {
        timer = setTimeout(() => resolve(false), timeoutMs);
        timer.unref();
      });
      const all = (async () => {
        while (tasks.size > 0) await Promise.allSettled([...tasks]);
        return true as const;
      })();
      const done = await Promise.race([all, timeout]);
      clearTimeout(timer);
      return done;
    },
  };
}
