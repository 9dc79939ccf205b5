import { describe, expect, it } from 'vitest';
import { listedCustomers } from './customer-lists.ts';

describe('listedCustomers', () => {
  it('reads an adopters list one name per line under a heading that says who they are', () => {
    expect(listedCustomers('Foo adopters\nAcme Labs\nGlobex\nInitech', 'en')).toEqual([
      'Acme Labs',
      'Globex',
      'Initech',
    ]);
    expect(
      listedCustomers(
        'The following organizations are officially using Foo:\n- Acme\n- Globex\n- Initech',
        'en',
      ),
    ).toEqual(['Acme', 'Globex', 'Initech']);
    expect(listedCustomers('谁在使用 Foo？\n共计 219 家公司。\n青松物流\n华彩涂料\n明略数据', 'zh')).toEqual([
      '青松物流',
      '华彩涂料',
      '明略数据',
    ]);
    expect(
      listedCustomers('已接入的公司包括不限于：\n1、青松物流；\n2、华彩涂料科技有限公司；', 'zh'),
    ).toEqual(['青松物流', '华彩涂料科技有限公司']);
  });

  it('reads a user wall of "：用户案例" lines and a numbered list of companies', () => {
    expect(
      listedCustomers('银行\n青松银行：用户案例\n华彩证券\n北方银行股份有限公司：用户案例', 'zh').sort(),
    ).toEqual(['青松银行', '华彩证券', '北方银行股份有限公司'].sort());
    expect(
      listedCustomers('84、青松金融 (青松)\n85、华彩秀\n86、北方科技有限公司\n87、联想集团', 'zh'),
    ).toEqual(['青松金融', '华彩秀', '北方科技有限公司', '联想集团']);
  });

  it('reads no customers from lists of integrations or features, or from a heading without a list', () => {
    expect(listedCustomers('Integrations used by our customers:\nSlack\nSalesforce\nHubSpot', 'en')).toEqual(
      [],
    );
    expect(listedCustomers('Our users love it:\nfast setup\nno code', 'en')).toEqual([]);
    // Praise or reasons under a heading that mentions users: title-case benefits are no customers.
    expect(listedCustomers('Our users love it:\nFast\nSecure\nSimple', 'en')).toEqual([]);
    expect(listedCustomers('Why customers choose us:\nReliable Uptime\nHuman Support', 'en')).toEqual([]);
    expect(listedCustomers('用户好评\n简单\n好用\n省心', 'zh')).toEqual([]);
    expect(
      listedCustomers('功能特性：\n1、支持分布式部署；\n2、提供可视化界面；\n3、实现高可用', 'zh'),
    ).toEqual([]);
    expect(listedCustomers('我们的用户遍布全国。', 'zh')).toEqual([]);
  });
});
