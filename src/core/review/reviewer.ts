import { describeError, isCoachError } from '../errors.ts';
import type { LlmPort } from '../llm-port.ts';
import type { Logger } from '../logger.ts';
import type { PromptTemplate } from '../prompts.ts';
import type { Retriever } from '../retrieval/retriever.ts';
import { createLlmCritic } from './llm-critic.ts';
import { reviewOffline } from './offline-critic.ts';
import { findTeamProof, type TeamProof, withTeamProof } from './team-proof.ts';
import type { Reviewer, ReviewLang, ReviewResult } from './types.ts';

/** Note added to the offline review when the LLM critic failed. */
export const LLM_UNAVAILABLE_NOTE: Readonly<Record<ReviewLang, string>> = {
  en: 'The AI model is unavailable right now, so this is the rule-based review.',
  zh: 'AI 模型暂时不可用，以下是基于规则的点评。',
};

/** Errors about the draft itself: the caller shows them to the user instead of a fallback review. */
const INPUT_ERRORS = ['input_empty', 'input_too_long', 'input_invalid'] as const;

/**
 * Creates the reviewer the chat engine and the CLI use. With an `llm`, drafts go to the LLM critic;
 * on any failure of it (model unavailable, timeout, unusable or leaking output, even a bug) the
 * offline rule-based review is returned instead, with {@link LLM_UNAVAILABLE_NOTE} first in `notes`,
 * and one warn log line `{ event: 'llm_review_failed', reason }`. Without an `llm`, the offline critic
 * alone (its `mode: 'offline'` tells the user). Input errors (`input_empty`…) reject as CoachError in
 * both cases.
 */
export function createReviewer(deps: {
  llm?: LlmPort;
  retriever: Retriever;
  logger: Logger;
  /** Overrides `prompts/review.md` (tests). */
  prompt?: PromptTemplate;
  /**
   * Where rule-based reviews (with the team's proof) are made (the service's worker pool); absent: in
   * this thread.
   */
  offline?: (draft: string, opts: { chat: string }) => Promise<ReviewResult>;
}): Reviewer & { readonly online: boolean } {
  const { llm, retriever, logger } = deps;
  /** Proof points from the team's passages the chat may see (none when the draft is empty). */
  const proofsFor = async (draft: string, chat = ''): Promise<TeamProof[]> => {
    if (!draft.trim()) return [];
    await retriever.prepare(draft, { chat });
    return findTeamProof(retriever, draft, chat);
  };
  const offline = deps.offline;
  if (!llm) {
    return {
      online: false,
      review: async (draft, opts) => {
        if (offline) return offline(draft, { chat: opts?.chat ?? '' });
        const result = reviewOffline(draft);
        return withTeamProof(result, await proofsFor(draft, opts?.chat));
      },
    };
  }
  const critic = createLlmCritic({ llm, retriever, logger, prompt: deps.prompt });
  return {
    online: true,
    async review(draft, opts) {
      const proofs = await proofsFor(draft, opts?.chat);
      try {
        return withTeamProof(await critic.review(draft, { ...opts, proofs }), proofs);
      } catch (err) {
        if (INPUT_ERRORS.some((code) => isCoachError(err, code))) throw err;
        const { code, message } = describeError(err);
        logger.warn(
          { event: 'llm_review_failed', reason: reasonOf(err), code, model: llm.model },
          `LLM review failed, using the rule-based review: ${message.slice(0, 200)}`,
        );
        return withTeamProof(withUnavailableNote(reviewOffline(draft)), proofs);
      }
    },
  };
}

function withUnavailableNote(result: ReviewResult): ReviewResult {
  return { ...result, notes: [LLM_UNAVAILABLE_NOTE[result.lang], ...result.notes] };
}

/** The failure's reason (`timeout`, `server_error`, `prompt_leak`…), else its code. */
function reasonOf(err: unknown): string {
  if (isCoachError(err) && typeof err.details.reason === 'string') return err.details.reason;
  return isCoachError(err) ? err.code : 'unknown';
}
