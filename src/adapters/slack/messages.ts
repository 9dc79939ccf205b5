import type { App } from '@slack/bolt';
import { replyRefOf } from '../../core/chat/work.ts';
import { deliverReply } from '../delivery/deliver.ts';
import { type SlackEventEnvelope, type SlackMessageEvent, translateEvent } from './events.ts';
import type { SlackRuntime } from './runtime.ts';
import { threadSink } from './sinks.ts';
import { describeSlackError } from './web-errors.ts';

/**
 * Handles one message-like event: the engine accepted it before Bolt acked the delivery (accept.ts);
 * when it is for Coach, answers in the background and delivers the reply into the thread. `onStatus`
 * replaces the placeholder (the assistant panel's "thinking…" status).
 */
export function handleMessageEvent(
  rt: SlackRuntime,
  body: SlackEventEnvelope,
  event: SlackMessageEvent,
  onStatus?: (text: string) => Promise<void>,
): void {
  const pre = rt.accepted.take(body);
  const t = pre?.translated ?? translateEvent(body, event, rt.botUserId());
  if ('skip' in t) {
    rt.logger.debug({
      event: 'slack_event_skipped',
      type: event.type,
      reason: t.skip,
      event_id: body.event_id,
    });
    return;
  }
  const fields = { channel: t.channel, message: t.msg.messageId, event_id: t.msg.eventId, type: event.type };
  rt.background('message', fields, async () => {
    // Accepted before the ack; a body that was not (a listener called directly) is accepted now.
    const ticket = pre ? pre.ticket : await rt.engine.accept(t.msg);
    if (!ticket) return; // not for Coach, or a duplicate delivery (logged by the engine)
    // The assistant panel shows "thinking…" at once, even for an offline answer that has no status event.
    if (onStatus) {
      await onStatus('Thinking…').catch((err: unknown) =>
        rt.logger.warn({ event: 'slack_set_status_failed', ...describeSlackError(err) }),
      );
    }
    const sink = threadSink(
      rt,
      { channel: t.channel, ...(t.replyThreadTs ? { threadTs: t.replyThreadTs } : {}) },
      { marker: replyRefOf(t.msg), ...(onStatus ? { onStatus } : {}) },
    );
    const result = await deliverReply(rt.engine.answer(ticket), sink, {
      ...rt.delivery,
      log: rt.logger.child(fields),
      pacer: { pacer: rt.pacer, key: t.msg.workspace },
    });
    rt.logger.info({ event: 'slack_message_handled', ...fields, replied: result.delivered });
  });
}

/** Registers `app_mention` and `message` (DMs, channel threads, posts that mention Coach). */
export function registerMessageEvents(app: App, rt: SlackRuntime): void {
  app.event('app_mention', async ({ event, body }) => {
    handleMessageEvent(rt, body as SlackEventEnvelope, event as unknown as SlackMessageEvent);
  });
  app.event('message', async ({ event, body }) => {
    handleMessageEvent(rt, body as SlackEventEnvelope, event as unknown as SlackMessageEvent);
  });
}
