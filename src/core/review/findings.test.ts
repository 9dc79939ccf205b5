import { describe, expect, it } from 'vitest';
import { fillTemplate } from './findings.ts';
import type { FiredRule } from './rule-engine.ts';
import { RULES } from './rules/index.ts';

const rule = RULES.find((r) => r.id === 'cf.category');
if (!rule) throw new Error('cf.category is missing');
const fired = (hits: string[]): FiredRule => ({ rule, hits, count: hits.length, times: 1 });

describe('fillTemplate', () => {
  it('quotes each hit on one line, without the comma it ended on, once', () => {
    const en = fillTemplate(
      rule.message,
      fired(['91%\n  Less manual entry\n', 'tools for,', 'Tools for']),
      'en',
    );
    expect(en).toContain('"91% / Less manual entry", "tools for"');
    expect(en).not.toContain('\n');
    const zh = fillTemplate(rule.message, fired(['目前在天眼查平台，']), 'zh');
    expect(zh).toContain('“目前在天眼查平台”');
  });

  it('cuts a long hit with an ellipsis, at a word when it has words', () => {
    const long = 'x'.repeat(80);
    expect(fillTemplate(rule.message, fired([long]), 'en')).toContain(`"${'x'.repeat(47)}…"`);
    const quote = 'In early 2024, Langfuse was a big bet for us, and we have been happy with it.';
    expect(fillTemplate(rule.message, fired([quote]), 'en')).toContain(
      '"In early 2024, Langfuse was a big bet for us…"',
    );
    expect(fillTemplate(rule.message, fired(['——一站式实时计算作业管理平台']), 'zh')).toContain(
      '“一站式实时计算作业管理平台”',
    );
  });

  it("drops the draft's opening quote mark and quotes two matches that read the same once cut, once", () => {
    const a = 'Before GitLab, it could take up to four days for a production deployment. Right now, minutes.';
    const en = fillTemplate(rule.message, fired([a, `“${a.slice(0, 70)}`]), 'en');
    expect(en).toContain('("Before GitLab, it could take up to four days…")');
    expect(fillTemplate(rule.message, fired(['““飞书在万达集团”']), 'zh')).toContain('（“飞书在万达集团”）');
  });
});
