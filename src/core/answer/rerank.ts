/**
 * With a model configured, one short extra call sorts the top candidates of retrieval by how well each
 * answers the question (`prompts/rerank.md`): a tight timeout, a small token budget, no retry and no
 * repair. On any failure the retrieval order is kept and nothing else changes.
 */
import { z } from 'zod';
import { describeError } from '../errors.ts';
import type { Lang } from '../knowledge/types.ts';
import type { LlmPort, TokenUsage } from '../llm-port.ts';
import type { Logger } from '../logger.ts';
import { fillPrompt, type PromptTemplate } from '../prompts.ts';
import type { SearchHit } from '../retrieval/retriever.ts';

/** How many retrieval hits the model sees. */
export const RERANK_CANDIDATES = 10;
/** Output budget: a short list of ids. */
const MAX_TOKENS = 120;

const rerankSchema = z.object({ ids: z.array(z.string()).max(10) });

/** Sorts hits by what the model says answers the question. */
export interface Reranker {
  /**
   * The hits in the model's order (its picks first, the rest after in retrieval order); the hits as
   * given when the call fails, times out or returns nothing usable. Never rejects.
   */
  rerank(
    question: string,
    hits: SearchHit[],
    lang: Lang,
    onUsage?: (usage: TokenUsage) => void,
  ): Promise<SearchHit[]>;
}

/** Options of {@link createReranker}. */
export interface RerankerDeps {
  llm: LlmPort;
  prompt: PromptTemplate;
  logger: Logger;
  /** The call's timeout (`LLM_RERANK_TIMEOUT_MS`). */
  timeoutMs: number;
  /** Sees the tokens the call used. */
  onUsage?: (usage: TokenUsage) => void;
}

/** Creates the reranker. */
export function createReranker(deps: RerankerDeps): Reranker {
  const { llm, prompt, logger } = deps;
  return {
    async rerank(question, hits, lang, onCallUsage) {
      if (hits.length < 2) return hits;
      const candidates = hits
        .slice(0, RERANK_CANDIDATES)
        .map((h) => `${h.entry.id}: ${h.entry.title[lang]} | ${h.entry.tags.slice(0, 8).join(', ')}`)
        .join('\n');
      const started = Date.now();
      const used: TokenUsage = { input: 0, output: 0 };
      const onUsage = (u: TokenUsage) => {
        used.input += u.input;
        used.output += u.output;
        deps.onUsage?.(u);
        onCallUsage?.(u);
      };
      try {
        const { value } = await llm.json(
          [
            { role: 'system', content: fillPrompt(prompt.system, {}) },
            { role: 'user', content: fillPrompt(prompt.user, { candidates, question }) },
          ],
          rerankSchema,
          {
            name: 'rerank',
            temperature: 0,
            maxTokens: MAX_TOKENS,
            timeoutMs: deps.timeoutMs,
            repair: false,
            onUsage,
          },
        );
        const byId = new Map(hits.map((h) => [h.entry.id, h]));
        const picked = [...new Set(value.ids)].flatMap((id) => {
          const hit = byId.get(id);
          return hit ? [hit] : [];
        });
        logger.info({
          event: 'rerank_done',
          ms: Date.now() - started,
          picked: picked.length,
          tokens_in: used.input,
          tokens_out: used.output,
        });
        if (picked.length === 0) return hits;
        const rest = hits.filter((h) => !picked.includes(h));
        return [...picked, ...rest];
      } catch (err) {
        logger.warn(
          { event: 'rerank_failed', ms: Date.now() - started, ...describeError(err) },
          'rerank call failed: using the retrieval order',
        );
        return hits;
      }
    },
  };
}
