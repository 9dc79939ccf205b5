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
