/**
 * Shared fixtures of the tip scheduler's tests (src/core/tips/scheduler*.test.ts): a temp SQLite store
 * per test, a fake clock, a poster that records, and subscription and scheduler builders.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach } from 'vitest';
import { loadKnowledge } from '../../src/core/knowledge/load.ts';
import { silentLogger } from '../../src/core/logger.ts';
import type { RichReply } from '../../src/core/reply/types.ts';
import { openSqliteStore } from '../../src/core/store/sqlite-store.ts';
import type { ChatRef, Store, TipSubscription } from '../../src/core/store/types.ts';
import { createTipScheduler, type PostFn, type TipSchedulerDeps } from '../../src/core/tips/scheduler.ts';

/** The knowledge the tips come from. */
export const kb = loadKnowledge(fileURLToPath(new URL('../../knowledge', import.meta.url)));
/** One minute and one day, in ms. */
export const MINUTE = 60_000;
export const DAY = 24 * 60 * MINUTE;

/** A tip a poster posted, and which poster did. */
export interface Post {
  chat: ChatRef;
  reply: RichReply;
  by: string;
}

let dir: string;
let dbPath: string;
let stores: Store[];

/** The schedulers' clock in these tests (used by `tick()` without a time): set `clock.current` to move it. */
export const clock = { current: new Date('2025-06-10T00:00:00Z') };

/** Registers the per-test set-up: a fresh temp folder for the SQLite file, and the clock. */
export function setupSchedulerFixture(): void {
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'coach-tips-'));
    dbPath = join(dir, 'coach.db');
    stores = [];
    clock.current = new Date('2025-06-10T00:00:00Z');
  });

  afterEach(async () => {
    for (const s of stores) await s.close();
    rmSync(dir, { recursive: true, force: true });
  });
}

/** Opens (another connection to) the test's store; it is closed after the test. */
export function openStore(): Store {
  const store = openSqliteStore(dbPath);
  stores.push(store);
  return store;
}

/** A poster that records what it posted. */
export function recorder(posts: Post[], by = 'slack'): PostFn {
  return async (chat, reply) => {
    posts.push({
      chat: { platform: chat.platform, workspace: chat.workspace, chatId: chat.chatId },
      reply,
      by,
    });
  };
}

/** A scheduler on `store` with the test clock, no sleeping between retries, and no posters unless given. */
export function scheduler(store: Store, over: Partial<TipSchedulerDeps> = {}) {
  return createTipScheduler({
    store,
    kb,
    logger: silentLogger(),
    posters: {},
    now: () => clock.current,
    sleep: async () => {},
    ...over,
  });
}

/** Subscribes a chat (default: slack T1/C1 at 09:00 Asia/Shanghai, in English). */
export async function subscribe(
  store: Store,
  over: Partial<Omit<TipSubscription, 'updatedAt'>> = {},
): Promise<TipSubscription> {
  return store.upsertSubscription(
    {
      platform: 'slack',
      workspace: 'T1',
      chatId: 'C1',
      time: '09:00',
      timezone: 'Asia/Shanghai',
      enabled: true,
      lang: 'en',
      ...over,
    },
    new Date('2025-01-01T00:00:00Z'),
  );
}

/** A `Date` from an ISO string. */
export const at = (iso: string) => new Date(iso);
