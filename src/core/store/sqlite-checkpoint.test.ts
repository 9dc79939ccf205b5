import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { memoryLogger } from '../../../test/support/memory-logger.ts';
import { ackInProgress } from '../async.ts';
import { openSqliteStore } from './sqlite-store.ts';

/** Writes `n` dedupe claims, letting the event loop turn every 50 (so the timer may run). */
async function write(store: ReturnType<typeof openSqliteStore>, from: number, n: number): Promise<void> {
  for (let i = from; i < from + n; i++) {
    await store.claim(`key-${i}-${'x'.repeat(200)}`, new Date());
    if (i % 50 === 0) await new Promise((r) => setTimeout(r, 5));
  }
}

// Real files: the WAL's size shows whether checkpoints ran (after a complete one, writes reuse the file).
describe('SQLite WAL checkpoints', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'coach-ckpt-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('turns the automatic checkpoint off and checkpoints on the timer, so the WAL stays small', async () => {
    const path = join(dir, 'coach.db');
    const store = openSqliteStore(path, { checkpoints: { everyMs: 10 } });
    try {
      const raw = new Database(path);
      // Per connection: the store's own is off; a fresh connection keeps SQLite's default.
      expect(raw.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
      raw.close();
      await write(store, 0, 3_000);
      await new Promise((r) => setTimeout(r, 50));
      // Without any checkpoint the same writes grow it past 1,000 pages (next test).
      expect(statSync(`${path}-wal`).size).toBeLessThan(4_096 * 1_000);
    } finally {
      await store.close();
    }
  });

  it('waits while an acknowledgement is in progress, at most maxDeferMs', async () => {
    const path = join(dir, 'coach.db');
    const log = memoryLogger('warn');
    // No checkpoint at all while acks are counted (and the deferral is long): the WAL grows past 1,000 pages.
    const store = openSqliteStore(path, {
      logger: log.logger,
      checkpoints: { everyMs: 10, maxDeferMs: 60_000 },
    });
    const done = ackInProgress();
    try {
      await write(store, 0, 3_000);
      const grown = statSync(`${path}-wal`).size;
      expect(grown).toBeGreaterThan(4_096 * 1_000);
      done();
      // Once the ack is sent a checkpoint runs; later writes then start the WAL again from its beginning.
      await new Promise((r) => setTimeout(r, 50));
      await write(store, 3_000, 3_000);
      expect(statSync(`${path}-wal`).size).toBeLessThan(grown * 1.5); // not twice its size
      expect(log.lines().filter((l) => l.event === 'store_checkpoint_failed')).toHaveLength(0);
    } finally {
      done();
      await store.close();
    }
  });

  it('ignores the timer once the store is closed', async () => {
    vi.useFakeTimers();
    try {
      const store = openSqliteStore(join(dir, 'coach.db'), { checkpoints: { everyMs: 10 } });
      await store.close();
      expect(() => vi.advanceTimersByTime(100)).not.toThrow();
    } finally {
      vi.useRealTimers();
    }
  });
});
