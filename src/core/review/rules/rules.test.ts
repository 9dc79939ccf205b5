import { describe, expect, it } from 'vitest';
import { separateInstructions } from '../instructions.ts';
import { DIMENSION_KNOWLEDGE } from '../rubric.ts';
import { createRuleEngine } from '../rule-engine.ts';
import { detectLang } from '../text-measure.ts';
import { DIMENSIONS } from '../types.ts';
import { RULES, type Signal } from './index.ts';

const engine = createRuleEngine();

/** Ids of the rules that fire on a text, with the whole rule set (conditions need other rules). */
function firedIds(text: string): string[] {
  const { copy, sentences } = separateInstructions(text);
  const input = { copy, lead: sentences[0] ?? '', draft: text, lang: detectLang(text) };
  return engine.run(input).fired.map((f) => f.rule.id);
}

describe('rule table', () => {
  it('has unique ids prefixed by their dimension', () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    const prefix: Record<string, string> = {
      customer_value: 'cv.',
      quantified_results: 'qr.',
      credibility: 'cr.',
      category_focus: 'cf.',
      value_not_price: 'vp.',
      decision_maker_fit: 'dm.',
      clarity: 'cl.',
    };
    for (const r of RULES) expect(r.id.startsWith(prefix[r.dimension] ?? '?'), r.id).toBe(true);
  });

  it('covers every dimension with at least one rule that can raise and one that can lower it', () => {
    for (const d of DIMENSIONS) {
      const rules = RULES.filter((r) => r.dimension === d);
      expect(
        rules.some((r) => r.effect.delta > 0 || r.effect.severity === 'strength'),
        d,
      ).toBe(true);
      expect(
        rules.some((r) => r.effect.delta < 0),
        d,
      ).toBe(true);
    }
  });

  it.each(RULES.map((r) => [r.id, r] as const))(
    "%s cites its dimension's knowledge and speaks both languages",
    (_id, r) => {
      expect(r.knowledge.length).toBeGreaterThan(0);
      for (const k of r.knowledge) expect(DIMENSION_KNOWLEDGE[r.dimension]).toContain(k);
      expect(r.message.en.trim()).not.toBe('');
      expect(r.message.zh).toMatch(/[\u4e00-\u9fff]/);
      if (r.suggestion) expect(r.suggestion.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(r.valid.length).toBeGreaterThan(0);
      expect(r.invalid.length).toBeGreaterThan(0);
    },
  );

  it('lets conditional rules depend only on signals that unconditional rules publish', () => {
    const published = new Set<Signal>(RULES.filter((r) => !r.when).flatMap((r) => r.effect.signals ?? []));
    for (const r of RULES.filter((x) => x.when)) {
      for (const s of [...(r.when?.signals ?? []), ...(r.when?.noSignals ?? [])])
        expect(published, `${r.id}: ${s}`).toContain(s);
    }
  });
});

const examples = RULES.flatMap((r) => [
  ...r.invalid.map((text) => ({ id: r.id, langs: r.langs, text, fires: true })),
  ...r.valid.map((text) => ({ id: r.id, langs: r.langs, text, fires: false })),
]);

describe.each(examples)('$id on "$text"', ({ id, langs, text, fires }) => {
  it(fires ? 'fires (invalid example)' : 'stays silent (valid example)', () => {
    expect(langs).toContain(detectLang(text));
    if (fires) expect(firedIds(text)).toContain(id);
    else expect(firedIds(text)).not.toContain(id);
  });
});
