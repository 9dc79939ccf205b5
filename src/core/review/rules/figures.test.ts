import { describe, expect, it } from 'vitest';
import { findFigures } from './figures.ts';

describe('findFigures', () => {
  it.each([
    ['eXp Realty empowered 2,000+ non-technical employees', ['2,000+']],
    ['driven over £1bn in additional revenue', ['1bn']],
    ['将近100,000个边缘节点，超过500,000边缘应用', ['100,000', '500,000']],
    ['QPS压测结果近5w/s，TP999 1ms', ['5w', '1ms']],
    ['峰值可调度作业10万+/天', ['10万']],
    ['serving thousands of QPS per server', ['thousands of']],
    ['已累计服务数百家企业', ['数百']],
    ['Over 40 plants. Serving 3.5 million users', ['40', '3.5']],
    ['Saved 4.2 hours per week; Storage 1.5 PB; Spark 2.4 times faster', ['4.2', '1.5', '2.4']],
    ['Kafka 30 clusters, Cloud 3 regions', ['30', '3']],
    ['How Acme Saved 2.5 Million Dollars With Ledgerly', ['2.5']],
    ['from 1000-5000 users, 120-150-180 per week', ['1000', '5000', '120', '150', '180']],
    ['Features take 3-5 years to ship', ['3', '5']],
    ['年营收10000000000元', ['10000000000']],
  ])('reads the figures of %s', (text, figures) => {
    expect(findFigures(text)).toEqual(figures);
  });

  it.each([
    ['Developed since 2011.'],
    ['Upgrade to version 2.3.1 today.'],
    ['Runs on KES V8R6 with 4C8G hosts.'],
    ['Step 1: sign up. Step 2: invite the team.'],
    ['提供了数十个现成的插件'],
    ['免费申请试用电话：4000-460-365'],
    ['Call 1-800-555-0100 or 010-12345678.'],
    ['基于 Spring Cloud 2021 、Spring Boot 2.7 的权限系统，支持 python3.10 及以上版本'],
    ['Runs on Java 17 and Vue 3.'],
    ['Certified to ISO 27001 and GB/T 20272-2019, on iOS 17.'],
    ['Call +86 138-1234-5678.'],
    ['订购热线:13373681062'],
  ])('finds no figure in %s', (text) => {
    expect(findFigures(text)).toEqual([]);
  });

  it('reads hostile input once and keeps at most 20 figures', () => {
    expect(findFigures('1'.repeat(100_000))).toEqual([]);
    expect(findFigures('12 '.repeat(50_000))).toHaveLength(20);
    expect(findFigures('1-'.repeat(50_000))).toEqual([]);
  });
});
