import { describe, expect, it } from 'vitest';
import { clampScores, computeOverall, NEUTRAL_SCORE, WEIGHTS } from './rubric.ts';
import { DIMENSIONS, type Dimension } from './types.ts';

const all = (n: number) => Object.fromEntries(DIMENSIONS.map((d) => [d, n])) as Record<Dimension, number>;

describe('rubric', () => {
  it('weights every dimension and sums to 1', () => {
    expect(Object.keys(WEIGHTS).sort()).toEqual([...DIMENSIONS].sort());
    expect(Object.values(WEIGHTS).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
  });

  it('maps all-5 to 100, all-0 to 0 and follows the weights in between', () => {
    expect(computeOverall(all(5))).toBe(100);
    expect(computeOverall(all(0))).toBe(0);
    const onlyCredibility = { ...all(0), credibility: 5 };
    expect(computeOverall(onlyCredibility)).toBe(Math.round(100 * WEIGHTS.credibility));
  });

  it('clamps, rounds and fills untrusted scores', () => {
    const out = clampScores({
      customer_value: 7,
      quantified_results: -2,
      credibility: 2.6,
      clarity: '4',
      category_focus: 'x',
    });
    expect(out.customer_value).toBe(5);
    expect(out.quantified_results).toBe(0);
    expect(out.credibility).toBe(3);
    expect(out.clarity).toBe(4);
    expect(out.category_focus).toBe(NEUTRAL_SCORE);
    expect(out.value_not_price).toBe(NEUTRAL_SCORE);
    expect(clampScores(null)).toEqual(all(NEUTRAL_SCORE));
  });

  it('never lets out-of-range input push overall outside 0–100', () => {
    expect(computeOverall(all(50))).toBe(100);
    expect(computeOverall(all(-9))).toBe(0);
  });
});
