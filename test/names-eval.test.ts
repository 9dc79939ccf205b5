import { describe, expect, it } from 'vitest';
import { type NamesItem, scoreNames } from '../eval/names-eval.ts';

const item = (
  id: string,
  draft: string,
  customers: string[],
  vendor: string[],
  others: string[] = [],
): NamesItem => ({
  id,
  lang: 'en',
  draft,
  customers,
  vendor,
  others,
});

describe('the named-customer eval', () => {
  const items = [
    item('a', 'Netflix engineers use Druid at scale.', ['Netflix'], ['Druid']),
    item('b', 'Acme and Globex cut costs 30% with Ledgerly.', ['Acme', 'Globex'], ['Ledgerly']),
    item('c', 'Ledgerly is an alternative to Stripe.', [], ['Ledgerly'], ['Stripe']),
  ];

  it('counts drafts and names found, and names read that are not customers', () => {
    const reader = (text: string) =>
      text.startsWith('Netflix') ? ['Netflix engineers'] : text.startsWith('Acme') ? ['Acme'] : ['Stripe'];
    const r = scoreNames(items, reader);
    expect(r).toMatchObject({ withCustomer: 2, draftsFound: 2, names: 3, namesFound: 2, falseDrafts: 1 });
    expect(r.read).toBe(3);
    expect(r.wrongNames).toBe(1);
    expect(r.misses.map((m) => m.id)).toEqual(['b', 'c']);
    expect(r.misses[0]?.missed).toEqual(['Globex']);
  });

  it('finds nothing wrong with a reader that reads exactly the labels', () => {
    const byDraft = new Map(items.map((i) => [i.draft, i.customers]));
    const r = scoreNames(items, (t) => byDraft.get(t) ?? []);
    expect(r).toMatchObject({ draftsFound: 2, namesFound: 3, falseDrafts: 0, wrongNames: 0, misses: [] });
  });
});
