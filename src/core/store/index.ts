import type { Logger } from '../logger.ts';
import { openSqliteStore } from './sqlite-store.ts';
import type { Store } from './types.ts';

export * from './insights-types.ts';
// Only the type: the PostgreSQL driver and migrator (~300 ms to load) are imported when a URL asks for them.
export type { PostgresStoreOptions } from './postgres-store.ts';
export { openSqliteStore, type SqliteStoreOptions } from './sqlite-store.ts';
export * from './types.ts';

/** Options of `openStore`. */
export interface OpenStoreOptions {
  /** The SQLite file, used when `databaseUrl` is unset. `COACH_DB_PATH` (through config), default `data/coach.db`. */
  dbPath: string;
  /**
   * PostgreSQL shared by several replicas (`postgres://user:password@host:5432/db`). `DATABASE_URL`
   * (through config); unset → SQLite at `dbPath`.
   */
  databaseUrl?: string;
  logger?: Logger;
}

/**
 * Opens Coach's store: PostgreSQL when `databaseUrl` is set (migrating its schema), else SQLite at
 * `dbPath`; both behind the same `Store` interface.
 * Rejects with `CoachError('store_unavailable')` naming the database (never the password) when it
 * cannot be used.
 */
export async function openStore(opts: OpenStoreOptions): Promise<Store> {
  if (opts.databaseUrl) {
    const { openPostgresStore } = await import('./postgres-store.ts');
    return openPostgresStore(opts.databaseUrl, { logger: opts.logger });
  }
  return openSqliteStore(opts.dbPath, { logger: opts.logger });
}
