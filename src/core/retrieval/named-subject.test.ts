import { describe, expect, it } from 'vitest';
import { askedSubject } from './named-subject.ts';

describe('the subject of a "what is X?" question', () => {
  it.each([
    ['What is smarketing?', 'smarketing'],
    ["Who's Al Ries?", 'al ries'],
    ['What is a UVP?', 'uvp'],
    ['What does ABM stand for?', 'abm'],
    ['蔡红亮是谁', '蔡红亮'],
    ['什么是“4T 模型”？', '4t 模型'],
    ['特赞是做什么的？', '特赞'],
  ])('%s → %s', (q, subject) => {
    expect(askedSubject(q)).toBe(subject);
  });

  it.each([
    'How do I convince a CFO?',
    '怎么写价值主张？',
    'What is the best way to win trust when nobody knows us and we are small?',
  ])('none when the question asks something else, or runs long: %s', (q) => {
    expect(askedSubject(q)).toBeNull();
  });
});
