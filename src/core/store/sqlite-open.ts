import { accessSync, constants, mkdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { CoachError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import { MIGRATIONS, type Migration, migrate, SchemaTooNewError } from './migrations.ts';

/** An open, migrated SQLite connection. */
export interface OpenedDatabase {
  db: Database.Database;
  /** The absolute path (or `:memory:`), as named in messages. */
  path: string;
  schemaVersion: number;
  /** Migration versions this open applied. */
  applied: number[];
}

/** Settings for `openDatabase`. */
export interface OpenDatabaseOptions {
  logger: Logger;
  /** How long a write waits for another process's lock before failing. */
  busyTimeoutMs: number;
  migrations?: readonly Migration[];
}

/**
 * Opens (creating it and its folder if needed) and migrates the database at `path`.
 * WAL lets readers run beside one writer, and `synchronous = NORMAL` is safe in WAL mode: a power cut
 * may lose the last commits but never corrupts the file, and commits skip an fsync each.
 * Any failure becomes `CoachError('store_unavailable')` naming the path, with a hint.
 */
export function openDatabase(path: string, opts: OpenDatabaseOptions): OpenedDatabase {
  const memory = path === ':memory:';
  const shown = memory ? path : resolve(path);
  let db: Database.Database | undefined;
  try {
    if (!memory) checkLocation(shown);
    db = new Database(shown);
    db.pragma(`busy_timeout = ${Math.max(0, Math.floor(opts.busyTimeoutMs))}`);
    // Switching a fresh file to WAL needs an exclusive lock, and SQLite answers SQLITE_BUSY at once
    // (without waiting on busy_timeout) when replicas starting together collide there: retry.
    const conn = db;
    const journal = whileBusy(() => conn.pragma('journal_mode = WAL', { simple: true }), opts.busyTimeoutMs);
    if (!memory && journal !== 'wal') {
      opts.logger.warn({ event: 'store_no_wal', path: shown, journal }, 'store: WAL not available');
    }
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    const { version, applied } = migrate(db, opts.logger, opts.migrations ?? MIGRATIONS);
    return { db, path: shown, schemaVersion: version, applied };
  } catch (err) {
    if (db?.open) db.close();
    throw openError(shown, err, opts.busyTimeoutMs);
  }
}

/**
 * Runs `fn`, retrying for up to `timeoutMs` while SQLite reports the file busy or locked, with short
 * pauses. Opening is synchronous, so the pause blocks: it only happens at startup.
 */
function whileBusy<T>(fn: () => T, timeoutMs: number): T {
  const deadline = Date.now() + timeoutMs;
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (let attempt = 0; ; attempt++) {
    try {
      return fn();
    } catch (err) {
      const code = (err as { code?: unknown }).code;
      const busy =
        typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
      if (!busy || Date.now() >= deadline) throw err;
      Atomics.wait(pause, 0, 0, Math.min(5 + attempt * 5, 50));
    }
  }
}

/** Fails early, with a clear reason, where SQLite would only say "unable to open database file". */
function checkLocation(path: string): void {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (stat?.isDirectory()) {
    throw unavailable(
      path,
      'it is a folder',
      `Set COACH_DB_PATH to a file path, such as ${join(path, 'coach.db')}.`,
    );
  }
  const folder = dirname(path);
  mkdirSync(folder, { recursive: true });
  // WAL mode creates `-wal` and `-shm` files beside the database, so the folder must be writable too.
  accessSync(folder, constants.W_OK);
  if (stat) accessSync(path, constants.R_OK | constants.W_OK);
}

const WRITE_HINT =
  'Check that its folder exists or can be created and that this process may write there, or set COACH_DB_PATH to another location.';

function openError(path: string, err: unknown, busyTimeoutMs: number): CoachError {
  if (err instanceof CoachError && err.code === 'store_unavailable') return err;
  if (err instanceof SchemaTooNewError) {
    return unavailable(
      path,
      err.message,
      'It was written by a newer Coach: run that version, or restore a backup.',
      err,
    );
  }
  const code = (err as { code?: unknown } | undefined)?.code;
  const reason = err instanceof Error ? err.message.replace(/\.$/, '') : String(err);
  const hint = typeof code === 'string' ? hintFor(code, busyTimeoutMs) : undefined;
  return unavailable(path, reason, hint ?? WRITE_HINT, err);
}

function hintFor(code: string, busyTimeoutMs: number): string | undefined {
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) {
    return 'The file is not a readable SQLite database (corrupt, or another kind of file): move it aside to start with an empty store, or restore a backup.';
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return `Another process kept it locked for more than ${busyTimeoutMs} ms: look for a stuck Coach process.`;
  }
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') return 'The disk is full: free some space.';
  if (code === 'ENOTDIR' || code === 'EEXIST') {
    return 'A part of its folder path is a file, not a folder: set COACH_DB_PATH to another location.';
  }
  return undefined;
}

function unavailable(path: string, reason: string, hint: string, cause?: unknown): CoachError {
  return new CoachError('store_unavailable', `Cannot open the database at ${path}: ${reason}. ${hint}`, {
    cause,
    details: { path },
  });
}
