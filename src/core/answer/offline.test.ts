import { describe, expect, it } from 'vitest';
import { isCoachError } from '../errors.ts';
import { readKnowledge } from '../knowledge/load.ts';
import { createRetriever } from '../retrieval/retriever.ts';
import { answerOffline, summarize } from './offline.ts';

const { kb } = readKnowledge('test/fixtures/knowledge');
const r = createRetriever(kb, { minScore: 0.5 });

describe('answerOffline', () => {
  it('answers in English with the best entry first, cited, and says it is offline', () => {
    const a = answerOffline(r, 'Should we lead with a discount?');
    expect(a.mode).toBe('offline');
    expect(a.lang).toBe('en');
    expect(a.citations[0]).toEqual({
      id: 'price-last',
      title: 'Low price is the weakest message',
      source: 'Test Author, "Fixture article" (测试文章), 2020-01-01',
    });
    expect(a.answer).toContain('**Low price is the weakest message** [1]');
    expect(a.answer).toContain('Apply it');
    expect(a.answer).toMatch(/Offline answer/);
  });

  it('answers a Chinese question in Chinese', () => {
    const a = answerOffline(r, '要不要降价？');
    expect(a.lang).toBe('zh');
    expect(a.answer).toContain('低价是最弱的信息');
    expect(a.answer).toContain('离线回答');
    expect(a.citations[0]?.source).toContain('《测试文章》');
  });

  it('tells an off-topic asker what Coach can help with, without citations', () => {
    const a = answerOffline(r, 'How long should I boil an egg?');
    expect(a.citations).toEqual([]);
    expect(a.answer).toMatch(/B2B marketing coach/);
  });

  it('reads a 100 KB question, cut with a note', () => {
    const a = answerOffline(r, `${'discount '.repeat(12_000)}?`);
    expect(a.notes[0]).toMatch(/Coach read the first \d+/);
    expect(a.citations[0]?.id).toBe('price-last');
  });

  it('rejects an empty question with input_empty', () => {
    expect(() => answerOffline(r, ' \n\t ')).toThrowError(expect.objectContaining({ code: 'input_empty' }));
    try {
      answerOffline(r, '');
    } catch (err) {
      expect(isCoachError(err, 'input_empty')).toBe(true);
    }
  });
});

describe('summarize', () => {
  it('keeps the first sentences and drops a clause that only introduces a list', () => {
    const body = 'First point here. Second point. Two ideas follow:\n\n- one\n- two\n\n**Apply it:** do it.';
    expect(summarize(body, 'en', 2)).toBe('First point here. Second point.');
    expect(summarize('第一句。第二句。第三句。', 'zh', 2)).toBe('第一句。第二句。');
  });
});
