/** The agreement figures between two raters (eval/agreement.ts), on hand-worked examples. */
import { describe, expect, it } from 'vitest';
import { cohensKappa, copyAgreement, questionAgreement } from '../eval/agreement.ts';

describe("Cohen's kappa", () => {
  it('is 1 for identical raters and 0 for agreement no better than chance', () => {
    expect(cohensKappa(['a', 'b', 'a'], ['a', 'b', 'a'], ['a', 'b'])).toBe(1);
    // Observed 0.5; each rater says "a" half the time, so chance is 0.5 too.
    expect(cohensKappa(['a', 'a', 'b', 'b'], ['a', 'b', 'a', 'b'], ['a', 'b'])).toBe(0);
  });

  it('is negative when raters disagree more than chance', () => {
    expect(cohensKappa(['a', 'b'], ['b', 'a'], ['a', 'b'])).toBeLessThan(0);
  });
});

describe('copy agreement', () => {
  const A = [
    { band: 'high' as const, score: 70, weak: ['clarity', 'credibility'] },
    { band: 'high' as const, score: 80, weak: ['clarity', 'credibility'] },
    { band: 'low' as const, score: 20, weak: ['customer_value', 'clarity'] },
    { band: 'mid' as const, score: 50, weak: ['value_not_price', 'clarity'] },
  ];
  const B = [
    { band: 'high' as const, score: 66, weak: ['credibility', 'category_focus'] },
    { band: 'mid' as const, score: 60, weak: ['customer_value', 'decision_maker_fit'] },
    { band: 'low' as const, score: 30, weak: ['clarity', 'quantified_results'] },
    { band: 'low' as const, score: 35, weak: ['value_not_price', 'credibility'] },
  ];

  it('scores B against A as the eval scores Coach against the expert', () => {
    const r = copyAgreement(A, B);
    expect(r.n).toBe(4);
    expect(r.band).toBe(0.5);
    expect(r.highInHigh).toBe(0.5);
    expect(r.lowInLow).toBe(1);
    expect(r.weak).toBe(0.75);
    expect(r.meanAbsScore).toBeCloseTo((4 + 20 + 10 + 15) / 4);
  });
});

describe('question agreement', () => {
  it("compares scope, and the entries of the reference's in-scope questions with the other's first three", () => {
    const a = [
      { scope: 'in' as const, expect: ['x', 'y'] },
      { scope: 'in' as const, expect: ['z'] },
      { scope: 'out' as const, expect: [] },
      { scope: 'out' as const, expect: [] },
    ];
    const b = [
      { scope: 'in' as const, expect: ['y'] },
      { scope: 'in' as const, expect: ['x'] },
      { scope: 'out' as const, expect: [] },
      { scope: 'partial' as const, expect: ['x'] },
    ];
    const r = questionAgreement(a, b);
    expect(r.scope).toBe(0.75);
    expect(r.inAt3).toBe(0.5);
    expect(r.outAgree).toBe(0.5);
  });
});
