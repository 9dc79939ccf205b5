import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memoryLogger } from '../../../test/support/memory-logger.ts';
import { type Answerer, createAnswerer } from '../answer/answerer.ts';
import type { Answer, HistoryTurn } from '../answer/types.ts';
import { loadKnowledge } from '../knowledge/load.ts';
import { silentLogger } from '../logger.ts';
import { createRetriever } from '../retrieval/retriever.ts';
import { reviewOffline } from '../review/offline-critic.ts';
import { DIMENSION_LABELS, DIMENSIONS } from '../review/types.ts';
import { openSqliteStore } from '../store/sqlite-store.ts';
import type { ChatRef, Store } from '../store/types.ts';
import { type ChatEngine, type ChatEngineDeps, createChatEngine } from './engine.ts';
import type { IncomingMessage, ReplyEvent, Reviewer, RichReply } from './types.ts';

const kb = loadKnowledge(fileURLToPath(new URL('../../../knowledge', import.meta.url)));
const offlineAnswerer = createAnswerer({ retriever: createRetriever(kb), logger: silentLogger() });
const offlineReviewer: Reviewer = { review: async (d) => reviewOffline(d) };
const CHAT: ChatRef = { platform: 'slack', workspace: 'T1', chatId: 'C1' };

let dir: string;
let dbPath: string;
let stores: Store[];
let current: Date;
let seq: number;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'coach-engine-'));
  dbPath = join(dir, 'coach.db');
  stores = [];
  current = new Date('2025-03-10T08:00:00Z');
  seq = 0;
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

function engineWith(over: Partial<ChatEngineDeps> = {}): { engine: ChatEngine; store: Store } {
  const store = over.store ?? openStore();
  const engine = createChatEngine({
    answerer: offlineAnswerer,
    reviewer: offlineReviewer,
    kb,
    store,
    logger: silentLogger(),
    now: () => current,
    ...over,
  });
  return { engine, store };
}

function msg(over: Partial<IncomingMessage> = {}): IncomingMessage {
  seq += 1;
  return {
    ...CHAT,
    messageId: `1700000000.00${seq}`,
    userId: 'U1',
    text: 'What is a UVP?',
    direct: false,
    addressed: true,
    ...over,
  };
}

async function collect(events: AsyncIterable<ReplyEvent>): Promise<ReplyEvent[]> {
  const out: ReplyEvent[] = [];
  for await (const ev of events) out.push(ev);
  return out;
}

function finals(events: ReplyEvent[]): RichReply[] {
  return events.flatMap((ev) => (ev.type === 'final' ? [ev.reply] : []));
}

/** The one final reply of a message (fails when there is not exactly one). */
async function replyTo(engine: ChatEngine, m: IncomingMessage): Promise<RichReply> {
  const got = finals(await collect(engine.handle(m)));
  expect(got).toHaveLength(1);
  return got[0] as RichReply;
}

function textOf(reply: RichReply): string {
  return [reply.title ?? '', ...reply.sections].join('\n');
}

function doneAnswer(text: string): Answer {
  return { answer: text, citations: [], mode: 'offline', lang: 'en', notes: [] };
}

/** Lets pending promises and I/O callbacks run until `cond` holds (a bounded number of turns, no timers). */
async function until(cond: () => boolean, what = 'condition'): Promise<void> {
  for (let i = 0; i < 500; i += 1) {
    if (cond()) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  throw new Error(`never reached: ${what}`);
}

/** An answerer that records each question with the history it got, and answers at once. */
function recordingAnswerer() {
  const calls: { question: string; history: HistoryTurn[] }[] = [];
  const answerer: Answerer = {
    online: false,
    async *ask(question, opts) {
      calls.push({ question, history: opts?.history ?? [] });
      yield { type: 'done', answer: doneAnswer(`Answer to: ${question}`) };
    },
    async answer() {
      throw new Error('not used by the engine');
    },
  };
  return { answerer, calls };
}

/** An answerer whose answers wait until the test opens their gate; it tracks how many run at once. */
function gatedAnswerer(online: boolean, timeline: string[] = []) {
  const gates = new Map<string, () => void>();
  const state = { active: 0, maxActive: 0 };
  const answerer: Answerer = {
    online,
    async *ask(question) {
      timeline.push(`start:${question}`);
      state.active += 1;
      state.maxActive = Math.max(state.maxActive, state.active);
      try {
        yield { type: 'status', text: 'Thinking…' };
        await new Promise<void>((resolve) => gates.set(question, resolve));
        yield { type: 'done', answer: doneAnswer(`Answer to: ${question}`) };
      } finally {
        state.active -= 1;
      }
    },
    async answer() {
      throw new Error('not used by the engine');
    },
  };
  return {
    answerer,
    state,
    waiting: () => [...gates.keys()],
    open(question: string) {
      const gate = gates.get(question);
      if (!gate) throw new Error(`${question} is not waiting`);
      gates.delete(question);
      gate();
    },
  };
}

/** Runs a message in the background, noting its final reply in `timeline`. */
function handleInBackground(engine: ChatEngine, m: IncomingMessage, label: string, timeline: string[]) {
  return collect(engine.handle(m)).then((events) => {
    for (const r of finals(events)) timeline.push(`final:${label}:${r.kind}`);
    return events;
  });
}

describe('duplicate deliveries', () => {
  it('answers a message delivered twice (same messageId) once', async () => {
    const { engine } = engineWith();
    const m = msg();
    expect(finals(await collect(engine.handle(m)))).toHaveLength(1);
    expect(await collect(engine.handle({ ...m }))).toEqual([]);
  });

  it('answers once when both copies arrive at the same time', async () => {
    const { engine } = engineWith();
    const m = msg({ eventId: 'Ev1' });
    const [a, b] = await Promise.all([collect(engine.handle(m)), collect(engine.handle({ ...m }))]);
    expect(finals([...a, ...b])).toHaveLength(1);
  });

  it('drops a retried delivery with the same eventId', async () => {
    const { engine } = engineWith();
    const m = msg({ eventId: 'Ev2' });
    expect(finals(await collect(engine.handle(m)))).toHaveLength(1);
    expect(await collect(engine.handle({ ...m }))).toEqual([]);
    // The event id alone is enough to recognise the delivery.
    expect(await collect(engine.handle({ ...m, messageId: `${m.messageId}-copy` }))).toEqual([]);
  });

  it('still drops the duplicate after a restart (store reopened on the same file)', async () => {
    const first = engineWith();
    const m = msg({ eventId: 'Ev3' });
    expect(finals(await collect(first.engine.handle(m)))).toHaveLength(1);
    await first.store.close();

    const second = engineWith();
    expect(await collect(second.engine.handle({ ...m }))).toEqual([]);
    expect(await collect(second.engine.handle({ ...m, eventId: 'Ev3-retry' }))).toEqual([]);
    // The reopened store works: a new message is answered.
    expect(finals(await collect(second.engine.handle(msg())))).toHaveLength(1);
  });
});

describe('which messages are for Coach', () => {
  it('ignores an unaddressed group message without claiming it (decide before claiming)', async () => {
    const { engine } = engineWith();
    const m = msg({ addressed: false });
    expect(await collect(engine.handle(m))).toEqual([]);
    // Slack sends `message` and `app_mention` for one post: the addressed copy must still be answered.
    const reply = await replyTo(engine, { ...m, addressed: true, eventId: 'Ev-mention' });
    expect(reply.kind).toBe('answer');
  });

  it('ignores an unaddressed message in a thread Coach is not part of', async () => {
    const { engine } = engineWith();
    const m = msg({ addressed: false, threadId: '1699999999.000100' });
    expect(await collect(engine.handle(m))).toEqual([]);
    expect(await engine.inThread(m)).toBe(false);
    expect((await replyTo(engine, { ...m, addressed: true })).kind).toBe('answer');
  });

  it('answers direct messages without a mention', async () => {
    const { engine } = engineWith();
    expect((await replyTo(engine, msg({ direct: true, addressed: false, chatId: 'D1' }))).kind).toBe(
      'answer',
    );
  });

  it('treats an empty mention as a request for help', async () => {
    const { engine } = engineWith();
    expect((await replyTo(engine, msg({ text: '   ' }))).kind).toBe('help');
  });
});

describe('thread follow-ups', () => {
  it('answers an unaddressed follow-up in a Coach thread, with the earlier turns as history', async () => {
    const { answerer, calls } = recordingAnswerer();
    const { engine } = engineWith({ answerer });
    const mention = msg({ text: 'What is a UVP?' });
    await replyTo(engine, mention);

    const followUp = msg({ threadId: mention.messageId, addressed: false, text: 'And for SaaS companies?' });
    expect(await engine.inThread(followUp)).toBe(true);
    const reply = await replyTo(engine, followUp);
    expect(reply.sections[0]).toBe('Answer to: And for SaaS companies?');

    expect(calls).toHaveLength(2);
    expect(calls[0]?.history).toEqual([]);
    expect(calls[1]?.history).toEqual([
      { role: 'user', text: 'What is a UVP?' },
      { role: 'assistant', text: 'Answer to: What is a UVP?' },
    ]);

    // A third turn sees all four earlier turns, oldest first.
    await replyTo(engine, msg({ threadId: mention.messageId, addressed: false, text: 'Give me an example' }));
    expect(calls[2]?.history.map((t) => t.text)).toEqual([
      'What is a UVP?',
      'Answer to: What is a UVP?',
      'And for SaaS companies?',
      'Answer to: And for SaaS companies?',
    ]);
  });

  it('bounds the history by historyTurns', async () => {
    const { answerer, calls } = recordingAnswerer();
    const { engine } = engineWith({ answerer, historyTurns: 2 });
    const mention = msg({ text: 'q1' });
    await replyTo(engine, mention);
    await replyTo(engine, msg({ threadId: mention.messageId, text: 'q2' }));
    await replyTo(engine, msg({ threadId: mention.messageId, text: 'q3' }));
    expect(calls[2]?.history).toEqual([
      { role: 'user', text: 'q2' },
      { role: 'assistant', text: 'Answer to: q2' },
    ]);
  });

  it('does not mix threads or chats', async () => {
    const { engine } = engineWith();
    const mention = msg();
    await replyTo(engine, mention);
    expect(await collect(engine.handle(msg({ threadId: 'other-thread', addressed: false })))).toEqual([]);
    expect(
      await collect(engine.handle(msg({ chatId: 'C2', threadId: mention.messageId, addressed: false }))),
    ).toEqual([]);
  });
});

describe('ordering and concurrency', () => {
  it('handles the messages of one thread in order while another thread runs in parallel', async () => {
    const timeline: string[] = [];
    const gated = gatedAnswerer(false, timeline);
    const { engine } = engineWith({ answerer: gated.answerer });
    const a1 = handleInBackground(engine, msg({ threadId: 'TA', text: 'a1' }), 'a1', timeline);
    const a2 = handleInBackground(engine, msg({ threadId: 'TA', text: 'a2' }), 'a2', timeline);
    const b1 = handleInBackground(engine, msg({ threadId: 'TB', text: 'b1' }), 'b1', timeline);

    await until(() => gated.waiting().length === 2, 'a1 and b1 started');
    expect(gated.waiting().sort()).toEqual(['a1', 'b1']);

    // The other thread finishes while a1 is still running: threads are independent.
    gated.open('b1');
    await b1;
    expect(timeline).toContain('final:b1:answer');
    expect(timeline).not.toContain('start:a2');

    gated.open('a1');
    await until(() => gated.waiting().includes('a2'), 'a2 started');
    gated.open('a2');
    await Promise.all([a1, a2]);
    const at = (s: string) => timeline.indexOf(s);
    expect(at('final:a1:answer')).toBeGreaterThanOrEqual(0);
    expect(at('start:a2')).toBeGreaterThan(at('final:a1:answer'));
    expect(at('final:a2:answer')).toBeGreaterThan(at('start:a2'));
  });

  it('keeps arrival order when the first message of a thread needs more checks than the second', async () => {
    const timeline: string[] = [];
    const gated = gatedAnswerer(false, timeline);
    const { engine } = engineWith({ answerer: gated.answerer });
    const mention = msg({ text: 'root' });
    const root = handleInBackground(engine, mention, 'root', timeline);
    await until(() => gated.waiting().includes('root'));
    gated.open('root');
    await root;

    // An unaddressed follow-up (Coach must look at the thread) and then an addressed one.
    const first = handleInBackground(
      engine,
      msg({ threadId: mention.messageId, addressed: false, text: 'first' }),
      'first',
      timeline,
    );
    const second = handleInBackground(
      engine,
      msg({ threadId: mention.messageId, text: 'second' }),
      'second',
      timeline,
    );
    await until(() => gated.waiting().length > 0, 'one of them started');
    expect(gated.waiting()).toEqual(['first']);
    gated.open('first');
    await until(() => gated.waiting().includes('second'), 'second started');
    gated.open('second');
    await Promise.all([first, second]);
    expect(timeline.filter((t) => t.startsWith('final:'))).toEqual([
      'final:root:answer',
      'final:first:answer',
      'final:second:answer',
    ]);
  });

  it('answers an unaddressed follow-up that arrives while Coach is still answering the mention', async () => {
    const timeline: string[] = [];
    const gated = gatedAnswerer(false, timeline);
    const { engine } = engineWith({ answerer: gated.answerer });
    const mention = msg({ text: 'root' });
    const root = handleInBackground(engine, mention, 'root', timeline);
    await until(() => gated.waiting().includes('root'));

    const followUp = handleInBackground(
      engine,
      msg({ threadId: mention.messageId, addressed: false, text: 'follow-up' }),
      'follow-up',
      timeline,
    );
    gated.open('root');
    await root;
    await until(() => gated.waiting().includes('follow-up'), 'follow-up started');
    gated.open('follow-up');
    await followUp;
    expect(timeline.filter((t) => t.startsWith('final:'))).toEqual([
      'final:root:answer',
      'final:follow-up:answer',
    ]);
  });

  it('runs at most maxConcurrentLlm online answers at once across threads', async () => {
    const gated = gatedAnswerer(true);
    const { engine } = engineWith({ answerer: gated.answerer, maxConcurrentLlm: 2 });
    const timeline: string[] = [];
    const runs = [1, 2, 3, 4, 5].map((i) =>
      handleInBackground(engine, msg({ threadId: `T${i}`, text: `q${i}` }), `q${i}`, timeline),
    );
    await until(() => gated.waiting().length === 2, 'two answers started');
    // Give the others every chance to start too: they must not.
    for (let i = 0; i < 20; i += 1) await new Promise<void>((resolve) => setImmediate(resolve));
    expect(gated.state.active).toBe(2);

    let answered = 0;
    while (answered < 5) {
      await until(() => gated.waiting().length > 0, 'a waiting answer');
      expect(gated.state.active).toBeLessThanOrEqual(2);
      gated.open(gated.waiting()[0] as string);
      answered += 1;
    }
    await Promise.all(runs);
    expect(timeline.filter((t) => t.endsWith(':answer'))).toHaveLength(5);
    expect(gated.state.maxActive).toBe(2);
  });

  it('does not bound an offline answerer by the LLM slots', async () => {
    const gated = gatedAnswerer(false);
    const { engine } = engineWith({ answerer: gated.answerer, maxConcurrentLlm: 1 });
    const runs = [1, 2, 3].map((i) => collect(engine.handle(msg({ threadId: `T${i}`, text: `q${i}` }))));
    await until(() => gated.waiting().length === 3, 'all three started');
    for (const q of gated.waiting()) gated.open(q);
    await Promise.all(runs);
  });
});

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
      updatedAt: current,
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
    expect(events[0]).toEqual({ type: 'status', text: 'Reviewing…' });
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
      current = new Date(current.getTime() + 86_400_000);
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
    current = new Date(current.getTime() + 60_000);
    const weak = await replyTo(engine, msg({ text: 'review We are the cheapest software.' }));
    const delta = (weak.review?.overall ?? 0) - (strong.review?.overall ?? 0);
    expect(delta).toBeLessThan(0);
    const text = textOf(await replyTo(engine, msg({ text: 'history' })));
    expect(text).toContain(`(${delta})`);
  });
});

describe('buttons', () => {
  it('stores 👍/👎 feedback on an answer, one vote per user and message', async () => {
    const { engine, store } = engineWith();
    const answer = await replyTo(engine, msg());
    const up = answer.buttons.find((b) => b.action === 'feedback_up');
    expect(up?.value).toBe(`answer|${answer.ref}`);
    const input = { chat: CHAT, userId: 'U1', messageRef: '1700000000.999', action: 'feedback_up' as const };
    const thanks = finals(await collect(engine.action({ ...input, value: up?.value ?? '' })));
    expect(thanks[0]?.sections[0]).toContain('Thanks');

    let stored = await store.feedback(CHAT, 10);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      ...CHAT,
      messageRef: '1700000000.999',
      userId: 'U1',
      value: 'up',
      about: { kind: 'answer', ref: answer.ref },
    });

    await collect(engine.action({ ...input, action: 'feedback_down', value: up?.value ?? '' }));
    stored = await store.feedback(CHAT, 10);
    expect(stored).toHaveLength(1);
    expect(stored[0]?.value).toBe('down');
  });

  it('stores feedback on a review as about a review, and reviews again on request', async () => {
    const { engine, store } = engineWith();
    const review = await replyTo(engine, msg({ text: 'review Cut energy costs 30% for mid-size plants.' }));
    const down = review.buttons.find((b) => b.action === 'feedback_down');
    await collect(
      engine.action({
        chat: CHAT,
        userId: 'U2',
        messageRef: 'm-review',
        action: 'feedback_down',
        value: down?.value ?? '',
      }),
    );
    expect((await store.feedback(CHAT, 10))[0]).toMatchObject({
      value: 'down',
      about: { kind: 'review', ref: review.ref },
    });

    const again = review.buttons.find((b) => b.action === 'review_again');
    const [reply] = finals(
      await collect(
        engine.action({
          chat: CHAT,
          userId: 'U1',
          messageRef: 'm-review',
          action: 'review_again',
          value: again?.value ?? '',
        }),
      ),
    );
    expect(reply).toMatchObject({ kind: 'review' });
    expect(reply?.review?.overall).toBe(review.review?.overall);
    expect(await store.reviews('slack:T1:U1', 10)).toHaveLength(2);
  });
});

describe('failures', () => {
  it('a failing answerer gets a friendly error reply and the engine keeps working', async () => {
    const log = memoryLogger();
    let calls = 0;
    const answerer: Answerer = {
      online: true,
      async *ask(question) {
        calls += 1;
        if (calls === 1) throw new Error('model exploded');
        yield { type: 'done', answer: doneAnswer(`Answer to: ${question}`) };
      },
      async answer() {
        throw new Error('not used');
      },
    };
    // One LLM slot and one thread: a leaked slot or lock would hang the second message.
    const { engine } = engineWith({ answerer, logger: log.logger, maxConcurrentLlm: 1 });
    const first = await replyTo(engine, msg({ threadId: 'T1' }));
    expect(first.kind).toBe('error');
    expect(textOf(first)).toContain('Sorry, something went wrong');
    expect(textOf(first)).not.toContain('model exploded');
    expect(log.lines().filter((l) => l.event_type === 'handle_failed')).toHaveLength(1);

    const second = await replyTo(engine, msg({ threadId: 'T1', text: 'Second question' }));
    expect(second).toMatchObject({ kind: 'answer', sections: ['Answer to: Second question'] });

    const zh = await replyTo(engine, msg({ text: '什么是价值主张？' }));
    expect(zh.kind).toBe('answer');
  });

  it('a failing answerer replies in Chinese to a Chinese question', async () => {
    const answerer: Answerer = {
      online: false,
      // biome-ignore lint/correctness/useYield: it fails before answering
      async *ask() {
        throw new Error('boom');
      },
      async answer() {
        throw new Error('not used');
      },
    };
    const { engine } = engineWith({ answerer });
    const reply = await replyTo(engine, msg({ text: '什么是价值主张？' }));
    expect(reply).toMatchObject({ kind: 'error', lang: 'zh' });
    expect(textOf(reply)).toContain('抱歉');
  });

  it('a failing turn write still delivers the answer, logs a warning and does not throw', async () => {
    const log = memoryLogger();
    const real = openStore();
    const store: Store = {
      ...real,
      appendTurn: async () => {
        throw new Error('disk full');
      },
      appendTurns: async () => {
        throw new Error('disk full');
      },
    };
    const { engine } = engineWith({ store, logger: log.logger });
    const reply = await replyTo(engine, msg());
    expect(reply.kind).toBe('answer');
    expect(textOf(reply)).not.toContain('disk full');
    const warning = log.lines().find((l) => l.event_type === 'remember_failed');
    expect(warning?.message).toContain('disk full');
    expect(
      (await replyTo(engine, msg({ text: 'review Cut energy costs 30% for mid-size plants.' }))).kind,
    ).toBe('review');
    // The engine goes on.
    expect((await replyTo(engine, msg({ text: 'tip' }))).kind).toBe('tip');
  });

  it('an unavailable store gets a friendly error reply', async () => {
    const store = openStore();
    const { engine } = engineWith({ store });
    await store.close();
    const reply = await replyTo(engine, msg());
    expect(reply.kind).toBe('error');
  });

  it('a failing feedback write gets a friendly reply', async () => {
    const real = openStore();
    const store: Store = {
      ...real,
      saveFeedback: async () => {
        throw new Error('locked');
      },
    };
    const { engine } = engineWith({ store });
    const [reply] = finals(
      await collect(
        engine.action({
          chat: CHAT,
          userId: 'U1',
          messageRef: 'm',
          action: 'feedback_up',
          value: 'answer|x',
        }),
      ),
    );
    expect(reply?.kind).toBe('error');
  });
});
