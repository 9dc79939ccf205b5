/** How Slack builds click payloads (block_actions), and how tests read what the bot sent (blocks → text). */
import type { SentMessage } from './adapter-scenarios.ts';
import type { FakeSlackMessage } from './fakes/fake-slack.ts';

/** Whether a message carries a button with this action id. */
export function hasAction(m: FakeSlackMessage, actionId: string): boolean {
  return buttonsOf(m).some((b) => b.action_id === actionId);
}

/** The buttons of a message. */
export function buttonsOf(
  m: FakeSlackMessage,
): Array<{ action_id: string; value?: string; text?: { text: string } }> {
  return (m.blocks as Array<{ type: string; elements?: unknown[] }>)
    .filter((b) => b.type === 'actions')
    .flatMap(
      (b) => (b.elements ?? []) as Array<{ action_id: string; value?: string; text?: { text: string } }>,
    );
}

/** A `block_actions` payload for a click on `actionId` in message `m`. */
export function blockActionPayload(
  m: FakeSlackMessage,
  actionId: string,
  userId: string,
  responseUrlBase: string,
) {
  const button = buttonsOf(m).find((b) => b.action_id === actionId);
  const inMessage = m.kind === 'message';
  const channel = m.channel ?? 'C_GENERAL';
  return {
    type: 'block_actions',
    api_app_id: 'A1',
    token: 'fake-verification-token',
    team: { id: 'T1', domain: 'test' },
    user: { id: userId, username: 'ana', team_id: 'T1' },
    container: {
      type: 'message',
      message_ts: m.ts ?? '1.000',
      channel_id: channel,
      is_ephemeral: !inMessage,
    },
    trigger_id: `trig-click-${Date.now()}`,
    channel: { id: channel, name: 'general' },
    ...(inMessage
      ? {
          message: {
            type: 'message',
            ts: m.ts,
            thread_ts: m.threadTs,
            text: m.text,
            blocks: m.blocks,
            bot_id: 'BCOACH',
          },
        }
      : {}),
    response_url: `${responseUrlBase}${channel}/click-${Date.now()}`,
    actions: [
      {
        type: 'button',
        action_id: actionId,
        block_id: 'coach_actions',
        value: button?.value ?? '',
        text: { type: 'plain_text', text: button?.text?.text ?? '' },
        action_ts: String(Date.now() / 1000),
      },
    ],
  };
}

/** Visible text of a message: its blocks (sections, context lines, button labels), else its `text`. */
export function flatten(m: FakeSlackMessage): string {
  const parts: string[] = [];
  for (const b of m.blocks as Array<Record<string, unknown>>) {
    const text = b.text as { text?: string } | undefined;
    if (text?.text) parts.push(text.text);
    for (const e of (b.elements ?? []) as Array<Record<string, unknown>>) {
      const t = e.text as string | { text?: string } | undefined;
      if (typeof t === 'string') parts.push(t);
      else if (t?.text) parts.push(t.text);
    }
  }
  const text = parts.length > 0 ? parts.join('\n') : m.text;
  // What a reader sees: mrkdwn's bold/italic/strike markers are not shown.
  return text.replace(/[*~]/g, '').replace(/(^|\W)_|_(?=\W|$)/g, '$1');
}

/** A message as the shared scenarios see it: chat, thread, visible text, and whether it is ephemeral. */
export function toSent(m: FakeSlackMessage): SentMessage {
  return {
    chatId: m.channel ?? '',
    ...(m.threadTs ? { threadId: m.threadTs } : {}),
    text: flatten(m),
    ...(m.kind !== 'message' ? { ephemeral: true } : {}),
  };
}
