/**
 * `npm run eval:model`: the real sets scored with a model configured (eval/model-eval.ts). Real client,
 * real HTTP, the fake OpenAI server; the items are written here, not taken from the eval sets.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runModelEval } from '../eval/model-eval.ts';
import type { RealCopy, RealQuestion } from '../eval/real-eval.ts';
import { loadKnowledge } from '../src/core/knowledge/load.ts';
import { createRetriever } from '../src/core/retrieval/retriever.ts';
import { type FakeOpenAI, type FakeRequest, startFakeOpenAI } from './fakes/fake-openai.ts';
import { allScores } from './support/insights-seed.ts';
import { memoryLogger, testClient } from './support/llm-test-support.ts';

const retriever = createRetriever(loadKnowledge('knowledge'));

const question = (id: string, q: string, scope: RealQuestion['scope'], expect: string[]): RealQuestion => ({
  id,
  lang: 'en',
  q,
  url: 'https://example.test/q',
  scope,
  expect,
});
const copy = (id: string, draft: string, band: RealCopy['band']): RealCopy => ({
  id,
  lang: 'en',
  draft,
  url: 'https://example.test/c',
  band,
  expert_score: band === 'high' ? 75 : 30,
  weak: ['credibility', 'quantified_results'],
});

const QUESTIONS = [
  // Retrieval cites key-decision-maker first; the label asks for risk-and-group-checks (third offline).
  question('q1', 'How do I convince a CFO to buy our data platform?', 'in', ['risk-and-group-checks']),
  question('q2', "What's a normal click-through rate for LinkedIn ads?", 'out', []),
];
const STRONG = 'Northwind Health cut claim denials from 12% to 7% in six months with Ledgerly.';
const VAGUE = 'The leading platform for everyone.';
const COPY = [copy('c1', STRONG, 'high'), copy('c2', VAGUE, 'low')];

/** A critic reply with every dimension at `score`. */
const review = (score: number) =>
  JSON.stringify({ scores: allScores(score), findings: [], suggestions: [], rewrite: null });

/** Which structured call a request is (its response format's name). */
const callOf = (req: FakeRequest) => JSON.stringify(req.body.response_format ?? {});

let fake: FakeOpenAI;
beforeEach(async () => {
  fake = await startFakeOpenAI();
});
afterEach(async () => {
  await fake.close();
});

function run(concurrency = 1) {
  const mem = memoryLogger();
  const llm = testClient(fake.url, { logger: mem.logger, maxRetries: 0 });
  return runModelEval({ llm, retriever, logger: mem.logger, rerankTimeoutMs: 2_000, concurrency }, [
    { label: 'dev', questions: QUESTIONS, copy: COPY },
  ]);
}

describe('eval:model', () => {
  it("scores the copy with the model's scores and the questions with the model's order", async () => {
    // In order: the rerank of q1 (q2 is refused by retrieval: no call), then the two reviews.
    fake.reply('{"ids": ["risk-and-group-checks"]}').reply(review(5)).reply(review(0));
    const [col] = await run();
    expect(col?.label).toBe('dev');
    expect(fake.requests.map(callOf).map((c) => (c.includes('rerank') ? 'rerank' : 'review'))).toEqual([
      'rerank',
      'review',
      'review',
    ]);
    // The model's order decides the first citation; the refused question stays refused.
    expect(col?.questions.offline.inAt1).toBe(0);
    expect(col?.questions.model.inAt1).toBe(1);
    expect(col?.questions.model.outRefused).toBe(1);
    // Both drafts land in the expert's band with the model's scores (5s → 100, 0s → 0).
    expect(col?.copy.model.bandAccuracy).toBe(1);
    expect(col?.copy.model.highInHigh).toBe(1);
    expect(col?.rerank).toEqual({ calls: 1, failed: 0 });
    expect(col?.reviews).toEqual({ calls: 2, failed: 0 });
    // The tokens the service reported, summed over the three calls.
    expect(col?.tokens.input).toBeGreaterThan(0);
    expect(col?.tokens.output).toBeGreaterThan(0);
  });

  it('counts failed calls and scores those items as the service would answer them', async () => {
    fake.fail(500).reply(review(0)).fail(500);
    const [col] = await run();
    // The rerank failed: retrieval's order is used, so the figures equal the offline ones.
    expect(col?.rerank).toEqual({ calls: 1, failed: 1 });
    expect(col?.questions.model.inAt3).toBe(col?.questions.offline.inAt3);
    // The strong draft was scored 0 by the model (low, not the expert's high) …
    expect(col?.copy.model.highInHigh).toBe(0);
    // … the vague one's review failed and fell back to the offline critic's result.
    expect(col?.reviews).toEqual({ calls: 2, failed: 1 });
    expect(col?.copy.model.lowInLow).toBe(col?.copy.offline.lowInLow);
  });

  it('runs calls side by side without losing an item', async () => {
    fake.setDefaultReply((req) => (callOf(req).includes('rerank') ? '{"ids": []}' : review(3)));
    const [col] = await run(4);
    expect(fake.requests).toHaveLength(3);
    expect(col?.copy.model.drafts).toBe(2);
    expect(col?.questions.model.inScope).toBe(1);
    expect(col?.reviews.failed).toBe(0);
    expect(col?.rerank.failed).toBe(0);
  });
});
