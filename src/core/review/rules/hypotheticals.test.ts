import { describe, expect, it } from 'vitest';
import { reviewOffline } from '../offline-critic.ts';
import { withoutSuppositions } from './hypotheticals.ts';

describe("suppositions and the seller's own figures are not results", () => {
  it('leaves out questions to the reader and conditional clauses, keeping the rest', () => {
    expect(
      withoutSuppositions('If your volume doubled tomorrow, would your team cope? Foo handles the spike.'),
    ).toBe(' Foo handles the spike.');
    // Line breaks between sentences stay.
    expect(withoutSuppositions('年省成本 214 万元\n如果你的订单翻倍呢？\n86% 员工查询效率提升')).toBe(
      '年省成本 214 万元\n\n86% 员工查询效率提升',
    );
    expect(withoutSuppositions('Close fell from 10 days to 2, even if volumes double.')).toBe(
      'Close fell from 10 days to 2, even  .',
    );
    expect(withoutSuppositions('如果你的订单量翻倍，系统还能扛住吗？')).toBe('');
    expect(withoutSuppositions('如果订单量翻倍，系统还能扛住吗？')).toBe('，系统还能扛住吗？');
    expect(withoutSuppositions('一旦发生故障，5 分钟内自动切换。')).toBe('，5 分钟内自动切换。');
    // What the reader would have to do is supposed; what teams would do before is not.
    expect(withoutSuppositions('For every dollar saved, you would have to increase revenue by $3.')).toBe(
      'For every dollar saved,  .',
    );
    expect(withoutSuppositions('Before, teams would have to wait an hour; now it takes seconds.')).toBe(
      'Before, teams would have to wait an hour; now it takes seconds.',
    );
    // A case title asked as a question reports a result.
    expect(withoutSuppositions('How did Acme cut its close by 40%?')).toBe(
      'How did Acme cut its close by 40%?',
    );
  });

  it('credits no customer gain for a supposed one', () => {
    const r = reviewOffline(
      'If your ticket volume doubled tomorrow, would your team cope? Foo handles the spike.',
    );
    expect(
      r.findings
        .filter((f) => f.severity === 'strength')
        .map((f) => f.message)
        .join(' '),
    ).not.toContain('doubled');
  });

  it("leaves out the seller's own figures, not a customer's", () => {
    expect(withoutSuppositions('We grew ARR 300% last year and doubled our headcount.')).toBe(' .');
    expect(withoutSuppositions('公司营收同比增长 45%，连续三年盈利。')).toBe('，连续三年盈利。');
    expect(withoutSuppositions("We cut our customers' close time by 40%.")).toBe(
      "We cut our customers' close time by 40%.",
    );
    expect(withoutSuppositions('帮助客户营收增长 45%。')).toBe('帮助客户营收增长 45%。');
  });

  it('gives no results credit for what would happen, and keeps it for what did', () => {
    for (const draft of [
      'If your ticket volume doubled tomorrow, would your team cope? Foo handles the spike.',
      'Imagine closing the books in 2 days instead of 10.',
      'What if your close took 2 days instead of 10? Foo is the close platform for midsize finance teams.',
      '如果你的订单量翻倍，系统还能扛住吗？',
      '假如库存周转提升 30%，你的现金流会怎样？',
      'We grew ARR 300% last year and doubled our headcount.',
      'Our revenue grew 3x in 2023.',
      '我们的客户数增长了 200%。',
    ])
      expect(reviewOffline(draft).scores.quantified_results, draft).toBeLessThanOrEqual(2);
    for (const draft of [
      'Close fell from 10 days to 2 at Acme, even if volumes double.',
      'How did Acme cut its close by 40%?',
      "Acme's revenue grew 3x in 2023 after switching to Foo.",
      "We cut our customers' close time by 40%.",
      '明途物流上线后，库存周转提升 30%。',
    ])
      expect(reviewOffline(draft).scores.quantified_results, draft).toBeGreaterThanOrEqual(3);
  });
});
