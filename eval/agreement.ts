/**
 * How far two experts agree on the real sets' labels, and how Coach compares with each of them.
 *
 * A second expert labelled a sample of the dev items blind (without the first labels or Coach's
 * output; eval/real/second/README.md). The same figures the eval reports for Coach against the first
 * expert are computed for the second expert against the first: that is the ceiling a rule set tuned to
 * one expert's labels can honestly be expected to reach.
 *
 * Run: `npx tsx eval/agreement.ts` (also printed at the end of `npm run eval` when the files exist).
 */
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { answerOffline } from '../src/core/answer/offline.ts';
import type { Retriever } from '../src/core/retrieval/retriever.ts';
import { reviewOffline } from '../src/core/review/offline-critic.ts';
import { DIMENSIONS } from '../src/core/review/types.ts';
import {
  bandOf,
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

function loadLines<T>(path: string, schema: z.ZodType<T>): T[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((line, i) => {
      const parsed = schema.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`${path}:${i + 1}: ${parsed.error.message}`);
      return parsed.data;
    });
}

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

/** Prints expert B vs expert A beside Coach vs A and Coach vs B, when the second labels exist. */
export function runAgreement(retriever: Retriever): void {
  const copyPath = `${DIR}/copy.labels.jsonl`;
  const questionPath = `${DIR}/questions.labels.jsonl`;
  if (!existsSync(copyPath) || !existsSync(questionPath)) return;

  const firstCopy = new Map(
    DEV_PARTS.flatMap((p) => loadRealCopy(`eval/real/copy.${p}.jsonl`)).map((c) => [c.id, c]),
  );
  const second = loadLines(copyPath, secondCopySchema);
  const items = second.flatMap((s) => {
    const first = firstCopy.get(s.id);
    return first ? [{ first, s }] : [];
  });
  if (items.length !== second.length) throw new Error(`${copyPath}: ids that are not in the dev copy`);
  const A = items.map(({ first }) => ({ band: first.band, score: first.expert_score, weak: first.weak }));
  const B = items.map(({ s }) => ({ band: s.band, score: s.expert_score, weak: s.weak }));
  const C = items.map(({ first }) => {
    const r = reviewOffline(first.draft);
    return { band: bandOf(r.overall), score: r.overall, weak: twoWeakest(r.scores) };
  });
  const cols = [copyAgreement(A, B), copyAgreement(A, C), copyAgreement(B, C)];
  console.log(
    `\nAgreement on ${items.length} dev drafts (eval/real/second)                 2nd/1st Coach/1st Coach/2nd`,
  );
  console.log("  (X/Y: X scored against Y's labels, the way the eval scores Coach against the expert)");
  const row = (label: string, f: (r: CopyAgreement) => string) =>
    console.log(`  ${label.padEnd(58)} ${cols.map(f).join(' ')}`);
  row('same band', (r) => pct(r.band));
  row('strong copy in the high band', (r) => pct(r.highInHigh));
  row('weak copy in the low band', (r) => pct(r.lowInLow));
  row('one of the 2 weakest among the other 2 weakest', (r) => pct(r.weak));
  row('mean |score difference| (0–100)', (r) => r.meanAbsScore.toFixed(1).padStart(8));
  row("Cohen's kappa, band", (r) => r.kappa.toFixed(2).padStart(8));

  const firstQ = new Map(
    DEV_PARTS.flatMap((p) => loadRealQuestions(`eval/real/questions.${p}.jsonl`)).map((q) => [q.id, q]),
  );
  const secondQ = loadLines(questionPath, secondQuestionSchema);
  const qItems = secondQ.flatMap((s) => {
    const first = firstQ.get(s.id);
    return first ? [{ first, s }] : [];
  });
  if (qItems.length !== secondQ.length)
    throw new Error(`${questionPath}: ids that are not in the dev questions`);
  const QA = qItems.map(({ first }) => ({ scope: first.scope, expect: first.expect }));
  const QB = qItems.map(({ s }) => ({ scope: s.scope, expect: s.expect }));
  const QC = qItems.map(({ first }) => {
    const a = answerOffline(retriever, first.q);
    const coverage = a.coverage ?? (a.citations.length ? 'covered' : 'not_covered');
    const scope: QuestionLabel['scope'] =
      coverage === 'covered' ? 'in' : coverage === 'partial' || a.citations.length ? 'partial' : 'out';
    return { scope, expect: a.citations.slice(0, 3).map((c) => c.id) };
  });
  const qCols = [questionAgreement(QA, QB), questionAgreement(QA, QC), questionAgreement(QB, QC)];
  console.log(
    `\nAgreement on ${qItems.length} dev questions (eval/real/second)              2nd/1st Coach/1st Coach/2nd`,
  );
  const qRow = (label: string, f: (r: QuestionAgreement) => string) =>
    console.log(`  ${label.padEnd(58)} ${qCols.map(f).join(' ')}`);
  qRow('same scope (in / partly / out)', (r) => pct(r.scope));
  qRow("Cohen's kappa, scope", (r) => r.kappa.toFixed(2).padStart(8));
  qRow('in scope: an expected entry among the first 3', (r) => pct(r.inAt3));
  qRow('out of scope: said so', (r) => pct(r.outAgree));
}
