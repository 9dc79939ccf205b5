import type { Logger } from '../logger.ts';
import { openSqliteStore } from './sqlite-store.ts';
import type { Store } from './types.ts';

export { openSqliteStore, type SqliteStoreOptions } from './sqlite-store.ts';
export * from './types.ts';

/** Options of `openStore`. */
export interface OpenStoreOptions {
  /** The SQLite file. `COACH_DB_PATH` (through config), default `data/coach.db`. */
  dbPath: string;
  logger?: Logger;
}

/**
 * Opens Coach's store. For now always SQLite at `dbPath`; a later `DATABASE_URL` will select
 * PostgreSQL, behind the same `Store` interface.
 * Throws `CoachError('store_unavailable')` naming the path when the database cannot be used.
 */
export function openStore(opts: OpenStoreOptions): Store {
  return openSqliteStore(opts.dbPath, { logger: opts.logger });
}
