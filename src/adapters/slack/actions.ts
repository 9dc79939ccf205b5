import type { App, BlockAction, ButtonAction, RespondFn } from '@slack/bolt';
import type { Button } from '../../core/reply/types.ts';
import { deliverReply } from '../delivery/deliver.ts';
import { type Block, renderReply, textMessage } from './blocks.ts';
import { sendEphemeralMessages } from './ephemeral.ts';
import type { SlackRuntime } from './runtime.ts';
import { withFreshBlockIds } from './send.ts';
import { ephemeralSink, threadSink, voteSink } from './sinks.ts';
import { describeSlackError, inviteHint, NOT_IN_CHANNEL, slackErrorCode } from './web-errors.ts';

/** Coach's buttons: `coach_feedback_up`, `coach_feedback_down`, `coach_review_again`, `coach_share`. */
const ACTIONS = /^coach_(feedback_up|feedback_down|review_again|share)$/;

/**
 * Button clicks, acked at once: 👍/👎 store feedback and replace the buttons with a thank-you; "Review
 * again" reviews the copy once more (in the thread, or privately for a private reply); "Share" posts a
 * private reply into its channel or thread.
 */
export function registerActions(app: App, rt: SlackRuntime): void {
  app.action<BlockAction<ButtonAction>>(ACTIONS, async ({ ack, body, action, respond }) => {
    await ack();
    const kind = ACTIONS.exec(action.action_id)?.[1] as Button['action'] | 'share';
    const fields = { action: kind, user: body.user.id, channel: body.channel?.id };
    rt.background('action', fields, () =>
      kind === 'share'
        ? share(rt, body, action.value ?? '', respond)
        : click(rt, body, kind, action.value ?? '', respond),
    );
  });
}

async function click(
  rt: SlackRuntime,
  body: BlockAction<ButtonAction>,
  action: Exclude<Button['action'], 'share'>,
  value: string,
  respond: RespondFn,
): Promise<void> {
  const channel = body.channel?.id ?? body.container.channel_id ?? body.user.id;
  const message = body.message as
    | { ts?: string; thread_ts?: string; text?: string; blocks?: Block[] }
    | undefined;
  const ephemeral = body.container.is_ephemeral === true || !message?.ts;
  const messageRef = message?.ts ?? body.container.message_ts ?? body.trigger_id;
  const workspace = body.team?.id ?? body.enterprise?.id ?? 'unknown';
  const chat = { platform: 'slack' as const, workspace, chatId: channel };
  const events = rt.engine.action({
    chat,
    userId: body.user.id,
    action,
    value,
    messageRef,
    ...(body.trigger_id ? { eventId: body.trigger_id } : {}),
  });
  const target = { channel, userId: body.user.id, respond };
  const log = rt.logger.child({ action, channel, user: body.user.id });

  if (action === 'review_again') {
    const sink =
      !ephemeral && message?.ts
        ? threadSink(rt, { channel, threadTs: message.thread_ts ?? message.ts })
        : ephemeralSink(rt, target, (reply) => ({
            id: rt.shares.put({ reply, channel, userId: body.user.id }),
          }));
    await deliverReply(events, sink, { ...rt.delivery, log, pacer: { pacer: rt.pacer, key: workspace } });
    return;
  }
  const rated = { channel, ephemeral, ...(message ?? {}) };
  await deliverReply(events, voteSink(rt, rated, target), { ...rt.delivery, log });
}

async function share(
  rt: SlackRuntime,
  body: BlockAction<ButtonAction>,
  id: string,
  respond: RespondFn,
): Promise<void> {
  const entry = rt.shares.get(id);
  if (!entry) {
    await respond({
      response_type: 'ephemeral',
      replace_original: false,
      text: 'That reply has expired. Run the command again to share a fresh one.',
    });
    return;
  }
  // The byline is Coach's own mention of the person who shared (a Slack user id, checked as such).
  const byline = /^[UW][A-Z0-9]+$/.test(body.user.id) ? `Shared by <@${body.user.id}>` : 'Shared';
  const messages = renderReply(entry.reply, { byline });
  try {
    for (const message of messages) {
      const m = withFreshBlockIds(message);
      await rt.client.chat.postMessage({
        channel: entry.channel,
        ...(entry.threadTs ? { thread_ts: entry.threadTs } : {}),
        text: m.text,
        blocks: m.blocks,
      });
    }
    rt.logger.info({ event: 'slack_reply_shared', channel: entry.channel, kind: entry.reply.kind });
  } catch (err) {
    const code = slackErrorCode(err);
    rt.logger.warn({ event: 'slack_share_failed', channel: entry.channel, ...describeSlackError(err) });
    // Coach's own words (the invite hint links the channel): sent as they are, not through Markdown.
    const text =
      code && NOT_IN_CHANNEL.has(code)
        ? inviteHint(entry.channel, entry.reply.lang)
        : 'Sorry, I could not post that reply. Please try again.';
    await sendEphemeralMessages(
      { client: rt.client, logger: rt.logger },
      { channel: entry.channel, userId: body.user.id, respond },
      [textMessage(text)],
    );
  }
}
