import { describe, expect, it } from 'vitest';
import { findInOrder } from './in-order.ts';

describe('findInOrder', () => {
  const steps = [/\bif\s/i, /\blonger than\b/i, /\bfree\b/i];

  it('finds the steps in order within one clause and quotes from the first', () => {
    expect(findInOrder('Fast. If setup takes longer than a week, it is free.', steps, 100)).toEqual([
      'If setup takes longer than a week, it is free',
    ]);
  });

  it('needs every step, in order, in the same clause, within the span', () => {
    expect(findInOrder('It is free if setup takes longer than a week.', steps, 100)).toEqual([]);
    expect(findInOrder('If setup takes longer than a week. It is free.', steps, 100)).toEqual([]);
    expect(findInOrder('If setup takes longer than a week, it is free.', steps, 20)).toEqual([]);
  });

  it('does not end a clause at the dot of a number or an address', () => {
    expect(
      findInOrder(
        'If uptime falls below 99.9% (see status.example.com), the month is free.',
        steps.slice(0, 1).concat([/\bbelow\b/i, /\bfree\b/i]),
        100,
      ),
    ).toHaveLength(1);
  });

  it('reads a long hostile clause once per step, not once per pair of offsets', () => {
    const clause = `if ${'longer than '.repeat(20_000)}`;
    expect(findInOrder(clause, steps, 100)).toEqual([]);
  });
});
