/**
 * `npm run eval`: prints the retrieval and review evaluation figures.
 * Retrieval: recall@1, recall@3, MRR and off-topic rejection over eval/retrieval.jsonl.
 * Review: pair accuracy and weak-dimension hit rate of the offline critic over eval/review.jsonl.
 * Named customers: the critic's customer-name reader against span labels (eval/real/names.*.jsonl).
 * Real questions and copy: dev, held-out and fresh columns (real-run.ts), then expert agreement.
 */
import { loadKnowledge } from '../src/core/knowledge/load.ts';
import { loadRetrievalEval, scoreRetrievalEval } from '../src/core/retrieval/retrieval-eval.ts';
import { createRetriever } from '../src/core/retrieval/retriever.ts';
import { runAgreement } from './agreement.ts';
import { runNamesEval } from './names-eval.ts';
import { runRealEval } from './real-run.ts';
import { runReviewEval } from './review-eval-run.ts';

const verbose = process.argv.includes('--verbose');
const kb = loadKnowledge('knowledge');
const retriever = createRetriever(kb);
const retrieval = scoreRetrievalEval(loadRetrievalEval('eval/retrieval.jsonl'), retriever);

console.log('Retrieval (eval/retrieval.jsonl)');
console.log(`  on-topic questions      ${retrieval.questions}`);
console.log(`  recall@1                ${retrieval.recallAt1.toFixed(3)}`);
console.log(`  recall@3                ${retrieval.recallAt3.toFixed(3)}   (target ≥ 0.900)`);
console.log(`  MRR                     ${retrieval.mrr.toFixed(3)}`);
console.log(
  `  off-topic rejected      ${retrieval.offTopicRejected.toFixed(3)}   (${retrieval.offTopic} questions, target 1.000)`,
);
if (verbose) {
  for (const m of retrieval.misses)
    console.log(`  miss: ${m.q}\n        expected ${m.expect.join(', ')}; got ${m.got.join(', ')}`);
  for (const f of retrieval.falseAccepts) console.log(`  off-topic accepted: ${f.q} → ${f.got.join(', ')}`);
}
console.log('');
runReviewEval(verbose);
const onlyArg = process.argv[process.argv.indexOf('--only') + 1];
const only =
  process.argv.includes('--only') && (onlyArg === 'questions' || onlyArg === 'copy') ? onlyArg : undefined;
const partArg = process.argv.includes('--part')
  ? process.argv[process.argv.indexOf('--part') + 1]
  : undefined;
const part = partArg && /^[a-z0-9]+$/.test(partArg) ? partArg : undefined;
const devOnly = process.argv.includes('--dev-only');
if (only !== 'questions' && !part) runNamesEval(verbose);
runRealEval(retriever, {
  verbose,
  devOnly,
  ...(only ? { only } : {}),
  ...(part ? { part } : {}),
});
if (!only && !part) runAgreement(retriever, { devOnly });
