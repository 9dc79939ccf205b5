import { describe, expect, it } from 'vitest';
import { groupSimilar, questionKey } from './gaps.ts';

const at = (d: number) => new Date(Date.UTC(2025, 2, d));

describe('knowledge gaps', () => {
  it('gives wordings that differ in case, stop words and inflection one key', () => {
    expect(questionKey('What is a good Google Ads budget?')).toBe(
      questionKey('what is a good google ads budget'),
    );
    expect(questionKey('How do we price our SaaS plans')).toBe(questionKey('how should I price SaaS plan?'));
    expect(questionKey('邮件营销的打开率多少算正常？')).not.toBe(
      questionKey('What is a good Google Ads budget?'),
    );
  });

  it('groups similar wordings, names a gap by its most asked wording and sorts gaps by count', () => {
    const w = (text: string, count: number, day: number) => ({
      key: questionKey(text),
      text,
      count,
      last: at(day),
    });
    const gaps = groupSimilar([
      w('What is a good Google Ads budget?', 5, 3),
      w('email open rate benchmark', 4, 9),
      w('good Google Ads budget for SaaS', 1, 8),
      w('email open rate benchmark for newsletters', 2, 2),
      w('Which CRM should we buy?', 1, 1),
    ]);
    expect(gaps).toEqual([
      { text: 'email open rate benchmark', count: 6, last: at(9), wordings: 2 },
      { text: 'What is a good Google Ads budget?', count: 6, last: at(8), wordings: 2 },
      { text: 'Which CRM should we buy?', count: 1, last: at(1), wordings: 1 },
    ]);
  });
});
