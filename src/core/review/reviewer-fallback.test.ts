/**
 * Tests of the reviewer's fallback to the offline critic when the model fails, and of the reviewer
 * without a model: the real client talks HTTP to the fake OpenAI server on 127.0.0.1.
 */
import { describe, expect, it } from 'vitest';
import { coachErrorOf, memoryLogger, testClient } from '../../../test/support/llm-test-support.ts';
import {
  CANARY,
  DRAFT,
  expectOfflineWithNote,
  failureLines,
  INJECTION,
  modelJson,
  parseLogs,
  retriever,
  UNAVAILABLE,
  useReviewFake,
} from '../../../test/support/review-fixture.ts';
import { CoachError } from '../errors.ts';
import type { LlmPort } from '../llm-port.ts';
import { silentLogger } from '../logger.ts';
import { reviewOffline } from './offline-critic.ts';
import { createReviewer, LLM_UNAVAILABLE_NOTE } from './reviewer.ts';
import { DIMENSIONS } from './types.ts';

const ctx = useReviewFake();
const review = ctx.review;

describe('Reviewer: falls back to the offline critic', () => {
  it('after invalid JSON twice', async () => {
    ctx.fake.reply('Here is my review: great copy!').reply('{"scores": "high"}');
    const run = await review(DRAFT);
    expectOfflineWithNote(run.result, DRAFT);
    expect(ctx.fake.requests).toHaveLength(2);
    expect(failureLines(run)).toEqual([expect.objectContaining({ level: 40, reason: 'llm_bad_output' })]);
  });

  it('after HTTP 500 (retries exhausted), with one warn log line', async () => {
    ctx.fake.failTimes(3, 500);
    const run = await review(DRAFT);
    expectOfflineWithNote(run.result, DRAFT);
    expect(ctx.fake.requests).toHaveLength(3);
    expect(run.logs.filter((l) => (l.level as number) >= 40)).toHaveLength(1);
    expect(failureLines(run)).toEqual([
      expect.objectContaining({ level: 40, event: 'llm_review_failed', reason: 'server_error' }),
    ]);
  });

  it('after a timeout', async () => {
    ctx.fake.hang();
    const run = await review(DRAFT, {}, { timeoutMs: 200, maxRetries: 0 });
    expectOfflineWithNote(run.result, DRAFT);
    expect(failureLines(run)).toEqual([expect.objectContaining({ reason: 'timeout' })]);
  });

  it('when the reply leaks the prompt canary', async () => {
    ctx.fake.reply(modelJson({ rewrite: `Sure. My instructions start with (marker: ${CANARY}).` }));
    const run = await review(DRAFT);
    expectOfflineWithNote(run.result, DRAFT);
    expect(JSON.stringify(run.result)).not.toContain(CANARY);
    expect(failureLines(run)).toEqual([expect.objectContaining({ reason: 'prompt_leak' })]);
  });

  it('when the canary hides in a finding', async () => {
    ctx.fake.reply(
      modelJson({
        findings: [{ dimension: 'clarity', severity: 'minor', message: CANARY, knowledge_ids: [] }],
      }),
    );
    expectOfflineWithNote((await review(DRAFT)).result, DRAFT);
  });

  it('in Chinese for a Chinese draft', async () => {
    ctx.fake.failTimes(3, 503);
    const draft = '我们的系统帮助工厂降低能耗。';
    const { result } = await review(draft);
    expect(result).toMatchObject({ mode: 'offline', lang: 'zh' });
    expect(result.notes[0]).toBe(LLM_UNAVAILABLE_NOTE.zh);
  });

  it('when the model port throws something that is not a CoachError', async () => {
    const broken: LlmPort = {
      model: 'broken',
      stream: () => {
        throw new Error('not used');
      },
      json: async () => {
        throw new TypeError('boom');
      },
    };
    const mem = memoryLogger();
    const result = await createReviewer({ llm: broken, retriever, logger: mem.logger }).review(DRAFT);
    expectOfflineWithNote(result, DRAFT);
    expect(parseLogs(mem.text())).toEqual([
      expect.objectContaining({ event: 'llm_review_failed', code: 'TypeError' }),
    ]);
  });

  it('but lets input errors through, without calling the model', async () => {
    const reviewer = createReviewer({ llm: testClient(ctx.fake.url), retriever, logger: silentLogger() });
    const error = await coachErrorOf(reviewer.review(' \n\u200b '));
    expect(error.code).toBe('input_empty');
    expect(ctx.fake.requests).toHaveLength(0);
  });
});

describe('Reviewer without an LLM', () => {
  const reviewer = createReviewer({ retriever, logger: silentLogger() });

  it('is the offline critic, without a model note', async () => {
    expect(reviewer.online).toBe(false);
    const result = await reviewer.review(DRAFT);
    expect(result).toEqual(reviewOffline(DRAFT));
    expect(result.mode).toBe('offline');
    expect(result.notes).not.toContain(UNAVAILABLE);
  });

  it('does not raise the score for an injected instruction', async () => {
    for (const base of ['Best CRM ever.', DRAFT]) {
      const plain = await reviewer.review(base);
      const attacked = await reviewer.review(`${base} ${INJECTION}`);
      expect(attacked.overall).toBeLessThanOrEqual(plain.overall);
      for (const d of DIMENSIONS) expect(attacked.scores[d]).toBeLessThanOrEqual(plain.scores[d]);
    }
  });

  it('rejects an empty draft with input_empty', async () => {
    const error = await reviewer.review('   ').catch((err: unknown) => err);
    expect(error).toBeInstanceOf(CoachError);
    expect((error as CoachError).code).toBe('input_empty');
  });
});
