/**
 * Slack's sinks for the shared delivery layer: a thread (placeholder, `chat.update` while streaming,
 * final Block Kit reply), a private reply (one user only, with "Share in channel"), and a vote's
 * acknowledgement (the rated message's buttons replaced by a thank-you).
 */
import type { Lang } from '../../core/knowledge/types.ts';
import type { RichReply } from '../../core/reply/types.ts';
import type { ProgressView, ReplySink } from '../delivery/sink.ts';
import { type Block, type ShareButton, textMessage, withFeedbackAcknowledged } from './blocks.ts';
import { type EphemeralTarget, sendEphemeral } from './ephemeral.ts';
import type { SlackRuntime } from './runtime.ts';
import {
  classifySlackError,
  markerMetadata,
  PENDING_EVENT,
  sendMessages,
  sendReply,
  type ThreadTarget,
  withFreshBlockIds,
} from './send.ts';
import { escapeSlack, markdownToMrkdwn } from './text.ts';

const STREAM_CHARS = 2900;
const FAILED: Record<Lang, string> = {
  en: 'Sorry, I could not finish sending that reply. Please try again.',
  zh: '抱歉，回复没能完整发出，请再试一次。',
};

/** The placeholder's text: the answer so far as mrkdwn with a cursor, or the status in italics. */
export function progressText(view: ProgressView): string {
  if (!view.text) return `_${escapeSlack(view.status || (view.lang === 'zh' ? '思考中…' : 'Thinking…'))}_`;
  const md = markdownToMrkdwn(view.text);
  return `${md.length > STREAM_CHARS ? `${md.slice(0, STREAM_CHARS)}…` : md} ▍`;
}

/** Options of a thread sink. */
export interface ThreadSinkOptions {
  /** The reply's ref: the placeholder carries `coach_pending`, the final reply `coach_reply`. */
  marker?: string;
  /** Shows the status another way (the assistant panel's `setStatus`) instead of a placeholder. */
  onStatus?: (text: string) => Promise<void>;
}

/** Replies in a channel, DM or thread. */
export function threadSink(rt: SlackRuntime, target: ThreadTarget, opts: ThreadSinkOptions = {}): ReplySink {
  const base = { channel: target.channel, ...(target.threadTs ? { thread_ts: target.threadTs } : {}) };
  const send = { client: rt.client, logger: rt.logger, ...(opts.marker ? { marker: opts.marker } : {}) };
  return {
    async start(view) {
      if (opts.onStatus) {
        await opts.onStatus(view.status || (view.lang === 'zh' ? '思考中…' : 'Thinking…'));
        return undefined;
      }
      const res = await rt.client.chat.postMessage({
        ...base,
        text: progressText(view),
        ...(opts.marker ? { metadata: markerMetadata(PENDING_EVENT, opts.marker) } : {}),
      });
      return res.ts;
    },
    async update(ts, view) {
      // The pacing client: a 429 comes back at once (the layer pauses the workspace's updates).
      await rt.updateClient.chat.update({ channel: target.channel, ts, text: progressText(view) });
    },
    async final(reply, placeholder) {
      await sendReply(target, reply, { ...send, ...(placeholder ? { placeholder } : {}) });
    },
    async failed(lang, placeholder) {
      await sendMessages(target, [textMessage(FAILED[lang])], {
        ...send,
        ...(placeholder ? { placeholder } : {}),
      });
    },
    classify: classifySlackError,
  };
}

/**
 * Shows the reply to one user only (response_url, else `chat.postEphemeral`, else a DM), with a share
 * button made by `share` for replies worth sharing.
 */
export function ephemeralSink(
  rt: SlackRuntime,
  target: EphemeralTarget,
  share?: (reply: RichReply) => ShareButton | undefined,
): ReplySink & { via(): string | undefined } {
  let via: string | undefined;
  return {
    via: () => via,
    start: async () => undefined,
    update: async () => {},
    async final(reply) {
      const button = reply.kind === 'error' ? undefined : share?.(reply);
      via = await sendEphemeral(
        { client: rt.client, logger: rt.logger },
        target,
        reply,
        button ? { share: button } : {},
      );
    },
    async failed(lang) {
      await sendEphemeral({ client: rt.client, logger: rt.logger }, target, noticeReply(FAILED[lang], lang));
    },
    classify: classifySlackError,
  };
}

/** The message a 👍/👎 was clicked on. */
export interface RatedMessage {
  channel: string;
  ts?: string;
  text?: string;
  blocks?: Block[];
  /** The message was shown to one user only (it cannot be edited through the API). */
  ephemeral: boolean;
}

/** After a vote: the rated message's vote buttons become a thank-you (or a private thank-you). */
export function voteSink(rt: SlackRuntime, rated: RatedMessage, target: EphemeralTarget): ReplySink {
  return {
    start: async () => undefined,
    update: async () => {},
    async final(reply) {
      const thanks = reply.sections[0] ?? 'Thanks for the feedback!';
      if (!rated.ephemeral && rated.ts && rated.blocks) {
        const m = withFreshBlockIds({
          text: rated.text ?? thanks,
          blocks: withFeedbackAcknowledged(rated.blocks, thanks),
        });
        await rt.client.chat.update({ channel: rated.channel, ts: rated.ts, text: m.text, blocks: m.blocks });
        return;
      }
      await sendEphemeral({ client: rt.client, logger: rt.logger }, target, noticeReply(thanks, reply.lang));
    },
    failed: async () => {},
    classify: classifySlackError,
  };
}

function noticeReply(text: string, lang: Lang): RichReply {
  return { kind: 'notice', lang, sections: [text], citations: [], notes: [], buttons: [], ref: 'notice' };
}
