/** Builders of insights events for tests and the benchmark. */
import { questionKey } from '../../src/core/insights/gaps.ts';
import type { InsightEvent, InsightFeedback } from '../../src/core/store/insights-types.ts';

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
