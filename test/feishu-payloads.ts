/** How Feishu builds request bodies (encryption), and how tests read what the bot sent (cards → text). */
import { createCipheriv, createHash, randomBytes } from 'node:crypto';

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
