import { DIMENSIONS, type Dimension, WEIGHTS } from './types.ts';

export { WEIGHTS };

/** Lowest and highest score of a dimension. */
export const MIN_SCORE = 0;
export const MAX_SCORE = 5;

/**
 * Score given to a dimension a critic did not report. Rounded down from the 2.5 midpoint so that a
 * missing dimension never raises a draft's overall score.
 */
export const NEUTRAL_SCORE = 2;

/**
 * The overall 0–100 score: `round(100 × Σ_d WEIGHTS[d] × scores[d] / 5)`.
 * Scores are clamped first, so out-of-range input cannot push the result outside 0–100.
 */
export function computeOverall(scores: Record<Dimension, number>): number {
  const clamped = clampScores(scores);
  let sum = 0;
  for (const d of DIMENSIONS) sum += WEIGHTS[d] * clamped[d];
  return Math.round((100 * sum) / MAX_SCORE);
}

/**
 * Turns untrusted scores (an LLM's JSON, a partial object) into integer 0–5 per dimension:
 * numbers and numeric strings are rounded and clamped; anything missing or not a number becomes
 * {@link NEUTRAL_SCORE}.
 */
export function clampScores(raw: unknown): Record<Dimension, number> {
  const source = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const out = {} as Record<Dimension, number>;
  for (const d of DIMENSIONS) out[d] = clampOne(source[d]);
  return out;
}

function clampOne(value: unknown): number {
  const n =
    typeof value === 'number' ? value : typeof value === 'string' && value.trim() ? Number(value) : NaN;
  if (!Number.isFinite(n)) return NEUTRAL_SCORE;
  return Math.min(MAX_SCORE, Math.max(MIN_SCORE, Math.round(n)));
}

/** The knowledge entries each dimension cites (ids of `knowledge/*.md`). */
export const DIMENSION_KNOWLEDGE: Readonly<Record<Dimension, readonly string[]>> = {
  customer_value: ['usp-vs-uvp', 'product-to-user-thinking'],
  quantified_results: ['results-in-numbers'],
  credibility: ['testimony-and-evidence', 'opinion-leaders'],
  category_focus: ['category-label', 'brand-as-mindshare'],
  value_not_price: ['value-over-price', 'redefined-4p'],
  decision_maker_fit: ['key-decision-maker', 'decision-chain', 'risk-and-group-checks'],
  clarity: ['category-label', 'thought-leadership'],
};
