import { createHttpServer } from './adapters/http/server.ts';
import type { PlatformAdapter } from './adapters/platform.ts';
import type { Config } from './config.ts';
import { describeError } from './core/errors.ts';
import type { Logger } from './core/logger.ts';
import type { Store } from './core/store/types.ts';
import type { TipScheduler } from './core/tips/scheduler.ts';

/** How long SIGTERM waits for work in flight before exiting anyway. */
const SHUTDOWN_GRACE_MS = 10_000;

/**
 * Runs Coach as a service: the shared HTTP server (`/healthz` and the platforms' HTTP routes), the
 * platform connections and the tip scheduler; stops cleanly on SIGTERM/SIGINT (stop taking events,
 * let work in flight finish within a bound, close the store, exit 0).
 */
export async function runService(deps: {
  config: Config;
  logger: Logger;
  store: Store;
  adapters: PlatformAdapter[];
  scheduler: TipScheduler;
}): Promise<void> {
  const { config, logger, store, adapters, scheduler } = deps;
  const routes = Object.assign({}, ...adapters.map((a) => a.routes));
  const http = createHttpServer({
    routes,
    logger,
    health: async () => {
      const storeOk = await store.ping().catch(() => false);
      return {
        ok: storeOk,
        store: { kind: store.kind, ok: storeOk },
        platforms: Object.fromEntries(adapters.map((a) => [a.platform, a.health()])),
      };
    },
  });
  const port = await http.listen(config.port);
  for (const a of adapters) await a.start();
  scheduler.start();
  logger.info({ event: 'service_started', port, platforms: adapters.map((a) => a.platform) }, 'Coach is running');

  await new Promise<void>((resolve) => {
    const shutdown = async (signal: string) => {
      logger.info({ event: 'shutdown', signal }, 'stopping');
      const timer = setTimeout(() => {
        logger.warn({ event: 'shutdown_timeout' }, 'work in flight did not finish in time');
        resolve();
      }, SHUTDOWN_GRACE_MS);
      timer.unref();
      try {
        scheduler.stop();
        await Promise.all(adapters.map((a) => a.stop()));
        await http.close();
        await store.close();
      } catch (err) {
        logger.error({ event: 'shutdown_failed', ...describeError(err) }, 'error while stopping');
      }
      clearTimeout(timer);
      resolve();
    };
    process.once('SIGTERM', () => void shutdown('SIGTERM'));
    process.once('SIGINT', () => void shutdown('SIGINT'));
  });
}
