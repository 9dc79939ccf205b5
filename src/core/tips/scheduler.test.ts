/**
 * The tip scheduler: rotation through the knowledge, time zones (DST included), platforms and
 * languages. Restarts, several processes and failing posts: scheduler-recovery.test.ts.
 */
import { describe, expect, it } from 'vitest';
import {
  at,
  clock,
  DAY,
  kb,
  MINUTE,
  openStore,
  type Post,
  recorder,
  scheduler,
  setupSchedulerFixture,
  subscribe,
} from '../../../test/support/scheduler-fixture.ts';

setupSchedulerFixture();

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
    clock.current = at('2025-06-10T01:00:00Z');
    expect((await s.tick()).posted).toEqual(['C1']);
  });
});
