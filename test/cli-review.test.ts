import { describe, expect, it } from 'vitest';
import { runCoach } from './cli-run.ts';

const DIMENSIONS = [
  'category_focus',
  'clarity',
  'credibility',
  'customer_value',
  'decision_maker_fit',
  'quantified_results',
  'value_not_price',
];

describe('coach review (real process)', () => {
  it('--json prints the review contract, offline without a key', async () => {
    const r = await runCoach(['review', 'Lowest price on the market! 50% off all plans.', '--json']);
    expect(r.code).toBe(0);
    const v = JSON.parse(r.stdout);
    expect(Object.keys(v.scores).sort()).toEqual(DIMENSIONS);
    expect(v.overall).toBeGreaterThanOrEqual(0);
    expect(v.overall).toBeLessThanOrEqual(100);
    expect(v.mode).toBe('offline');
    expect(v.lang).toBe('en');
    expect(v.scores.value_not_price).toBeLessThanOrEqual(1);
    expect(v.findings[0]).toEqual(
      expect.objectContaining({
        dimension: expect.any(String),
        severity: expect.any(String),
        knowledge_ids: expect.any(Array),
      }),
    );
  });

  it('a stronger draft scores higher than a weaker one', async () => {
    const strong = await runCoach([
      'review',
      '面向汽车零部件厂的预测性维护：在宁波12家压铸厂上线后，非计划停机从每月31小时降到9小时。',
      '--json',
    ]);
    const weak = await runCoach([
      'review',
      '业界领先的一站式智能平台，赋能企业数字化转型，合作共赢！',
      '--json',
    ]);
    expect(JSON.parse(strong.stdout).overall).toBeGreaterThan(JSON.parse(weak.stdout).overall);
    expect(JSON.parse(strong.stdout).lang).toBe('zh');
  });

  it('--jsonl reviews each line with its id; a bad line gets an error and the batch goes on', async () => {
    const input = [
      JSON.stringify({ id: 'a', draft: 'Lowest price on the market!' }),
      'not json',
      JSON.stringify({ id: 'c', draft: '' }),
      JSON.stringify({ id: 'd', draft: 'Cut month-end close from 9 days to 4 for 140 distributors.' }),
    ].join('\n');
    const r = await runCoach(['review', '--jsonl'], { stdin: `${input}\n` });
    expect(r.code).toBe(0);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).toEqual(['a', null, 'c', 'd']);
    expect(Object.keys(lines[0].scores).sort()).toEqual(DIMENSIONS);
    expect(lines[1].error).toMatch(/JSON/);
    expect(lines[2].error).toMatch(/empty/);
    expect(lines[3].overall).toBeGreaterThan(lines[0].overall);
  });

  it('text mode prints a readable report', async () => {
    const r = await runCoach(['review', 'We revolutionize synergy with cutting-edge AI for every business.']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/offline rule-based review/);
    expect(r.stdout).toMatch(/Overall: \d+\/100/);
    expect(r.stdout).toMatch(/■/);
  });

  it('empty copy and a question are bad input (exit 2, a clear message)', async () => {
    const empty = await runCoach(['review', '  ']);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/no copy given/);
    const question = await runCoach(['review', 'How do I write a good UVP?']);
    expect(question.code).toBe(2);
    expect(question.stderr).toMatch(/coach ask/);
  });

  it('a draft over 2,000 characters is reviewed in part, with a note', async () => {
    const long = `${'We cut logistics costs 20% for 300 retailers. '.repeat(60)}`;
    const r = await runCoach(['review', long, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).notes.join(' ')).toMatch(/2,?000/);
  });
});
