/**
 * The tip scheduler when things go wrong: restarts (catching up a missed tip, or skipping it), several
 * processes on one database, and posts that fail. Rotation, time zones and platforms: scheduler.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { memoryLogger } from '../../../test/support/memory-logger.ts';
import {
  at,
  DAY,
  MINUTE,
  openStore,
  type Post,
  recorder,
  scheduler,
  setupSchedulerFixture,
  subscribe,
} from '../../../test/support/scheduler-fixture.ts';
import type { Store } from '../store/types.ts';

setupSchedulerFixture();

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
