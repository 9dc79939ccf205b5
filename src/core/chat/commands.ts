import { isTimeZone } from '../tips/local-time.ts';

/** A parsed chat command. Plain text is a question. */
export type Command =
  | { name: 'ask'; text: string }
  | { name: 'review'; text: string }
  | { name: 'tip' }
  | { name: 'tips_on'; time?: string; timezone?: string }
  | { name: 'tips_off' }
  | { name: 'history' }
  | { name: 'help'; unknown?: string }
  | { name: 'invalid'; message: string };

/** Command words, English and Chinese, with or without a leading slash. */
const WORDS: Record<string, 'ask' | 'review' | 'tip' | 'tips' | 'history' | 'help'> = {
  ask: 'ask',
  问: 'ask',
  提问: 'ask',
  review: 'review',
  critique: 'review',
  点评: 'review',
  评审: 'review',
  审稿: 'review',
  tip: 'tip',
  每日一招: 'tip',
  技巧: 'tip',
  tips: 'tips',
  每日: 'tips',
  history: 'history',
  历史: 'history',
  记录: 'history',
  help: 'help',
  帮助: 'help',
  '?': 'help',
};

const ON = new Set(['on', '开', '开启', '订阅']);
const OFF = new Set(['off', '关', '关闭', '退订', '取消']);

/**
 * Parses a message into a command. A known word (optionally after `/`) starts a command; any
 * other `/word` is unknown (→ help); everything else is a question.
 */
export function parseCommand(input: string): Command {
  const text = input.trim();
  const match = /^\/?([^\s/:：]+)[:：]?(?:\s+([\s\S]*))?$/.exec(text);
  const word = match?.[1]?.toLowerCase();
  const rest = (match?.[2] ?? '').trim();
  const kind = word ? WORDS[word] : undefined;
  if (!kind) {
    if (text.startsWith('/')) return { name: 'help', unknown: text.split(/\s/)[0] };
    return { name: 'ask', text };
  }
  // "review" alone at the start of a sentence is a command only with a slash or with copy after it.
  switch (kind) {
    case 'ask':
      return rest ? { name: 'ask', text: rest } : { name: 'help' };
    case 'review':
      return { name: 'review', text: rest };
    case 'tip':
      return rest && !text.startsWith('/') ? { name: 'ask', text } : { name: 'tip' };
    case 'tips':
      return parseTips(rest);
    case 'history':
      return rest && !text.startsWith('/') ? { name: 'ask', text } : { name: 'history' };
    case 'help':
      return rest && !text.startsWith('/') ? { name: 'ask', text } : { name: 'help' };
  }
}

function parseTips(rest: string): Command {
  const [first, ...args] = rest.split(/\s+/).filter(Boolean);
  const sw = first?.toLowerCase();
  if (sw && OFF.has(sw)) return { name: 'tips_off' };
  if (!sw || !ON.has(sw)) return { name: 'invalid', message: 'tips_usage' };
  let time: string | undefined;
  let timezone: string | undefined;
  for (const arg of args) {
    const t = /^(\d{1,2})[:：](\d{2})$/.exec(arg);
    if (t) {
      const h = Number(t[1]);
      const m = Number(t[2]);
      if (h > 23 || m > 59) return { name: 'invalid', message: 'tips_time' };
      time = `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
    } else if (isTimeZone(arg)) timezone = arg;
    else return { name: 'invalid', message: 'tips_usage' };
  }
  return { name: 'tips_on', time, timezone };
}
