/**
 * Figures on the real material in eval/real/ (questions marketers posted, copy B2B companies published;
 * see eval/real/QUESTIONS.md and COPY.md): the offline answerer's citations against the labelled
 * entries, and the offline critic's band, weakest dimensions and rewrite against the expert's labels.
 * Dev and held-out files are scored the same way and printed side by side.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Answer } from '../src/core/answer/types.ts';
import { DIMENSIONS, type Dimension, type ReviewResult, WEIGHTS } from '../src/core/review/types.ts';

const questionSchema = z.object({
  id: z.string(),
  lang: z.enum(['en', 'zh']),
  q: z.string().min(1),
  url: z.string().min(1),
  scope: z.enum(['in', 'partial', 'out']),
  expect: z.array(z.string()),
});
export type RealQuestion = z.infer<typeof questionSchema>;

const copySchema = z.object({
  id: z.string(),
  lang: z.enum(['en', 'zh']),
  draft: z.string().min(1),
  url: z.string().min(1),
  band: z.enum(['low', 'mid', 'high']),
  expert_score: z.number(),
  weak: z.array(z.enum(DIMENSIONS)).length(2),
});
export type RealCopy = z.infer<typeof copySchema>;

/** Reads a JSON-lines file, each line checked against `schema` (the error names the line). */
export function loadJsonl<T>(path: string, schema: z.ZodType<T>): T[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((line, i) => {
      const parsed = schema.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`${path}:${i + 1}: ${parsed.error.message}`);
      return parsed.data;
    });
}

export const loadRealQuestions = (path: string) => loadJsonl(path, questionSchema);
export const loadRealCopy = (path: string) => loadJsonl(path, copySchema);

/** How an answer reads to the evaluation: what it cited and whether it said "covered". */
export interface AnswerView {
  citations: string[];
  coverage: NonNullable<Answer['coverage']>;
}

/** Question figures (shares 0–1). */
export interface QuestionReport {
  inScope: number;
  partial: number;
  outOfScope: number;
  /** In scope: an expected entry among the first three citations. */
  inAt3: number;
  /** In scope: an expected entry cited first. */
  inAt1: number;
  /** In scope: answered as covered (not refused). */
  inAnswered: number;
  /** Out of scope: said so (no citation, "not covered"). */
  outRefused: number;
  /** Partly covered: said it is partly covered or not covered, never "covered". */
  partialHonest: number;
  /** Partly covered: an expected (nearest) entry cited. */
  partialNearest: number;
  misses: { id: string; q: string; scope: string; expect: string[]; got: string[]; coverage: string }[];
}

/** Scores the answerer on real questions. */
export function scoreRealQuestions(items: RealQuestion[], answer: (q: string) => AnswerView): QuestionReport {
  const r = { inAt3: 0, inAt1: 0, inAnswered: 0, outRefused: 0, partialHonest: 0, partialNearest: 0 };
  const misses: QuestionReport['misses'] = [];
  for (const item of items) {
    const a = answer(item.q);
    const first3 = a.citations.slice(0, 3);
    const hitAt3 = first3.some((id) => item.expect.includes(id));
    let ok = true;
    if (item.scope === 'in') {
      if (hitAt3) r.inAt3 += 1;
      else ok = false;
      if (a.citations[0] && item.expect.includes(a.citations[0])) r.inAt1 += 1;
      if (a.coverage !== 'not_covered') r.inAnswered += 1;
    } else if (item.scope === 'out') {
      if (a.coverage === 'not_covered' && a.citations.length === 0) r.outRefused += 1;
      else ok = false;
    } else {
      if (a.coverage !== 'covered') r.partialHonest += 1;
      else ok = false;
      if (a.citations.some((id) => item.expect.includes(id))) r.partialNearest += 1;
    }
    if (!ok)
      misses.push({
        id: item.id,
        q: item.q,
        scope: item.scope,
        expect: item.expect,
        got: first3,
        coverage: a.coverage,
      });
  }
  const n = (s: RealQuestion['scope']) => items.filter((i) => i.scope === s).length;
  const share = (x: number, d: number) => (d === 0 ? 1 : x / d);
  return {
    inScope: n('in'),
    partial: n('partial'),
    outOfScope: n('out'),
    inAt3: share(r.inAt3, n('in')),
    inAt1: share(r.inAt1, n('in')),
    inAnswered: share(r.inAnswered, n('in')),
    outRefused: share(r.outRefused, n('out')),
    partialHonest: share(r.partialHonest, n('partial')),
    partialNearest: share(r.partialNearest, n('partial')),
    misses,
  };
}

/** The band of a 0–100 score: low < 40, mid 40–64, high ≥ 65. */
export function bandOf(overall: number): RealCopy['band'] {
  return overall >= 65 ? 'high' : overall >= 40 ? 'mid' : 'low';
}

/**
 * Coach's two weakest dimensions: lowest score first; among equal scores the heavier dimension is the
 * bigger weakness (it costs the overall score more), then the rubric's order.
 */
export function twoWeakest(scores: Record<Dimension, number>): Dimension[] {
  return [...DIMENSIONS]
    .sort(
      (a, b) =>
        scores[a] - scores[b] || WEIGHTS[b] - WEIGHTS[a] || DIMENSIONS.indexOf(a) - DIMENSIONS.indexOf(b),
    )
    .slice(0, 2);
}

/** Numbers written in a text (`30%`, `4`, `1,200`, `3.5`), as plain digit strings. */
export function numbersIn(text: string): string[] {
  return (text.normalize('NFKC').match(/\d+(?:[.,]\d+)*/g) ?? []).map((n) => n.replace(/,(?=\d{3}\b)/g, ''));
}

/**
 * `[placeholders]` a rewrite adds: bracketed text that the draft itself has (a pronunciation such as
 * "canal [kə'næl]", a "[Beta]" tag) is the draft's, kept, not a blank left to fill.
 */
export function placeholdersIn(text: string, draft = ''): number {
  const own: string[] = draft.match(/\[[^\]\n]{1,40}\]/g) ?? [];
  let added = 0;
  for (const p of text.match(/\[[^\]\n]{1,40}\]/g) ?? []) {
    const at = own.indexOf(p);
    if (at >= 0) own.splice(at, 1);
    else added += 1;
  }
  return added;
}

/** Copy figures (shares 0–1). */
export interface CopyReport {
  drafts: number;
  bandAccuracy: number;
  highInHigh: number;
  lowInLow: number;
  weakHit: number;
  rewriteOk: number;
  distinctRewrites: number;
  confusion: Record<string, number>;
  misses: {
    id: string;
    draft: string;
    expert: string;
    got: string;
    overall: number;
    weak: string[];
    lowest: string[];
    rewrite: string | null;
  }[];
}

/** Scores the critic on real copy. */
export function scoreRealCopy(items: RealCopy[], review: (draft: string) => ReviewResult): CopyReport {
  let band = 0;
  let weakHit = 0;
  let rewriteOk = 0;
  const highs = items.filter((i) => i.band === 'high');
  const lows = items.filter((i) => i.band === 'low');
  let highInHigh = 0;
  let lowInLow = 0;
  const rewrites = new Set<string>();
  const confusion: Record<string, number> = {};
  const misses: CopyReport['misses'] = [];
  for (const item of items) {
    const r = review(item.draft);
    const got = bandOf(r.overall);
    confusion[`${item.band}→${got}`] = (confusion[`${item.band}→${got}`] ?? 0) + 1;
    const lowest = twoWeakest(r.scores);
    const hit = item.weak.some((d) => lowest.includes(d));
    const keeps = numbersIn(item.draft).every((n) => numbersIn(r.rewrite ?? '').includes(n));
    const rewriteGood = r.rewrite !== null && keeps && placeholdersIn(r.rewrite, item.draft) <= 4;
    if (got === item.band) band += 1;
    if (item.band === 'high' && got === 'high') highInHigh += 1;
    if (item.band === 'low' && got === 'low') lowInLow += 1;
    if (hit) weakHit += 1;
    if (rewriteGood) rewriteOk += 1;
    if (r.rewrite) rewrites.add(r.rewrite);
    if (got !== item.band || !hit || !rewriteGood) {
      misses.push({
        id: item.id,
        draft: item.draft,
        expert: item.band,
        got,
        overall: r.overall,
        weak: item.weak,
        lowest,
        rewrite: r.rewrite,
      });
    }
  }
  const share = (x: number, d: number) => (d === 0 ? 1 : x / d);
  return {
    drafts: items.length,
    bandAccuracy: share(band, items.length),
    highInHigh: share(highInHigh, highs.length),
    lowInLow: share(lowInLow, lows.length),
    weakHit: share(weakHit, items.length),
    rewriteOk: share(rewriteOk, items.length),
    distinctRewrites: share(rewrites.size, items.length),
    confusion,
    misses,
  };
}
