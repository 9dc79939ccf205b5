/**
 * The real sets scored with a model configured, the way a team with an API key uses Coach
 * (`npm run eval:model`):
 * - questions: retrieval decides the outcome (covered, partly, not covered) as it does offline; the
 *   rerank call (prompts/rerank.md) orders the sources the answer is written from, and the figures read
 *   the first three of them;
 * - copy: the LLM critic (prompts/review.md) scores every draft.
 * A failed call is counted, and that item is scored the way the service would answer it (retrieval's
 * order; the offline critic), so the figures also say how often the model was not there. Tokens are
 * summed as the service reported them.
 */
import { answerOffline } from '../src/core/answer/offline.ts';
import { createReranker } from '../src/core/answer/rerank.ts';
import type { LlmPort, TokenUsage } from '../src/core/llm-port.ts';
import type { Logger } from '../src/core/logger.ts';
import { loadPrompt } from '../src/core/prompts.ts';
import type { Retriever } from '../src/core/retrieval/retriever.ts';
import { detectLang } from '../src/core/retrieval/tokenize.ts';
import { createLlmCritic } from '../src/core/review/llm-critic.ts';
import { reviewOffline } from '../src/core/review/offline-critic.ts';
import type { ReviewResult } from '../src/core/review/types.ts';
import {
  type AnswerView,
  type CopyReport,
  type QuestionReport,
  type RealCopy,
  type RealQuestion,
  scoreRealCopy,
  scoreRealQuestions,
} from './real-eval.ts';

/** One column of the report: its label and its items. */
export interface ModelEvalSet {
  label: string;
  questions: RealQuestion[];
  copy: RealCopy[];
}

/** One column's figures, offline and with the model side by side. */
export interface ModelEvalColumn {
  label: string;
  questions: { offline: QuestionReport; model: QuestionReport };
  copy: { offline: CopyReport; model: CopyReport };
  /** Rerank calls made (questions not refused with two hits or more), and how many failed. */
  rerank: { calls: number; failed: number };
  /** Critic calls made, and how many failed (those drafts are scored by the offline critic). */
  reviews: { calls: number; failed: number };
  tokens: TokenUsage;
}

/** Dependencies of {@link runModelEval}. */
export interface ModelEvalDeps {
  llm: LlmPort;
  retriever: Retriever;
  logger: Logger;
  /** The rerank call's timeout (`LLM_RERANK_TIMEOUT_MS`). */
  rerankTimeoutMs: number;
  /** Calls in flight at once. */
  concurrency: number;
  /** Told after each item (for a progress line). */
  onProgress?: (done: number, total: number) => void;
}

/** Scores every set with the model; never throws for a model failure (it is counted). */
export async function runModelEval(deps: ModelEvalDeps, sets: ModelEvalSet[]): Promise<ModelEvalColumn[]> {
  const { retriever, logger } = deps;
  // Counts failed structured calls by name: the reranker falls back without telling its caller.
  const failedCalls = new Map<string, number>();
  const llm: LlmPort = {
    model: deps.llm.model,
    stream: (messages, opts) => deps.llm.stream(messages, opts),
    async json(messages, schema, opts) {
      try {
        return await deps.llm.json(messages, schema, opts);
      } catch (err) {
        failedCalls.set(opts.name, (failedCalls.get(opts.name) ?? 0) + 1);
        throw err;
      }
    },
  };
  const reranker = createReranker({
    llm,
    prompt: loadPrompt('rerank'),
    logger,
    timeoutMs: deps.rerankTimeoutMs,
  });
  const critic = createLlmCritic({ llm, retriever, logger });
  const total = sets.reduce((n, s) => n + s.questions.length + s.copy.length, 0);
  let done = 0;
  const step = () => {
    done += 1;
    deps.onProgress?.(done, total);
  };

  const columns: ModelEvalColumn[] = [];
  for (const set of sets) {
    const tokens: TokenUsage = { input: 0, output: 0 };
    const add = (u: TokenUsage) => {
      tokens.input += u.input;
      tokens.output += u.output;
    };
    const rerank = { calls: 0, failed: 0 };
    const rerankFailedBefore = failedCalls.get('rerank') ?? 0;
    const offlineViews = new Map<string, AnswerView>();
    const modelViews = new Map<string, AnswerView>();
    await inPool(set.questions, deps.concurrency, async (item) => {
      const offline = answerOffline(retriever, item.q);
      const view: AnswerView = {
        citations: offline.citations.map((c) => c.id),
        coverage: offline.coverage ?? (offline.citations.length ? 'covered' : 'not_covered'),
      };
      offlineViews.set(item.q, view);
      // The model does not decide coverage: a refused question stays refused, with no call.
      const found = retriever.lookup(item.q, { k: 10 });
      if (view.coverage === 'not_covered' || found.hits.length < 2) {
        modelViews.set(item.q, view);
        step();
        return;
      }
      rerank.calls += 1;
      // On a failed call the reranker keeps retrieval's order (counted below).
      const ranked = await reranker.rerank(item.q, found.hits, detectLang(item.q), add);
      modelViews.set(item.q, {
        citations: ranked.slice(0, 3).map((h) => h.entry.id),
        coverage: view.coverage,
      });
      step();
    });

    rerank.failed = (failedCalls.get('rerank') ?? 0) - rerankFailedBefore;

    const reviews = { calls: 0, failed: 0 };
    const offlineReviews = new Map<string, ReviewResult>();
    const modelReviews = new Map<string, ReviewResult>();
    await inPool(set.copy, deps.concurrency, async (item) => {
      const offline = reviewOffline(item.draft);
      offlineReviews.set(item.draft, offline);
      reviews.calls += 1;
      try {
        const r = await critic.review(item.draft);
        if (r.usage) add(r.usage);
        modelReviews.set(item.draft, r);
      } catch (err) {
        reviews.failed += 1;
        logger.warn({ event: 'model_eval_review_failed', id: item.id, reason: (err as Error).message });
        modelReviews.set(item.draft, offline);
      }
      step();
    });

    const viewOf = (views: Map<string, AnswerView>) => (q: string) => views.get(q) as AnswerView;
    const reviewOf = (reviews: Map<string, ReviewResult>) => (d: string) => reviews.get(d) as ReviewResult;
    columns.push({
      label: set.label,
      questions: {
        offline: scoreRealQuestions(set.questions, viewOf(offlineViews)),
        model: scoreRealQuestions(set.questions, viewOf(modelViews)),
      },
      copy: {
        offline: scoreRealCopy(set.copy, reviewOf(offlineReviews)),
        model: scoreRealCopy(set.copy, reviewOf(modelReviews)),
      },
      rerank,
      reviews,
      tokens,
    });
  }
  return columns;
}

/** Runs `work` over `items` with at most `limit` in flight. */
async function inPool<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next] as T;
      next += 1;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
}
