import { Writable } from 'node:stream';
import { createLogger, type Logger } from '../../src/core/logger.ts';

/**
 * The one test logger: a real pino logger (debug level unless told otherwise) whose JSON lines are
 * kept, for tests that assert what was logged (and what was not, e.g. secrets).
 */
export function memoryLogger(level = 'debug'): {
  logger: Logger;
  /** Every log line, parsed. */
  lines: () => Record<string, unknown>[];
  /** The `event` field of every line. */
  events: () => string[];
  /** Everything written, as text. */
  text: () => string;
} {
  const lines: Record<string, unknown>[] = [];
  let written = '';
  let partial = '';
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      const text = chunk.toString('utf8');
      written += text;
      const parts = (partial + text).split('\n');
      partial = parts.pop() ?? '';
      for (const line of parts) if (line) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return {
    logger: createLogger(level, sink),
    lines: () => lines,
    events: () => lines.map((l) => String(l.event)),
    text: () => written,
  };
}
