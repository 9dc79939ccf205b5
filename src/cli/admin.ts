import { createAdminRoute } from '../adapters/admin/route.ts';
import { createHttpServer } from '../adapters/http/server.ts';
import { loadConfig } from '../config.ts';
import { CoachError } from '../core/errors.ts';
import { createLogger } from '../core/logger.ts';
import { openStore } from '../core/store/index.ts';
import { parseFlags, UsageError } from './args.ts';
import type { Io } from './context.ts';

export const ADMIN_USAGE = 'usage: coach admin [--port 3000] [--host 127.0.0.1]';

/**
 * `coach admin`: serves the insights page alone (`/admin` and `/healthz`), next to a terminal setup or
 * on a machine that only reads the database. Runs until SIGINT/SIGTERM. Needs `COACH_ADMIN_TOKEN`.
 */
export async function adminCommand(argv: string[], io: Io, stop?: Promise<void>): Promise<number> {
  const { values, positionals } = parseFlags(argv, { port: { type: 'string' }, host: { type: 'string' } });
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const config = loadConfig();
  if (!config.adminToken)
    throw new CoachError(
      'config_invalid',
      'Set COACH_ADMIN_TOKEN (at least 16 characters) to serve the admin page.',
    );
  const port = typeof values.port === 'string' ? Number(values.port) : config.port;
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new UsageError('--port must be 0–65535');
  const logger = createLogger(config.logLevel);
  const store = await openStore({ dbPath: config.dbPath, databaseUrl: config.databaseUrl, logger });
  const http = createHttpServer({
    routes: {
      '/admin/*': createAdminRoute({
        insights: store.insights,
        token: config.adminToken,
        logger,
        timezone: config.timezone,
      }),
    },
    health: async () => {
      const ok = await store.ping();
      return { ok, store: { kind: store.kind, ok } };
    },
    logger,
  });
  const host = typeof values.host === 'string' ? values.host : undefined;
  const bound = await http.listen(port, host);
  io.out(`Coach admin page: http://${host ?? 'localhost'}:${bound}/admin\n`);
  await (stop ??
    new Promise<void>((resolve) => {
      process.once('SIGINT', () => resolve());
      process.once('SIGTERM', () => resolve());
    }));
  await http.close();
  await store.close();
  return 0;
}
