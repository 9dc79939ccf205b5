/**
 * Taken-over messages (a replica died while answering; the takeover sweeper now holds the lease). Slack
 * has no idempotency key for posts, so Coach marks its replies with message metadata (`coach_pending`
 * on the placeholder, `coach_reply` on the final reply, both with the reply's ref) and, before
 * answering a taken-over message, reads the thread: a marked final reply means the dead replica got
 * that far (the work is only recorded as done), a marked placeholder is reused for the answer.
 * Private replies (commands, the modal, the shortcut) are answered through their kept `response_url`.
 */
import type { webApi } from '@slack/bolt';
import type { IncomingMessage } from '../../core/chat/types.ts';
import { replyRefOf } from '../../core/chat/work.ts';
import { deliverReply } from '../delivery/deliver.ts';
import { respondTo } from './ephemeral.ts';
import type { SlackRuntime } from './runtime.ts';
import { PENDING_EVENT, REPLY_EVENT, type ThreadTarget } from './send.ts';
import { ephemeralSink, threadSink } from './sinks.ts';
import { describeSlackError } from './web-errors.ts';

/** A Slack message ts (`1700000000.000100`): only real messages can be answered again in their thread. */
const SLACK_TS = /^\d+\.\d+$/;

/** Where the reply to a message goes, as `translateEvent` decided it for the first delivery. */
export function replyTargetOf(msg: IncomingMessage): ThreadTarget {
  const threadTs = msg.threadId ?? (msg.direct ? undefined : msg.messageId);
  return { channel: msg.chatId, ...(threadTs ? { threadTs } : {}) };
}

/**
 * Coach's marked messages for `ref` where the reply goes: the thread (`conversations.replies`), or for a
 * top-level DM answer the channel after the user's message (`conversations.history`).
 */
export async function findMarked(
  client: webApi.WebClient,
  target: ThreadTarget,
  ref: string,
  after: string,
): Promise<{ replied: boolean; placeholder?: string }> {
  const res = target.threadTs
    ? await client.conversations.replies({
        channel: target.channel,
        ts: target.threadTs,
        include_all_metadata: true,
        limit: 200,
      })
    : await client.conversations.history({
        channel: target.channel,
        oldest: after,
        include_all_metadata: true,
        limit: 200,
      });
  let placeholder: string | undefined;
  for (const m of res.messages ?? []) {
    const meta = m.metadata as { event_type?: string; event_payload?: { ref?: unknown } } | undefined;
    if (meta?.event_payload?.ref !== ref) continue;
    if (meta.event_type === REPLY_EVENT) return { replied: true };
    if (meta.event_type === PENDING_EVENT && m.ts) placeholder = m.ts;
  }
  return { replied: false, ...(placeholder ? { placeholder } : {}) };
}

/** Answers a taken-over message in the background (tracked like other work, refused while stopping). */
export function resumeMessage(rt: SlackRuntime, msg: IncomingMessage): void {
  const fields = { channel: msg.chatId, message: msg.messageId, resumed: true };
  rt.background('resume', fields, async () => {
    if (!SLACK_TS.test(msg.messageId)) {
      await resumePrivate(rt, msg, fields);
      return;
    }
    const target = replyTargetOf(msg);
    const ref = replyRefOf(msg);
    let found: { replied: boolean; placeholder?: string } = { replied: false };
    try {
      found = await findMarked(rt.client, target, ref, msg.messageId);
    } catch (err) {
      // Without the thread, answering risks a second reply; not answering leaves the user without one.
      rt.logger.warn({ event: 'slack_resume_lookup_failed', ...fields, ...describeSlackError(err) });
    }
    if (found.replied) {
      rt.logger.info({ event: 'slack_resume_already_replied', ...fields }, 'reply was already posted');
      await rt.engine.complete(msg);
      return;
    }
    const result = await deliverReply(rt.engine.resume(msg), threadSink(rt, target, { marker: ref }), {
      ...rt.delivery,
      log: rt.logger.child(fields),
      pacer: { pacer: rt.pacer, key: msg.workspace },
      ...(found.placeholder ? { placeholder: found.placeholder } : {}),
    });
    rt.logger.info({ event: 'slack_message_handled', ...fields, replied: result.delivered });
  });
}

/**
 * A taken-over slash command, modal or shortcut review: its reply is private. It goes through the
 * `response_url` kept with the work (valid 30 minutes) when there is one Coach trusts, else as an
 * ephemeral message in the channel (or a DM), with "Share in channel" as usual. Slack keeps no trace
 * of ephemeral replies to check, so one that the dead replica delivered in the last milliseconds
 * before it died, before it recorded the work done, could show twice; answering is the safer side.
 */
async function resumePrivate(
  rt: SlackRuntime,
  msg: IncomingMessage,
  fields: Record<string, unknown>,
): Promise<void> {
  const url = msg.replyTo?.responseUrl;
  const respond = url && rt.trustedResponseUrl(url) ? respondTo(url) : undefined;
  if (url && !respond)
    rt.logger.warn({ event: 'slack_response_url_refused', ...fields }, 'response_url not trusted');
  const sink = ephemeralSink(
    rt,
    { channel: msg.chatId, userId: msg.userId, ...(respond ? { respond } : {}) },
    (reply) => ({ id: rt.shares.put({ reply, channel: msg.chatId, userId: msg.userId }) }),
  );
  const result = await deliverReply(rt.engine.resume(msg), sink, {
    ...rt.delivery,
    log: rt.logger.child(fields),
  });
  rt.logger.info({ event: 'slack_command_handled', ...fields, kind: result.reply?.kind, via: sink.via() });
}
