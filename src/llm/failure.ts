import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { CoachError } from '../core/errors.ts';
import type { LlmFailureReason } from './types.ts';

/** Error codes (on an error or its causes) that mean the connection broke. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
]);

/** The reason and HTTP status of an error thrown by the SDK (or by fetch while reading a body). */
export function classifyFailure(err: unknown): { reason: LlmFailureReason; status?: number } {
  if (err instanceof APIConnectionTimeoutError) return { reason: 'timeout' };
  if (err instanceof APIUserAbortError) return { reason: 'unknown' };
  if (err instanceof APIConnectionError) return { reason: 'connection' };
  if (err instanceof APIError) {
    const status = err.status;
    if (status === undefined) return { reason: 'server_error' }; // an error event inside a stream
    return { reason: reasonForStatus(status), status };
  }
  if (isNetworkError(err)) return { reason: 'connection' };
  return { reason: 'unknown' };
}

function reasonForStatus(status: number): LlmFailureReason {
  if (status === 401 || status === 403) return 'auth';
  if (status === 404) return 'model_not_found';
  if (status === 408) return 'timeout';
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'server_error';
  if (status >= 400) return 'bad_request';
  return 'unknown';
}

/** undici reports a socket dropped mid-body as `TypeError: terminated` with a socket error as cause. */
function isNetworkError(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && NETWORK_CODES.has(code)) return true;
    if (e instanceof TypeError && (e.message === 'terminated' || e.message === 'fetch failed')) return true;
  }
  return false;
}

/** Builds the `llm_unavailable` error for a failed call. */
export function unavailableError(
  err: unknown,
  ctx: { model: string; redact: (text: string) => string; partial?: boolean; reason?: LlmFailureReason },
): CoachError {
  const classified = classifyFailure(err);
  const reason = ctx.reason ?? classified.reason;
  const status = ctx.reason ? undefined : classified.status;
  const what = status === undefined ? reason : `${reason}, HTTP ${status}`;
  const detail = err instanceof Error ? `: ${ctx.redact(err.message)}` : '';
  return new CoachError('llm_unavailable', `LLM ${ctx.model} unavailable (${what})${detail}`, {
    cause: err,
    details: {
      reason,
      ...(status === undefined ? {} : { status }),
      ...(ctx.partial ? { partial: true } : {}),
    },
  });
}

/** Replaces every occurrence of the secret in a text, so that error messages echoing a key stay safe. */
export function redactor(secret: string): (text: string) => string {
  if (secret.length < 4) return (text) => text;
  return (text) => text.split(secret).join('[redacted]');
}
