/**
 * Feishu events, as the SDK's EventDispatcher hands them to handlers (header and event fields merged
 * into one object), → platform-neutral facts. Both schemas are read: 2.0 (`im.message.receive_v1`,
 * `card.action.trigger`, `application.bot.menu_v6`) and 1.0 (`event.type: "message"`), plus legacy
 * card callbacks that carry no event type at all. Everything is untrusted: zod `safeParse`, and a
 * payload that does not fit is dropped (undefined).
 */

import { z } from 'zod';
import { capText, MAX_INBOUND_CHARS } from '../../core/text-limits.ts';
import { type Mention, messageText, resolveMentions } from './content.ts';

/** A chat message, translated. `text` is undefined for messages that are not text (image, file…). */
export interface FeishuMessage {
  eventId?: string;
  /** When the event was created (ms since epoch), when known. */
  createdAt?: number;
  workspace: string;
  chatId: string;
  direct: boolean;
  messageId: string;
  threadId?: string;
  userId: string;
  fromBot: boolean;
  mentionsBot: boolean;
  msgType: string;
  text?: string;
}

const optionalId = z.string().nullish();

const v2Message = z.looseObject({
  event_id: z.string().optional(),
  create_time: z.union([z.string(), z.number()]).optional(),
  tenant_key: z.string().optional(),
  sender: z.looseObject({
    sender_id: z.looseObject({ open_id: z.string().optional(), user_id: optionalId }).optional(),
    sender_type: z.string().optional(),
    tenant_key: z.string().optional(),
  }),
  message: z.looseObject({
    message_id: z.string().min(1),
    root_id: optionalId,
    thread_id: optionalId,
    chat_id: z.string().min(1),
    chat_type: z.string(),
    message_type: z.string(),
    content: z.string().default('{}'),
    create_time: z.union([z.string(), z.number()]).optional(),
    mentions: z
      .array(
        z.looseObject({
          key: z.string(),
          name: z.string().optional(),
          id: z.looseObject({ open_id: z.string().optional(), user_id: optionalId }).optional(),
        }),
      )
      .nullish(),
  }),
});

/** `im.message.receive_v1` (schema 2.0). */
export function parseMessageV2(data: unknown, botOpenId?: string): FeishuMessage | undefined {
  const parsed = v2Message.safeParse(data);
  if (!parsed.success) return undefined;
  const e = parsed.data;
  const m = e.message;
  const mentions: Mention[] = (m.mentions ?? []).map((x) => ({
    key: x.key,
    name: x.name,
    openId: x.id?.open_id,
  }));
  // Without the bot's open_id (bot info unavailable), a mention whose user_id is empty is an app's.
  const mentionsBot = botOpenId
    ? mentions.some((x) => x.openId === botOpenId)
    : (m.mentions ?? []).some((x) => x.id?.user_id === '');
  return {
    eventId: e.event_id,
    createdAt: millis(e.create_time ?? m.create_time),
    workspace: e.tenant_key ?? e.sender.tenant_key ?? 'feishu',
    chatId: m.chat_id,
    direct: m.chat_type === 'p2p',
    messageId: m.message_id,
    threadId: m.root_id || m.thread_id || undefined,
    userId: e.sender.sender_id?.open_id ?? e.sender.sender_id?.user_id ?? 'unknown',
    fromBot: e.sender.sender_type !== undefined && e.sender.sender_type !== 'user',
    mentionsBot,
    msgType: m.message_type,
    text: messageText(m.message_type, m.content, mentions, botOpenId),
  };
}

const v1Message = z.looseObject({
  uuid: z.string().optional(),
  ts: z.union([z.string(), z.number()]).optional(),
  tenant_key: z.string().optional(),
  root_id: optionalId,
  open_chat_id: z.string().min(1),
  chat_type: z.string(),
  msg_type: z.string(),
  open_id: z.string().optional(),
  open_message_id: z.string().min(1),
  is_mention: z.boolean().optional(),
  text: z.string().optional(),
  text_without_at_bot: z.string().optional(),
});

/** The 1.0 message event (`event.type: "message"`, `chat_type: "private" | "group"`). */
export function parseMessageV1(data: unknown): FeishuMessage | undefined {
  const parsed = v1Message.safeParse(data);
  if (!parsed.success) return undefined;
  const e = parsed.data;
  const readable = e.msg_type === 'text' || e.msg_type === 'post';
  const full = e.text_without_at_bot ?? e.text;
  const raw = full === undefined ? undefined : capText(full, MAX_INBOUND_CHARS);
  const ts = e.ts === undefined ? undefined : Number(e.ts);
  return {
    eventId: e.uuid,
    createdAt: ts !== undefined && Number.isFinite(ts) ? ts * 1000 : undefined,
    workspace: e.tenant_key ?? 'feishu',
    chatId: e.open_chat_id,
    direct: e.chat_type === 'private' || e.chat_type === 'p2p',
    messageId: e.open_message_id,
    threadId: e.root_id || undefined,
    userId: e.open_id ?? 'unknown',
    fromBot: false,
    mentionsBot: e.is_mention === true,
    msgType: e.msg_type,
    text: readable && raw !== undefined ? resolveMentions(raw, []) : undefined,
  };
}

/** A click on a card button. */
export interface FeishuCardAction {
  eventId?: string;
  workspace: string;
  chatId: string;
  messageId: string;
  userId: string;
  /** What Coach put in the button's value. */
  value: Record<string, unknown>;
}

const cardV2 = z.looseObject({
  event_id: z.string().optional(),
  tenant_key: z.string().optional(),
  operator: z.looseObject({ open_id: z.string().optional(), user_id: optionalId }),
  action: z.looseObject({ value: z.unknown() }),
  context: z.looseObject({ open_message_id: z.string().min(1), open_chat_id: z.string().min(1) }),
});

const cardLegacy = z.looseObject({
  open_id: z.string().optional(),
  user_id: optionalId,
  open_message_id: z.string().min(1),
  open_chat_id: z.string().min(1),
  tenant_key: z.string().optional(),
  action: z.looseObject({ value: z.unknown() }),
});

/** `card.action.trigger` (2.0) or a legacy card callback (no event type). */
export function parseCardAction(data: unknown): FeishuCardAction | undefined {
  const v2 = cardV2.safeParse(data);
  if (v2.success) {
    const e = v2.data;
    return {
      eventId: e.event_id,
      workspace: e.tenant_key ?? 'feishu',
      chatId: e.context.open_chat_id,
      messageId: e.context.open_message_id,
      userId: e.operator.open_id ?? e.operator.user_id ?? 'unknown',
      value: valueObject(e.action.value),
    };
  }
  const legacy = cardLegacy.safeParse(data);
  if (!legacy.success) return undefined;
  const e = legacy.data;
  return {
    workspace: e.tenant_key ?? 'feishu',
    chatId: e.open_chat_id,
    messageId: e.open_message_id,
    userId: e.open_id ?? e.user_id ?? 'unknown',
    value: valueObject(e.action.value),
  };
}

/** True for a legacy card callback: an `action` and a message id, but no schema and no event. */
export function isLegacyCardCallback(payload: Record<string, unknown>): boolean {
  return (
    !('schema' in payload) && !('event' in payload) && 'action' in payload && 'open_message_id' in payload
  );
}

/** A bot-menu click (`application.bot.menu_v6`): the user, no chat. */
export interface FeishuMenuClick {
  eventId?: string;
  createdAt?: number;
  workspace: string;
  userId: string;
  key: string;
}

const menu = z.looseObject({
  event_id: z.string().optional(),
  create_time: z.union([z.string(), z.number()]).optional(),
  tenant_key: z.string().optional(),
  event_key: z.string().min(1),
  operator: z.looseObject({
    operator_id: z.looseObject({ open_id: z.string().min(1) }),
  }),
});

/** `application.bot.menu_v6`. */
export function parseMenuClick(data: unknown): FeishuMenuClick | undefined {
  const parsed = menu.safeParse(data);
  if (!parsed.success) return undefined;
  const e = parsed.data;
  return {
    eventId: e.event_id,
    createdAt: millis(e.create_time),
    workspace: e.tenant_key ?? 'feishu',
    userId: e.operator.operator_id.open_id,
    key: e.event_key,
  };
}

/** A button value may arrive as an object or (older clients) as a JSON string. */
function valueObject(value: unknown): Record<string, unknown> {
  if (typeof value === 'string') {
    try {
      return valueObject(JSON.parse(value));
    } catch {
      return {}; // not JSON: not one of Coach's buttons
    }
  }
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

function millis(v: string | number | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  return Number.isFinite(n) && n > 0 ? n : undefined;
}
