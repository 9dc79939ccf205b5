import { describe, expect, it, vi } from 'vitest';
import {
  CHAT,
  clock,
  collect,
  doneAnswer,
  engineWith,
  msg,
  openStore,
  replyTo,
  setupEngineFixture,
  textOf,
} from '../../../test/support/engine-fixture.ts';
import { answerEvent } from '../../../test/support/insights-seed.ts';
import { memoryLogger } from '../../../test/support/memory-logger.ts';
import type { Answerer } from '../answer/answerer.ts';
import { createInsightsRecorder } from '../insights/recorder.ts';
import type { Logger } from '../logger.ts';
import type { RichReply } from '../reply/types.ts';
import { reviewOffline } from '../review/offline-critic.ts';
import { LLM_UNAVAILABLE_NOTE } from '../review/reviewer.ts';
import type { Reviewer } from '../review/types.ts';
import type { InsightsStore } from '../store/insights-types.ts';
import type { Store } from '../store/types.ts';
import { createAdmins } from './admins.ts';

setupEngineFixture();

const SINCE = { since: new Date('2025-03-01T00:00:00Z') };

function recorded(store: Store, logger?: Logger) {
  const insights = createInsightsRecorder({ store: store.insights, logger: logger ?? memoryLogger().logger });
  return { insights, ...engineWith({ store, insights }) };
}

describe('insights recording', () => {
  it('records each answer with its outcome and citations, and keeps the text of unanswered questions only', async () => {
    const { engine, store, insights } = recorded(openStore());
    await replyTo(engine, msg({ text: 'What is a UVP?' }));
    await replyTo(engine, msg({ text: 'Which CRM tool should we buy?' }));
    await replyTo(engine, msg({ text: 'What CTR should our Google Ads get?' }));
    await replyTo(engine, msg({ text: 'what ctr should our google ads get', userId: 'U2' }));
    await insights.flush();
    const s = await store.insights.summary(SINCE);
    expect(s).toMatchObject({ questions: 4, answered: 1, partly: 1, unanswered: 2, users: 2, fallbacks: 0 });
    expect(s.topEntries.map((e) => e.id)).toContain('usp-vs-uvp');
    expect(s.unansweredQuestions).toEqual([
      { text: expect.stringMatching(/google ads/i), count: 2, last: clock.current },
    ]);
    expect(JSON.stringify(s)).not.toMatch(/UVP\?|CRM tool/);
  });

  it('records reviews with their scores, and votes joined to the reply they rate', async () => {
    const { engine, store, insights } = recorded(openStore());
    const review = await replyTo(engine, msg({ text: 'review Cut energy costs 30% for mid-size plants.' }));
    const answer = await replyTo(engine, msg({ text: 'What is a UVP?' }));
    /** Clicks the reply's button for `action`, as U1 would. */
    const click = (reply: RichReply, action: 'feedback_down' | 'review_again', messageRef: string) => {
      const value = reply.buttons.find((b) => b.action === action)?.value ?? '';
      return collect(engine.action({ chat: CHAT, userId: 'U1', messageRef, action, value }));
    };
    await click(answer, 'feedback_down', '1700000000.999');
    await click(review, 'review_again', '1700000001.000');
    await insights.flush();
    const d = await store.insights.dashboard(SINCE);
    expect(d.reviews).toBe(2);
    expect(d.overallAvg).toBe(review.review?.overall);
    expect(d.reviewAvg.clarity).toBe(review.review?.scores.clarity);
    expect(d.feedback).toEqual({ up: 0, down: 1 });
    expect(d.worstRated).toEqual([
      expect.objectContaining({ ref: answer.ref, kind: 'answer', outcome: 'answered', down: 1 }),
    ]);
    expect(d.worstRated[0]?.cited).toContain('usp-vs-uvp');
  });

  it('counts a model failure answered offline as a fallback, and a failed answer as an error', async () => {
    let fail = false;
    const answerer: Answerer = {
      online: true,
      async *ask() {
        if (fail) throw new Error('boom');
        yield {
          type: 'done',
          answer: { ...doneAnswer('offline'), coverage: 'covered', usage: { input: 120, output: 30 } },
        };
      },
      answer: async () => doneAnswer('unused'),
    };
    const store = openStore();
    const insights = createInsightsRecorder({ store: store.insights, logger: memoryLogger().logger });
    const { engine } = engineWith({ store, insights, answerer });
    expect((await replyTo(engine, msg())).kind).toBe('answer');
    fail = true;
    expect((await replyTo(engine, msg())).kind).toBe('error');
    await insights.flush();
    expect(await store.insights.summary(SINCE)).toMatchObject({
      questions: 2,
      answered: 1,
      fallbacks: 1,
      errors: 1,
      modelCalls: 1,
      tokens: { in: 120, out: 30 },
    });
  });

  it("counts a review's model tokens, and a review given offline after a model failure as a fallback", async () => {
    let down = false;
    const reviewer: Reviewer = {
      review: async (draft) => {
        const r = reviewOffline(draft);
        return down
          ? { ...r, notes: [LLM_UNAVAILABLE_NOTE[r.lang], ...r.notes] }
          : { ...r, mode: 'llm', usage: { input: 900, output: 150 } };
      },
    };
    const store = openStore();
    const insights = createInsightsRecorder({ store: store.insights, logger: memoryLogger().logger });
    const { engine } = engineWith({ store, insights, reviewer });
    await replyTo(engine, msg({ text: 'review Cut energy costs 30% for mid-size plants.' }));
    down = true;
    await replyTo(engine, msg({ text: 'review Cut energy costs 30% for mid-size plants.' }));
    await insights.flush();
    expect(await store.insights.summary(SINCE)).toMatchObject({
      reviews: 2,
      fallbacks: 1,
      modelCalls: 2,
      tokens: { in: 900, out: 150 },
    });
  });

  it('a failing insights store never breaks a reply: the failure is logged', async () => {
    const log = memoryLogger();
    const real = openStore();
    const broken: InsightsStore = {
      ...real.insights,
      record: async () => {
        throw new Error('disk full');
      },
    };
    const insights = createInsightsRecorder({ store: broken, logger: log.logger });
    const { engine } = engineWith({ store: real, insights });
    expect((await replyTo(engine, msg())).kind).toBe('answer');
    await insights.flush();
    const line = log.lines().find((l) => l.event === 'insights_record_failed');
    expect(line?.message).toContain('disk full');
  });

  it('batches what is queued in one turn of the event loop into one write, after record returned', async () => {
    const batches: number[] = [];
    const store = openStore();
    const counting: InsightsStore = {
      ...store.insights,
      record: async (events) => {
        batches.push(events.length);
      },
    };
    const insights = createInsightsRecorder({ store: counting, logger: memoryLogger().logger });
    for (let i = 0; i < 3; i += 1) insights.record(answerEvent());
    expect(batches).toEqual([]); // nothing written on the caller's path
    await insights.flush();
    expect(batches).toEqual([3]);
    // Without a flush: events recorded across several turns of the event loop go in one batch.
    for (let i = 0; i < 4; i += 1) {
      insights.record(answerEvent());
      await new Promise((r) => setImmediate(r));
    }
    expect(batches).toEqual([3]);
    await vi.waitFor(() => expect(batches).toEqual([3, 4]), { timeout: 5_000, interval: 20 });
  });
});

describe('stats in chat', () => {
  it('gives admins the headline figures, and everyone else a clear no', async () => {
    const store = openStore();
    const { engine } = engineWith({ store, admins: createAdmins(['slack:UADMIN']) });
    await replyTo(engine, msg({ text: 'What CTR should our Google Ads get?' }));
    await replyTo(engine, msg({ text: 'What is a UVP?' }));
    const denied = await replyTo(engine, msg({ text: '/stats', userId: 'U1' }));
    expect(textOf(denied)).toContain('Only Coach admins');
    const shown = textOf(await replyTo(engine, msg({ text: '/stats 7d', userId: 'UADMIN' })));
    expect(shown).toContain('Questions: **2**');
    expect(shown).toMatch(/1× “What CTR should our Google Ads get\?”/);
    expect(shown).toContain('usp-vs-uvp');
    const zh = textOf(await replyTo(engine, msg({ text: '/统计 七天', userId: 'UADMIN' })));
    expect(zh).toContain('用法');
  });

  it('reads "统计 …" without a slash as a question', async () => {
    const { engine } = engineWith({ admins: createAdmins(['slack:U1']) });
    expect((await replyTo(engine, msg({ text: '统计 数据怎么用在营销里' }))).kind).toBe('answer');
  });
});
