/**
 * One Feishu / Lark open-platform call with the checks every call needs: the SDK does not throw on API
 * errors, so the answer's `code` is checked (0 = ok); rate limits (HTTP 429, codes 99991400 / 230020) and
 * transient failures (5xx, no answer) are retried with exponential backoff; anything else becomes a
 * `platform_error` naming the operation, Feishu's code and message.
 */
import { CoachError } from '../../core/errors.ts';
import type { Logger } from '../../core/logger.ts';

/** Codes Feishu answers when a rate limit is hit: app-wide frequency limit, per-chat message limit. */
export const RATE_LIMIT_CODES = new Set([99991400, 230020]);

/** The envelope of every open-platform answer. */
export interface ApiAnswer {
  code?: number;
  msg?: string;
}

/** A checked call: `op` names it in logs and errors; `maxAttempts` overrides the default attempts. */
export type FeishuCall = <T extends ApiAnswer>(
  op: string,
  fn: () => Promise<T>,
  maxAttempts?: number,
) => Promise<T>;

/** Creates the call wrapper. */
export function createFeishuCall(opts: {
  logger: Logger;
  /** Attempts per call (first try included). */
  attempts: number;
  /** First backoff delay, doubled per attempt. */
  retryBaseMs: number;
}): FeishuCall {
  const { logger, attempts, retryBaseMs } = opts;
  return async <T extends ApiAnswer>(
    op: string,
    fn: () => Promise<T>,
    maxAttempts = attempts,
  ): Promise<T> => {
    for (let attempt = 1; ; attempt += 1) {
      let answer: T | undefined;
      let status: number | undefined;
      let code: number | undefined;
      let msg = '';
      try {
        answer = await fn();
        code = answer?.code;
        msg = answer?.msg ?? '';
      } catch (err) {
        // axios throws on HTTP errors; Feishu's body (with its code) is in `response.data`.
        const response = (err as { response?: { status?: number; data?: ApiAnswer } }).response;
        status = response?.status;
        code = response?.data?.code;
        msg = response?.data?.msg ?? (err instanceof Error ? err.message : String(err));
      }
      if (answer && code === 0) return answer;
      const retryable =
        status === 429 ||
        (code !== undefined && RATE_LIMIT_CODES.has(code)) ||
        (status !== undefined && status >= 500) ||
        (answer === undefined && status === undefined);
      if (retryable && attempt < maxAttempts) {
        logger.debug({ event: 'feishu_api_retry', op, code, status, attempt }, 'retrying a Feishu call');
        await new Promise((r) => setTimeout(r, retryBaseMs * 2 ** (attempt - 1)));
        continue;
      }
      throw new CoachError('platform_error', `Feishu ${op} failed: ${msg || 'no answer'}`, {
        details: { op, code, status, attempts: attempt },
      });
    }
  };
}
