/**
 * Prints the figures on the real sets (eval/real/*.dev*.jsonl beside *.held*.jsonl). `--verbose` lists the
 * dev misses; held-out items are never printed (they stay unseen while the rules are tuned).
 */
import { answerOffline } from '../src/core/answer/offline.ts';
import type { Retriever } from '../src/core/retrieval/retriever.ts';
import { reviewOffline } from '../src/core/review/offline-critic.ts';
import {
  type CopyReport,
  loadRealCopy,
  loadRealQuestions,
  type QuestionReport,
  scoreRealCopy,
  scoreRealQuestions,
} from './real-eval.ts';

/**
 * The development parts: the first collection and two fresh ones (dev2, dev3), each scored once
 * untouched before any tuning on it (eval/real/QUESTIONS.md, COPY.md) and development data since.
 */
const DEV = ['dev', 'dev2', 'dev3'];
/** The held-out parts: a third of the first collection, and a third of the third (held2). */
const HELD = ['held', 'held2'];

const pct = (x: number) => `${(x * 100).toFixed(0)}%`.padStart(5);

/** Which parts to run: `--only questions|copy` and `--dev-only` (no held-out figures while tuning). */
export interface RealEvalOptions {
  verbose: boolean;
  only?: 'questions' | 'copy';
  devOnly?: boolean;
}

/** Runs the real sets and prints dev | held-out. */
export function runRealEval(retriever: Retriever, opts: RealEvalOptions): void {
  const { verbose } = opts;
  const answer = (q: string) => {
    const a = answerOffline(retriever, q);
    return {
      citations: a.citations.map((c) => c.id),
      coverage: a.coverage ?? (a.citations.length ? 'covered' : 'not_covered'),
    };
  };
  // While tuning (`--dev-only`) the second column repeats the first collection's dev part instead.
  const heldParts = opts.devOnly ? ['dev'] : HELD;
  if (opts.only !== 'copy') {
    const qDev = scoreRealQuestions(
      DEV.flatMap((part) => loadRealQuestions(`eval/real/questions.${part}.jsonl`)),
      answer,
    );
    const qHeld = scoreRealQuestions(
      heldParts.flatMap((part) => loadRealQuestions(`eval/real/questions.${part}.jsonl`)),
      answer,
    );
    printQuestions(qDev, qHeld, verbose, opts.devOnly === true);
  }
  if (opts.only !== 'questions') {
    const review = (d: string) => reviewOffline(d);
    const cDev = scoreRealCopy(
      DEV.flatMap((part) => loadRealCopy(`eval/real/copy.${part}.jsonl`)),
      review,
    );
    const cHeld = scoreRealCopy(
      heldParts.flatMap((part) => loadRealCopy(`eval/real/copy.${part}.jsonl`)),
      review,
    );
    printCopy(cDev, cHeld, verbose, opts.devOnly === true);
  }
}

function printQuestions(
  qDev: QuestionReport,
  qHeld: QuestionReport,
  verbose: boolean,
  devOnly: boolean,
): void {
  const heldLabel = devOnly ? '(dev again)' : 'held-out';
  console.log(`\nReal questions, offline answers (eval/real/questions.*.jsonl)         dev   ${heldLabel}`);
  const qRow = (label: string, f: (r: QuestionReport) => number, target = '') =>
    console.log(`  ${label.padEnd(58)} ${pct(f(qDev))}  ${pct(f(qHeld))}   ${target}`);
  console.log(
    `  ${'questions (in / partly / out)'.padEnd(58)} ${qDev.inScope}/${qDev.partial}/${qDev.outOfScope}  ${qHeld.inScope}/${qHeld.partial}/${qHeld.outOfScope}`,
  );
  qRow('in scope: an expected entry among the first 3 citations', (r) => r.inAt3, '(target ≥ 85%)');
  qRow('in scope: an expected entry cited first', (r) => r.inAt1);
  qRow('out of scope: said so (not covered, no citation)', (r) => r.outRefused, '(target ≥ 75%)');
  qRow('partly covered: not claimed as covered', (r) => r.partialHonest);
  qRow('partly covered: nearest expected entry cited', (r) => r.partialNearest);
  if (verbose) {
    for (const m of qDev.misses) {
      console.log(
        `  q miss ${m.id} [${m.scope}] ${m.q.slice(0, 90)}\n        expected ${m.expect.join(', ') || '-'}; got ${m.got.join(', ') || '-'} (${m.coverage})`,
      );
    }
  }
}

function printCopy(cDev: CopyReport, cHeld: CopyReport, verbose: boolean, devOnly: boolean): void {
  const heldLabel = devOnly ? '(dev again)' : 'held-out';
  console.log(`\nReal copy, offline critic (eval/real/copy.*.jsonl)                      dev   ${heldLabel}`);
  const cRow = (label: string, f: (r: CopyReport) => number, target = '') =>
    console.log(`  ${label.padEnd(58)} ${pct(f(cDev))}  ${pct(f(cHeld))}   ${target}`);
  console.log(
    `  ${'drafts'.padEnd(58)} ${String(cDev.drafts).padStart(5)}  ${String(cHeld.drafts).padStart(5)}`,
  );
  cRow("the expert's band", (r) => r.bandAccuracy, '(target ≥ 80%)');
  cRow('strong copy in the high band', (r) => r.highInHigh, '(target ≥ 80%)');
  cRow('weak copy in the low band', (r) => r.lowInLow);
  cRow("one of the expert's 2 weakest among Coach's 2 lowest", (r) => r.weakHit, '(target ≥ 80%)');
  cRow('rewrite keeps the numbers, ≤ 4 placeholders', (r) => r.rewriteOk, '(target ≥ 80%)');
  cRow('distinct rewrites', (r) => r.distinctRewrites);
  if (verbose) {
    console.log(`  dev band confusion (expert→coach): ${JSON.stringify(cDev.confusion)}`);
    for (const m of cDev.misses) {
      console.log(
        `  copy ${m.id} expert ${m.expert} got ${m.got} (${m.overall}) weak ${m.weak.join('+')} lowest ${m.lowest.join('+')}\n        ${m.draft.slice(0, 110)}\n        → ${(m.rewrite ?? '').slice(0, 140)}`,
      );
    }
  }
}
