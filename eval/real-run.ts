/**
 * Prints the figures on the real sets: dev, the first held-out parts, and the sixth collection (held out
 * whole), side by side. `--verbose` lists the dev misses; held-out items are never printed.
 */
import { existsSync } from 'node:fs';
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

/** One column of figures: a name and the files (`eval/real/<kind>.<part>.jsonl`) it scores. */
export interface Column {
  label: string;
  parts: string[];
}

/**
 * The development parts: the first collection and twenty-eight more (dev2 … dev29; dev9 and dev25 to
 * dev29 are copy only), each scored once untouched before any tuning on it (eval/real/QUESTIONS.md,
 * COPY.md) and development data since.
 */
export const DEV: Column = {
  label: 'dev',
  parts: [
    'dev',
    'dev2',
    'dev3',
    'dev4',
    'dev5',
    'dev6',
    'dev7',
    'dev8',
    'dev9',
    'dev10',
    'dev11',
    'dev12',
    'dev13',
    'dev14',
    'dev15',
    'dev16',
    'dev17',
    'dev18',
    'dev19',
    'dev20',
    'dev21',
    'dev22',
    'dev23',
    'dev24',
    'dev25',
    'dev26',
    'dev27',
    'dev28',
    'dev29',
  ],
};
/**
 * The held-out parts already looked at: a third of the first collection, a third of the third (held2),
 * the fourth collection (held3) and the sixth (held4), whose figures were read after tuning rounds (and
 * whose missed customer names were read once to find the forms the critic lacked), so they are "seen";
 * and the fourteenth (held6), one of whose drafts was printed by mistake while reading the file's fields
 * and then informed a change (a customer that "adopts" a named product).
 */
export const HELD: Column = { label: 'held', parts: ['held', 'held2', 'held3', 'held4', 'held6'] };
/**
 * The eleventh, fifteenth, seventeenth, nineteenth, twenty-second, twenty-third, twenty-fifth (those four
 * copy only), twenty-sixth (questions only), twenty-ninth (copy only, `copy.held13.jsonl`), thirty-third
 * (questions only, `questions.held14.jsonl`), thirty-seventh (copy only, `copy.held14.jsonl`) and thirty-eighth
 * (questions only, `questions.held15.jsonl`), forty-eighth (questions only, `questions.held16.jsonl`) and
 * forty-ninth (copy only, `copy.held15.jsonl`), fifty-sixth (questions only, `questions.held17.jsonl`) and
 * fifty-seventh (copy only, `copy.held16.jsonl`) collections, held out whole from the moment they were
 * written: scored as aggregates only, never item by item (two
 * drafts of the twenty-third were printed once by mistake, and one rewrite of the twenty-fifth was read as
 * metadata: eval/real/COPY.md; the collectors' one-line summaries of the twenty-sixth were read:
 * eval/real/QUESTIONS.md).
 */
export const FRESH: Column = {
  label: 'fresh',
  parts: [
    'held5',
    'held7',
    'held8',
    'held9',
    'held10',
    'held11',
    'held12',
    'held13',
    'held14',
    'held15',
    'held16',
    'held17',
  ],
};

const pct = (x: number) => `${(x * 100).toFixed(0)}%`.padStart(8);

/** Which parts to run: `--only questions|copy` and `--dev-only` (no held-out figures while tuning). */
export interface RealEvalOptions {
  verbose: boolean;
  only?: 'questions' | 'copy';
  devOnly?: boolean;
  /** One collection alone (`dev7`, `held4`…): how a new collection is scored untouched, before any tuning. */
  part?: string;
}

/**
 * The columns to print (dev alone while tuning, else with the held-out ones), each with the parts
 * whose files exist; a column with none is left out.
 */
export function columns(kind: 'questions' | 'copy', devOnly: boolean, part?: string): Column[] {
  const all = part ? [{ label: part, parts: [part] }] : devOnly ? [DEV] : [DEV, HELD, FRESH];
  return all
    .map((c) => ({ ...c, parts: c.parts.filter((part) => existsSync(realPath(kind, part))) }))
    .filter((c) => c.parts.length > 0);
}

export const realPath = (kind: 'questions' | 'copy', part: string) => `eval/real/${kind}.${part}.jsonl`;

/** Runs the real sets and prints one column per set of parts (dev, then the held-out ones). */
export function runRealEval(retriever: Retriever, opts: RealEvalOptions): void {
  const { verbose } = opts;
  const devOnly = opts.devOnly === true;
  const answer = (q: string) => {
    const a = answerOffline(retriever, q);
    return {
      citations: a.citations.map((c) => c.id),
      coverage: a.coverage ?? (a.citations.length ? 'covered' : 'not_covered'),
    };
  };
  if (opts.only !== 'copy') {
    const cols = columns('questions', devOnly, opts.part);
    const reports = cols.map((c) =>
      scoreRealQuestions(
        c.parts.flatMap((part) => loadRealQuestions(realPath('questions', part))),
        answer,
      ),
    );
    printQuestions(cols, reports, verbose);
  }
  if (opts.only !== 'questions') {
    const review = (d: string) => reviewOffline(d);
    const cols = columns('copy', devOnly, opts.part);
    const reports = cols.map((c) =>
      scoreRealCopy(
        c.parts.flatMap((part) => loadRealCopy(realPath('copy', part))),
        review,
      ),
    );
    printCopy(cols, reports, verbose);
  }
}

const header = (title: string, cols: Column[]) =>
  console.log(`\n${title.padEnd(60)} ${cols.map((c) => c.label.padStart(8)).join(' ')}`);

/** One row: a label, one figure per column, and the target. */
function row<R>(reports: R[], label: string, f: (r: R) => string, target = ''): void {
  console.log(`  ${label.padEnd(58)} ${reports.map(f).join(' ')}   ${target}`);
}

export function printQuestions(
  cols: Column[],
  reports: QuestionReport[],
  verbose: boolean,
  title = 'Real questions, offline answers (eval/real/questions.*.jsonl)',
): void {
  header(title, cols);
  const qRow = (label: string, f: (r: QuestionReport) => number, target = '') =>
    row(reports, label, (r) => pct(f(r)), target);
  row(reports, 'questions (in / partly / out)', (r) =>
    `${r.inScope}/${r.partial}/${r.outOfScope}`.padStart(8),
  );
  qRow('in scope: an expected entry among the first 3 citations', (r) => r.inAt3, '(target ≥ 85%)');
  qRow('in scope: an expected entry cited first', (r) => r.inAt1);
  qRow('out of scope: said so (not covered, no citation)', (r) => r.outRefused, '(target ≥ 75%)');
  qRow('partly covered: not claimed as covered', (r) => r.partialHonest);
  qRow('partly covered: nearest expected entry cited', (r) => r.partialNearest);
  // Misses are listed for development parts only: held-out items are never printed.
  const dev = cols[0]?.label.startsWith('dev') ? reports[0] : undefined;
  if (verbose && dev) {
    for (const m of dev.misses) {
      console.log(
        `  q miss ${m.id} [${m.scope}] ${m.q.slice(0, 90)}\n        expected ${m.expect.join(', ') || '-'}; got ${m.got.join(', ') || '-'} (${m.coverage})`,
      );
    }
  }
}

export function printCopy(
  cols: Column[],
  reports: CopyReport[],
  verbose: boolean,
  title = 'Real copy, offline critic (eval/real/copy.*.jsonl)',
): void {
  header(title, cols);
  const cRow = (label: string, f: (r: CopyReport) => number, target = '') =>
    row(reports, label, (r) => pct(f(r)), target);
  row(reports, 'drafts', (r) => String(r.drafts).padStart(8));
  cRow("the expert's band", (r) => r.bandAccuracy, '(target ≥ 80%)');
  cRow('strong copy in the high band', (r) => r.highInHigh, '(target ≥ 80%)');
  cRow('weak copy in the low band', (r) => r.lowInLow);
  cRow("one of the expert's 2 weakest among Coach's 2 lowest", (r) => r.weakHit, '(target ≥ 80%)');
  cRow('rewrite keeps the numbers, ≤ 4 placeholders', (r) => r.rewriteOk, '(target ≥ 80%)');
  cRow('distinct rewrites', (r) => r.distinctRewrites);
  // Misses are listed for development parts only: held-out items are never printed.
  const dev = cols[0]?.label.startsWith('dev') ? reports[0] : undefined;
  if (verbose && dev) {
    console.log(`  dev band confusion (expert→coach): ${JSON.stringify(dev.confusion)}`);
    for (const m of dev.misses) {
      console.log(
        `  copy ${m.id} expert ${m.expert} got ${m.got} (${m.overall}) weak ${m.weak.join('+')} lowest ${m.lowest.join('+')}\n        ${m.draft.slice(0, 110)}\n        → ${(m.rewrite ?? '').slice(0, 140)}`,
      );
    }
  }
}
