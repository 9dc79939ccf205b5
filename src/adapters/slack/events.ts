import type { IncomingMessage } from '../../core/chat/types.ts';
import { capText, MAX_INBOUND_CHARS } from '../../core/text-limits.ts';
import { mentions, slackToPlain } from './text.ts';

/** The fields of a Slack `message` / `app_mention` event Coach reads; real payloads may lack any of them. */
export interface SlackMessageEvent {
  type?: string;
  subtype?: string;
  channel?: string;
  channel_type?: string;
  user?: string;
  bot_id?: string;
  bot_profile?: unknown;
  text?: string;
  ts?: string;
  event_ts?: string;
  thread_ts?: string;
  client_msg_id?: string;
  team?: string;
}

/** The envelope fields of an Events API body Coach reads. */
export interface SlackEventEnvelope {
  team_id?: string;
  enterprise_id?: string;
  event_id?: string;
  authorizations?: Array<{ team_id?: string | null; enterprise_id?: string | null }>;
}

/** A message Coach should hand to the engine, and where its reply goes. */
export interface Translated {
  msg: IncomingMessage;
  channel: string;
  /** `thread_ts` for the reply; undefined for a top-level DM answer. */
  replyThreadTs?: string;
}

/** Why an event was not translated (for a debug log line). */
export type Skipped = { skip: string };

/** Subtypes that are still a person writing a new message. */
const USER_SUBTYPES = new Set(['file_share', 'thread_broadcast']);

/**
 * The workspace of an event. Org-wide installs have `authorizations[0].team_id: null`, so fall back to
 * the event's `team`, then the enterprise.
 */
export function workspaceOf(body: SlackEventEnvelope, event?: { team?: string }): string {
  const auth = body.authorizations?.[0];
  return (
    body.team_id ?? event?.team ?? auth?.team_id ?? auth?.enterprise_id ?? body.enterprise_id ?? 'unknown'
  );
}

/**
 * Translates an `app_mention` or `message` event into an IncomingMessage, or says why not: bots (Coach
 * included, `bot_id` with no subtype), Slackbot, edits/joins/deletions (any other subtype), empty text,
 * a channel post that neither mentions Coach nor sits in a thread.
 */
export function translateEvent(
  body: SlackEventEnvelope,
  event: SlackMessageEvent,
  botUserId: string | undefined,
): Translated | Skipped {
  if (event.bot_id || event.bot_profile) return { skip: 'bot' };
  if (event.subtype && !USER_SUBTYPES.has(event.subtype)) return { skip: `subtype:${event.subtype}` };
  if (!event.user || event.user === 'USLACKBOT') return { skip: 'no_user' };
  if (botUserId && event.user === botUserId) return { skip: 'self' };
  if (!event.channel) return { skip: 'no_channel' };
  // Capped before any pattern reads it: a 600 KB message costs no more than an ordinary one.
  const raw = capText(event.text ?? '', MAX_INBOUND_CHARS);
  if (!raw.trim() && event.subtype !== 'file_share') return { skip: 'no_text' };
  const messageId = event.ts ?? event.event_ts ?? event.client_msg_id ?? body.event_id;
  if (!messageId) return { skip: 'no_id' };
  const text = slackToPlain(raw);
  const base = {
    platform: 'slack' as const,
    workspace: workspaceOf(body, event),
    chatId: event.channel,
    messageId,
    ...(body.event_id ? { eventId: body.event_id } : {}),
    userId: event.user,
    text,
  };
  const threadTs = event.thread_ts && event.thread_ts !== messageId ? event.thread_ts : undefined;
  const direct = event.channel_type === 'im' || (event.type === 'message' && event.channel.startsWith('D'));
  if (direct) {
    return {
      msg: { ...base, ...(threadTs ? { threadId: threadTs } : {}), direct: true, addressed: true },
      channel: event.channel,
      ...(threadTs ? { replyThreadTs: threadTs } : {}),
    };
  }
  const addressed = event.type === 'app_mention' || mentions(raw, botUserId);
  if (!addressed && !threadTs) return { skip: 'not_addressed' };
  return {
    msg: { ...base, ...(threadTs ? { threadId: threadTs } : {}), direct: false, addressed },
    channel: event.channel,
    replyThreadTs: threadTs ?? messageId,
  };
}
