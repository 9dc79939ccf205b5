import { type CoachServices, createServices } from '../app.ts';
import { loadConfig } from '../config.ts';
import { describeError } from '../core/errors.ts';
import { createLogger, type Logger } from '../core/logger.ts';
import { openStore } from '../core/store/index.ts';
import type { Store } from '../core/store/types.ts';

/** Output streams of a command, so tests and the terminal chat can capture them. */
export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

export const processIo: Io = {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
};

/** Stores opened by this CLI run, closed by `closeCliStores` when the command ends. */
const opened: Store[] = [];

/** The CLI's logger: stderr, warnings only unless LOG_LEVEL says more. */
export function cliLogger(level: string): Logger {
  return createLogger(level === 'info' ? 'warn' : level);
}

/** Opens the store named by the settings (closed when the command ends). */
export async function cliStore(logger: Logger): Promise<Store> {
  const config = loadConfig();
  const store = await openStore({ dbPath: config.dbPath, databaseUrl: config.databaseUrl, logger });
  opened.push(store);
  return store;
}

/**
 * Builds the services for a CLI command, with the team's passages from the store so that `ask`,
 * `review` and `search` answer as the bot would. When the store cannot be opened the command still
 * answers from the curated knowledge, with a warning on stderr.
 */
export async function cliServices(opts: { offline?: boolean } = {}): Promise<CoachServices> {
  const config = loadConfig();
  const logger = cliLogger(config.logLevel);
  const store = await cliStore(logger).catch((err: unknown) => {
    logger.warn(
      { event: 'team_knowledge_unavailable', ...describeError(err) },
      "the team's documents are not used",
    );
    return undefined;
  });
  return createServices(config, logger, { ...opts, ...(store ? { store } : {}) });
}

/** The services without a store: the curated knowledge only (`tip`). */
export function curatedServices(): CoachServices {
  const config = loadConfig();
  return createServices(config, cliLogger(config.logLevel));
}

/** Closes what the command opened. */
export async function closeCliStores(): Promise<void> {
  for (const s of opened.splice(0)) await s.close().catch(() => undefined);
}
