/**
 * Feishu / Lark open-platform calls Coach makes (bot info, send, reply, patch), through the SDK client.
 * The SDK does not throw on API errors: every answer's `code` is checked here (0 = ok). Rate limits
 * (HTTP 429, codes 99991400 / 230020) and transient failures (5xx, no answer) are retried with backoff;
 * sends carry a `uuid`, so a retried send is not posted twice.
 */
import { createHash } from 'node:crypto';
import type * as Lark from '@larksuiteoapi/node-sdk';
import { CoachError } from '../../core/errors.ts';
import type { Logger } from '../../core/logger.ts';
import { trimEndChars } from '../../core/text-limits.ts';
import type { SinkFailure } from '../delivery/sink.ts';
import { type ApiAnswer, createFeishuCall, RATE_LIMIT_CODES } from './call.ts';
import { lark } from './lark.ts';

/** Where a message goes: into a chat / to a user, or as a reply to a message (optionally in its thread). */
export type Destination =
  | { kind: 'chat'; receiveIdType: 'chat_id' | 'open_id'; receiveId: string }
  | { kind: 'reply'; messageId: string; inThread: boolean };

/** A message body: an interactive card or plain text. */
export type Outgoing = { msgType: 'interactive'; card: object } | { msgType: 'text'; text: string };

/** The calls the adapter needs. */
export interface FeishuApi {
  /** The bot's own open_id (`/open-apis/bot/v3/info`), to recognise mentions of it. */
  botOpenId(): Promise<string>;
  /** Sends a message; returns its message_id. `uuid` makes a retried send idempotent (Feishu: 1 hour). */
  send(dest: Destination, body: Outgoing, uuid?: string): Promise<string>;
  /**
   * Replaces the content of a card Coach sent (`im.message.patch`). `attempts: 1` for streaming edits:
   * a rate limit then comes back at once instead of being waited out.
   */
  patch(messageId: string, card: object, opts?: { attempts?: number }): Promise<void>;
}

/** The message was recalled (230011), or is older than 14 days and can no longer be edited (230031). */
const GONE_CODES = new Set([230011, 230031]);
/** The request body is over Feishu's limit (30 KB for cards). */
const TOO_LARGE_CODES = new Set([230025]);

/** What a failed Feishu call (a `platform_error` from this module) means for the delivery layer. */
export function classifyFeishuError(err: unknown): SinkFailure {
  const details = (err as { details?: { code?: unknown; status?: unknown } }).details ?? {};
  const code = typeof details.code === 'number' ? details.code : undefined;
  if (details.status === 429 || (code !== undefined && RATE_LIMIT_CODES.has(code)))
    return { kind: 'rate_limited' };
  if (code !== undefined && GONE_CODES.has(code)) return { kind: 'gone' };
  if (code !== undefined && TOO_LARGE_CODES.has(code)) return { kind: 'too_large' };
  return { kind: 'other' };
}

/** Options of the API wrapper. */
export interface FeishuApiOptions {
  client: Lark.Client;
  logger: Logger;
  /** Attempts per call (first try included), default 4. */
  attempts?: number;
  /** First backoff delay, doubled per attempt; default 250 ms. */
  retryBaseMs?: number;
}

/** Maps `FEISHU_DOMAIN` (`feishu`, `lark` or a base URL) to the SDK's domain. */
export function sdkDomain(domain: string): Lark.Domain | string {
  if (domain === 'feishu') return lark.Domain.Feishu;
  if (domain === 'lark') return lark.Domain.Lark;
  return trimEndChars(domain, '/');
}

/** A Feishu `uuid` (≤ 50 chars) for a send, stable for the same seed. */
export function sendUuid(seed: string): string {
  return createHash('sha256').update(seed).digest('hex').slice(0, 32);
}

/** Creates the wrapper. */
export function createFeishuApi(opts: FeishuApiOptions): FeishuApi {
  const { client, logger } = opts;
  const attempts = opts.attempts ?? 4;
  const retryBaseMs = opts.retryBaseMs ?? 250;

  const call = createFeishuCall({ logger, attempts, retryBaseMs });

  function content(body: Outgoing): { msg_type: string; content: string } {
    return body.msgType === 'interactive'
      ? { msg_type: 'interactive', content: JSON.stringify(body.card) }
      : { msg_type: 'text', content: JSON.stringify({ text: body.text }) };
  }

  return {
    async botOpenId() {
      const answer = await call('bot.info', () =>
        client.request<ApiAnswer & { bot?: { open_id?: string } }>({
          method: 'GET',
          url: '/open-apis/bot/v3/info',
        }),
      );
      const openId = answer.bot?.open_id;
      if (!openId) throw new CoachError('platform_error', 'Feishu bot.info answered without an open_id');
      return openId;
    },
    async send(dest, body, uuid) {
      const c = content(body);
      const answer =
        dest.kind === 'chat'
          ? await call('im.message.create', () =>
              client.im.v1.message.create({
                params: { receive_id_type: dest.receiveIdType },
                data: { receive_id: dest.receiveId, ...c, uuid },
              }),
            )
          : await call('im.message.reply', () =>
              client.im.v1.message.reply({
                path: { message_id: dest.messageId },
                data: { ...c, reply_in_thread: dest.inThread, uuid },
              }),
            );
      const id = answer.data?.message_id;
      if (!id) throw new CoachError('platform_error', 'Feishu answered a send without a message_id');
      return id;
    },
    async patch(messageId, card, patchOpts) {
      await call(
        'im.message.patch',
        () =>
          client.im.v1.message.patch({
            path: { message_id: messageId },
            data: { content: JSON.stringify(card) },
          }),
        patchOpts?.attempts ?? attempts,
      );
    },
  };
}

/**
 * The SDK's own log lines, sent to pino. The SDK logs whole axios errors (request config and headers,
 * i.e. the tenant token): only messages are kept, never objects. Its API-call errors are debug lines
 * (Coach logs each failed call once itself); its long-connection (`[ws]`) problems stay warnings.
 */
export function sdkLogger(logger: Logger) {
  const text = (args: unknown[]) =>
    args
      .flat(2)
      .map((a) => (typeof a === 'string' ? a : a instanceof Error ? `${a.name}: ${a.message}` : ''))
      .filter(Boolean)
      .join(' ')
      .slice(0, 300);
  const problem = (...args: unknown[]) => {
    const msg = text(args);
    if (msg.includes('[ws]')) logger.warn({ event: 'feishu_sdk' }, msg);
    else logger.debug({ event: 'feishu_sdk' }, msg);
  };
  return {
    error: problem,
    warn: problem,
    info: (...args: unknown[]) => logger.debug({ event: 'feishu_sdk' }, text(args)),
    debug: (...args: unknown[]) => logger.trace({ event: 'feishu_sdk' }, text(args)),
    trace: (...args: unknown[]) => logger.trace({ event: 'feishu_sdk' }, text(args)),
  };
}
