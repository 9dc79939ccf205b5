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
  return {
    run(name, fields, work) {
      const task = (async () => {
        // Let the event loop send pending acks and read new requests first: the engine's work is mostly
        // synchronous (retrieval, SQLite) and would otherwise delay the acks of a burst of events.
        await new Promise<void>((resolve) => setImmediate(resolve));
        const started = Date.now();
        try {
          await work();
          logger.debug({ event: 'slack_work_done', work: name, ms: Date.now() - started, ...fields });
        } catch (err) {
          logger.error(
            { event: 'slack_work_failed', work: name, ...fields, ...describeError(err) },
            'Slack work failed',
          );
        }
      })();
      tasks.add(task);
      void task.finally(() => tasks.delete(task));
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
