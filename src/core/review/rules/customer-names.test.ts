import { describe, expect, it } from 'vitest';
import { findNamedCustomers } from './customer-names.ts';

describe('findNamedCustomers', () => {
  it('reads a Chinese name without the connective before it, once', () => {
    expect(findNamedCustomers('因此工商银行采用了新的服务发现模型，数据传输量下降 90%。', 'zh')).toEqual([
      '工商银行',
    ]);
  });

  it('names the customers of a title-case story and of a bracket, not the vendor', () => {
    expect(findNamedCustomers('How Northwind Traders Drives 3x More Reorders with Ledgerly', 'en')).toEqual([
      'Northwind Traders',
    ]);
    expect(findNamedCustomers('Ledgerly 服务头部的零售企业（如鲜果铺、青松超市）。', 'zh')).toEqual([
      '鲜果铺',
      '青松超市',
    ]);
  });
});
