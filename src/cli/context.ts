import { type CoachServices, createServices } from '../app.ts';
import { loadConfig } from '../config.ts';
import { createLogger } from '../core/logger.ts';

/** Output streams of a command, so tests and the terminal chat can capture them. */
export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

export const processIo: Io = {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
};

/** Builds the services for a CLI command (logs on stderr; warnings only unless LOG_LEVEL says more). */
export function cliServices(opts: { offline?: boolean } = {}): CoachServices {
  const config = loadConfig();
  const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
  return createServices(config, logger, opts);
}
