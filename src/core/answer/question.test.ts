import { describe, expect, it } from 'vitest';
import { prepareQuestion } from './question.ts';

describe('prepareQuestion', () => {
  it('drops terminal escape sequences whole and control characters', () => {
    const ESC = '\u001b';
    expect(prepareQuestion(`${ESC}[1;31mHow do I win\u0007 a CFO?${ESC}[0m`).text).toBe(
      'How do I win a CFO?',
    );
  });

  it('rejects a question that is only escape codes', () => {
    expect(() => prepareQuestion('\u001b[0m\u001b[2J')).toThrow(/empty/);
  });
});
