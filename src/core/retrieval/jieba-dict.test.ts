import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { trimmedDict } from '../../../scripts/jieba-dict.ts';
import { JIEBA_DICT, tokenize } from './tokenize.ts';

describe('the trimmed segmenter dictionary', () => {
  it('is current: every dictionary word of knowledge/ is in it (else run scripts/jieba-dict.ts)', () => {
    expect(readFileSync(JIEBA_DICT, 'utf8')).toBe(trimmedDict());
  }, 60_000);

  it('still segments marketing questions into their words', () => {
    expect(tokenize('怎样写出打动采购负责人的价值主张')).toEqual(
      expect.arrayContaining(['打动', '采购', '负责人', '价值', '主张']),
    );
  });

  it("keeps the knowledge's own names whole, which jieba's dictionary lacks", () => {
    expect(tokenize('自嗨锅是怎么做起来的？')).toContain('自嗨锅');
    expect(trimmedDict()).toMatch(/^自嗨锅 \d+ nz$/m);
    // A tag the segmenter already cuts into words is not added ("规避风险" → 规避 / 风险).
    expect(trimmedDict()).not.toMatch(/^规避风险 /m);
  }, 60_000);
});
