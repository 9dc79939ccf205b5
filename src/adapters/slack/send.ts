/**
 * Posting Coach's messages into Slack threads: the final reply's messages (the first one replacing a
 * placeholder, split finer after `msg_too_long`), with message metadata that lets a replica taking a
 * message over find Coach's earlier posts, and what a Web API failure means for delivery.
 */
import { randomBytes } from 'node:crypto';
import type { webApi } from '@slack/bolt';
import { CoachError } from '../../core/errors.ts';
import type { Logger } from '../../core/logger.ts';
import type { RichReply } from '../../core/reply/types.ts';
import type { SinkFailure } from '../delivery/sink.ts';
import { type RenderOptions, renderReply, type SlackMessage, SMALL_LIMITS } from './blocks.ts';
import { describeSlackError, slackErrorCode } from './web-errors.ts';

/** Where a reply goes: a channel or DM, optionally a thread. */
export interface ThreadTarget {
  channel: string;
  threadTs?: string;
}

/** Message metadata event types that mark Coach's replies (Slack "message metadata"). */
export const REPLY_EVENT = 'coach_reply';
export const PENDING_EVENT = 'coach_pending';

/** The metadata of a marked message. */
export function markerMetadata(
  eventType: typeof REPLY_EVENT | typeof PENDING_EVENT,
  ref: string,
): { event_type: string; event_payload: { ref: string } } {
  return { event_type: eventType, event_payload: { ref } };
}

/** Errors after which the placeholder cannot be edited any more: post anew. */
const GONE = new Set(['message_not_found', 'cant_update_message', 'edit_window_closed', 'is_inactive']);

/** What a Slack Web API failure means for the delivery layer. */
export function classifySlackError(err: unknown): SinkFailure {
  const code = slackErrorCode(err);
  if (code === 'ratelimited') {
    const after = (err as { retryAfter?: unknown }).retryAfter;
    return { kind: 'rate_limited', ...(typeof after === 'number' ? { retryAfterMs: after * 1000 } : {}) };
  }
  if (code === 'msg_too_long') return { kind: 'too_large' };
  if (code && GONE.has(code)) return { kind: 'gone' };
  return { kind: 'other' };
}

/** Fresh `block_id`s for every block: Slack wants new ones on each version of a message. */
export function withFreshBlockIds(m: SlackMessage): SlackMessage {
  const nonce = randomBytes(4).toString('hex');
  return { ...m, blocks: m.blocks.map((b, i) => ({ ...b, block_id: `c${nonce}_${i}` })) };
}

/** Options of {@link sendReply}. */
export interface SendOptions {
  client: webApi.WebClient;
  logger: Logger;
  /** The reply's ref: the first message carries `coach_reply` metadata with it. */
  marker?: string;
  /** A placeholder to replace with the first message. */
  placeholder?: string;
  render?: RenderOptions;
}

/**
 * Renders and sends a final reply; resolves with the ts of its first message. Splits finer once when
 * Slack answers `msg_too_long` before anything went out. Rejects when nothing got out; a later part
 * that fails is logged and the reply counts as delivered.
 */
export async function sendReply(target: ThreadTarget, reply: RichReply, opts: SendOptions): Promise<string> {
  try {
    return await sendMessages(target, renderReply(reply, opts.render), opts, true);
  } catch (err) {
    if (slackErrorCode(err) !== 'msg_too_long') throw err;
    opts.logger.warn({ event: 'slack_msg_too_long', channel: target.channel }, 'splitting the reply further');
    return sendMessages(target, renderReply(reply, { ...opts.render, limits: SMALL_LIMITS }), opts, false);
  }
}

/**
 * Sends messages into the thread, the first one replacing the placeholder when there is one (posting it
 * when the update fails for any reason but `msg_too_long`, which is rethrown when `rethrowTooLong`).
 */
export async function sendMessages(
  target: ThreadTarget,
  messages: SlackMessage[],
  opts: SendOptions,
  rethrowTooLong = false,
): Promise<string> {
  const { client, logger } = opts;
  const base = { channel: target.channel, ...(target.threadTs ? { thread_ts: target.threadTs } : {}) };
  let first: string | undefined;
  // Only the first message is marked: a replica taking over that finds it posts nothing again.
  const mark = opts.marker ? { metadata: markerMetadata(REPLY_EVENT, opts.marker) } : {};
  for (const [i, message] of messages.entries()) {
    const m = withFreshBlockIds(message);
    const marked = i === 0 ? mark : {};
    if (i === 0 && opts.placeholder) {
      try {
        await client.chat.update({
          channel: target.channel,
          ts: opts.placeholder,
          text: m.text,
          blocks: m.blocks,
          ...marked,
        });
        first = opts.placeholder;
        continue;
      } catch (err) {
        if (rethrowTooLong && slackErrorCode(err) === 'msg_too_long') throw err; // nothing sent yet
        logger.warn({
          event: 'slack_final_update_failed',
          channel: target.channel,
          ...describeSlackError(err),
        });
      }
    }
    try {
      const res = await client.chat.postMessage({ ...base, text: m.text, blocks: m.blocks, ...marked });
      first ??= res.ts;
    } catch (err) {
      if (first === undefined) throw err;
      logger.error({
        event: 'slack_post_failed',
        channel: target.channel,
        part: i,
        ...describeSlackError(err),
      });
      return first;
    }
  }
  if (first === undefined) throw new CoachError('platform_error', 'Slack answered without a message ts');
  return first;
}
