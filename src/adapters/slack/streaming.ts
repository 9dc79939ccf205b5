import type { webApi } from '@slack/bolt';
import type { ReplyEvent, RichReply } from '../../core/chat/types.ts';
import type { Logger } from '../../core/logger.ts';
import { type RenderOptions, renderReply, type SlackMessage, SMALL_LIMITS, textMessage } from './blocks.ts';
import { markdownToMrkdwn } from './text.ts';
import { describeSlackError, slackErrorCode } from './web-errors.ts';

/** Where a reply goes: a channel or DM, optionally a thread. */
export interface ThreadTarget {
  channel: string;
  threadTs?: string;
}

/** Options of a streamed delivery. */
export interface StreamOptions {
  client: webApi.WebClient;
  logger: Logger;
  /** Least time between two `chat.update`s of the placeholder (Slack allows about one per second). */
  updateIntervalMs: number;
  now?: () => number;
  /** Called on `status` instead of posting a placeholder (the assistant panel's `setStatus`). */
  onStatus?: (text: string) => Promise<void>;
  /**
   * The reply's ref (the engine's `platform:chat:message`): the placeholder carries message metadata
   * `coach_pending` and the final reply's first message `coach_reply`, both with `{ ref }`, so that a
   * replica taking the message over can find them in the thread (see `findMarked`).
   */
  marker?: string;
  /** A placeholder already in the thread (posted by a replica that died): the final reply replaces it. */
  placeholder?: string;
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

const STREAM_CHARS = 2900;
const FAILED = {
  en: 'Sorry, I could not finish sending that reply. Please try again.',
  zh: '抱歉，回复没能完整发出，请再试一次。',
};

/**
 * Sends the engine's events for one message into a thread: a placeholder on `status`, `chat.update` of
 * the text so far at most once per `updateIntervalMs`, then the final Block Kit reply (replacing the
 * placeholder, or posted when there was none). A failed final update falls back to a new message; a
 * failure to post at all is logged once. Never throws.
 */
export async function streamToThread(
  opts: StreamOptions,
  target: ThreadTarget,
  events: AsyncIterable<ReplyEvent>,
): Promise<{ replied: boolean; ts?: string }> {
  const { client, logger } = opts;
  const now = opts.now ?? Date.now;
  const base = { channel: target.channel, ...(target.threadTs ? { thread_ts: target.threadTs } : {}) };
  let placeholder: string | undefined = opts.placeholder;
  let placeholderFailed = false;
  let result: { replied: boolean; ts?: string } | undefined;
  let text = '';
  let lastUpdate = 0;

  const postPlaceholder = async (body: string) => {
    if (placeholder || placeholderFailed) return;
    try {
      const res = await client.chat.postMessage({
        ...base,
        text: body,
        ...(opts.marker ? { metadata: markerMetadata(PENDING_EVENT, opts.marker) } : {}),
      });
      placeholder = res.ts;
      lastUpdate = now();
    } catch (err) {
      placeholderFailed = true; // keep going: the final reply is posted as a new message
      logger.warn({ event: 'slack_placeholder_failed', channel: target.channel, ...describeSlackError(err) });
    }
  };

  try {
    for await (const ev of events) {
      if (ev.type === 'status') {
        if (opts.onStatus) await opts.onStatus(ev.text).catch((err) => logStatusFailure(logger, target, err));
        else await postPlaceholder(`_${ev.text}_`);
      } else if (ev.type === 'delta') {
        text += ev.text;
        if (!placeholder) {
          if (!opts.onStatus) await postPlaceholder(streamingText(text));
          continue;
        }
        if (now() - lastUpdate < opts.updateIntervalMs) continue;
        lastUpdate = now();
        await client.chat
          .update({ channel: target.channel, ts: placeholder, text: streamingText(text) })
          .catch((err) => {
            logger.warn({
              event: 'slack_stream_update_failed',
              channel: target.channel,
              ...describeSlackError(err),
            });
          });
      } else {
        const ts = await sendFinal(opts, target, ev.reply, placeholder);
        result = { replied: ts !== undefined, ...(ts ? { ts } : {}) };
        // Nothing got out: stop here, so the engine does not record the message as answered (another
        // replica takes it over when the lease runs out). Otherwise ask for the next event: that is when
        // the engine records the work as done (there are no more events).
        if (!ts) return result;
      }
    }
    return result ?? { replied: false };
  } catch (err) {
    logger.error({ event: 'slack_reply_failed', channel: target.channel, ...describeSlackError(err) });
    const lang = /[\u4e00-\u9fff]/.test(text) ? 'zh' : 'en';
    const ts = await sendFinalMessages(opts, target, [textMessage(FAILED[lang])], placeholder);
    return { replied: ts !== undefined };
  }
}

function logStatusFailure(logger: Logger, target: ThreadTarget, err: unknown): void {
  logger.warn({ event: 'slack_set_status_failed', channel: target.channel, ...describeSlackError(err) });
}

/** The text so far while streaming, as mrkdwn within one message, with a cursor. */
function streamingText(text: string): string {
  const md = markdownToMrkdwn(text);
  return `${md.length > STREAM_CHARS ? `${md.slice(0, STREAM_CHARS)}…` : md} ▍`;
}

/** Renders and sends a final reply; returns the ts of its first message (undefined when nothing got out). */
export async function sendFinal(
  opts: Pick<StreamOptions, 'client' | 'logger' | 'marker'>,
  target: ThreadTarget,
  reply: RichReply,
  placeholder?: string,
  render: RenderOptions = {},
): Promise<string | undefined> {
  try {
    return await sendFinalMessages(opts, target, renderReply(reply, render), placeholder, true);
  } catch (err) {
    if (slackErrorCode(err) !== 'msg_too_long') throw err;
    opts.logger.warn({ event: 'slack_msg_too_long', channel: target.channel }, 'splitting the reply further');
    return sendFinalMessages(
      opts,
      target,
      renderReply(reply, { ...render, limits: SMALL_LIMITS }),
      placeholder,
    );
  }
}

/**
 * Sends messages into the thread, the first one replacing the placeholder when there is one. With
 * `rethrowTooLong`, `msg_too_long` propagates so the caller can split further; any other failure of the
 * update falls back to posting, and a failure to post is logged and ends the delivery.
 */
async function sendFinalMessages(
  opts: Pick<StreamOptions, 'client' | 'logger' | 'marker'>,
  target: ThreadTarget,
  messages: SlackMessage[],
  placeholder: string | undefined,
  rethrowTooLong = false,
): Promise<string | undefined> {
  const { client, logger } = opts;
  const base = { channel: target.channel, ...(target.threadTs ? { thread_ts: target.threadTs } : {}) };
  let first: string | undefined;
  // Only the first message is marked: a replica taking over that finds it posts nothing again.
  const mark = opts.marker ? { metadata: markerMetadata(REPLY_EVENT, opts.marker) } : {};
  for (const [i, m] of messages.entries()) {
    const marked = i === 0 ? mark : {};
    if (i === 0 && placeholder) {
      try {
        await client.chat.update({
          channel: target.channel,
          ts: placeholder,
          text: m.text,
          blocks: m.blocks,
          ...marked,
        });
        first = placeholder;
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
      if (rethrowTooLong && i === 0 && slackErrorCode(err) === 'msg_too_long') throw err;
      logger.error({
        event: 'slack_post_failed',
        channel: target.channel,
        part: i,
        ...describeSlackError(err),
      });
      return first;
    }
  }
  return first;
}
