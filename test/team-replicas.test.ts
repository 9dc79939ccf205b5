/**
 * The team's knowledge with several replicas, on SQLite (one file, two connections) and on a real
 * PostgreSQL: two replicas syncing at once read each document once; the schedule runs on one replica a
 * period; each replica's index follows the database; a chat's passages never reach another chat.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../src/core/knowledge/load.ts';
import { silentLogger } from '../src/core/logger.ts';
import { createRetriever } from '../src/core/retrieval/retriever.ts';
import { createTeamIndex } from '../src/core/retrieval/team-index.ts';
import { openPostgresStore } from '../src/core/store/postgres-store.ts';
import { openSqliteStore } from '../src/core/store/sqlite-store.ts';
import type { Store } from '../src/core/store/types.ts';
import { createFolderProvider } from '../src/core/team/folder-provider.ts';
import { createTeamSyncJob } from '../src/core/team/sync-job.ts';
import { type PgServer, startPostgres } from './pg-server.ts';
import { counting, TEST_LIMITS, teamOn } from './support/team-fixture.ts';

const kb = loadKnowledge('knowledge');
let root: string;
let pg: PgServer;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'coach-team-replicas-'));
  pg = await startPostgres();
}, 120_000);

afterAll(async () => {
  await pg?.stop();
  rmSync(root, { recursive: true, force: true });
});

function folder(name: string, files: Record<string, string>): string {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
  return dir;
}

function replica(store: Store, owner: string) {
  const provider = counting(createFolderProvider());
  const index = createTeamIndex({ refreshMs: 0 });
  index.connect(store.team);
  const team = teamOn(store, [provider], { owner, limits: { ...TEST_LIMITS, passages: 10_000 } });
  return { team, reads: provider.reads, index, retriever: createRetriever(kb, {}, { index }) };
}

const backends: [string, () => Promise<[Store, Store]>][] = [
  [
    'sqlite',
    async () => {
      const path = join(mkdtempSync(join(root, 'db-')), 'coach.db');
      return [openSqliteStore(path), openSqliteStore(path)];
    },
  ],
  [
    'postgres',
    async () => {
      const url = await pg.createDatabase();
      return [await openPostgresStore(url, { poolSize: 4 }), await openPostgresStore(url, { poolSize: 4 })];
    },
  ],
];

describe.each(backends)('team knowledge with two replicas on %s', (name, open) => {
  it('two replicas syncing at once read every document once', async () => {
    const [s1, s2] = await open();
    try {
      const files = Object.fromEntries(
        Array.from({ length: 12 }, (_, i) => [`doc${i}.md`, `# Doc ${i}\n\nFact number ${i}.`]),
      );
      const a = replica(s1, 'A');
      const b = replica(s2, 'B');
      await a.team.add(folder(`${name}-docs`, files));
      const [ra, rb] = await Promise.all([a.team.sync(), b.team.sync()]);
      expect([ra[0]?.status, rb[0]?.status].sort()).toEqual(['busy', 'ok']);
      expect([...a.reads, ...b.reads].sort()).toEqual(Object.keys(files).sort());
    } finally {
      await s1.close();
      await s2.close();
    }
  });

  it('runs the schedule on one replica a period', async () => {
    const [s1, s2] = await open();
    try {
      let now = new Date('2025-03-01T08:00:00Z');
      const a = replica(s1, 'A');
      const b = replica(s2, 'B');
      await a.team.add(folder(`${name}-sched`, { 'one.md': '# One\n\nOnly fact.' }));
      const job = (r: ReturnType<typeof replica>, store: Store, owner: string) =>
        createTeamSyncJob({
          team: r.team,
          store: store.team,
          everyMs: 3_600_000,
          owner,
          logger: silentLogger(),
          now: () => now,
        });
      const ja = job(a, s1, 'A');
      const jb = job(b, s2, 'B');
      expect((await Promise.all([ja.tick(), jb.tick()])).filter(Boolean)).toHaveLength(1);
      now = new Date(now.getTime() + 30 * 60_000);
      expect(await Promise.all([ja.tick(), jb.tick()])).toEqual([false, false]);
      now = new Date(now.getTime() + 31 * 60_000);
      expect((await Promise.all([jb.tick(), ja.tick()])).filter(Boolean)).toHaveLength(1);
      expect(a.reads.length + b.reads.length).toBe(1); // the second period found nothing changed
    } finally {
      await s1.close();
      await s2.close();
    }
  });

  it("serves the same passages on every replica, and never a chat's passage to another chat", async () => {
    const [s1, s2] = await open();
    try {
      const a = replica(s1, 'A');
      const b = replica(s2, 'B');
      await a.team.add(
        folder(`${name}-scoped`, {
          'memo.md': '# Vortex memo\n\nThe Vortex bundle ships with a 90-day pilot.',
        }),
        {
          chat: 'slack:CA',
        },
      );
      await a.team.sync();
      const q = 'How long is the Vortex bundle pilot?';
      await b.retriever.prepare(q, { chat: 'slack:CA' });
      expect(b.retriever.lookup(q, { chat: 'slack:CA' }).hits[0]?.entry.team?.docTitle).toBe('Vortex memo');
      for (const chat of ['slack:CB', '']) {
        expect(b.retriever.lookup(q, { chat }).hits.some((h) => h.entry.team)).toBe(false);
        expect(b.retriever.teamPassages(q, { chat })).toEqual([]);
      }
      expect(await b.team.sources({ visibleIn: 'slack:CB' })).toEqual([]);
    } finally {
      await s1.close();
      await s2.close();
    }
  });
});
