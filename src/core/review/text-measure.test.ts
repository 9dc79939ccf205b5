import { describe, expect, it } from 'vitest';
import { detectLang, measureLength, splitSentences } from './text-measure.ts';

describe('text measures', () => {
  it('detects Chinese when Han characters dominate, English otherwise', () => {
    expect(detectLang('等保三级测评一次通过，ISO 27001 与 SOC 2 认证齐全。')).toBe('zh');
    expect(detectLang('Our 云 platform cut close time by 50% for 140 distributors.')).toBe('en');
    expect(detectLang('12345')).toBe('en');
  });

  it('reads Chinese sentences full of acronyms as Chinese, and an English draft naming Chinese customers as English', () => {
    const acronyms =
      'AIOps for K8s：基于 LLM 的 RCA、SLO/SLA 管理，支持 Prometheus、Grafana、OpenTelemetry、Datadog。';
    expect(detectLang(acronyms)).toBe('zh');
    expect(
      detectLang('AIOps for K8s - LLM RCA, SLO/SLA, Prometheus, Grafana, OpenTelemetry, Datadog 支持'),
    ).toBe('en');
    expect(detectLang('Trusted by 华为 and 美的 across 40 countries.')).toBe('en');
    expect(detectLang('Trusted by 华为、美的 and 海尔 in 40 countries, with 99.9% uptime.')).toBe('en');
  });

  it('measures English in words and Chinese in characters plus Latin words', () => {
    expect(measureLength('Month-end close in 4 days, not 9.', 'en')).toBe(7);
    expect(measureLength('通过ISO 27001认证', 'zh')).toBe(6);
  });

  it('splits sentences without breaking decimals', () => {
    expect(splitSentences('Uptime 99.9% last year. Zero outages! 可用率99.99%。黑五零宕机')).toEqual([
      'Uptime 99.9% last year.',
      'Zero outages!',
      '可用率99.99%。',
      '黑五零宕机',
    ]);
  });
});

describe('splitSentences and abbreviations', () => {
  it('does not end a sentence at a title, a short form or a company suffix followed by lower case', () => {
    expect(
      splitSentences(
        'Ledgerly Inc. helps U.S. mid-market CFOs cut DSO by 12 days (avg. across 300 customers).',
      ),
    ).toHaveLength(1);
    expect(splitSentences('Used by Acme Corp. and Globex Ltd. to close faster.')).toHaveLength(1);
    expect(splitSentences('— Dr. Lena Park, CMO')).toHaveLength(1);
    expect(splitSentences('Ledgerly vs. QuickBooks: 3x faster.')).toHaveLength(1);
  });

  it('still ends sentences, sloppy ones included', () => {
    expect(splitSentences('We cut costs. Then we grew.')).toEqual(['We cut costs.', 'Then we grew.']);
    expect(splitSentences('a 10x increase. we are running 2600 pods.')).toHaveLength(2);
    expect(splitSentences('No. Individual plans get 60 days.')).toHaveLength(2);
    expect(splitSentences('It runs on AWS. iPad and iPhone apps included.')).toHaveLength(2);
  });
});
