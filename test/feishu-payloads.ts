/** How Feishu builds event requests (envelope, encryption, signing) and how tests read what the bot sent. */
import { createCipheriv, createHash, randomBytes } from 'node:crypto';

/** The verification token of the harness's app (fake). */
export const VERIFICATION_TOKEN = 'fake-verification-token';
/** The tenant of the harness's app (fake). */
export const TENANT = 'tenant_fake';

/** A raw request as Feishu sends it. */
export interface RawDelivery {
  body: string;
  headers: Record<string, string>;
}

/** Fields of a message event. */
export interface MessageSpec {
  chatId: string;
  chatType: 'p2p' | 'group';
  userId?: string;
  text?: string;
  msgType?: string;
  content?: string;
  mentionBot?: boolean;
  rootId?: string;
  senderType?: string;
  eventId?: string;
  messageId?: string;
  createTime?: number;
}

/** A 2.0 envelope around an event, as the harness's app receives it. */
export function eventEnvelope(eventType: string, event: object, o: { eventId: string; createTime?: number }) {
  return {
    schema: '2.0',
    header: {
      event_id: o.eventId,
      token: VERIFICATION_TOKEN,
      create_time: String(o.createTime ?? Date.now()),
      event_type: eventType,
      tenant_key: TENANT,
      app_id: 'cli_fake_app',
    },
    event,
  };
}

/** The 2.0 `im.message.receive_v1` event of a message; in groups it mentions the bot unless told not to. */
export function messageEventPayload(
  spec: MessageSpec,
  ids: { messageId: string; eventId: string; botOpenId: string },
) {
  const mention = spec.mentionBot ?? spec.chatType === 'group';
  const msgType = spec.msgType ?? 'text';
  const content =
    spec.content ?? JSON.stringify({ text: mention ? `@_user_1 ${spec.text ?? ''}` : (spec.text ?? '') });
  return eventEnvelope(
    'im.message.receive_v1',
    {
      sender: {
        sender_id: { open_id: spec.userId ?? 'ou_alice', union_id: 'on_alice', user_id: 'alice' },
        sender_type: spec.senderType ?? 'user',
        tenant_key: TENANT,
      },
      message: {
        message_id: ids.messageId,
        ...(spec.rootId
          ? { root_id: spec.rootId, parent_id: spec.rootId, thread_id: `omt_${spec.rootId}` }
          : {}),
        create_time: String(spec.createTime ?? Date.now()),
        chat_id: spec.chatId,
        chat_type: spec.chatType,
        message_type: msgType,
        content,
        ...(mention
          ? {
              mentions: [
                {
                  key: '@_user_1',
                  id: { open_id: ids.botOpenId, union_id: 'on_coach', user_id: '' },
                  name: 'Coach',
                  tenant_key: TENANT,
                },
              ],
            }
          : {}),
      },
    },
    { eventId: ids.eventId, createTime: spec.createTime },
  );
}

/**
 * The request Feishu would send for `payload`: encrypted with `encryptKey` (when there is one and
 * `encrypt` is not false), and signed with `signKey` (default `encryptKey`) unless `sign` is false.
 */
export function feishuRequest(
  payload: object,
  encryptKey: string | undefined,
  o: { signKey?: string; encrypt?: boolean; sign?: boolean; timestamp?: number } = {},
): RawDelivery {
  const key = o.signKey ?? encryptKey;
  const plain = JSON.stringify(payload);
  const encrypt = o.encrypt ?? Boolean(encryptKey);
  const body = encrypt && encryptKey ? JSON.stringify({ encrypt: encryptText(plain, encryptKey) }) : plain;
  const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8' };
  if ((o.sign ?? true) && key) {
    const timestamp = String(o.timestamp ?? Math.floor(Date.now() / 1000));
    const nonce = randomBytes(8).toString('hex');
    headers['x-lark-request-timestamp'] = timestamp;
    headers['x-lark-request-nonce'] = nonce;
    headers['x-lark-signature'] = createHash('sha256')
      .update(timestamp + nonce + key + body)
      .digest('hex');
  }
  return { body, headers };
}

/** Encrypts like Feishu: AES-256-CBC, key = SHA-256(encrypt key), random IV prepended, base64. */
export function encryptText(plain: string, key: string): string {
  const iv = randomBytes(16);
  const cipher = createCipheriv('aes-256-cbc', createHash('sha256').update(key).digest(), iv);
  return Buffer.concat([iv, cipher.update(plain, 'utf8'), cipher.final()]).toString('base64');
}

/** All visible text of a sent message body: a card's strings (title, markdown, notes, buttons) or the text. */
export function flatten(body: Record<string, unknown>): string {
  let content: unknown;
  try {
    content = JSON.parse(String(body.content ?? '{}'));
  } catch {
    return '';
  }
  if (body.msg_type === 'text') return String((content as { text?: unknown }).text ?? '');
  const texts: string[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (k === 'value') continue; // button values are not shown
        if (k === 'content' && typeof x === 'string')
          texts.push(x.replace(/\*\*/g, '')); // bold marks are not seen
        else walk(x);
      }
    }
  };
  walk(content);
  return texts.join('\n');
}

/** The value of a card's button with the given Coach action, if any. */
export function cardButton(
  body: Record<string, unknown>,
  action: string,
): Record<string, unknown> | undefined {
  if (body.msg_type !== 'interactive' && typeof body.content !== 'string') return undefined;
  let found: Record<string, unknown> | undefined;
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      const value = o.value as Record<string, unknown> | undefined;
      if (o.tag === 'button' && value?.coach === action) found = value;
      else Object.values(o).forEach(walk);
    }
  };
  try {
    walk(JSON.parse(String(body.content)));
  } catch {
    return undefined;
  }
  return found;
}
