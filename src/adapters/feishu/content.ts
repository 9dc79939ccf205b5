/**
 * Message `content` (a JSON string inside the event's JSON) → plain text. Text and rich `post` messages
 * are read; anything else (image, file, audio, sticker…) is "not text". Mention placeholders
 * (`@_user_1`) of the bot are removed; other people's become `@Name`.
 */
import { z } from 'zod';
import { capText, MAX_INBOUND_CHARS, tidySpaces } from '../../core/text-limits.ts';

/** A mention as listed in `message.mentions`. */
export interface Mention {
  key: string;
  name?: string;
  openId?: string;
}

const textContent = z.object({ text: z.string() });

const postNode = z.looseObject({
  tag: z.string(),
  text: z.string().optional(),
  user_id: z.string().optional(),
  user_name: z.string().optional(),
  emoji_type: z.string().optional(),
});
const postBody = z.object({
  title: z.string().nullish(),
  content: z.array(z.array(postNode)).default([]),
});

/**
 * The text of a `text` or `post` message, with mentions resolved; undefined for other message types
 * or a content that cannot be read.
 */
export function messageText(
  msgType: string,
  content: string,
  mentions: Mention[],
  botOpenId?: string,
): string | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(content);
  } catch {
    return undefined; // not JSON: the caller treats the message as unreadable
  }
  if (msgType === 'text') {
    const parsed = textContent.safeParse(raw);
    // Capped before any pattern reads it: a 150,000-character message costs no more than a short one.
    return parsed.success
      ? resolveMentions(capText(parsed.data.text, MAX_INBOUND_CHARS), mentions, botOpenId)
      : undefined;
  }
  if (msgType === 'post') {
    const body = postOf(raw);
    if (!body) return undefined;
    const lines = body.content.map((line) =>
      line.map((node) => nodeText(node, mentions, botOpenId)).join(''),
    );
    const text = [body.title ?? '', ...lines].filter((l) => l.trim() !== '').join('\n');
    return resolveMentions(capText(text, MAX_INBOUND_CHARS), mentions, botOpenId);
  }
  return undefined;
}

/** A post is either `{title, content}` or wrapped in a locale (`{"zh_cn": {title, content}}`). */
function postOf(raw: unknown): z.infer<typeof postBody> | undefined {
  const direct = postBody.safeParse(raw);
  if (direct.success && direct.data.content.length > 0) return direct.data;
  if (raw && typeof raw === 'object') {
    for (const value of Object.values(raw)) {
      const localised = postBody.safeParse(value);
      if (localised.success && localised.data.content.length > 0) return localised.data;
    }
  }
  return direct.success ? direct.data : undefined;
}

function nodeText(node: z.infer<typeof postNode>, mentions: Mention[], botOpenId?: string): string {
  switch (node.tag) {
    case 'text':
    case 'a':
    case 'md':
    case 'code_block':
      return node.text ?? '';
    case 'at': {
      // In received posts `user_id` is the placeholder key (`@_user_1`); resolve it like a text mention.
      const key = node.user_id ?? '';
      if (key.startsWith('@_')) return ` ${key} `;
      const m = mentions.find((x) => x.openId === key);
      if (m && botOpenId && m.openId === botOpenId) return ' ';
      return node.user_name ? ` @${node.user_name} ` : ' ';
    }
    case 'emotion':
      return node.emoji_type ? `:${node.emoji_type}:` : '';
    default:
      return ''; // img, media, hr: nothing to read
  }
}

/** Removes the bot's placeholders, names the others, drops unknown placeholders and tidies spaces. */
export function resolveMentions(text: string, mentions: Mention[], botOpenId?: string): string {
  const cleaned = text
    .replace(/@_(?:user|all)_?\d*/g, (key) => {
      const m = mentions.find((x) => x.key === key);
      if (!m || m.openId === botOpenId || !m.name) return ' ';
      return `@${m.name}`;
    })
    .replace(/<at\b[^<>]*>[^<]*<\/at>/g, ' ');
  return tidySpaces(cleaned).trim();
}

/** A polite answer to a message Coach cannot read (image, file, voice, sticker…). */
export const TEXT_ONLY_REPLY =
  'I can only read text for now: please type your question, or paste the copy after `review`.\n' +
  '我目前只能读文字：请直接输入问题，或在“点评”后粘贴文案。';
