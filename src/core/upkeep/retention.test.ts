import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { answerEvent } from '../../../test/support/insights-seed.ts';
import { silentLogger } from '../logger.ts';
import { openSqliteStore } from '../store/sqlite-store.ts';
import type { Store } from '../store/types.ts';
import { createRetentionJob } from './retention.ts';

const dirs: string[] = [];
const stores: Store[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function twoStores(): [Store, Store] {
  const dir = mkdtempSync(join(tmpdir(), 'coach-retention-'));
  dirs.push(dir);
  const a = openSqliteStore(join(dir, 'coach.db'));
  const b = openSqliteStore(join(dir, 'coach.db'));
  stores.push(a, b);
  return [a, b];
}

describe('retention', () => {
  it('deletes what is older than the retention period, once a day however many replicas run it', async () => {
    const [a, b] = twoStores();
    const old = new Date('2025-01-01T08:00:00Z');
    const recent = new Date('2025-08-01T08:00:00Z');
    for (const at of [old, recent]) {
      await a.appendTurn('thread', { role: 'user', text: at.toISOString(), at });
      await a.insights.record([answerEvent({ at })]);
    }
    const now = new Date('2025-08-02T08:00:00Z');
    const jobs = [a, b].map((store) =>
      createRetentionJob({ store, logger: silentLogger(), days: 180, timezone: 'UTC', now: () => now }),
    );
    const results = await Promise.all(jobs.map((j) => j.run()));
    expect(results.filter(Boolean)).toEqual([expect.objectContaining({ turns: 1, insights: 1 })]);
    expect((await a.insights.summary({ since: old })).questions).toBe(1);
    expect((await a.history('thread', 10)).map((t) => t.text)).toEqual([recent.toISOString()]);
    // The same day again: nothing to do.
    expect(await jobs[0]?.run()).toBeUndefined();
  });
});
