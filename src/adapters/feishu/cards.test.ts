import { describe, expect, it } from 'vitest';
import type { RichReply } from '../../core/reply/types.ts';
import {
  FEISHU_MAX_REQUEST_BYTES,
  MAX_CONTENT_BYTES,
  renderCards,
  requestBytes,
  toLarkMarkdown,
  withoutButtons,
} from './cards.ts';

const base: RichReply = {
  kind: 'answer',
  lang: 'en',
  sections: ['Trust comes first [1].'],
  citations: [{ id: 'trust', title: 'Trust', source: 'digoal, "B2B" (2021-09-06)' }],
  notes: ['AI model unavailable'],
  buttons: [
    { action: 'feedback_up', label: '👍 Helpful', value: 'answer|r1' },
    { action: 'feedback_down', label: '👎 Not helpful', value: 'answer|r1' },
  ],
  ref: 'r1',
};

describe('renderCards', () => {
  it('renders sections, sources, notes and buttons carrying the action and value', () => {
    const [card, more] = renderCards(base);
    expect(more).toBeUndefined();
    expect(card?.config.update_multi).toBe(true);
    const json = JSON.stringify(card);
    expect(json).toContain('**Sources**\\n[1] Trust (trust)');
    expect(json).toContain('ℹ️ AI model unavailable');
    const action = card?.elements.find((e) => e.tag === 'action') as unknown as {
      actions: { value: unknown }[];
    };
    expect(action.actions[0]?.value).toEqual({ coach: 'feedback_up', v: 'answer|r1' });
  });

  it('splits a reply over the size limit, by paragraphs and inside one huge paragraph, buttons last', () => {
    const huge = '长'.repeat(40_000);
    const cards = renderCards({ ...base, sections: ['a'.repeat(20_000), 'b'.repeat(20_000), huge] });
    expect(cards.length).toBeGreaterThanOrEqual(4);
    for (const c of cards) expect(requestBytes(c)).toBeLessThan(FEISHU_MAX_REQUEST_BYTES - 500);
    expect(cards.at(-1)?.elements.some((e) => e.tag === 'action')).toBe(true);
    expect(cards.slice(0, -1).every((c) => c.elements.every((e) => e.tag !== 'action'))).toBe(true);
    expect(cards[0]?.header.title.content).toMatch(/\(1\/\d\)$/);
    const text = cards.flatMap((c) => c.elements.map((e) => String(e.content ?? ''))).join('');
    expect(text.match(/长/g)).toHaveLength(40_000);
  });

  it('budgets by the escaped request size: an answer full of quotes and code stays under 30 KB per request', () => {
    const quotes = 'He said "trust" and "proof" again, "twice" \\ back\\slash.\n'.repeat(600);
    const code = '```json\n{"a": "b", "c": ["d", "e"]}\n```\n'.repeat(700);
    for (const sections of [[quotes], [code], [quotes, code]]) {
      const cards = renderCards({ ...base, sections });
      expect(cards.length).toBeGreaterThan(1);
      for (const c of cards) {
        // What Feishu receives: the card as an escaped string inside the request's JSON.
        const body = JSON.stringify({
          receive_id: 'oc_x',
          msg_type: 'interactive',
          content: JSON.stringify(c),
          uuid: 'u'.repeat(32),
        });
        expect(Buffer.byteLength(body)).toBeLessThanOrEqual(FEISHU_MAX_REQUEST_BYTES);
      }
      const shown = cards.flatMap((c) => c.elements.map((e) => String(e.content ?? ''))).join('\n');
      expect(shown.split('"trust"').length - 1).toBe(sections.includes(quotes) ? 600 : 0);
    }
  });

  it('uses no legacy card settings', () => {
    const [card] = renderCards(base);
    expect(card?.config).toEqual({ update_multi: true });
  });

  it('gives a review a score header', () => {
    const review = { overall: 42 } as RichReply['review'];
    const [card] = renderCards({ ...base, kind: 'review', review });
    expect(card?.header).toMatchObject({ title: { content: '📝 Copy review · 42/100' }, template: 'red' });
  });

  it('replaces buttons by a note', () => {
    const [card] = renderCards(base);
    if (!card) throw new Error('no card');
    const after = withoutButtons(card, 'Thanks!');
    expect(after.elements.some((e) => e.tag === 'action')).toBe(false);
    expect(JSON.stringify(after)).toContain('Thanks!');
  });
});

describe('toLarkMarkdown', () => {
  it('turns headings bold, quotes into a bar, _italic_ into *italic*, and defuses <at> tags', () => {
    expect(toLarkMarkdown('## Plan\n> keep it\nsee _(uvp)_ <at id=all></at>')).toBe(
      '**Plan**\n┃ keep it\nsee *(uvp)* ‹at id=all></at>',
    );
    expect(toLarkMarkdown('snake_case_name stays')).toBe('snake_case_name stays');
  });
});

describe('card byte budget on many short lines', () => {
  it('splits like the direct measure: every card fits, and no two neighbours would have fitted as one', () => {
    const text = Array.from({ length: 6_000 }, (_, i) => (i % 7 === 0 ? '' : `<"line" ${i}>`)).join('\n');
    const cards = renderCards({ ...base, notes: [], buttons: [], citations: [], sections: [text] });
    expect(cards.length).toBeGreaterThan(1);
    for (const c of cards) expect(requestBytes(c)).toBeLessThanOrEqual(MAX_CONTENT_BYTES);
    cards.slice(0, -1).forEach((c, i) => {
      const next = cards[i + 1]?.elements[0];
      expect(requestBytes({ ...c, elements: [...c.elements, next] })).toBeGreaterThan(MAX_CONTENT_BYTES);
    });
    const shown = cards.flatMap((c) => c.elements.filter((e) => e.tag === 'markdown').map((e) => e.content));
    expect(shown.join('\n').replace(/\n+/g, '\n')).toBe(toLarkMarkdown(text).replace(/\n+/g, '\n'));
  });
});
