import { type Logger, pino } from 'pino';

export type { Logger };

/**
 * Creates the process logger: JSON lines on stderr (stdout belongs to CLI output and the
 * terminal chat). `level` comes from `LOG_LEVEL` through config (default `info`).
 */
export function createLogger(level = 'info', destination: NodeJS.WritableStream = process.stderr): Logger {
  return pino({ level, base: { app: 'coach' } }, destination as pino.DestinationStream);
}

/** A logger that drops everything: for tests and for CLI runs that must print nothing else. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
