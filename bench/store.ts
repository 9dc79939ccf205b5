/**
 * Store micro-benchmark: the latency of `claim` (the one store call on every incoming message) on
 * PostgreSQL (a throwaway local server, see test/pg-server.ts) and on SQLite (a WAL file). Loopback
 * only; figures are printed, never asserted. Run alone with `npx tsx bench/store.ts`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openPostgresStore } from '../src/core/store/postgres-store.ts';
import { openSqliteStore } from '../src/core/store/sqlite-store.ts';
import type { Store } from '../src/core/store/types.ts';
import { startPostgres } from '../test/pg-server.ts';
import { ms, percentile } from './stats.ts';

const CLAIMS = 2_000;
const WARM_UP = 200;

const line = (label: string, value: string) => console.log(`  ${label.padEnd(44)} ${value}`);

/** Sequential claims of fresh keys: each sample is one round trip (PostgreSQL) or one write (SQLite). */
async function claimLatencies(store: Store): Promise<number[]> {
  const now = new Date();
  for (let i = 0; i < WARM_UP; i += 1) await store.claim(`warm:${i}`, now);
  const samples: number[] = [];
  for (let i = 0; i < CLAIMS; i += 1) {
    const t = performance.now();
    await store.claim(`bench:${i}`, now);
    samples.push(performance.now() - t);
  }
  return samples;
}

function report(name: string, samples: number[]): void {
  line(`${name} claim p50 (${samples.length} claims)`, ms(percentile(samples, 50)));
  line(`${name} claim p99`, ms(percentile(samples, 99)));
}

/** Prints claim latency p50/p99 on PostgreSQL and on SQLite, 2,000 claims each. */
export async function runStoreBench(): Promise<void> {
  console.log('Store (claim latency, sequential, loopback)');
  const server = await startPostgres();
  try {
    const pg = await openPostgresStore(server.url);
    try {
      report('PostgreSQL', await claimLatencies(pg));
      line('  (local server, fsync off; binaries from)', server.binaries);
    } finally {
      await pg.close();
    }
  } finally {
    await server.stop();
  }
  const dir = mkdtempSync(join(tmpdir(), 'coach-bench-store-'));
  try {
    const sqlite = openSqliteStore(join(dir, 'coach.db'));
    try {
      report('SQLite (WAL)', await claimLatencies(sqlite));
    } finally {
      await sqlite.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await runStoreBench();
