import { clampScores } from './rubric.ts';
import type { FiredRule } from './rule-engine.ts';
import type { Dimension } from './types.ts';

/**
 * Where each dimension starts before the rules move it. Dimensions that need evidence in the text
 * (numbers, proof, a named decision maker) start low; clarity is fine unless something goes wrong.
 * Value-not-price starts neutral (3): copy that never mentions price has not yet shown value either;
 * leading with an outcome lifts it, price, discounts or "free" as the message sink it.
 * Category-and-focus starts at 3: experts reading real copy rate it about 3 when the copy is plainly
 * about some kind of product, even without a "Foo is a …" label (on the dev copy the critic sat 0.85
 * below them at a base of 2, and 1.06 below on strong copy); a slogan that says neither what nor for
 * whom still drops to 1.
 */
export const BASE_SCORES: Readonly<Record<Dimension, number>> = {
  customer_value: 2,
  quantified_results: 1,
  credibility: 1,
  category_focus: 3,
  value_not_price: 3,
  decision_maker_fit: 1,
  clarity: 4,
};

/** Dimension scores: base plus each fired rule's delta × times, clamped to integers 0–5. */
export function scoreFiredRules(fired: readonly FiredRule[]): Record<Dimension, number> {
  const raw: Record<Dimension, number> = { ...BASE_SCORES };
  for (const f of fired) raw[f.rule.dimension] += f.rule.effect.delta * f.times;
  return clampScores(raw);
}
