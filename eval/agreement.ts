/**
 * How far two experts agree on the real sets' labels, and how Coach compares with each of them.
 *
 * A second expert labelled a sample of the dev items, and the whole fresh held-out collection, blind
 * (without the first labels or Coach's output; eval/real/second/README.md). The same figures the eval reports for Coach against the first
 * expert are computed for the second expert against the first: that is the ceiling a rule set tuned to
 * one expert's labels can honestly be expected to reach.
 *
 * Run: `npx tsx eval/agreement.ts` (also printed at the end of `npm run eval` when the files exist).
 */
import { existsSync } from 'node:fs';
import { z } from 'zod';
import { answerOffline } from '../src/core/answer/offline.ts';
import type { Retriever } from '../src/core/retrieval/retriever.ts';
import { reviewOffline } from '../src/core/review/offline-critic.ts';
import { DIMENSIONS } from '../src/core/review/types.ts';
import {
  bandOf,
  loadJsonl,
  loadRealCopy,
  loadRealQuestions,
  type RealCopy,
  type RealQuestion,
  twoWeakest,
} from './real-eval.ts';

const DIR = 'eval/real/second';
const DEV_PARTS = ['dev', 'dev2', 'dev3'];

const secondCopySchema = z.object({
  id: z.string(),
  band: z.enum(['low', 'mid', 'high']),
  expert_score: z.number(),
  weak: z.array(z.enum(DIMENSIONS)).length(2),
});
const secondQuestionSchema = z.object({
  id: z.string(),
  scope: z.enum(['in', 'partial', 'out']),
  expect: z.array(z.string()),
});

/** A copy label as the figures need it: band, score, two weakest. */
interface CopyLabel {
  band: RealCopy['band'];
  score: number;
  weak: string[];
}

/** A question label: scope and the entries that answer it. */
interface QuestionLabel {
  scope: RealQuestion['scope'];
  expect: string[];
}

/** Copy figures of rater B against rater A (shares 0–1; `n` items). */
export interface CopyAgreement {
  n: number;
  band: number;
  highInHigh: number;
  lowInLow: number;
  weak: number;
  meanAbsScore: number;
  kappa: number;
}

const BANDS = ['low', 'mid', 'high'] as const;

/** Cohen's kappa of two raters over the same items. */
export function cohensKappa<T extends string>(a: T[], b: T[], classes: readonly T[]): number {
  const n = a.length;
  if (n === 0) return 1;
  const observed = a.filter((x, i) => x === b[i]).length / n;
  const expected = classes.reduce(
    (s, c) => s + (a.filter((x) => x === c).length / n) * (b.filter((x) => x === c).length / n),
    0,
  );
  return expected === 1 ? 1 : (observed - expected) / (1 - expected);
}

/** How rater B's copy labels agree with rater A's, the way the eval scores Coach against the expert. */
export function copyAgreement(a: CopyLabel[], b: CopyLabel[]): CopyAgreement {
  const share = (f: (i: number) => boolean, among: number[]) =>
    among.length === 0 ? 1 : among.filter(f).length / among.length;
  const all = a.map((_, i) => i);
  const sameBand = (i: number) => a[i]?.band === b[i]?.band;
  return {
    n: a.length,
    band: share(sameBand, all),
    highInHigh: share(
      sameBand,
      all.filter((i) => a[i]?.band === 'high'),
    ),
    lowInLow: share(
      sameBand,
      all.filter((i) => a[i]?.band === 'low'),
    ),
    weak: share((i) => (a[i]?.weak ?? []).some((d) => b[i]?.weak.includes(d)), all),
    meanAbsScore:
      all.reduce((s, i) => s + Math.abs((a[i]?.score ?? 0) - (b[i]?.score ?? 0)), 0) / Math.max(1, a.length),
    kappa: cohensKappa(
      a.map((x) => x.band),
      b.map((x) => x.band),
      BANDS,
    ),
  };
}

/** Question figures of rater B against rater A (shares 0–1). */
export interface QuestionAgreement {
  n: number;
  scope: number;
  kappa: number;
  /** A says "in": one of A's expected entries among B's first three (B's citations, for Coach). */
  inAt3: number;
  /** A says "out": B says so too. */
  outAgree: number;
}

/** How rater B's question labels agree with rater A's. */
export function questionAgreement(a: QuestionLabel[], b: QuestionLabel[]): QuestionAgreement {
  const idx = a.map((_, i) => i);
  const aIn = idx.filter((i) => a[i]?.scope === 'in');
  const aOut = idx.filter((i) => a[i]?.scope === 'out');
  const share = (x: number, d: number) => (d === 0 ? 1 : x / d);
  return {
    n: a.length,
    scope: share(idx.filter((i) => a[i]?.scope === b[i]?.scope).length, a.length),
    kappa: cohensKappa(
      a.map((x) => x.scope),
      b.map((x) => x.scope),
      ['in', 'partial', 'out'] as const,
    ),
    inAt3: share(
      aIn.filter((i) => (a[i]?.expect ?? []).some((id) => b[i]?.expect.slice(0, 3).includes(id))).length,
      aIn.length,
    ),
    outAgree: share(aOut.filter((i) => b[i]?.scope === 'out').length, aOut.length),
  };
}

const pct = (x: number) => `${(x * 100).toFixed(0)}%`.padStart(8);

/** A sample labelled twice: which first-labelled parts it comes from and where the second labels are. */
interface Sample {
  name: string;
  parts: string[];
  /** File prefix in eval/real/second/: `<prefix>copy.labels.jsonl`, `<prefix>questions.labels.jsonl`. */
  prefix: string;
}

/**
 * The samples labelled a second time: 60 dev drafts and 60 dev questions, and the whole fourth, sixth,
 * eleventh, fourteenth and fifteenth collections (held out; their second labels were written blind, like
 * the first).
 */
const SAMPLES: readonly Sample[] = [
  { name: 'dev', parts: DEV_PARTS, prefix: '' },
  { name: 'fourth collection (held3, seen)', parts: ['held3'], prefix: 'held3.' },
  { name: 'sixth collection (held4, seen)', parts: ['held4'], prefix: 'held4.' },
  { name: 'eleventh collection (held5, fresh)', parts: ['held5'], prefix: 'held5.' },
  { name: 'fourteenth collection (held6, seen)', parts: ['held6'], prefix: 'held6.' },
  { name: 'fifteenth collection (held7, fresh)', parts: ['held7'], prefix: 'held7.' },
];

/**
 * Prints expert B vs expert A beside Coach vs A and Coach vs B, for each sample whose labels exist;
 * with `devOnly`, for the dev sample alone (the held-out samples' figures are Coach's on held-out items).
 */
export function runAgreement(retriever: Retriever, { devOnly = false } = {}): void {
  for (const sample of devOnly ? SAMPLES.slice(0, 1) : SAMPLES) {
    const copyPath = `${DIR}/${sample.prefix}copy.labels.jsonl`;
    const questionPath = `${DIR}/${sample.prefix}questions.labels.jsonl`;
    if (existsSync(copyPath)) copyTable(sample, copyPath);
    if (existsSync(questionPath)) questionTable(sample, questionPath, retriever);
  }
}

/** Pairs each second label with the first label of the same id (all must be in `parts`). */
function pair<F extends { id: string }, S extends { id: string }>(firsts: F[], seconds: S[], path: string) {
  const byId = new Map(firsts.map((f) => [f.id, f]));
  const items = seconds.flatMap((s) => {
    const first = byId.get(s.id);
    return first ? [{ first, s }] : [];
  });
  if (items.length !== seconds.length) throw new Error(`${path}: ids that are not in the first labels`);
  return items;
}

function copyTable(sample: Sample, path: string): void {
  const firsts = sample.parts.flatMap((p) => loadRealCopy(`eval/real/copy.${p}.jsonl`));
  const items = pair(firsts, loadJsonl(path, secondCopySchema), path);
  const A = items.map(({ first }) => ({ band: first.band, score: first.expert_score, weak: first.weak }));
  const B = items.map(({ s }) => ({ band: s.band, score: s.expert_score, weak: s.weak }));
  const C = items.map(({ first }) => {
    const r = reviewOffline(first.draft);
    return { band: bandOf(r.overall), score: r.overall, weak: twoWeakest(r.scores) };
  });
  const cols = [copyAgreement(A, B), copyAgreement(A, C), copyAgreement(B, C)];
  const title = `Agreement on ${items.length} ${sample.name} drafts (eval/real/second)`;
  console.log(`\n${title.padEnd(60)}  2nd/1st Coach/1st Coach/2nd`);
  console.log("  (X/Y: X scored against Y's labels, the way the eval scores Coach against the expert)");
  const row = (label: string, f: (r: CopyAgreement) => string) =>
    console.log(`  ${label.padEnd(58)} ${cols.map(f).join(' ')}`);
  row('same band', (r) => pct(r.band));
  row('strong copy in the high band', (r) => pct(r.highInHigh));
  row('weak copy in the low band', (r) => pct(r.lowInLow));
  row('one of the 2 weakest among the other 2 weakest', (r) => pct(r.weak));
  row('mean |score difference| (0–100)', (r) => r.meanAbsScore.toFixed(1).padStart(8));
  row("Cohen's kappa, band", (r) => r.kappa.toFixed(2).padStart(8));
}

function questionTable(sample: Sample, path: string, retriever: Retriever): void {
  const firsts = sample.parts.flatMap((p) => loadRealQuestions(`eval/real/questions.${p}.jsonl`));
  const items = pair(firsts, loadJsonl(path, secondQuestionSchema), path);
  const QA = items.map(({ first }) => ({ scope: first.scope, expect: first.expect }));
  const QB = items.map(({ s }) => ({ scope: s.scope, expect: s.expect }));
  const QC = items.map(({ first }) => {
    const a = answerOffline(retriever, first.q);
    const coverage = a.coverage ?? (a.citations.length ? 'covered' : 'not_covered');
    const scope: QuestionLabel['scope'] =
      coverage === 'covered' ? 'in' : coverage === 'partial' || a.citations.length ? 'partial' : 'out';
    return { scope, expect: a.citations.slice(0, 3).map((c) => c.id) };
  });
  const qCols = [questionAgreement(QA, QB), questionAgreement(QA, QC), questionAgreement(QB, QC)];
  const title = `Agreement on ${items.length} ${sample.name} questions (eval/real/second)`;
  console.log(`\n${title.padEnd(60)}  2nd/1st Coach/1st Coach/2nd`);
  const qRow = (label: string, f: (r: QuestionAgreement) => string) =>
    console.log(`  ${label.padEnd(58)} ${qCols.map(f).join(' ')}`);
  qRow('same scope (in / partly / out)', (r) => pct(r.scope));
  qRow("Cohen's kappa, scope", (r) => r.kappa.toFixed(2).padStart(8));
  qRow('in scope: an expected entry among the first 3', (r) => pct(r.inAt3));
  qRow('out of scope: said so', (r) => pct(r.outAgree));
}
