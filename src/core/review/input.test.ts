import { describe, expect, it } from 'vitest';
import { isCoachError } from '../errors.ts';
import { looksLikeQuestion, MAX_DRAFT_CHARS, prepareDraft } from './input.ts';

describe('prepareDraft', () => {
  it.each(['', '   \n\t  ', '\u0000\u0007\u200b'])('rejects an empty draft (%j) with input_empty', (raw) => {
    let caught: unknown;
    try {
      prepareDraft(raw);
    } catch (err) {
      caught = err;
    }
    expect(isCoachError(caught, 'input_empty')).toBe(true);
    expect((caught as Error).message).toMatch(/empty/);
    expect((caught as Error).message).toMatch(/草稿/);
  });

  it('trims and strips control and invisible characters but keeps line breaks', () => {
    const out = prepareDraft('  Cut close\u0000 time\u200b by 50%.\r\nUsed by 40 banks.  ');
    expect(out.draft).toBe('Cut close time by 50%.\nUsed by 40 banks.');
    expect(out.notes).toEqual([]);
    expect(out.lang).toBe('en');
  });

  it('drops terminal escape sequences whole, so no "[0m" is left to be read as a figure', () => {
    const ESC = '\u001b';
    const out = prepareDraft(
      `${ESC}[31mCut close time by 50%.${ESC}[0m ${ESC}]8;;https://evil.example${ESC}\\Read${ESC}]8;;${ESC}\\`,
    );
    expect(out.draft).toBe('Cut close time by 50%. Read');
  });

  it("drops a chat platform's mention tokens, which are not copy", () => {
    expect(prepareDraft('<!channel> Ledgerly closes the books in 4 days. <@U123> <#C42|general>').draft).toBe(
      'Ledgerly closes the books in 4 days.',
    );
    // Angle brackets in the copy itself stay.
    expect(prepareDraft('Latency <5 ms for <100 users>').draft).toBe('Latency <5 ms for <100 users>');
  });

  it('keeps the first 2,000 characters of a 2,500-character draft, cut at a sentence end, with a note', () => {
    const sentence = 'Our AP automation closes the month in four days for mid-size distributors. ';
    const raw = `${sentence.repeat(40).slice(0, 2499)}x`;
    const out = prepareDraft(raw);
    expect(out.draft.length).toBeLessThanOrEqual(MAX_DRAFT_CHARS);
    expect(out.draft.length).toBeGreaterThan(MAX_DRAFT_CHARS * 0.6);
    expect(out.draft.endsWith('.')).toBe(true);
    expect(out.notes).toHaveLength(1);
    expect(out.notes[0]).toContain('2,500');
    expect(out.notes[0]).toContain(out.draft.length.toLocaleString('en-US'));
  });

  it('cuts an unpunctuated Chinese draft at the limit and notes it in Chinese', () => {
    const out = prepareDraft('降低停机时间'.repeat(500));
    expect(Array.from(out.draft)).toHaveLength(MAX_DRAFT_CHARS);
    expect(out.lang).toBe('zh');
    expect(out.notes[0]).toMatch(/只点评了前 2,000 个字符/);
  });

  it('cuts English without sentence ends at a word boundary', () => {
    const out = prepareDraft('efficiency '.repeat(300));
    expect(out.draft.endsWith('efficiency')).toBe(true);
  });
});

describe('looksLikeQuestion', () => {
  it.each([
    'what is a UVP?',
    "What's the difference between USP and UVP?",
    'How do I write a value proposition',
    'Can you review my tagline?',
    'Should we mention price in our opener?',
    '怎么写价值主张？',
    '如何找到关键决策者',
    '为什么低价不是好卖点？',
    '我们的落地页一直在讲参数，怎么改？',
  ])('treats %j as a question', (text) => {
    expect(looksLikeQuestion(text)).toBe(true);
  });

  it.each([
    'Is your AP team still chasing 400 invoices a month?',
    'What if your plant never stopped?',
    'Month-end close in 4 days, not 9.',
    '还在为回款周期长发愁？',
    '您的工厂还在靠人工排产吗？',
    '非计划停机从每月31小时降到9小时。',
    '',
  ])('treats %j as copy', (text) => {
    expect(looksLikeQuestion(text)).toBe(false);
  });
});
