/** Builders of insights events for tests and the benchmark. */
import { questionKey } from '../../src/core/insights/gaps.ts';
import type { InsightEvent, InsightFeedback } from '../../src/core/store/insights-types.ts';
import type { Store } from '../../src/core/store/types.ts';

/** The dimensions at one score. */
export const allScores = (score: number): Record<string, number> => ({
  customer_value: score,
  quantified_results: score,
  credibility: score,
  category_focus: score,
  value_not_price: score,
  decision_maker_fit: score,
  clarity: score,
});

/** An answer event; `over` replaces any field. */
export function answerEvent(over: Partial<InsightEvent> = {}): InsightEvent {
  const e: InsightEvent = {
    kind: 'answer',
    at: new Date('2025-03-10T08:00:00Z'),
    platform: 'slack',
    workspace: 'T1',
    chatId: 'C1',
    userKey: 'slack:T1:U1',
    command: 'ask',
    lang: 'en',
    outcome: 'answered',
    fallback: false,
    model: false,
    cited: ['usp-vs-uvp'],
    latencyMs: 100,
    tokensIn: 0,
    tokensOut: 0,
    ref: `slack:C1:${Math.random().toString(36).slice(2)}`,
    ...over,
  };
  if (e.outcome === 'unanswered' && e.question && !e.questionKey) e.questionKey = questionKey(e.question);
  return e;
}

/** A review event with every dimension at `score`. */
export function reviewEvent(score: number, over: Partial<InsightEvent> = {}): InsightEvent {
  return answerEvent({
    kind: 'review',
    command: 'review',
    cited: [],
    overall: score * 20,
    scores: allScores(score),
    ...over,
  });
}

/** A vote on `ref`. */
export function vote(
  ref: string,
  value: 'up' | 'down',
  over: Partial<InsightFeedback> = {},
): InsightFeedback {
  return {
    at: new Date('2025-03-10T09:00:00Z'),
    platform: 'slack',
    workspace: 'T1',
    chatId: 'C1',
    userKey: 'slack:T1:U1',
    about: 'answer',
    ref,
    value,
    ...over,
  };
}

const CHATS = [
  { platform: 'slack', workspace: 'T1', chatId: 'C-marketing' },
  { platform: 'slack', workspace: 'T1', chatId: 'C-growth' },
  { platform: 'feishu', workspace: 'tenant1', chatId: 'oc_brand' },
];
const ENTRIES = [
  'usp-vs-uvp',
  'key-decision-maker',
  'category-first',
  'thought-leadership',
  'team:playbook#3',
];
const GAPS = [
  'What CTR should our Google Ads get?',
  'what ctr should our google ads get',
  '邮件营销的打开率多少算正常？',
  'Which CRM should we buy?',
  '<script>alert("x")</script> how big should our SEO budget be?',
];

/**
 * `n` answers and reviews spread over the `days` before `now` (a fixed pseudo-random sequence, so runs
 * compare), with votes on some and daily tips: the data of the benchmark and the browser test.
 * Reviews improve week by week.
 */
export async function seedInsights(
  store: Store,
  n: number,
  now: Date,
  days = 60,
): Promise<{ events: number; votes: number }> {
  let x = 42;
  const rand = () => {
    x = (x * 1_103_515_245 + 12_345) % 2_147_483_648;
    return x / 2_147_483_648;
  };
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const batch: (InsightEvent | InsightFeedback)[] = [];
  let votes = 0;
  for (let i = 0; i < n; i += 1) {
    const age = rand() * days * 86_400_000;
    const at = new Date(now.getTime() - age);
    const chat = pick(CHATS);
    const user = `${chat.platform}:${chat.workspace}:U${Math.floor(rand() * 40)}`;
    const ref = `${chat.platform}:${chat.chatId}:m${i}`;
    const r = rand();
    const common = { at, ...chat, userKey: user, ref, latencyMs: 200 + Math.floor(rand() * 2_000) };
    if (r < 0.25) {
      const score = Math.max(
        0,
        Math.min(5, Math.round(2 + (3 * (days * 86_400_000 - age)) / (days * 86_400_000) + rand() - 0.5)),
      );
      batch.push(reviewEvent(score, { ...common, model: true, cited: [pick(ENTRIES)] }));
    } else {
      const o = rand();
      const outcome = o < 0.7 ? 'answered' : o < 0.85 ? 'partly' : o < 0.98 ? 'unanswered' : 'error';
      batch.push(
        answerEvent({
          ...common,
          outcome,
          model: true,
          fallback: rand() < 0.03,
          cited: outcome === 'answered' || outcome === 'partly' ? [pick(ENTRIES), pick(ENTRIES)] : [],
          tokensIn: 900 + Math.floor(rand() * 400),
          tokensOut: 200 + Math.floor(rand() * 200),
          ...(outcome === 'unanswered' ? { question: pick(GAPS) } : {}),
        }),
      );
    }
    if (rand() < 0.1) {
      votes += 1;
      batch.push(vote(ref, rand() < 0.75 ? 'up' : 'down', { ...chat, userKey: user, at }));
    }
    if (batch.length >= 2_000) await store.insights.record(batch.splice(0));
  }
  if (batch.length > 0) await store.insights.record(batch);
  for (let d = 1; d <= Math.min(days, 30); d += 1) {
    const day = new Date(now.getTime() - d * 86_400_000).toISOString().slice(0, 10);
    for (const chat of CHATS.slice(0, 2)) {
      if (await store.claimTipSlot(chat, day, pick(ENTRIES), now))
        await store.finishTipSlot(chat, day, 'posted');
    }
  }
  return { events: n, votes };
}
