/**
 * What the ask and review commands record for the insights (`services.insights`): one event per
 * answer or review, queued without waiting (see `core/insights/recorder.ts`). Only the text of an
 * unanswered question is kept.
 */
import type { Answer } from '../../answer/types.ts';
import { LLM_UNAVAILABLE_NOTE } from '../../review/reviewer.ts';
import type { ReviewResult } from '../../review/types.ts';
import type { InsightEvent, InsightOutcome } from '../../store/insights-types.ts';
import type { CommandContext } from './types.ts';

const OUTCOME: Record<NonNullable<Answer['coverage']>, InsightOutcome> = {
  covered: 'answered',
  partial: 'partly',
  not_covered: 'unanswered',
};

/** A clock for the latency of one command. */
export const startTimer = (): (() => number) => {
  const t0 = performance.now();
  return () => performance.now() - t0;
};

function base(ctx: CommandContext, kind: InsightEvent['kind'], command: string, latencyMs: number) {
  const { msg } = ctx;
  return {
    kind,
    at: ctx.services.now(),
    platform: msg.platform,
    workspace: msg.workspace,
    chatId: msg.chatId,
    userKey: ctx.userKey,
    command,
    lang: ctx.lang,
    latencyMs,
    ref: ctx.ref,
  };
}

/** Records an answer (or the failure to give one, `answer` undefined). `model`: the model was to be asked. */
export function recordAnswer(
  ctx: CommandContext,
  question: string,
  answer: Answer | undefined,
  latencyMs: number,
  model: boolean,
): void {
  const outcome: InsightOutcome = !answer
    ? 'error'
    : answer.coverage
      ? OUTCOME[answer.coverage]
      : answer.citations.length > 0
        ? 'answered'
        : 'unanswered';
  ctx.services.insights.record({
    ...base(ctx, 'answer', 'ask', latencyMs),
    outcome,
    model,
    fallback: Boolean(model && answer && answer.mode === 'offline'),
    cited: answer?.citations.map((c) => c.id) ?? [],
    tokensIn: answer?.usage?.input ?? 0,
    tokensOut: answer?.usage?.output ?? 0,
    ...(outcome === 'unanswered' ? { question } : {}),
  });
}

/** Records a review (or its failure, `result` undefined). */
export function recordReview(
  ctx: CommandContext,
  command: string,
  result: ReviewResult | undefined,
  latencyMs: number,
): void {
  const fallback = Boolean(result?.notes.includes(LLM_UNAVAILABLE_NOTE[result.lang]));
  ctx.services.insights.record({
    ...base(ctx, 'review', command, latencyMs),
    outcome: result ? 'answered' : 'error',
    model: result?.mode === 'llm' || fallback,
    fallback,
    cited: result?.findings.flatMap((f) => f.knowledge_ids) ?? [],
    tokensIn: result?.usage?.input ?? 0,
    tokensOut: result?.usage?.output ?? 0,
    ...(result ? { overall: result.overall, scores: { ...result.scores } } : {}),
  });
}
