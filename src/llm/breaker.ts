/**
 * A circuit breaker around the model. After `failures` calls in a row fail because the service is down
 * (timeouts, 5xx, rate limits, connection errors), the breaker opens: calls fail at once with
 * `llm_unavailable` (reason `circuit_open`), so answers and reviews fall back to the offline ones
 * immediately instead of each holding a model slot through its retries. After `cooldownMs` one call is
 * let through as a probe; its success closes the breaker, its failure opens it again.
 */
import type { z } from 'zod';
import { CoachError, isCoachError } from '../core/errors.ts';
import type { Logger } from '../core/logger.ts';
import type { ChatMessage, JsonOptions, LlmClient, StreamOptions } from './types.ts';

/** The breaker's state, for /healthz. */
export type BreakerState = 'closed' | 'open' | 'half_open';

/** A client guarded by a breaker. */
export interface GuardedClient extends LlmClient {
  readonly breaker: () => BreakerState;
}

/** Failure reasons that say the service is down (not that this one request was wrong). */
const OUTAGE = new Set(['timeout', 'server_error', 'rate_limited', 'connection', 'unknown']);

/** Options of {@link withBreaker}. */
export interface BreakerOptions {
  /** Failures in a row that open the breaker (`LLM_BREAKER_FAILURES`). */
  failures: number;
  /** How long it stays open before a probe (`LLM_BREAKER_COOLDOWN_MS`). */
  cooldownMs: number;
  logger: Logger;
  now?: () => number;
}

/** Wraps a client in a breaker. */
export function withBreaker(client: LlmClient, opts: BreakerOptions): GuardedClient {
  const now = opts.now ?? Date.now;
  const log = opts.logger.child({ component: 'llm-breaker' });
  let state: BreakerState = 'closed';
  let inRow = 0;
  let openedAt = 0;
  let probing = false;

  /** Lets a call through, or refuses it while open (one probe once the cool-down is over). */
  function admit(): void {
    if (state === 'closed') return;
    if (state === 'open' && now() - openedAt >= opts.cooldownMs && !probing) {
      state = 'half_open';
      probing = true;
      log.info({ event: 'llm_breaker_probe' }, 'model breaker: probing');
      return;
    }
    throw new CoachError('llm_unavailable', 'The AI model is not answering (circuit open)', {
      details: { reason: 'circuit_open' },
    });
  }

  function succeeded(): void {
    probing = false;
    inRow = 0;
    if (state !== 'closed') log.info({ event: 'llm_breaker_closed' }, 'model answers again: breaker closed');
    state = 'closed';
  }

  function failed(err: unknown): void {
    probing = false;
    const reason =
      isCoachError(err) && typeof err.details.reason === 'string' ? err.details.reason : 'unknown';
    if (!isCoachError(err, 'llm_unavailable') || !OUTAGE.has(reason)) {
      // The service answered (bad request, bad output, auth): it is up, whatever went wrong.
      if (state === 'half_open') succeeded();
      return;
    }
    inRow += 1;
    if (state === 'half_open' || inRow >= opts.failures) {
      if (state !== 'open') log.warn({ event: 'llm_breaker_open', reason, inRow }, 'model breaker open');
      state = 'open';
      openedAt = now();
    }
  }

  return {
    model: client.model,
    breaker: () => (state === 'open' && now() - openedAt >= opts.cooldownMs ? 'half_open' : state),
    async *stream(messages: ChatMessage[], streamOpts?: StreamOptions) {
      admit();
      let answered = false;
      try {
        for await (const delta of client.stream(messages, streamOpts)) {
          if (!answered) {
            answered = true;
            succeeded();
          }
          yield delta;
        }
        if (!answered) succeeded();
      } catch (err) {
        if (!answered) failed(err);
        throw err;
      }
    },
    async json<T>(messages: ChatMessage[], schema: z.ZodType<T>, jsonOpts: JsonOptions) {
      admit();
      try {
        const result = await client.json(messages, schema, jsonOpts);
        succeeded();
        return result;
      } catch (err) {
        failed(err);
        throw err;
      }
    },
  };
}
