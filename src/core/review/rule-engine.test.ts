import { describe, expect, it } from 'vitest';
import { createRuleEngine } from './rule-engine.ts';
import type { Rule, Signal } from './rules/index.ts';

/** A rule for the engine alone: its match, condition and published signals are what matter here. */
function rule(id: string, pattern: RegExp | null, when?: Rule['when'], signals: Signal[] = []): Rule {
  return {
    id,
    dimension: 'credibility',
    langs: ['en'],
    match: pattern ? { kind: 'text', patterns: [pattern] } : { kind: 'always' },
    ...(when ? { when } : {}),
    effect: { delta: 0, severity: 'minor', signals },
    message: { en: id, zh: id },
    knowledge: [],
    valid: [],
    invalid: [],
  };
}

const count = rule('count', /\b\d+ plants\b/, undefined, ['quantity']);
const scale = rule('scale', null, { signals: ['quantity'] }, ['proof']);
const noProof = rule('no-proof', null, { noSignals: ['proof'] });

function fired(rules: Rule[], copy: string): string[] {
  const run = createRuleEngine(rules).run({ copy, lead: copy, draft: copy, lang: 'en' });
  return run.fired.map((f) => f.rule.id);
}

describe('rule engine conditions', () => {
  it('lets a condition see the signals other conditional rules publish, whatever the table order', () => {
    const copy = 'Runs in 40 plants.';
    expect(fired([count, scale, noProof], copy)).toEqual(['count', 'scale']);
    expect(fired([noProof, scale, count], copy)).toEqual(['scale', 'count']);
  });

  it('still fires a rule about what is missing when nothing publishes it', () => {
    expect(fired([count, scale, noProof], 'Fast and simple.')).toEqual(['no-proof']);
  });

  it('refuses a table whose conditional rules wait on each other', () => {
    const a = rule('a', null, { noSignals: ['case'] }, ['proof']);
    const b = rule('b', null, { noSignals: ['proof'] }, ['case']);
    expect(() => createRuleEngine([a, b])).toThrow(/wait on each other: a, b/);
  });
});

describe('rule engine text matching', () => {
  it('finds what one alternation would, when a long list of patterns is split into several regexes', () => {
    // Over 16,000 characters of alternatives: the engine splits them; the hits must not change.
    const filler = Array.from({ length: 700 }, (_, i) => new RegExp(`\\bzz${i}q[a-z]{0,20}\\b`));
    const patterns = [/\bcut costs\b/, /\bcut\b/, ...filler, /\bcosts by \d+%/, /\bby \d+%/, /x*/];
    const long = { ...rule('long', null), match: { kind: 'text' as const, patterns } };
    const text = 'We cut costs by 30% and cut time by 20%; zz7q fell, zz399qabc too.';
    const one = new RegExp(patterns.map((p) => `(?:${p.source})`).join('|'), 'gi');
    expect(one.source.length).toBeGreaterThan(16_000);
    const expected = [...text.matchAll(one)].map((m) => m[0].trim()).filter(Boolean);
    const run = createRuleEngine([long]).run({ copy: text, lead: text, draft: text, lang: 'en' });
    expect(expected).toEqual(['cut costs', 'by 30%', 'cut', 'by 20%', 'zz7q', 'zz399qabc']);
    expect(run.fired[0]?.hits).toEqual(expected);
  });
});
