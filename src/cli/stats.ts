import { loadConfig } from '../config.ts';
import {
  DEFAULT_SINCE,
  parseChat,
  parseSince,
  statsJson,
  statsTable,
  utcOffsetMinutes,
} from '../core/insights/stats.ts';
import { createLogger } from '../core/logger.ts';
import { openStore } from '../core/store/index.ts';
import type { Store } from '../core/store/types.ts';
import { parseFlags, UsageError } from './args.ts';
import type { Io } from './context.ts';

export const STATS_USAGE = 'usage: coach stats [--since 30d] [--chat <platform>:<id>] [--json]';

/** The store named by the settings (`COACH_DB_PATH` or `DATABASE_URL`) and the days' time zone. */
export async function configuredStore(): Promise<{ store: Store; timezone: string }> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
  const store = await openStore({ dbPath: config.dbPath, databaseUrl: config.databaseUrl, logger });
  return { store, timezone: config.timezone };
}

/**
 * `coach stats`: the headline insights figures since a time (default the last 30 days), for all chats
 * or one (`--chat slack:C0123`), as one JSON value (`--json`) or a readable table.
 */
export async function statsCommand(
  argv: string[],
  open: () => Promise<{ store: Store; timezone: string }>,
  io: Io,
  now = new Date(),
): Promise<number> {
  const { values, positionals } = parseFlags(argv, {
    since: { type: 'string' },
    chat: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const since = parseSince(typeof values.since === 'string' ? values.since : DEFAULT_SINCE, now);
  const chat = typeof values.chat === 'string' ? parseChat(values.chat) : undefined;
  const { store, timezone } = await open();
  try {
    const summary = await store.insights.summary({
      since,
      ...(chat ? { chat } : {}),
      utcOffsetMinutes: utcOffsetMinutes(timezone, now),
    });
    io.out(values.json ? `${JSON.stringify(statsJson(summary))}\n` : `${statsTable(summary)}\n`);
    return 0;
  } finally {
    await store.close();
  }
}
