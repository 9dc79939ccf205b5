import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runner } from 'node-pg-migrate';
import pg from 'pg';
import { CoachError } from '../errors.ts';
import type { Logger } from '../logger.ts';

/** Where the schema lives: `NNN_name.sql` files that node-pg-migrate applies in order. */
export const PG_MIGRATIONS_DIR = fileURLToPath(new URL('./pg-migrations', import.meta.url));
/** node-pg-migrate's bookkeeping table (its own layout: id, name, run_on). */
export const PG_MIGRATIONS_TABLE = 'schema_migrations';

/** Settings for `openPool`. */
export interface OpenPoolOptions {
  logger: Logger;
  /** Most connections this process opens; default 10. */
  poolSize?: number;
  /** How long a query waits for a connection (to connect, or a free one) before failing; default 5000 ms. */
  connectTimeoutMs?: number;
}

/** A migrated pool and what opening it did. */
export interface OpenedPool {
  pool: pg.Pool;
  /** The URL without its password, for messages and logs. */
  target: string;
  /** Migrations this process applied (empty when another process or an earlier start applied them). */
  applied: string[];
}

/**
 * Connects to PostgreSQL at `url` and brings the schema up to date. node-pg-migrate runs under its
 * advisory lock in `wait` mode (its default, `fail`, would make a second replica starting at the same
 * moment fail): replicas starting together migrate one after the other, and the later ones find
 * nothing to do. Every failure becomes `CoachError('store_unavailable')` naming the URL without password.
 */
export async function openPool(url: string, opts: OpenPoolOptions): Promise<OpenedPool> {
  const target = redactUrl(url);
  const { logger } = opts;
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.poolSize ?? 10,
    connectionTimeoutMillis: opts.connectTimeoutMs ?? 5_000,
    idleTimeoutMillis: 30_000,
    application_name: 'coach',
  });
  // An idle connection that breaks (server restart, network) is dropped by the pool and reported here;
  // without a listener it would crash the process. The next query opens a new connection.
  pool.on('error', (err) => {
    logger.warn(
      { event: 'store_connection_lost', kind: 'postgres', target, reason: reasonOf(err, url) },
      'store connection lost',
    );
  });
  try {
    const applied = await migrate(pool, logger);
    return { pool, target, applied };
  } catch (err) {
    await pool.end().catch(() => undefined); // the open already failed: report that, not this
    throw openError(target, url, err);
  }
}

async function migrate(pool: pg.Pool, logger: Logger): Promise<string[]> {
  const known = readdirSync(PG_MIGRATIONS_DIR)
    .filter((f) => f.endsWith('.sql'))
    .map((f) => f.slice(0, -'.sql'.length));
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    const ran = await runner({
      dbClient: client,
      dir: PG_MIGRATIONS_DIR,
      direction: 'up',
      migrationsTable: PG_MIGRATIONS_TABLE,
      singleTransaction: true,
      checkOrder: true,
      advisoryLockMode: 'wait',
      logger: {
        debug: (msg) => logger.debug({ event: 'store_migration_log' }, msg),
        info: (msg) => logger.debug({ event: 'store_migration_log' }, msg),
        warn: (msg) => logger.warn({ event: 'store_migration_log' }, msg),
        error: (msg) => logger.warn({ event: 'store_migration_log' }, msg),
      },
    });
    for (const m of ran) {
      logger.info(
        { event: 'store_migration_applied', kind: 'postgres', name: m.name },
        'store migration applied',
      );
    }
    const { rows } = await client.query<{ name: string }>(`SELECT name FROM ${PG_MIGRATIONS_TABLE}`);
    const unknown = rows.map((r) => r.name).filter((n) => !known.includes(n));
    if (unknown.length > 0) {
      throw new SchemaTooNewError(`it has migrations this Coach does not know (${unknown.join(', ')})`);
    }
    return ran.map((m) => m.name);
  } catch (err) {
    broken = err instanceof Error ? err : new Error(String(err));
    throw err;
  } finally {
    client.release(broken);
  }
}

class SchemaTooNewError extends Error {}

function openError(target: string, url: string, err: unknown): CoachError {
  if (err instanceof CoachError && err.code === 'store_unavailable') return err;
  const hint =
    err instanceof SchemaTooNewError
      ? 'It was migrated by a newer Coach: run that version, or point DATABASE_URL at another database.'
      : 'Check DATABASE_URL (host, port, database, user, password) and that the server is running and reachable.';
  return new CoachError(
    'store_unavailable',
    `Cannot open the PostgreSQL database at ${target}: ${reasonOf(err, url)}. ${hint}`,
    { cause: err, details: { target } },
  );
}

/** The URL with its password replaced by `***` (or a neutral name when it is not a URL). */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'the PostgreSQL database named by DATABASE_URL';
  }
}

/**
 * A one-line reason for a driver error, with the URL's password scrubbed in case a message quotes
 * it. Connection errors from `net` carry only a code: say what it means.
 */
export function reasonOf(err: unknown, url: string): string {
  const code = (err as { code?: unknown } | undefined)?.code;
  let reason = err instanceof Error ? err.message : String(err);
  if (!reason && code === 'ECONNREFUSED') reason = 'connection refused';
  if (err instanceof AggregateError && err.errors.length > 0) reason = reasonOf(err.errors[0], url);
  reason = reason.replace(/\.$/, '') || (typeof code === 'string' ? code : 'unknown error');
  const password = passwordOf(url);
  return password ? reason.split(password).join('***') : reason;
}

function passwordOf(url: string): string | undefined {
  try {
    const p = new URL(url).password;
    return p ? decodeURIComponent(p) : undefined;
  } catch {
    return undefined;
  }
}
