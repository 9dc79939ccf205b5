import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memoryLogger } from '../../../test/support/memory-logger.ts';
import { loadKnowledge } from '../knowledge/load.ts';
import { silentLogger } from '../logger.ts';
import type { RichReply } from '../reply/types.ts';
import { openSqliteStore } from '../store/sqlite-store.ts';
import type { ChatRef, Store, TipSubscription } from '../store/types.ts';
import { createTipScheduler, type PostFn, type TipSchedulerDeps } from './scheduler.ts';

const kb = loadKnowledge(fileURLToPath(new URL('../../../knowledge', import.meta.url)));
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

interface Post {
  chat: ChatRef;
  reply: RichReply;
  by: string;
}

let dir: string;
let dbPath: string;
let stores: Store[];
let current: Date;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'coach-tips-'));
  dbPath = join(dir, 'coach.db');
  stores = [];
  current = new Date('2025-06-10T00:00:00Z');
});

afterEach(async () => {
  for (const s of stores) await s.close();
  rmSync(dir, { recursive: true, force: true });
});

function openStore(): Store {
  const store = openSqliteStore(dbPath);
  stores.push(store);
  return store;
}

/** A poster that records what it posted. */
function recorder(posts: Post[], by = 'slack'): PostFn {
  return async (chat, reply) => {
    posts.push({
      chat: { platform: chat.platform, workspace: chat.workspace, chatId: chat.chatId },
      reply,
      by,
    });
  };
}

function scheduler(store: Store, over: Partial<TipSchedulerDeps> = {}) {
  return createTipScheduler({
    store,
    kb,
    logger: silentLogger(),
    posters: {},
    now: () => current,
    sleep: async () => {},
    ...over,
  });
}

async function subscribe(
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

const at = (iso: string) => new Date(iso);

describe('rotation', () => {
  it('posts every entry once before any repeats, then starts the rotation over', async () => {
    const store = openStore();
    await subscribe(store);
    const posts: Post[] = [];
    const s = scheduler(store, { posters: { slack: recorder(posts) } });
    const start = Date.UTC(2025, 0, 1, 1, 0); // 09:00 in Shanghai
    for (let day = 0; day < 100; day += 1) {
      const nine = new Date(start + day * DAY);
      expect((await s.tick(nine)).posted).toEqual(['C1']);
      // Later ticks of the same day post nothing more.
      expect((await s.tick(new Date(nine.getTime() + MINUTE))).posted).toEqual([]);
      expect((await s.tick(new Date(nine.getTime() + 90 * MINUTE))).posted).toEqual([]);
    }
    expect(posts).toHaveLength(100);
    const ids = posts.map((p) => p.reply.citations[0]?.id ?? '');
    const n = kb.entries.length;
    expect(n).toBeGreaterThanOrEqual(53);
    const firstRound = ids.slice(0, n);
    expect(new Set(firstRound).size).toBe(n);
    expect([...firstRound].sort()).toEqual(kb.entries.map((e) => e.id).sort());
    // The second round has no repeats either and follows the chat's order again.
    expect(ids.slice(n)).toEqual(firstRound.slice(0, 100 - n));
    expect(await store.sentTipIds({ platform: 'slack', workspace: 'T1', chatId: 'C1' })).toEqual(
      ids.slice(n),
    );
  });

  it('gives different chats different orders', async () => {
    const store = openStore();
    await subscribe(store, { chatId: 'C1' });
    await subscribe(store, { chatId: 'C2' });
    await subscribe(store, { chatId: 'C3' });
    const posts: Post[] = [];
    const s = scheduler(store, { posters: { slack: recorder(posts) } });
    for (let day = 0; day < 3; day += 1) await s.tick(new Date(Date.UTC(2025, 0, 1 + day, 1, 0)));
    expect(posts).toHaveLength(9);
    const byChat = (c: string) =>
      posts.filter((p) => p.chat.chatId === c).map((p) => p.reply.citations[0]?.id);
    expect(new Set([byChat('C1').join(), byChat('C2').join(), byChat('C3').join()]).size).toBeGreaterThan(1);
  });
});

describe('time zones', () => {
  it('posts a 09:00 Asia/Shanghai tip at 01:00 UTC, not at 00:59', async () => {
    const store = openStore();
    const sub = await subscribe(store);
    const posts: Post[] = [];
    const s = scheduler(store, { posters: { slack: recorder(posts) } });
    expect((await s.tick(at('2025-06-10T00:59:00Z'))).posted).toEqual([]);
    expect(posts).toHaveLength(0);
    expect((await s.tick(at('2025-06-10T01:00:00Z'))).posted).toEqual(['C1']);
    expect(posts).toHaveLength(1);
    expect(await store.lastTipSlot(sub)).toMatchObject({ localDate: '2025-06-10', status: 'posted' });
  });

  it('posts a 09:00 America/New_York tip at 09:00 local time on both sides of the DST change', async () => {
    const store = openStore();
    const sub = await subscribe(store, { timezone: 'America/New_York' });
    const posts: Post[] = [];
    const s = scheduler(store, { posters: { slack: recorder(posts) } });
    // EST (UTC-5) on 8 March 2025.
    expect((await s.tick(at('2025-03-08T13:59:00Z'))).posted).toEqual([]);
    expect((await s.tick(at('2025-03-08T14:00:00Z'))).posted).toEqual(['C1']);
    expect(await store.lastTipSlot(sub)).toMatchObject({ localDate: '2025-03-08' });
    // EDT (UTC-4) from 9 March 2025: 13:00 UTC.
    expect((await s.tick(at('2025-03-09T12:59:00Z'))).posted).toEqual([]);
    expect((await s.tick(at('2025-03-09T13:00:00Z'))).posted).toEqual(['C1']);
    expect(await store.lastTipSlot(sub)).toMatchObject({ localDate: '2025-03-09' });
    expect((await s.tick(at('2025-03-09T14:00:00Z'))).posted).toEqual([]);
    expect(posts).toHaveLength(2);
  });

  it('posts a tip whose time falls in the spring-forward gap as soon as the clock jumps past it, once', async () => {
    const store = openStore();
    await subscribe(store, { timezone: 'America/New_York', time: '02:30' });
    const posts: Post[] = [];
    const s = scheduler(store, { posters: { slack: recorder(posts) } });
    expect((await s.tick(at('2025-03-09T06:59:00Z'))).posted).toEqual([]); // 01:59 EST
    expect((await s.tick(at('2025-03-09T07:00:00Z'))).posted).toEqual(['C1']); // 03:00 EDT
    expect((await s.tick(at('2025-03-09T07:30:00Z'))).posted).toEqual([]);
    expect(posts).toHaveLength(1);
  });

  it('posts once on the fall-back day, when the local time happens twice', async () => {
    const store = openStore();
    await subscribe(store, { timezone: 'America/New_York', time: '01:30' });
    const posts: Post[] = [];
    const s = scheduler(store, { posters: { slack: recorder(posts) } });
    expect((await s.tick(at('2025-11-02T05:30:00Z'))).posted).toEqual(['C1']); // 01:30 EDT
    expect((await s.tick(at('2025-11-02T06:30:00Z'))).posted).toEqual([]); // 01:30 EST
    expect(posts).toHaveLength(1);
  });

  it('uses the local date, not the UTC one', async () => {
    const store = openStore();
    const sub = await subscribe(store, { time: '07:30' });
    const s = scheduler(store, { posters: { slack: recorder([]) } });
    // 23:30 UTC on 9 June is 07:30 on 10 June in Shanghai.
    expect((await s.tick(at('2025-06-09T23:30:00Z'))).posted).toEqual(['C1']);
    expect(await store.lastTipSlot(sub)).toMatchObject({ localDate: '2025-06-10' });
  });
});

describe('restarts', () => {
  it('posts a tip missed by 30 minutes once', async () => {
    const store = openStore();
    await subscribe(store);
    const posts: Post[] = [];
    const s = scheduler(store, { posters: { slack: recorder(posts) } });
    expect((await s.tick(at('2025-06-10T01:30:00Z'))).posted).toEqual(['C1']); // 09:30 local
    for (let m = 1; m <= 120; m += 1) await s.tick(new Date(Date.parse('2025-06-10T01:30:00Z') + m * MINUTE));
    expect(posts).toHaveLength(1);

    // A second restart (new scheduler, reopened store) does not post it again.
    const again = scheduler(openStore(), { posters: { slack: recorder(posts) } });
    expect((await again.tick(at('2025-06-10T01:45:00Z'))).posted).toEqual([]);
    expect(posts).toHaveLength(1);
  });

  it('skips the day when the restart is more than 2 hours late, and posts the next day at 09:00', async () => {
    const store = openStore();
    const sub = await subscribe(store);
    const posts: Post[] = [];
    const s = scheduler(store, { posters: { slack: recorder(posts) } });
    const one = Date.parse('2025-06-10T05:00:00Z'); // 13:00 local
    for (let m = 0; m < 20 * 60; m += 1) await s.tick(new Date(one + m * MINUTE)); // until 09:00 next day (exclusive)
    expect(posts).toHaveLength(0);
    expect(await store.lastTipSlot(sub)).toBeUndefined();
    expect((await s.tick(at('2025-06-11T01:00:00Z'))).posted).toEqual(['C1']);
    expect(await store.lastTipSlot(sub)).toMatchObject({ localDate: '2025-06-11', status: 'posted' });
  });

  it('still catches up at exactly 2 hours late, not after', async () => {
    const store = openStore();
    await subscribe(store);
    await subscribe(store, { chatId: 'C2' });
    const s = scheduler(store, { posters: { slack: recorder([]) } });
    expect((await s.tick(at('2025-06-10T03:01:00Z'))).posted).toEqual([]);
    const s2 = scheduler(store, { posters: { slack: recorder([]) } });
    expect((await s2.tick(at('2025-06-11T03:00:00Z'))).posted).toEqual(['C1', 'C2']);
  });

  it('catches up a late-evening tip missed across local midnight', async () => {
    const store = openStore();
    const sub = await subscribe(store, { time: '23:30' });
    const posts: Post[] = [];
    const s = scheduler(store, { posters: { slack: recorder(posts) } });
    // Down at 23:30 on 10 June (15:30 UTC); back at 00:30 on 11 June local (16:30 UTC).
    expect((await s.tick(at('2025-06-10T16:30:00Z'))).posted).toEqual(['C1']);
    expect(await store.lastTipSlot(sub)).toMatchObject({ localDate: '2025-06-10', status: 'posted' });
    expect((await s.tick(at('2025-06-10T16:31:00Z'))).posted).toEqual([]);
    // The 11 June tip comes at 23:30 on 11 June, as usual.
    expect((await s.tick(at('2025-06-11T15:29:00Z'))).posted).toEqual([]);
    expect((await s.tick(at('2025-06-11T15:30:00Z'))).posted).toEqual(['C1']);
    expect(await store.lastTipSlot(sub)).toMatchObject({ localDate: '2025-06-11' });
    // More than two hours after the evening time, the previous day is not caught up.
    const late = scheduler(store, { posters: { slack: recorder(posts) } });
    await subscribe(store, { chatId: 'C2', time: '22:00' });
    expect((await late.tick(at('2025-06-11T16:30:00Z'))).posted).toEqual([]); // 00:30, 2.5 h after 22:00
    expect(posts).toHaveLength(2);
  });
});

describe('several processes', () => {
  it('posts once when two schedulers on the same database tick at the same minute', async () => {
    const storeA = openStore();
    const storeB = openStore();
    await subscribe(storeA);
    const posts: Post[] = [];
    const a = scheduler(storeA, { posters: { slack: recorder(posts, 'A') } });
    const b = scheduler(storeB, { posters: { slack: recorder(posts, 'B') } });
    const nine = Date.parse('2025-06-10T01:00:00Z');
    for (let m = 0; m < 5; m += 1) {
      const t = new Date(nine + m * MINUTE);
      await Promise.all([a.tick(t), b.tick(t)]);
    }
    expect(posts).toHaveLength(1);
    const next = new Date(nine + DAY);
    await Promise.all([b.tick(next), a.tick(next)]);
    expect(posts).toHaveLength(2);
    expect(posts[0]?.reply.citations[0]?.id).not.toBe(posts[1]?.reply.citations[0]?.id);
  });
});

describe('posting failures', () => {
  it('retries a failing post and posts once', async () => {
    const store = openStore();
    const sub = await subscribe(store);
    const posts: Post[] = [];
    const post = recorder(posts);
    let calls = 0;
    const sleeps: number[] = [];
    const s = scheduler(store, {
      posters: {
        slack: async (chat, reply) => {
          calls += 1;
          if (calls <= 2) throw new Error('rate limited');
          await post(chat, reply);
        },
      },
      sleep: async (ms) => {
        sleeps.push(ms);
      },
    });
    expect(await s.tick(at('2025-06-10T01:00:00Z'))).toEqual({ posted: ['C1'], failed: [] });
    expect(calls).toBe(3);
    expect(sleeps).toHaveLength(2);
    expect(posts).toHaveLength(1);
    expect(await store.lastTipSlot(sub)).toMatchObject({ status: 'posted' });
    expect(await store.sentTipIds(sub)).toEqual([posts[0]?.reply.citations[0]?.id]);
  });

  it('gives up after `attempts`, logs it, does not crash, and posts the next day', async () => {
    const store = openStore();
    const sub = await subscribe(store);
    const log = memoryLogger();
    const posts: Post[] = [];
    const post = recorder(posts);
    let failing = true;
    let calls = 0;
    const s = scheduler(store, {
      logger: log.logger,
      attempts: 4,
      posters: {
        slack: async (chat, reply) => {
          calls += 1;
          if (failing) throw new Error('channel_not_found');
          await post(chat, reply);
        },
      },
    });
    expect(await s.tick(at('2025-06-10T01:00:00Z'))).toEqual({ posted: [], failed: ['C1'] });
    expect(calls).toBe(4);
    expect(log.events().filter((e) => e === 'tip_post_failed')).toHaveLength(4);
    expect(log.events()).toContain('tip_given_up');
    expect(await store.lastTipSlot(sub)).toMatchObject({ localDate: '2025-06-10', status: 'released' });
    // The rest of the day, this process does not try again.
    expect((await s.tick(at('2025-06-10T01:01:00Z'))).failed).toEqual([]);
    expect(calls).toBe(4);

    failing = false;
    expect((await s.tick(at('2025-06-11T01:00:00Z'))).posted).toEqual(['C1']);
    expect(posts).toHaveLength(1);
    expect(await store.lastTipSlot(sub)).toMatchObject({ localDate: '2025-06-11', status: 'posted' });
  });

  it('does not post twice when the post went out but recording it failed', async () => {
    const real = openStore();
    await subscribe(real);
    const store: Store = {
      ...real,
      finishTipSlot: async () => {
        throw new Error('database is locked');
      },
    };
    const posts: Post[] = [];
    const s = scheduler(store, { posters: { slack: recorder(posts) } });
    await s.tick(at('2025-06-10T01:00:00Z'));
    await s.tick(at('2025-06-10T01:01:00Z'));
    expect(posts).toHaveLength(1);
  });

  it('keeps going with the other chats when one fails', async () => {
    const store = openStore();
    await subscribe(store, { chatId: 'C1' });
    await subscribe(store, { chatId: 'C2' });
    const posts: Post[] = [];
    const post = recorder(posts);
    const s = scheduler(store, {
      posters: {
        slack: async (chat, reply) => {
          if (chat.chatId === 'C1') throw new Error('not_in_channel');
          await post(chat, reply);
        },
      },
    });
    expect(await s.tick(at('2025-06-10T01:00:00Z'))).toEqual({ posted: ['C2'], failed: ['C1'] });
  });

  it('survives a store that cannot list subscriptions', async () => {
    const store = openStore();
    await subscribe(store);
    const s = scheduler(store, { posters: { slack: recorder([]) } });
    await store.close();
    expect(await s.tick(at('2025-06-10T01:00:00Z'))).toEqual({ posted: [], failed: [] });
  });
});

describe('platforms and languages', () => {
  it('leaves alone (does not claim) a subscription of a platform with no poster in this process', async () => {
    const store = openStore();
    const feishu = await subscribe(store, { platform: 'feishu', workspace: 'tenant', chatId: 'oc_1' });
    const slackPosts: Post[] = [];
    const slackOnly = scheduler(store, { posters: { slack: recorder(slackPosts) } });
    expect((await slackOnly.tick(at('2025-06-10T01:00:00Z'))).posted).toEqual([]);
    expect(await store.lastTipSlot(feishu)).toBeUndefined();

    const feishuPosts: Post[] = [];
    const feishuProcess = scheduler(openStore(), { posters: { feishu: recorder(feishuPosts, 'feishu') } });
    expect((await feishuProcess.tick(at('2025-06-10T01:00:00Z'))).posted).toEqual(['oc_1']);
    expect(feishuPosts[0]?.chat).toEqual({ platform: 'feishu', workspace: 'tenant', chatId: 'oc_1' });
    expect(slackPosts).toEqual([]);
  });

  it('posts in the subscription language', async () => {
    const store = openStore();
    await subscribe(store, { chatId: 'C-zh', lang: 'zh' });
    await subscribe(store, { chatId: 'C-en', lang: 'en' });
    const posts: Post[] = [];
    const s = scheduler(store, { posters: { slack: recorder(posts) } });
    await s.tick(at('2025-06-10T01:00:00Z'));
    const zh = posts.find((p) => p.chat.chatId === 'C-zh')?.reply;
    const en = posts.find((p) => p.chat.chatId === 'C-en')?.reply;
    const zhEntry = kb.byId.get(zh?.citations[0]?.id ?? '');
    const enEntry = kb.byId.get(en?.citations[0]?.id ?? '');
    expect(zh).toMatchObject({ kind: 'tip', lang: 'zh', sections: [zhEntry?.tip.zh] });
    expect(zh?.title).toContain('每日一招');
    expect(zh?.sections[0]).toMatch(/[\u4e00-\u9fff]/);
    expect(en).toMatchObject({ kind: 'tip', lang: 'en', sections: [enEntry?.tip.en] });
    expect(en?.title).toContain('Tip of the day');
  });

  it('ignores disabled subscriptions', async () => {
    const store = openStore();
    await subscribe(store, { enabled: false });
    const posts: Post[] = [];
    const s = scheduler(store, { posters: { slack: recorder(posts) } });
    expect((await s.tick(at('2025-06-10T01:00:00Z'))).posted).toEqual([]);
  });

  it('ticks at the injected clock when no time is given', async () => {
    const store = openStore();
    await subscribe(store);
    const s = scheduler(store, { posters: { slack: recorder([]) } });
    current = at('2025-06-10T01:00:00Z');
    expect((await s.tick()).posted).toEqual(['C1']);
  });
});
