import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { CoachError } from '../errors.ts';
import { DIMENSIONS, type Dimension, dimensionSchema, type ReviewResult } from './types.ts';

/** One labelled draft of `eval/review.jsonl`. */
export const reviewEvalItemSchema = z
  .object({
    id: z.string().min(1),
    lang: z.enum(['zh', 'en']),
    draft: z.string().min(1),
    /** Dimensions that should score low (may be empty for strong drafts). */
    weak: z.array(dimensionSchema),
    /** Shared by the two drafts of a pair. */
    pair: z.string().min(1).optional(),
    /** Within a pair: true for the draft that should score higher. */
    stronger: z.boolean().optional(),
  })
  .refine((item) => (item.pair === undefined) === (item.stronger === undefined), {
    message: '`pair` and `stronger` go together',
  });

/** One labelled draft of the review evaluation set. */
export type ReviewEvalItem = z.infer<typeof reviewEvalItemSchema>;

/** How one pair fared. */
export interface PairOutcome {
  pair: string;
  stronger: string;
  weaker: string;
  strongerOverall: number;
  weakerOverall: number;
  /** True when the stronger draft scored strictly higher. */
  correct: boolean;
}

/** How one draft's weak labels fared. */
export interface DraftOutcome {
  id: string;
  overall: number;
  scores: Record<Dimension, number>;
  weak: Dimension[];
  hits: Dimension[];
  misses: Dimension[];
}

/** Figures of one evaluation run. */
export interface ReviewEvalReport {
  /** Share of pairs where the stronger draft has the higher overall score. */
  pairAccuracy: number;
  /** Share of weak labels found among the draft's two lowest-scoring dimensions. */
  weakHitRate: number;
  perDimension: Record<Dimension, { labelled: number; hits: number; rate: number }>;
  pairs: PairOutcome[];
  drafts: DraftOutcome[];
}

/**
 * Reads and validates a review evaluation set (JSON lines). Pairs must have exactly two drafts,
 * one `stronger: true` and one `false`.
 * @throws CoachError `input_invalid` naming the first bad line or pair.
 */
export function loadReviewEval(path: string): ReviewEvalItem[] {
  const items: ReviewEvalItem[] = [];
  const lines = readFileSync(path, 'utf8').split('\n');
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch (cause) {
      throw new CoachError('input_invalid', `${path}:${i + 1}: not JSON`, { cause });
    }
    const parsed = reviewEvalItemSchema.safeParse(json);
    if (!parsed.success) {
      throw new CoachError('input_invalid', `${path}:${i + 1}: ${z.prettifyError(parsed.error)}`, {
        cause: parsed.error,
      });
    }
    items.push(parsed.data);
  });
  for (const [pair, members] of groupPairs(items)) {
    if (members.length !== 2 || members.filter((m) => m.stronger).length !== 1) {
      throw new CoachError('input_invalid', `${path}: pair "${pair}" needs exactly two drafts, one stronger`);
    }
  }
  return items;
}

/**
 * Scores a critic on labelled drafts. A weak label is a hit when its dimension is among the draft's
 * two lowest scores (on ties, when its score is at most the second-lowest score); a pair is correct
 * when the stronger draft's overall is strictly higher.
 */
export function scoreReviewEval(
  items: readonly ReviewEvalItem[],
  review: (draft: string) => ReviewResult,
): ReviewEvalReport {
  const results = new Map(items.map((item) => [item.id, review(item.draft)] as const));
  const perDimension = Object.fromEntries(
    DIMENSIONS.map((d) => [d, { labelled: 0, hits: 0, rate: 0 }]),
  ) as Record<Dimension, { labelled: number; hits: number; rate: number }>;

  const drafts: DraftOutcome[] = items.map((item) => {
    const { overall, scores } = results.get(item.id) as ReviewResult;
    const secondLowest = [...DIMENSIONS.map((d) => scores[d])].sort((a, b) => a - b)[1] ?? 0;
    const hits = item.weak.filter((d) => scores[d] <= secondLowest);
    for (const d of item.weak) {
      perDimension[d].labelled++;
      if (hits.includes(d)) perDimension[d].hits++;
    }
    return {
      id: item.id,
      overall,
      scores,
      weak: item.weak,
      hits,
      misses: item.weak.filter((d) => !hits.includes(d)),
    };
  });
  for (const d of DIMENSIONS) perDimension[d].rate = ratio(perDimension[d].hits, perDimension[d].labelled);

  const pairs: PairOutcome[] = [];
  for (const [pair, members] of groupPairs(items)) {
    const strong = members.find((m) => m.stronger);
    const weak = members.find((m) => m.stronger === false);
    if (!strong || !weak) continue;
    const strongerOverall = (results.get(strong.id) as ReviewResult).overall;
    const weakerOverall = (results.get(weak.id) as ReviewResult).overall;
    pairs.push({
      pair,
      stronger: strong.id,
      weaker: weak.id,
      strongerOverall,
      weakerOverall,
      correct: strongerOverall > weakerOverall,
    });
  }

  const labelled = drafts.reduce((n, d) => n + d.weak.length, 0);
  const hit = drafts.reduce((n, d) => n + d.hits.length, 0);
  return {
    pairAccuracy: ratio(pairs.filter((p) => p.correct).length, pairs.length),
    weakHitRate: ratio(hit, labelled),
    perDimension,
    pairs,
    drafts,
  };
}

function groupPairs(items: readonly ReviewEvalItem[]): Map<string, ReviewEvalItem[]> {
  const groups = new Map<string, ReviewEvalItem[]>();
  for (const item of items) {
    if (item.pair === undefined) continue;
    groups.set(item.pair, [...(groups.get(item.pair) ?? []), item]);
  }
  return groups;
}

function ratio(n: number, of: number): number {
  return of === 0 ? 0 : n / of;
}
