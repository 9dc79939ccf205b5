import { describe, expect, it } from 'vitest';
import { withoutSoldProduct } from './sold-product.ts';

describe('withoutSoldProduct', () => {
  it('drops the product a question sells, keeping the verb', () => {
    expect(withoutSoldProduct('How do I convince a CFO to buy our data platform?')).toBe(
      'How do I convince a CFO to buy?',
    );
    expect(withoutSoldProduct('How should we pitch our HR software to hospitals?')).toBe(
      'How should we pitch to hospitals?',
    );
    expect(withoutSoldProduct('怎么说服老板买我们的数据平台？')).toBe('怎么说服老板买？');
    expect(withoutSoldProduct('如何推广我们公司的 SaaS 软件')).toBe('如何推广');
  });

  it('keeps a product the question is about', () => {
    for (const q of [
      'We bought a CDP and our CRM is barely used. What should change?',
      'Which CRM should we buy?',
      '我们的营销系统没人用，怎么办？',
      'Our platform has no customers yet: how do we get the first ones?',
    ]) {
      expect(withoutSoldProduct(q)).toBe(q);
    }
  });
});
