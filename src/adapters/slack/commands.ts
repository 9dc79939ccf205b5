import type { App } from '@slack/bolt';
import type { IncomingMessage } from '../../core/chat/types.ts';
import { capText, MAX_INBOUND_CHARS } from '../../core/text-limits.ts';
import { deliverReply } from '../delivery/deliver.ts';
import type { EphemeralTarget } from './ephemeral.ts';
import { openReviewModal } from './modal.ts';
import type { SlackRuntime } from './runtime.ts';
import { ephemeralSink } from './sinks.ts';
import { slackToPlain } from './text.ts';

/** The slash command Coach registers (see slack-manifest.json). */
export const COMMAND = '/coach';

/** `/coach review` with nothing after it: opens the review modal instead. */
const REVIEW_ALONE = /^\/?(review|critique|点评|评审|审稿)[:：]?$/i;

/** The fields of a slash-command payload Coach reads. */
export interface SlashCommand {
  text?: string;
  team_id?: string;
  enterprise_id?: string;
  channel_id: string;
  user_id: string;
  trigger_id: string;
  response_url?: string;
}

/**
 * `/coach <text>`: `review` alone opens the review modal; anything else (a question or any engine
 * command: `review <copy>`, `tip`, `tips on 09:00 Asia/Shanghai`, `tips off`, `history`, `help`) is
 * accepted by the engine (recorded as work, with its `response_url` so that any replica can answer it
 * after a crash) and only then acked; the reply is shown to the user only, with "Share in channel".
 * `tips on/off` apply to the channel the command was typed in.
 */
export function registerCommand(app: App, rt: SlackRuntime): void {
  app.command(COMMAND, async ({ command, ack, respond }) => {
    await handleCommand(rt, command, ack, respond);
  });
}

/** Handles one `/coach`: accepts, acks, answers in the background (exported for the Socket Mode test). */
export async function handleCommand(
  rt: SlackRuntime,
  command: SlashCommand,
  ack: () => Promise<void>,
  respond?: EphemeralTarget['respond'],
): Promise<void> {
  const text = slackToPlain(capText(command.text ?? '', MAX_INBOUND_CHARS));
  const fields = { channel: command.channel_id, user: command.user_id, command: text.split(/\s/)[0] ?? '' };
  if (REVIEW_ALONE.test(text)) {
    await ack();
    rt.background('review_modal', fields, () =>
      openReviewModal(rt, command.trigger_id, {
        channel: command.channel_id,
        ...(command.response_url ? { responseUrl: command.response_url } : {}),
      }),
    );
    return;
  }
  const msg: IncomingMessage = {
    platform: 'slack',
    workspace: command.team_id ?? command.enterprise_id ?? 'unknown',
    chatId: command.channel_id,
    messageId: `cmd:${command.trigger_id}`,
    userId: command.user_id,
    text,
    direct: false,
    addressed: true,
    ...(command.response_url ? { replyTo: { responseUrl: command.response_url } } : {}),
  };
  const ticket = await rt.engine.accept(msg);
  await ack();
  if (!ticket) return;
  rt.background('command', fields, async () => {
    const sink = ephemeralSink(
      rt,
      { channel: command.channel_id, userId: command.user_id, ...(respond ? { respond } : {}) },
      (reply) => ({ id: rt.shares.put({ reply, channel: command.channel_id, userId: command.user_id }) }),
    );
    const result = await deliverReply(rt.engine.answer(ticket), sink, {
      ...rt.delivery,
      log: rt.logger.child(fields),
    });
    rt.logger.info({ event: 'slack_command_handled', ...fields, kind: result.reply?.kind, via: sink.via() });
  });
}
