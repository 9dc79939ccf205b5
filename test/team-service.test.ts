/**
 * The team's knowledge in a running service (a real process on PostgreSQL, Feishu over HTTP to a fake):
 * `TEAM_KNOWLEDGE_DIR` is registered and synced at start; when a sync breaks, `/healthz` says which
 * source and why, and the log names it; the process keeps serving.
 */
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeFeishu, startFakeFeishu } from './fakes/fake-feishu.ts';
import { type PgServer, startPostgres } from './pg-server.ts';
import { type Replica, startReplica, waitFor } from './replicas-support.ts';

let server: PgServer;
let fake: FakeFeishu;
let replica: Replica | undefined;
let dir: string;

beforeAll(async () => {
  [server, fake] = await Promise.all([startPostgres(), startFakeFeishu()]);
  dir = mkdtempSync(join(tmpdir(), 'coach-team-service-'));
}, 120_000);

afterAll(async () => {
  await replica?.dispose();
  await Promise.all([server?.stop(), fake?.close()]);
  rmSync(dir, { recursive: true, force: true });
});

interface Health {
  ok: boolean;
  team: { ok: boolean; sources: number; passages: number; failing: { id: string; error: string }[] };
}

async function health(r: Replica): Promise<Health> {
  return (await (await fetch(`${r.url}/healthz`)).json()) as Health;
}

describe('team knowledge in the service', () => {
  it('syncs TEAM_KNOWLEDGE_DIR at start, then reports a broken sync in /healthz and the log', async () => {
    const docs = join(dir, 'team-docs');
    mkdirSync(docs);
    writeFileSync(join(docs, 'pitch.md'), '# Pitch\n\nWe plan freight for mid-size carriers.\n');
    replica = await startReplica({
      name: 'team',
      databaseUrl: await server.createDatabase(),
      feishuUrl: fake.url,
      env: { TEAM_KNOWLEDGE_DIR: docs, COACH_SYNC_EVERY: '1s' },
    });
    const r = replica;
    await waitFor('the first sync', () => r.logged('team_synced').length > 0);
    const ok = await health(r);
    expect(ok.team).toMatchObject({ ok: true, sources: 1, passages: 1, failing: [] });

    renameSync(docs, join(dir, 'gone'));
    const failed = await waitFor('a failed sync', () => r.logged('team_sync_failed')[0]);
    const bad = await health(r);
    expect(bad.ok).toBe(true); // the replica still serves; the team part says what broke
    expect(bad.team.ok).toBe(false);
    expect(bad.team.failing).toEqual([
      { id: failed.source, title: 'team-docs', error: expect.stringContaining('does not exist') },
    ]);
    expect(bad.team.passages).toBe(1); // kept, not emptied
    expect(failed.level).toBe(50);
  });
});
