import { describe, expect, it } from 'vitest';
import {
  CHAT,
  clock,
  collect,
  engineWith,
  finals,
  kb,
  msg,
  replyTo,
  setupEngineFixture,
  textOf,
} from '../../../test/support/engine-fixture.ts';
import { reviewOffline } from '../review/offline-critic.ts';
import { DIMENSION_LABELS, DIMENSIONS } from '../review/types.ts';

setupEngineFixture();

describe('commands', () => {
  it('help, in English and Chinese', async () => {
    const { engine } = engineWith();
    const en = await replyTo(engine, msg({ text: 'help' }));
    expect(en).toMatchObject({ kind: 'help', lang: 'en' });
    expect(textOf(en)).toContain('review <copy>');
    const zh = await replyTo(engine, msg({ text: '帮助' }));
    expect(zh).toMatchObject({ kind: 'help', lang: 'zh' });
    expect(textOf(zh)).toContain('点评');
  });

  it('an unknown slash command gets help that names it', async () => {
    const { engine } = engineWith();
    const en = await replyTo(engine, msg({ text: '/foo bar' }));
    expect(en.kind).toBe('help');
    expect(textOf(en)).toContain("I don't know the command /foo.");
    const zh = await replyTo(engine, msg({ text: '/未知命令' }));
    expect(zh).toMatchObject({ kind: 'help', lang: 'zh' });
    expect(textOf(zh)).toContain('我不认识命令 /未知命令');
  });

  it('"/coach …" typed as in the Slack slash command is the command itself, not an unknown one', async () => {
    const { engine } = engineWith();
    const review = await replyTo(engine, msg({ text: '/coach review The smartest CRM for everyone!' }));
    expect(review.kind).toBe('review');
    expect(textOf(review)).not.toContain("I don't know the command");
    expect((await replyTo(engine, msg({ text: '/coach' }))).kind).toBe('help');
    const zh = await replyTo(engine, msg({ text: '/Coach 点评 最好用的CRM，适合所有企业' }));
    expect(zh).toMatchObject({ kind: 'review', lang: 'zh' });
    // Only the whole word: "/coaching" stays an unknown command.
    expect(textOf(await replyTo(engine, msg({ text: '/coaching now' })))).toContain(
      "I don't know the command /coaching.",
    );
  });

  it('tip, in English and Chinese, with its citation', async () => {
    const { engine } = engineWith();
    for (const [text, lang] of [
      ['tip', 'en'],
      ['每日一招', 'zh'],
      ['/tip', 'en'],
    ] as const) {
      const reply = await replyTo(engine, msg({ text }));
      expect(reply).toMatchObject({ kind: 'tip', lang });
      expect(reply.citations).toHaveLength(1);
      const entry = kb.byId.get(reply.citations[0]?.id ?? '');
      expect(entry).toBeDefined();
      expect(reply.sections).toEqual([entry?.tip[lang]]);
      expect(reply.citations[0]?.title).toBe(entry?.title[lang]);
      expect(reply.citations[0]?.source).toBeTruthy();
    }
  });

  it('tips on stores the subscription with its time, zone and language', async () => {
    const { engine, store } = engineWith();
    const en = await replyTo(engine, msg({ text: 'tips on 08:30 Europe/Berlin' }));
    expect(en.kind).toBe('notice');
    expect(textOf(en)).toContain('08:30 (Europe/Berlin)');
    expect(await store.subscription(CHAT)).toMatchObject({
      ...CHAT,
      time: '08:30',
      timezone: 'Europe/Berlin',
      enabled: true,
      lang: 'en',
      createdBy: 'U1',
      updatedAt: clock.current,
    });

    const zhChat = { ...CHAT, chatId: 'C-zh' };
    const zh = await replyTo(engine, msg({ ...zhChat, text: '每日 开启 8:05 Asia/Shanghai', userId: 'U2' }));
    expect(zh.lang).toBe('zh');
    expect(textOf(zh)).toContain('08:05（Asia/Shanghai）');
    expect(await store.subscription(zhChat)).toMatchObject({
      time: '08:05',
      timezone: 'Asia/Shanghai',
      lang: 'zh',
    });
  });

  it('a Chinese tips command with a long time-zone name still subscribes in Chinese', async () => {
    const { engine, store } = engineWith();
    const reply = await replyTo(engine, msg({ text: '每日 开 07:00 America/Los_Angeles' }));
    expect(reply.lang).toBe('zh');
    expect(await store.subscription(CHAT)).toMatchObject({
      time: '07:00',
      timezone: 'America/Los_Angeles',
      lang: 'zh',
    });
  });

  it('tips on without arguments uses 09:00 and the default time zone, and keeps earlier settings', async () => {
    const { engine, store } = engineWith({ defaultTimezone: 'Europe/Paris' });
    await replyTo(engine, msg({ text: 'tips on' }));
    expect(await store.subscription(CHAT)).toMatchObject({ time: '09:00', timezone: 'Europe/Paris' });
    await replyTo(engine, msg({ text: 'tips on 10:15' }));
    expect(await store.subscription(CHAT)).toMatchObject({ time: '10:15', timezone: 'Europe/Paris' });
  });

  it('tips off, in English and Chinese', async () => {
    const { engine, store } = engineWith();
    await replyTo(engine, msg({ text: 'tips on 08:30 Europe/Berlin' }));
    const off = await replyTo(engine, msg({ text: 'tips off' }));
    expect(textOf(off)).toContain('Daily tips are off');
    expect(await store.subscription(CHAT)).toMatchObject({ enabled: false, time: '08:30' });
    expect(await store.subscriptions()).toEqual([]);
    const again = await replyTo(engine, msg({ text: 'tips off' }));
    expect(textOf(again)).toContain('has no daily tips');

    await replyTo(engine, msg({ text: 'tips on 08:30' }));
    const zh = await replyTo(engine, msg({ text: '每日 关闭' }));
    expect(zh.lang).toBe('zh');
    expect(textOf(zh)).toContain('已关闭');
    expect(await store.subscriptions()).toEqual([]);
  });

  it('tips on with an impossible time gets the usage and stores nothing', async () => {
    const { engine, store } = engineWith();
    const en = await replyTo(engine, msg({ text: 'tips on 25:00' }));
    expect(en.kind).toBe('notice');
    expect(textOf(en)).toContain('Usage: `tips on [HH:MM] [time zone]`');
    const zh = await replyTo(engine, msg({ text: '每日 开启 25:00' }));
    expect(textOf(zh)).toContain('用法');
    const badZone = await replyTo(engine, msg({ text: 'tips on 08:00 Mars/Olympus' }));
    expect(textOf(badZone)).toContain('Usage');
    expect(await store.subscription(CHAT)).toBeUndefined();
  });

  it('review shows the overall score and the 7 dimension bars, and saves the review', async () => {
    const { engine, store } = engineWith();
    const draft = 'Cut energy costs 30% for mid-size plants.';
    const events = await collect(engine.handle(msg({ text: `review ${draft}` })));
    expect(events[0]).toEqual({ type: 'status', text: 'Reviewing…', lang: 'en' });
    const [reply] = finals(events);
    expect(reply).toMatchObject({ kind: 'review', lang: 'en' });
    const expected = reviewOffline(draft);
    expect(reply?.review?.overall).toBe(expected.overall);
    expect(reply?.sections[0]).toBe(`**Overall: ${expected.overall}/100**`);
    const bars = reply?.sections[1]?.split('\n') ?? [];
    expect(bars).toHaveLength(7);
    DIMENSIONS.forEach((d, i) => {
      expect(bars[i]).toMatch(/^[■□]{5} [0-5]\/5 {2}/);
      expect(bars[i]).toContain(DIMENSION_LABELS[d].en);
    });
    expect(reply?.buttons.map((b) => b.action)).toEqual(['feedback_up', 'feedback_down', 'review_again']);

    const saved = await store.reviews('slack:T1:U1', 10);
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({
      overall: expected.overall,
      mode: 'offline',
      lang: 'en',
      excerpt: draft,
    });
  });

  it('review in Chinese', async () => {
    const { engine, store } = engineWith();
    const reply = await replyTo(engine, msg({ text: '点评 为制造企业节省30%的能耗成本' }));
    expect(reply).toMatchObject({ kind: 'review', lang: 'zh' });
    expect(reply.sections[0]).toMatch(/^\*\*总分: \d+\/100\*\*$/);
    const bars = reply.sections[1]?.split('\n') ?? [];
    expect(bars).toHaveLength(7);
    expect(bars[0]).toContain(DIMENSION_LABELS.customer_value.zh);
    expect(await store.reviews('slack:T1:U1', 10)).toHaveLength(1);
  });

  it('review without copy gets a hint, and a question gets pointed to asking', async () => {
    const { engine, store } = engineWith();
    const hint = await replyTo(engine, msg({ text: 'review' }));
    expect(hint.kind).toBe('notice');
    expect(textOf(hint)).toContain('Paste the copy after the command');
    const zhHint = await replyTo(engine, msg({ text: '点评' }));
    expect(zhHint.lang).toBe('zh');
    expect(textOf(zhHint)).toContain('请把要点评的文案放在命令后面');

    const question = await replyTo(engine, msg({ text: 'review What is a UVP?' }));
    expect(textOf(question)).toContain('Ask it directly');
    const zhQuestion = await replyTo(engine, msg({ text: '点评 怎么写价值主张？' }));
    expect(textOf(zhQuestion)).toContain('直接提问');
    expect(await store.reviews('slack:T1:U1', 10)).toEqual([]);
  });

  it('history after three reviews lists them with the trend of the overall score', async () => {
    const { engine } = engineWith();
    const drafts = [
      'We are the cheapest software.',
      'Cut energy costs 30% for mid-size plants.',
      'Plant managers at mid-size food factories cut energy costs 30% in 90 days: ISO 50001 certified, proven at 120 plants including Nestlé.',
    ];
    const scores: number[] = [];
    for (const draft of drafts) {
      const reply = await replyTo(engine, msg({ text: `review ${draft}` }));
      scores.push(reply.review?.overall ?? Number.NaN);
      clock.current = new Date(clock.current.getTime() + 86_400_000);
    }
    const empty = await replyTo(engine, msg({ text: 'history', userId: 'U-nobody' }));
    expect(textOf(empty)).toContain('no reviews yet');

    const reply = await replyTo(engine, msg({ text: 'history' }));
    expect(reply.kind).toBe('history');
    const text = textOf(reply);
    expect(text).toContain('(3)');
    for (const draft of drafts) expect(text).toContain(draft.slice(0, 30));
    const trend = /Trend: (\d+) → (\d+) → (\d+) \(([+-]\d+)\)/.exec(text);
    expect(trend).not.toBeNull();
    expect(trend?.slice(1, 4).map(Number)).toEqual(scores);
    const delta = (scores[2] ?? 0) - (scores[0] ?? 0);
    expect(trend?.[4]).toBe(`${delta >= 0 ? '+' : ''}${delta}`);
    expect(delta).toBeGreaterThan(0);

    const zh = await replyTo(engine, msg({ text: '历史' }));
    expect(zh).toMatchObject({ kind: 'history', lang: 'zh' });
    expect(textOf(zh)).toMatch(/趋势：\d+ → \d+ → \d+（\+\d+）/);
  });

  it('shows a negative trend with its minus sign', async () => {
    const { engine } = engineWith();
    const strong = await replyTo(
      engine,
      msg({
        text: 'review Plant managers cut energy costs 30% in 90 days, proven at 120 plants including Nestlé.',
      }),
    );
    clock.current = new Date(clock.current.getTime() + 60_000);
    const weak = await replyTo(engine, msg({ text: 'review We are the cheapest software.' }));
    const delta = (weak.review?.overall ?? 0) - (strong.review?.overall ?? 0);
    expect(delta).toBeLessThan(0);
    const text = textOf(await replyTo(engine, msg({ text: 'history' })));
    expect(text).toContain(`(${delta})`);
  });
});
