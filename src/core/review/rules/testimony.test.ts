import { describe, expect, it } from 'vitest';
import { findCustomerTestimony } from './testimony.ts';

describe('findCustomerTestimony', () => {
  it.each([
    ['We are growing fast, and with Shipfast we can scale without capacity planning.', 'en', ['Shipfast']],
    ['We have been running Ledgerly in our production environments for months.', 'en', ['Ledgerly']],
    ['Ledgerly supported us in improving our on-time delivery.', 'en', ['Ledgerly']],
    ['Before it took months. We just completed the update from Ledgerly 7 to 8.', 'en', ['Ledgerly']],
    ['我们已经在生产环境中使用 Ledgerly 半年。', 'zh', ['Ledgerly']],
  ] as const)('reads a user speaking of a product it names: %s', (text, lang, names) => {
    expect(findCustomerTestimony(text, lang)).toEqual(names);
  });

  it.each([
    // The seller's voice: the reader is addressed, or "we" pitch the product in the present tense.
    ['We built Ledgerly so that your team ships faster.', 'en'],
    ['We make payroll simple with Ledgerly.', 'en'],
    ['Our platform runs on Kubernetes and scales with demand.', 'en'],
    ['我们为您提供基于 Kubernetes 的平台。', 'zh'],
    ['Ledgerly matches invoices in seconds.', 'en'],
  ] as const)('does not read a pitch as testimony: %s', (text, lang) => {
    expect(findCustomerTestimony(text, lang)).toEqual([]);
  });
});
