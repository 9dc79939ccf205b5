import { Writable } from 'node:stream';
import { createLogger, type Logger } from '../../src/core/logger.ts';

/** A logger at debug level whose JSON lines are kept, for tests that assert what was logged. */
export function memoryLogger(): {
  logger: Logger;
  /** Every log line, parsed. */
  lines: () => Record<string, unknown>[];
  /** The `event` field of every line. */
  events: () => string[];
} {
  const lines: Record<string, unknown>[] = [];
  let partial = '';
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      const parts = (partial + chunk.toString('utf8')).split('\n');
      partial = parts.pop() ?? '';
      for (const line of parts) if (line) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return {
    logger: createLogger('debug', sink),
    lines: () => lines,
    events: () => lines.map((l) => String(l.event)),
  };
}
