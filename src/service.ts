import { createAdminRoute } from './adapters/admin/route.ts';
import { createHttpServer } from './adapters/http/server.ts';
import type { PlatformAdapter } from './adapters/platform.ts';
import type { Config } from './config.ts';
import { within } from './core/async.ts';
import type { TakeoverSweeper } from './core/chat/takeover.ts';
import { describeError } from './core/errors.ts';
import type { InsightsRecorder } from './core/insights/recorder.ts';
import type { Logger } from './core/logger.ts';
import type { Store } from './core/store/types.ts';
import type { TipScheduler } from './core/tips/scheduler.ts';
import type { RetentionJob } from './core/upkeep/retention.ts';

/** How long closing the HTTP server may wait for open connections before cutting them. */
const HTTP_CLOSE_WAIT_MS = 2_000;

/**
 * Runs Coach as a service: the shared HTTP server (`/healthz` and the platforms' HTTP routes), the
 * platform connections, the tip scheduler and the takeover sweeper. Resolves after a clean stop on
 * SIGTERM/SIGINT:
 * 1. `/healthz` answers 503 (`stopping`) so a load balancer stops sending traffic; the sweeper and
 *    the scheduler stop;
 * 2. the adapters stop taking events (HTTP routes answer 503, sockets close) and work in flight gets
 *    `config.shutdownGraceMs` to finish;
 * 3. `store.releaseOwner(owner)` ends the leases of whatever did not finish, so another replica takes
 *    those messages over at once instead of after the lease;
 * 4. the HTTP server and the store close. The caller then exits with code 0.
 */
export async function runService(deps: {
  config: Config;
  logger: Logger;
  store: Store;
  adapters: PlatformAdapter[];
  scheduler: TipScheduler;
  sweeper: TakeoverSweeper;
  /** The daily retention job (`COACH_RETENTION_DAYS`). */
  retention: RetentionJob;
  /** The model's state for /healthz (its circuit breaker), when one is configured. */
  model?: () => Record<string, unknown>;
  /** The coaching threads for /healthz (threads, queued, completed, fallbacks), when there are any. */
  pool?: () => Record<string, unknown>;
  /** This replica's owner id on work leases (the engine's). */
  owner: string;
  /** The engine's insights recorder: flushed before the admin page reads and before the store closes. */
  insights?: InsightsRecorder;
  /** The team's knowledge: its sync schedule, and its summary in /healthz (a failing source shows there). */
  team?: { start(): void; stop(): Promise<void>; health(): Promise<object> };
}): Promise<void> {
  const { config, logger, store, adapters, scheduler, sweeper, retention, owner } = deps;
  // A stray rejection (e.g. a dropped database connection) is logged, never a crash of the replica.
  process.on('unhandledRejection', (err) => {
    logger.error({ event: 'unhandled_rejection', ...describeError(err) }, 'unhandled rejection');
  });
  let stopping = false;
  const flush = async () => deps.insights?.flush();
  const routes = Object.assign({}, ...adapters.map((a) => a.routes), {
    '/admin/*': createAdminRoute({
      insights: store.insights,
      token: config.adminToken,
      logger,
      timezone: config.timezone,
      beforeRead: flush,
    }),
  });
  const http = createHttpServer({
    routes,
    logger,
    health: async () => {
      const storeOk = await store.ping().catch(() => false);
      return {
        ok: storeOk && !stopping,
        ...(stopping ? { stopping } : {}),
        store: { kind: store.kind, ok: storeOk },
        platforms: Object.fromEntries(adapters.map((a) => [a.platform, a.health()])),
        ...(deps.model ? { model: deps.model() } : {}),
        ...(deps.pool ? { pool: deps.pool() } : {}),
        ...(deps.team
          ? { team: await deps.team.health().catch(() => ({ ok: false, error: 'store unavailable' })) }
          : {}),
      };
    },
  });
  const port = await http.listen(config.port);
  for (const a of adapters) await a.start();
  scheduler.start();
  sweeper.start();
  retention.start();
  deps.team?.start();
  logger.info(
    { event: 'service_started', port, owner, platforms: adapters.map((a) => a.platform) },
    'Coach is running',
  );

  await new Promise<void>((resolve) => {
    const shutdown = async (signal: string) => {
      stopping = true;
      logger.info({ event: 'shutdown', signal }, 'stopping');
      try {
        scheduler.stop();
        retention.stop();
        await sweeper.stop();
        await deps.team?.stop();
        const grace = config.shutdownGraceMs;
        const finished = await within(grace, Promise.all(adapters.map((a) => a.stop(grace))));
        if (!finished) logger.warn({ event: 'shutdown_timeout' }, 'work in flight did not finish in time');
        const released = await store.releaseOwner(owner);
        logger.info(
          { event: 'leases_released', owner, released },
          'unfinished work handed to other replicas',
        );
      } catch (err) {
        logger.error({ event: 'shutdown_failed', ...describeError(err) }, 'error while stopping');
      }
      if (!(await within(HTTP_CLOSE_WAIT_MS, http.close()))) http.server.closeAllConnections();
      await flush();
      await store.close().catch((err: unknown) => {
        logger.warn({ event: 'store_close_failed', ...describeError(err) }, 'store close failed');
      });
      logger.info({ event: 'stopped' }, 'stopped');
      resolve();
    };
    process.once('SIGTERM', () => void shutdown('SIGTERM'));
    process.once('SIGINT', () => void shutdown('SIGINT'));
  });
}
