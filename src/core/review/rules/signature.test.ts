import { describe, expect, it } from 'vitest';
import { findNamedCustomers } from './customer-names.ts';
import { signedCompanies } from './signature.ts';

describe('signedCompanies', () => {
  it('reads the company on the signature lines of a testimonial, in either language', () => {
    expect(
      signedCompanies('“Ledgerly cut our close from 9 days to 4.”\nJane Doe\nCFO, Northwind', 'en'),
    ).toEqual(['Northwind']);
    expect(signedCompanies('Rock solid for us.\n— John Smith, Head of Data at Contoso', 'en')).toEqual([
      'Contoso',
    ]);
    expect(signedCompanies('We moved to Ledgerly.\nJohn Smith, Staff Engineer, Contoso Labs', 'en')).toEqual([
      'Contoso Labs',
    ]);
    expect(signedCompanies('“We love it.” — Jane Doe, CTO at Fabrikam', 'en')).toEqual(['Fabrikam']);
    expect(
      signedCompanies('“使用 Ledgerly 之后，我们的对账效率提升了 3 倍。”\n张三\n青松物流 CTO', 'zh'),
    ).toEqual(['青松物流']);
    expect(signedCompanies('“我们的对账快了。”\n李四，青松物流技术总监', 'zh')).toEqual(['青松物流']);
    // In capitals, signed first, or as name, role and company on three lines.
    expect(
      signedCompanies('“Our code runs in minutes.”\n- JANE DOE, PRINCIPAL DEVELOPER AT NORTHWIND.COM', 'en'),
    ).toEqual(['NORTHWIND.COM']);
    expect(signedCompanies('Jane Doe, CEO, Fabrikam\nLedgerly let us focus on our product.', 'en')).toEqual([
      'Fabrikam',
    ]);
    expect(
      signedCompanies('Ledgerly makes our life easier.\nJane Doe\nStaff ML Engineer\nContoso', 'en'),
    ).toEqual(['Contoso']);
  });

  it('reads nothing outside a testimonial, on long lines, or where the seller speaks of its customers', () => {
    expect(signedCompanies('Ledgerly matches invoices.\nCFO, Northwind', 'en')).toEqual([]);
    expect(
      signedCompanies(
        '“Fast.”\nOur platform is trusted by finance teams in 40 countries, says every CFO, everywhere',
        'en',
      ),
    ).toEqual([]);
    expect(signedCompanies('我们帮助企业降本增效。\n张三\nLedgerly 创始人', 'zh')).toEqual([]);
    expect(signedCompanies('我们的对账快了三倍。\n面向财务总监\n各行业 CIO', 'zh')).toEqual([]);
  });

  it('is not counted as a customer when the signature names the seller', () => {
    expect(
      findNamedCustomers('Ledgerly matches invoices. We love our users.\nJane Doe, CEO, Ledgerly', 'en'),
    ).toEqual([]);
  });
});
