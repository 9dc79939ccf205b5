import { CoachError, isCoachError } from '../core/errors.ts';
import type { LlmContext } from './context.ts';
import { unavailableError } from './failure.ts';
import type { ChatMessage, StreamOptions } from './types.ts';

/**
 * Streams one chat completion as text deltas, each yielded as soon as its SSE chunk is parsed.
 *
 * The SDK's `timeout` only covers the wait for the response headers, so an idle timer guards the
 * gaps between chunks. The timer is paused while the consumer holds a delta, so a slow consumer
 * (e.g. a chat platform's rate limit) is not mistaken for a stalled model.
 */
export async function* streamChat(
  ctx: LlmContext,
  messages: ChatMessage[],
  opts: StreamOptions = {},
): AsyncGenerator<string, void, undefined> {
  const started = Date.now();
  const controller = new AbortController();
  const callerSignal = opts.signal;
  const onCallerAbort = () => controller.abort(callerSignal?.reason);
  callerSignal?.addEventListener('abort', onCallerAbort, { once: true });
  let idleTimedOut = false;
  let idleTimer: NodeJS.Timeout | undefined;
  const armIdleTimer = () => {
    clearTimeout(idleTimer);
    idleTimer = setTimeout(() => {
      idleTimedOut = true;
      controller.abort();
    }, ctx.idleTimeoutMs);
  };
  let deltas = 0;
  let chars = 0;

  try {
    callerSignal?.throwIfAborted();
    const stream = await ctx.openai.chat.completions.create(
      {
        model: ctx.model,
        messages,
        stream: true,
        ...(opts.temperature === undefined ? {} : { temperature: opts.temperature }),
        [ctx.tokensParam]: opts.maxTokens ?? ctx.maxTokens,
      },
      { signal: controller.signal },
    );
    armIdleTimer();
    for await (const chunk of stream) {
      const delta = chunk.choices[0]?.delta?.content;
      if (!delta) continue;
      deltas += 1;
      chars += delta.length;
      clearTimeout(idleTimer);
      yield delta;
      armIdleTimer();
    }
    // On abort the SDK ends the stream quietly instead of throwing, so the cause is checked here.
    callerSignal?.throwIfAborted();
    if (idleTimedOut) {
      throw unavailableError(new Error(`no data for ${ctx.idleTimeoutMs} ms while streaming`), {
        ...ctx,
        reason: 'timeout',
        partial: deltas > 0,
      });
    }
    if (deltas === 0) throw new CoachError('llm_bad_output', `LLM ${ctx.model} returned an empty answer`);
    ctx.log.debug({ event: 'llm_stream_done', deltas, chars, ms: Date.now() - started }, 'llm stream done');
  } catch (err) {
    if (callerSignal?.aborted) throw callerSignal.reason;
    const error = isCoachError(err)
      ? err
      : unavailableError(err, {
          ...ctx,
          partial: deltas > 0,
          ...(idleTimedOut ? { reason: 'timeout' } : {}),
        });
    ctx.log.warn(
      {
        event: 'llm_stream_failed',
        code: error.code,
        reason: error.details.reason,
        status: error.details.status,
        partial: deltas > 0,
        deltas,
        ms: Date.now() - started,
      },
      ctx.redact(error.message),
    );
    throw error;
  } finally {
    clearTimeout(idleTimer);
    callerSignal?.removeEventListener('abort', onCallerAbort);
    controller.abort(); // ends the HTTP request when the consumer stops early
  }
}
