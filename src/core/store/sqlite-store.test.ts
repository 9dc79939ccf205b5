import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeStoreContract } from '../../../test/contracts/store-contract.ts';
import { memoryLogger } from '../../../test/support/memory-logger.ts';
import { CoachError } from '../errors.ts';
import { openStore } from './index.ts';
import { MIGRATIONS } from './migrations.ts';
import { openSqliteStore } from './sqlite-store.ts';
import type { Store } from './types.ts';

const run = promisify(execFile);

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'coach-store-'));
}

describeStoreContract('sqlite file', async () => {
  const dir = tempDir();
  const path = join(dir, 'coach.db');
  return {
    store: openSqliteStore(path),
    reopen: async () => openSqliteStore(path),
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
});

describeStoreContract('sqlite :memory:', async () => ({
  store: openSqliteStore(':memory:'),
  cleanup: async () => {},
}));

/** Opening must fail with store_unavailable, and the message must name the path. */
function openFailure(path: string): CoachError {
  try {
    openSqliteStore(path).close();
  } catch (err) {
    expect(err).toBeInstanceOf(CoachError);
    return err as CoachError;
  }
  throw new Error(`opening ${path} succeeded`);
}

describe('sqlite store', () => {
  let dir: string;
  const stores: Store[] = [];

  beforeEach(() => {
    dir = tempDir();
  });

  afterEach(async () => {
    for (const s of stores.splice(0)) await s.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const open = (path: string, opts?: Parameters<typeof openSqliteStore>[1]) => {
    const s = openSqliteStore(path, opts);
    stores.push(s);
    return s;
  };

  it('creates missing parent folders, in WAL mode', async () => {
    const path = join(dir, 'a', 'b', 'coach.db');
    const store = open(path);
    expect(await store.claim('k', new Date())).toBe(true);
    const db = new Database(path, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('grants each of 200 keys exactly once to two stores racing on one file', async () => {
    const path = join(dir, 'coach.db');
    const [a, b] = [open(path), open(path)];
    const keys = Array.from({ length: 200 }, (_, i) => `slack:T1:C1:${i}`);
    const now = new Date();
    const results = await Promise.all(keys.flatMap((k) => [a.claim(k, now), b.claim(k, now)]));
    for (let i = 0; i < keys.length; i++) {
      expect(Number(results[2 * i]) + Number(results[2 * i + 1]), keys[i]).toBe(1);
    }
  });

  it('grants each key once across processes opening a fresh file at the same moment', async () => {
    const path = join(dir, 'shared.db');
    const module = fileURLToPath(new URL('./sqlite-store.ts', import.meta.url));
    const startAt = Date.now() + 1_500;
    const script = `
      import { openSqliteStore } from ${JSON.stringify(module)};
      await new Promise((r) => setTimeout(r, Math.max(0, ${startAt} - Date.now())));
      const store = openSqliteStore(${JSON.stringify(path)});
      const won = [];
      for (let i = 0; i < 200; i++) if (await store.claim('key-' + i, new Date())) won.push(i);
      await store.close();
      console.log(JSON.stringify(won));`;
    const outputs = await Promise.all(
      [1, 2, 3].map(() => run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script])),
    );
    const won = outputs.flatMap((o) => JSON.parse(o.stdout) as number[]);
    expect(won.sort((x, y) => x - y)).toEqual(Array.from({ length: 200 }, (_, i) => i));
    const db = new Database(path, { readonly: true });
    expect(db.prepare('SELECT count(*) AS n FROM schema_migrations').get()).toEqual({ n: MIGRATIONS.length });
    db.close();
  });

  it('records migrations once; reopening does not run them again', async () => {
    const path = join(dir, 'coach.db');
    const first = memoryLogger('info');
    await open(path, { logger: first.logger }).close();
    const applied = first
      .lines()
      .filter((l) => l.event === 'store_migration_applied')
      .map((l) => l.version);
    expect(applied).toEqual(MIGRATIONS.map((m) => m.version));

    const db = new Database(path, { readonly: true });
    const before = db
      .prepare('SELECT version, name, applied_at FROM schema_migrations ORDER BY version')
      .all();
    expect(before).toHaveLength(MIGRATIONS.length);

    const second = memoryLogger('info');
    const store = open(path, { logger: second.logger });
    expect(await store.ping()).toBe(true);
    expect(second.lines().filter((l) => l.event === 'store_migration_applied')).toEqual([]);
    expect(second.lines().find((l) => l.event === 'store_opened')).toMatchObject({ applied: [] });
    expect(
      db.prepare('SELECT version, name, applied_at FROM schema_migrations ORDER BY version').all(),
    ).toEqual(before);
    db.close();
  });

  it('refuses a database migrated by a newer Coach', () => {
    const path = join(dir, 'coach.db');
    openSqliteStore(path).close();
    const db = new Database(path);
    db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'future', 0)").run();
    db.close();
    const err = openFailure(path);
    expect(err.code).toBe('store_unavailable');
    expect(err.message).toContain(path);
    expect(err.message).toMatch(/newer/);
  });

  it('reports a corrupt file as store_unavailable naming the path', () => {
    const path = join(dir, 'coach.db');
    writeFileSync(path, Buffer.from(Array.from({ length: 8192 }, (_, i) => (i * 7919 + 13) % 256)));
    const err = openFailure(path);
    expect(err.code).toBe('store_unavailable');
    expect(err.message).toContain(`Cannot open the database at ${path}:`);
    expect(err.message).toMatch(/not a database/);
    expect(err.message).toMatch(/move it aside/);
  });

  it('reports a folder as store_unavailable naming the path', () => {
    const path = join(dir, 'data');
    mkdirSync(path);
    const err = openFailure(path);
    expect(err.code).toBe('store_unavailable');
    expect(err.message).toContain(`Cannot open the database at ${path}: it is a folder`);
    expect(err.message).toContain('COACH_DB_PATH');
  });

  it('reports a location under a file as store_unavailable naming the path', () => {
    writeFileSync(join(dir, 'file'), 'x');
    const path = join(dir, 'file', 'coach.db');
    const err = openFailure(path);
    expect(err.code).toBe('store_unavailable');
    expect(err.message).toContain(`Cannot open the database at ${path}:`);
  });

  it('opens through openStore', async () => {
    const store = await openStore({ dbPath: join(dir, 'via-index.db') });
    stores.push(store);
    expect(store.kind).toBe('sqlite');
    expect(await store.claim('k', new Date())).toBe(true);
  });

  it('logs finishing a slot that was not claimed', async () => {
    const { logger, lines: logLines } = memoryLogger('info');
    const lines = logLines();
    const store = open(':memory:', { logger });
    await store.finishTipSlot(
      { platform: 'terminal', workspace: 'local', chatId: 'me' },
      '2025-01-01',
      'posted',
    );
    expect(lines.find((l) => l.event === 'tip_slot_not_claimed')).toMatchObject({
      level: 40,
      outcome: 'posted',
    });
  });
});
