import { describe, expect, it } from 'vitest';
import { detectLang, normalize, tokenize } from './tokenize.ts';

describe('tokenize', () => {
  it('segments Chinese into words, not single characters', () => {
    const t = tokenize('品类标签很重要');
    expect(t).toContain('品类');
    expect(t).toContain('标签');
    expect(t).not.toContain('品');
  });

  it('drops stop words in both languages', () => {
    expect(tokenize('What is the price of this?')).toEqual(['price']);
    expect(tokenize('我们的价格怎么定')).not.toContain('我们');
  });

  it('stems English and strips possessives so forms match', () => {
    expect(tokenize('decisions')).toEqual(tokenize('decision'));
    expect(tokenize("the CFO's trust")).toEqual(['cfo', 'trust']);
  });

  it('folds full-width letters and keeps tokens such as 4p and b2b', () => {
    expect(normalize('ＵＳＰ')).toBe('usp');
    expect(tokenize('B2B 4P')).toEqual(['b2b', '4p']);
  });

  it('reads Traditional Chinese and Taiwan usage as the knowledge writes it', () => {
    expect(normalize('企業軟體的行銷')).toBe('企业软件的营销');
    expect(normalize('找了兩個部落客寫文，營收沒動')).toBe('找了两个博主写文,营业收入没动');
  });

  it('returns nothing for punctuation only', () => {
    expect(tokenize('?!…，。')).toEqual([]);
  });
});

describe('detectLang', () => {
  it('answers in Chinese for Chinese questions, even with Latin acronyms', () => {
    expect(detectLang('UVP 和 USP 有什么区别？')).toBe('zh');
    expect(detectLang('What is a UVP?')).toBe('en');
    expect(detectLang('How do I position 品类?')).toBe('en');
  });
});

describe('stems kept apart', () => {
  it('does not fold customers into customs or custom fields', () => {
    expect(tokenize('customer customers')).toEqual(['customer', 'customer']);
    expect(tokenize('customs')).toEqual(['customs']);
    expect(tokenize('custom customized')).toEqual(['custom', 'custom']);
  });
});
