import { describe, expect, it } from 'vitest';
import { numbersIn, placeholdersIn } from '../eval/real-eval.ts';

describe('the real-copy eval', () => {
  it('counts only the placeholders a rewrite adds, not bracketed text the draft already has', () => {
    const draft = "canal [kə'næl] reads MySQL logs.";
    expect(
      placeholdersIn(
        `For [segment]: canal [kə'næl] reads MySQL logs. [Customer] cut [metric] by [X%].`,
        draft,
      ),
    ).toBe(4);
    expect(placeholdersIn('[a] [b] [c] [d] [e]')).toBe(5);
    // A bracket repeated in the rewrite is the draft's only as many times as the draft has it.
    expect(placeholdersIn('[Beta] [Beta]', 'Foo [Beta]')).toBe(1);
  });

  it('reads the numbers of a draft as plain digits', () => {
    expect(numbersIn('Cut 1,200 hours (30%) in 3.5 weeks')).toEqual(['1200', '30', '3.5']);
  });
});
