/**
 * `POST /feishu/events` (HTTP mode): events and card callbacks on one URL. The raw body is verified
 * before anything else (4xx and no work on failure), the URL check is answered, and every other request
 * is acknowledged with 200 once the engine has accepted it (recorded as work, about a millisecond), so
 * an acknowledged message survives a crash; the answer runs in the background. Feishu wants an answer
 * within ~3 s and retries otherwise, so the engine and the LLM never hold the HTTP response.
 */
import { ackInProgress } from '../../core/async.ts';
import { describeError } from '../../core/errors.ts';
import type { Logger } from '../../core/logger.ts';
import { readBody } from '../http/body.ts';
import type { RequestListener } from '../platform.ts';
import { type VerifySecrets, verifyRequest } from './verify.ts';

/** Options of the route. */
export interface FeishuRouteOptions extends VerifySecrets {
  logger: Logger;
  /**
   * Handles a verified payload (decrypted, not a URL check); the response waits for it to settle (the
   * engine's accept), and is a 500, so that Feishu redelivers, when it fails.
   */
  onPayload(payload: Record<string, unknown>): Promise<void>;
  /** False while the adapter is stopping: answer 503 so that Feishu redelivers later. */
  accepting(): boolean;
  /** Bodies above this are refused (413). Default 1 MB. */
  maxBodyBytes?: number;
  /** Clock (ms) for the ±5-minute timestamp check. */
  now?: () => number;
}

/** Creates the request listener. */
export function createFeishuRoute(opts: FeishuRouteOptions): RequestListener {
  const { logger } = opts;
  const maxBodyBytes = opts.maxBodyBytes ?? 1_000_000;
  return async (req, res) => {
    // Counted until answered: the store's checkpoints wait for it (core/async.ts).
    res.once('close', ackInProgress());
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.method !== 'POST') return reply(405, { error: 'method not allowed' });
    if (!opts.accepting()) return reply(503, { error: 'stopping' });
    const raw = await readBody(req, res, maxBodyBytes);
    if (!raw) return; // answered 413 (or the client went away)
    const result = verifyRequest(raw, req.headers, { ...opts, now: opts.now?.() ?? Date.now() });
    if (!result.ok) {
      logger.warn(
        { event: 'feishu_request_rejected', status: result.status, reason: result.reason },
        'rejected',
      );
      return reply(result.status, { error: result.reason });
    }
    if (result.challenge !== undefined) return reply(200, { challenge: result.challenge });
    try {
      await opts.onPayload(result.payload);
    } catch (err) {
      logger.error({ event: 'feishu_dispatch_failed', ...describeError(err) }, 'event not accepted');
      return reply(500, { error: 'not accepted, retry' });
    }
    reply(200, {});
  };
}
