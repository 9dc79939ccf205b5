import type { App } from '@slack/bolt';
import { replyRefOf } from '../../core/chat/work.ts';
import { deliverReply } from '../delivery/deliver.ts';
import { type SlackEventEnvelope, type SlackMessageEvent, translateEvent } from './events.ts';
import type { SlackRuntime } from './runtime.ts';
import { threadSink } from './sinks.ts';
import { describeSlackError } from './web-errors.ts';

/**
 * Handles one message-like event: translates it and, when it is for Coach, runs the engine in the
 * background (the Events API request is already acked by Bolt) and delivers the reply into the thread.
 * `onStatus` replaces the placeholder (the assistant panel's "thinking…" status).
 */
export function handleMessageEvent(
  rt: SlackRuntime,
  body: SlackEventEnvelope,
  event: SlackMessageEvent,
  onStatus?: (text: string) => Promise<void>,
): void {
  const t = translateEvent(body, event, rt.botUserId());
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
    const result = await deliverReply(rt.engine.handle(t.msg), sink, {
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
