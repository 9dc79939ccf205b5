import { describe, expect, it } from 'vitest';
import { MAX_WORDS, splitPassages, TARGET_WORDS, wordCount } from './passages.ts';

const words = (n: number, word = 'lorem') => Array.from({ length: n }, () => word).join(' ');

describe('splitPassages', () => {
  it('keeps the heading path and links each passage to its heading', () => {
    const out = splitPassages(
      [
        { heading: 1, text: 'Acme', anchor: 'acme' },
        { text: 'Intro text.' },
        { heading: 2, text: 'Results', anchor: 'results' },
        { text: 'Onboarding fell by 40 %.' },
        { heading: 3, text: 'Q3', anchor: 'q3' },
        { text: 'Three plants live.' },
        { heading: 2, text: 'Quotes', anchor: 'quotes' },
        { text: '"It just works."' },
      ],
      'docs/acme.md',
    );
    expect(out.map((p) => [p.seq, p.heading, p.link, p.text])).toEqual([
      [0, 'Acme', 'docs/acme.md#acme', 'Intro text.'],
      [1, 'Acme › Results', 'docs/acme.md#results', 'Onboarding fell by 40 %.'],
      [2, 'Acme › Results › Q3', 'docs/acme.md#q3', 'Three plants live.'],
      [3, 'Acme › Quotes', 'docs/acme.md#quotes', '"It just works."'],
    ]);
    expect(new Set(out.map((p) => p.hash)).size).toBe(4);
  });

  it('cuts a long section into passages of a few hundred words, continuing at a block anchor', () => {
    const blocks = [
      { heading: 2, text: 'Playbook', anchor: 'blk-h' },
      ...Array.from({ length: 6 }, (_, i) => ({ text: `${words(100)}.`, anchor: `blk-${i}` })),
    ];
    const out = splitPassages(blocks, 'https://x.feishu.cn/docx/abc');
    expect(out.length).toBe(3);
    for (const p of out) expect(wordCount(p.text)).toBeLessThanOrEqual(TARGET_WORDS);
    expect(out.map((p) => p.link)).toEqual([
      'https://x.feishu.cn/docx/abc#blk-h',
      'https://x.feishu.cn/docx/abc#blk-2',
      'https://x.feishu.cn/docx/abc#blk-4',
    ]);
    expect(out.every((p) => p.heading === 'Playbook')).toBe(true);
  });

  it('cuts one huge paragraph at sentence ends, and a document without headings links to its pages', () => {
    const huge = Array.from({ length: 80 }, (_, i) => `Sentence number ${i} has some words in it.`).join(' ');
    const out = splitPassages(
      [
        { text: huge, anchor: 'page=1' },
        { text: 'Second page.', anchor: 'page=2' },
      ],
      'a.pdf',
    );
    expect(out.length).toBeGreaterThan(1);
    for (const p of out) expect(wordCount(p.text)).toBeLessThanOrEqual(MAX_WORDS);
    expect(out[0]?.link).toBe('a.pdf#page=1');
    expect(out[0]?.text.startsWith('Sentence number 0 ')).toBe(true);
    expect(out.at(-1)?.text).toContain('Second page.');
  });

  it('counts Chinese at two characters a word', () => {
    expect(wordCount('客户案例')).toBe(2);
    expect(wordCount('Acme 客户案例 cut 40%')).toBe(5);
  });
});
