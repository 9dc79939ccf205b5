import { reviewOffline } from '../src/core/review/offline-critic.ts';
import { loadReviewEval, scoreReviewEval } from '../src/core/review/review-eval.ts';
import { DIMENSIONS } from '../src/core/review/types.ts';

/** Prints the offline critic's figures over eval/review.jsonl. */
export function runReviewEval(verbose: boolean): void {
  const items = loadReviewEval('eval/review.jsonl');
  const r = scoreReviewEval(items, (d) => reviewOffline(d));
  console.log('Review, offline rule critic (eval/review.jsonl)');
  console.log(`  drafts                  ${r.drafts.length} (${r.pairs.length} pairs)`);
  console.log(`  pair accuracy           ${r.pairAccuracy.toFixed(3)}   (target ≥ 0.900)`);
  console.log(`  weak-dimension hit rate ${r.weakHitRate.toFixed(3)}   (target ≥ 0.850)`);
  for (const d of DIMENSIONS) {
    const p = r.perDimension[d];
    console.log(`    ${d.padEnd(21)} ${p.hits}/${p.labelled}  ${p.rate.toFixed(2)}`);
  }
  if (verbose) {
    for (const p of r.pairs.filter((x) => !x.correct)) {
      console.log(
        `  pair wrong: ${p.pair} stronger ${p.stronger}=${p.strongerOverall} vs ${p.weaker}=${p.weakerOverall}`,
      );
    }
    for (const d of r.drafts.filter((x) => x.misses.length > 0))
      console.log(`  weak missed: ${d.id} ${d.misses.join(', ')}`);
  }
}
