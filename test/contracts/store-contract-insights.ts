import { describe, expect, it, type TestContext } from 'vitest';
import { isCoachError } from '../../src/core/errors.ts';
import type { InsightsFilter } from '../../src/core/store/insights-types.ts';
import type { Store } from '../../src/core/store/types.ts';
import { allScores, answerEvent, reviewEvent, vote } from '../support/insights-seed.ts';

/** What the insights scenarios need from `describeStoreContract`. */
export interface InsightsContractContext {
  store: () => Store;
  second: (ctx: TestContext) => Promise<Store>;
}

const T = (iso: string) => new Date(iso);
const SINCE: InsightsFilter = { since: T('2025-03-01T00:00:00Z') };

/** Registers the insights scenarios: recording, figures, filters, gaps, dashboard series, retention. */
export function describeInsightsContract(c: InsightsContractContext): void {
  describe('insights', () => {
    it('counts questions by outcome, fallbacks, errors, model calls, users, tokens and latency', async () => {
      const { insights } = c.store();
      const latencies = Array.from({ length: 20 }, (_, i) => i + 1);
      await insights.record([
        ...latencies.map((latencyMs, i) =>
          answerEvent({
            latencyMs,
            userKey: `slack:T1:U${i % 3}`,
            outcome: i < 12 ? 'answered' : i < 16 ? 'partly' : 'unanswered',
            question: i >= 16 ? `how do we set ad budgets ${i}` : undefined,
            model: i < 10,
            fallback: i < 2,
            tokensIn: i < 10 ? 100 : 0,
            tokensOut: i < 10 ? 40 : 0,
          }),
        ),
        answerEvent({ outcome: 'error', latencyMs: 5_000, cited: [] }),
        reviewEvent(3, { outcome: 'error', overall: undefined, scores: undefined }),
      ]);
      const s = await insights.summary(SINCE);
      expect(s).toMatchObject({
        questions: 21,
        answered: 12,
        partly: 4,
        unanswered: 4,
        fallbacks: 2,
        errors: 2,
        modelCalls: 10,
        users: 3,
        reviews: 0,
        tokens: { in: 1_000, out: 400 },
        // the error's latency is not an answer's
        latencyMs: { p50: 10, p95: 19 },
      });
      expect(s.since).toEqual(SINCE.since);
      expect(s.overallAvg).toBeNull();
    });

    it('averages each review dimension and ranks the cited entries and team passages', async () => {
      const { insights } = c.store();
      await insights.record([
        reviewEvent(2, { cited: ['credibility-proof'] }),
        reviewEvent(4, { scores: { ...allScores(4), clarity: 5 } }),
        answerEvent({ cited: ['usp-vs-uvp', 'team:playbook#2'] }),
        answerEvent({ cited: ['usp-vs-uvp', 'usp-vs-uvp'] }),
        answerEvent({ cited: ['team:playbook#2', 'category-first'] }),
      ]);
      const s = await insights.summary(SINCE);
      expect(s.reviews).toBe(2);
      expect(s.overallAvg).toBe(60);
      expect(s.reviewAvg.credibility).toBe(3);
      expect(s.reviewAvg.clarity).toBe(3.5);
      expect(s.topEntries).toEqual([
        { id: 'team:playbook#2', count: 2 },
        { id: 'usp-vs-uvp', count: 2 },
        { id: 'category-first', count: 1 },
        { id: 'credibility-proof', count: 1 },
      ]);
    });

    it('keeps the text of unanswered questions only, grouped by similar wording', async () => {
      const { insights } = c.store();
      await insights.record([
        answerEvent({ outcome: 'unanswered', question: 'What is a good Google Ads budget?' }),
        answerEvent({ outcome: 'unanswered', question: 'what is a good google ads budget' }),
        answerEvent({
          outcome: 'unanswered',
          question: 'What is a good Google Ads budget for SaaS?',
          at: T('2025-03-12T08:00:00Z'),
        }),
        answerEvent({ outcome: 'unanswered', question: '邮件营销的打开率多少算正常？' }),
        answerEvent({ outcome: 'answered', question: 'secret answered question' }),
        answerEvent({ outcome: 'partly', question: 'secret partly question' }),
      ]);
      const s = await insights.summary(SINCE);
      expect(s.unansweredQuestions).toEqual([
        { text: expect.stringMatching(/google ads budget/i), count: 3, last: T('2025-03-12T08:00:00Z') },
        { text: '邮件营销的打开率多少算正常？', count: 1, last: T('2025-03-10T08:00:00Z') },
      ]);
      expect(JSON.stringify(await insights.dashboard(SINCE))).not.toContain('secret');
    });

    it('keeps one vote per user and reply (the last), and joins the worst rated to what they rated', async () => {
      const { insights } = c.store();
      const bad = answerEvent({
        ref: 'slack:C1:bad',
        cited: ['usp-vs-uvp', 'team:faq#1'],
        outcome: 'partly',
      });
      const good = answerEvent({ ref: 'slack:C1:good' });
      await insights.record([bad, good]);
      await insights.record([
        vote('slack:C1:bad', 'up'),
        vote('slack:C1:bad', 'down'), // U1 changes its mind
        vote('slack:C1:bad', 'down', { userKey: 'slack:T1:U2' }),
        vote('slack:C1:good', 'up', { userKey: 'slack:T1:U2' }),
        vote('slack:C1:good', 'down'),
      ]);
      const d = await insights.dashboard(SINCE);
      expect(d.feedback).toEqual({ up: 1, down: 3 });
      expect(d.worstRated).toEqual([
        {
          ref: 'slack:C1:bad',
          kind: 'answer',
          at: bad.at,
          platform: 'slack',
          chatId: 'C1',
          outcome: 'partly',
          cited: ['team:faq#1', 'usp-vs-uvp'],
          up: 0,
          down: 2,
        },
        expect.objectContaining({ ref: 'slack:C1:good', up: 1, down: 1 }),
      ]);
    });

    it('filters by time and by chat, and counts days in the given UTC offset', async () => {
      const { insights } = c.store();
      await insights.record([
        answerEvent({ at: T('2025-02-20T08:00:00Z') }),
        answerEvent({ at: T('2025-03-02T23:30:00Z') }),
        answerEvent({ at: T('2025-03-03T08:00:00Z'), platform: 'feishu', chatId: 'oc_1' }),
      ]);
      expect((await insights.summary(SINCE)).questions).toBe(2);
      expect((await insights.summary({ ...SINCE, until: T('2025-03-03T00:00:00Z') })).questions).toBe(1);
      const feishu = await insights.dashboard({ ...SINCE, chat: { platform: 'feishu', chatId: 'oc_1' } });
      expect(feishu.questions).toBe(1);
      expect(feishu.perDay).toEqual([
        { day: '2025-03-03', platform: 'feishu', chatId: 'oc_1', questions: 1 },
      ]);
      const shanghai = await insights.dashboard({ ...SINCE, utcOffsetMinutes: 480 });
      expect(shanghai.perDay.map((r) => [r.day, r.platform])).toEqual([
        ['2025-03-03', 'feishu'],
        ['2025-03-03', 'slack'],
      ]);
      const utc = await insights.dashboard(SINCE);
      expect(utc.outcomesPerDay.map((r) => r.day)).toEqual(['2025-03-02', '2025-03-03']);
    });

    it('gives the series of the admin page: reviews per week, model use and tips per day', async () => {
      const store = c.store();
      await store.insights.record([
        reviewEvent(1, { at: T('2025-03-03T08:00:00Z') }), // Monday
        reviewEvent(3, { at: T('2025-03-09T08:00:00Z') }), // Sunday, same week
        reviewEvent(5, { at: T('2025-03-10T08:00:00Z') }), // next Monday
        answerEvent({
          at: T('2025-03-10T08:00:00Z'),
          model: true,
          tokensIn: 50,
          tokensOut: 20,
          latencyMs: 300,
        }),
        answerEvent({ at: T('2025-03-10T09:00:00Z'), model: true, fallback: true, latencyMs: 900 }),
      ]);
      const chat = { platform: 'slack', workspace: 'T1', chatId: 'C1' };
      for (const day of ['2025-03-04', '2025-03-05']) {
        expect(await store.claimTipSlot(chat, day, 'usp-vs-uvp', T(`${day}T01:00:00Z`))).toBe(true);
        await store.finishTipSlot(chat, day, 'posted');
      }
      await store.claimTipSlot(chat, '2025-03-06', 'usp-vs-uvp', T('2025-03-06T01:00:00Z')); // not posted
      const d = await store.insights.dashboard(SINCE);
      expect(d.reviewsPerWeek.map((w) => [w.week, w.reviews, w.overall, w.avg.clarity])).toEqual([
        ['2025-03-03', 2, 40, 2],
        ['2025-03-10', 1, 100, 5],
      ]);
      expect(d.modelPerDay.find((r) => r.day === '2025-03-10')).toEqual({
        day: '2025-03-10',
        calls: 2,
        tokensIn: 50,
        tokensOut: 20,
        fallbacks: 1,
        errors: 0,
        avgLatencyMs: 600,
      });
      expect(d.tipsPerDay).toEqual([
        { day: '2025-03-04', tips: 1 },
        { day: '2025-03-05', tips: 1 },
      ]);
      expect(d.tipsSent).toBe(2);
    });

    it('counts what two processes record at once', async (ctx) => {
      const other = await c.second(ctx);
      await Promise.all([
        c.store().insights.record(Array.from({ length: 30 }, () => answerEvent())),
        other.insights.record(Array.from({ length: 30 }, () => answerEvent({ userKey: 'slack:T1:U9' }))),
      ]);
      const s = await c.store().insights.summary(SINCE);
      expect(s.questions).toBe(60);
      expect(s.users).toBe(2); // one salt per database, whichever process made it
    });

    it('deletes events, their citations and votes before the retention cut-off', async () => {
      const store = c.store();
      await store.insights.record([
        answerEvent({ at: T('2025-01-01T08:00:00Z'), ref: 'old', cited: ['old-entry'] }),
        vote('old', 'down', { at: T('2025-01-01T09:00:00Z') }),
        answerEvent({ at: T('2025-03-10T08:00:00Z'), cited: ['new-entry'] }),
      ]);
      expect(await store.insights.pruneBefore(T('2025-02-01T00:00:00Z'))).toBe(2);
      const s = await store.insights.summary({ since: T('2024-01-01T00:00:00Z') });
      expect(s.questions).toBe(1);
      expect(s.topEntries).toEqual([{ id: 'new-entry', count: 1 }]);
      expect(s.feedback).toEqual({ up: 0, down: 0 });
    });

    it('refuses bad dates and offsets', async () => {
      const { insights } = c.store();
      await expect(insights.summary({ since: new Date('nope') })).rejects.toSatisfy((e) =>
        isCoachError(e, 'input_invalid'),
      );
      await expect(insights.summary({ ...SINCE, utcOffsetMinutes: 99_999 })).rejects.toSatisfy((e) =>
        isCoachError(e, 'input_invalid'),
      );
      await expect(insights.record([answerEvent({ latencyMs: -1 })])).rejects.toSatisfy((e) =>
        isCoachError(e, 'input_invalid'),
      );
    });
  });
}
