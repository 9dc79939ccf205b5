import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isCoachError } from '../errors.ts';
import { reviewOffline } from './offline-critic.ts';
import { loadReviewEval, type ReviewEvalItem, scoreReviewEval } from './review-eval.ts';
import { DIMENSIONS, type Dimension, type ReviewResult } from './types.ts';

const EVAL_PATH = fileURLToPath(new URL('../../../eval/review.jsonl', import.meta.url));

function fakeResult(scores: Partial<Record<Dimension, number>>, overall: number): ReviewResult {
  const full = Object.fromEntries(DIMENSIONS.map((d) => [d, scores[d] ?? 4])) as Record<Dimension, number>;
  return {
    overall,
    scores: full,
    findings: [],
    suggestions: [],
    rewrite: null,
    mode: 'offline',
    lang: 'en',
    notes: [],
  };
}

function writeTemp(lines: string[]): string {
  const path = join(mkdtempSync(join(tmpdir(), 'review-eval-')), 'set.jsonl');
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

describe('scoreReviewEval', () => {
  const items: ReviewEvalItem[] = [
    { id: 'a', lang: 'en', draft: 'A', weak: [], pair: 'p1', stronger: true },
    { id: 'b', lang: 'en', draft: 'B', weak: ['credibility', 'clarity'], pair: 'p1', stronger: false },
    { id: 'c', lang: 'en', draft: 'C', weak: [], pair: 'p2', stronger: true },
    { id: 'd', lang: 'en', draft: 'D', weak: ['value_not_price'], pair: 'p2', stronger: false },
  ];
  const results: Record<string, ReviewResult> = {
    A: fakeResult({}, 80),
    // credibility lowest, clarity ties with customer_value for second-lowest: both are hits.
    B: fakeResult({ credibility: 0, clarity: 2, customer_value: 2 }, 40),
    C: fakeResult({}, 50),
    // a tie on overall is not a win; value_not_price is third-lowest: a miss.
    D: fakeResult({ credibility: 0, clarity: 1, value_not_price: 2 }, 50),
  };

  it('computes pair accuracy, weak-hit rate (ties count) and per-dimension rates', () => {
    const report = scoreReviewEval(items, (draft) => results[draft] as ReviewResult);
    expect(report.pairAccuracy).toBe(0.5);
    expect(report.weakHitRate).toBeCloseTo(2 / 3, 10);
    expect(report.perDimension.credibility).toEqual({ labelled: 1, hits: 1, rate: 1 });
    expect(report.perDimension.value_not_price).toEqual({ labelled: 1, hits: 0, rate: 0 });
    expect(report.perDimension.customer_value.labelled).toBe(0);
    expect(report.pairs.find((p) => p.pair === 'p2')?.correct).toBe(false);
    expect(report.drafts.find((d) => d.id === 'd')?.misses).toEqual(['value_not_price']);
  });
});

describe('loadReviewEval', () => {
  it('rejects a line that is not JSON, naming the line', () => {
    const path = writeTemp(['{"id":"x","lang":"en","draft":"A","weak":[]}', '{oops']);
    expect(() => loadReviewEval(path)).toThrow(/:2: not JSON/);
  });

  it('rejects unknown dimensions and half-paired drafts', () => {
    const bad = writeTemp(['{"id":"x","lang":"en","draft":"A","weak":["price"]}']);
    expect(() => loadReviewEval(bad)).toThrow();
    const lonely = writeTemp(['{"id":"x","lang":"en","draft":"A","weak":[],"pair":"p","stronger":true}']);
    let caught: unknown;
    try {
      loadReviewEval(lonely);
    } catch (err) {
      caught = err;
    }
    expect(isCoachError(caught, 'input_invalid')).toBe(true);
  });
});

describe('the offline critic on eval/review.jsonl', () => {
  const items = loadReviewEval(EVAL_PATH);

  it('is a balanced set of at least 44 drafts and 16 pairs', () => {
    expect(items.length).toBeGreaterThanOrEqual(44);
    const zh = items.filter((i) => i.lang === 'zh').length;
    expect(Math.abs(zh - (items.length - zh))).toBeLessThanOrEqual(items.length * 0.2);
    expect(new Set(items.flatMap((i) => (i.pair ? [i.pair] : []))).size).toBeGreaterThanOrEqual(16);
  });

  it('meets the targets: pair accuracy ≥ 0.9, weak-hit rate ≥ 0.85', () => {
    const report = scoreReviewEval(items, (draft) => reviewOffline(draft));
    expect(report.pairAccuracy).toBeGreaterThanOrEqual(0.9);
    expect(report.weakHitRate).toBeGreaterThanOrEqual(0.85);
  });
});
