import { z } from 'zod';

/** The rubric's dimensions, in display order. Scripts and chat cards rely on these keys. */
export const DIMENSIONS = [
  'customer_value',
  'quantified_results',
  'credibility',
  'category_focus',
  'value_not_price',
  'decision_maker_fit',
  'clarity',
] as const;

/** One rubric dimension, scored 0–5. */
export type Dimension = (typeof DIMENSIONS)[number];

/** `strength` = what works; `minor` / `major` = what does not, by how much it costs the draft. */
export type Severity = 'strength' | 'minor' | 'major';

/** The languages a review is written in (the draft's own language). */
export type ReviewLang = 'zh' | 'en';

/** One observation about the draft, tied to a dimension and to the knowledge that explains it. */
export interface Finding {
  dimension: Dimension;
  severity: Severity;
  message: string;
  knowledge_ids: string[];
}

/** What a critic (offline rules or the LLM) returns for one draft. */
export interface ReviewResult {
  /** 0–100, from the dimension scores and {@link WEIGHTS} (see `computeOverall`). */
  overall: number;
  /** Integer 0–5 per dimension. */
  scores: Record<Dimension, number>;
  findings: Finding[];
  suggestions: string[];
  /** A rewrite skeleton that keeps the draft's facts and marks missing ones as `[placeholders]`. */
  rewrite: string | null;
  mode: 'offline' | 'llm';
  lang: ReviewLang;
  /** E.g. "Reviewed the first 2,000 characters of 5,300." or "AI model unavailable…". */
  notes: string[];
  /** Model tokens the LLM critic used, as the service reported them (absent offline). */
  usage?: { input: number; output: number };
}

/**
 * Weight of each dimension in the overall score; they sum to 1.
 * Customer value and credibility weigh most because B2B buying is about trust in an outcome
 * (UVP, testimony and evidence); numbers and clarity come next; the rest refine.
 *
 * `overall = round(100 × Σ_d WEIGHTS[d] × score[d] / 5)`.
 */
export const WEIGHTS: Readonly<Record<Dimension, number>> = {
  customer_value: 0.2,
  quantified_results: 0.15,
  credibility: 0.2,
  category_focus: 0.1,
  value_not_price: 0.1,
  decision_maker_fit: 0.1,
  clarity: 0.15,
};

/** Short display labels per dimension, in both languages. */
export const DIMENSION_LABELS: Readonly<Record<Dimension, { en: string; zh: string }>> = {
  customer_value: { en: 'Customer value (UVP)', zh: '客户价值（UVP）' },
  quantified_results: { en: 'Results in numbers', zh: '数据化结果' },
  credibility: { en: 'Credibility and proof', zh: '可信度与证据' },
  category_focus: { en: 'Category and focus', zh: '品类与聚焦' },
  value_not_price: { en: 'Value, not price', zh: '讲价值不讲低价' },
  decision_maker_fit: { en: 'Decision-maker fit', zh: '关键决策者匹配' },
  clarity: { en: 'Clarity', zh: '清晰度' },
};

/** Schema of one dimension key. */
export const dimensionSchema = z.enum(DIMENSIONS);

/** Schema of an integer 0–5 score. */
export const scoreSchema = z.number().int().min(0).max(5);

/** Schema of a {@link Finding}. */
export const findingSchema = z.object({
  dimension: dimensionSchema,
  severity: z.enum(['strength', 'minor', 'major']),
  message: z.string().min(1),
  knowledge_ids: z.array(z.string().min(1)),
});

/** Schema of the per-dimension scores: every dimension present, integers 0–5. */
export const scoresSchema = z.object({
  customer_value: scoreSchema,
  quantified_results: scoreSchema,
  credibility: scoreSchema,
  category_focus: scoreSchema,
  value_not_price: scoreSchema,
  decision_maker_fit: scoreSchema,
  clarity: scoreSchema,
});

/** Schema of a {@link ReviewResult}; used to validate critic output before it reaches a chat card. */
export const reviewResultSchema = z.object({
  overall: z.number().int().min(0).max(100),
  scores: scoresSchema,
  findings: z.array(findingSchema),
  suggestions: z.array(z.string().min(1)),
  rewrite: z.string().min(1).nullable(),
  mode: z.enum(['offline', 'llm']),
  lang: z.enum(['zh', 'en']),
  notes: z.array(z.string()),
  usage: z.object({ input: z.number().int().min(0), output: z.number().int().min(0) }).optional(),
});

/** Reviews marketing copy (the LLM critic with the offline one as fallback, or the offline one alone). */
export interface Reviewer {
  /**
   * Reviews a draft. `context`: the author's note on audience, channel or goal. `chat`: the asking chat
   * (`<platform>:<chat id>`), whose team passages (and the team-wide ones) may supply proof points.
   */
  review(draft: string, opts?: { context?: string; chat?: string }): Promise<ReviewResult>;
}
