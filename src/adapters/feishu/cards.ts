/**
 * RichReply → Feishu interactive cards (card JSON 1.0: header, `markdown` / `note` / `action` elements).
 * Feishu refuses a request body over 30 KB (code 230025), and the card travels inside it as an escaped
 * JSON string (`content`): quotes, backslashes and newlines cost twice or more. Cards are therefore
 * budgeted by the size of the request that carries them ({@link requestBytes}); long replies are split
 * into several cards, the buttons and notes on the last one. Every card is sent with `update_multi` so
 * that `im.message.patch` can update it (streaming, "thanks" after a vote).
 */
import { citationLine } from '../../core/answer/citations.ts';
import type { Button, RichReply } from '../../core/reply/types.ts';
import { plainLinks } from '../delivery/safe-text.ts';

/** A card element (the subset Coach uses). */
export type CardElement = Record<string, unknown> & { tag: string };

/** An interactive card. */
export interface Card {
  config: { update_multi: boolean };
  header: { title: { tag: 'plain_text'; content: string }; template: string };
  elements: CardElement[];
}

/** What a Coach button carries in its `value`, and gets back in the click callback. */
export interface ButtonValue {
  coach: Button['action'];
  v: string;
}

/** Feishu's limit on a card message's request body. */
export const FEISHU_MAX_REQUEST_BYTES = 30_000;

/**
 * The budget of one card's `content` (the escaped string) in a request, leaving room for the rest of the
 * body: `receive_id`, `msg_type`, `uuid`, `reply_in_thread` (a few hundred bytes).
 */
export const MAX_CONTENT_BYTES = FEISHU_MAX_REQUEST_BYTES - 1_500;

/** Bytes a card costs inside a request body: its JSON, escaped again as the `content` string. */
export function requestBytes(card: object): number {
  return Buffer.byteLength(JSON.stringify(JSON.stringify(card)));
}

/**
 * What the quotes of an escaped string cost: `"` inside becomes `\"` outside, plus the outer pair. The
 * rest of {@link escapedBytes} is a sum over the characters, so it adds up over concatenation.
 */
const QUOTES = 6;

const TEXT = {
  en: {
    sources: 'Sources',
    writing: '✍️ Writing…',
    answer: 'Coach',
    review: 'Copy review',
    help: 'Coach · Help',
  },
  zh: { sources: '来源', writing: '✍️ 正在撰写…', answer: 'Coach', review: '文案点评', help: 'Coach · 帮助' },
} as const;

/** Renders a reply as one card, or several when one would pass {@link MAX_CONTENT_BYTES} in a request. */
export function renderCards(reply: RichReply): Card[] {
  const t = TEXT[reply.lang];
  const body: CardElement[] = reply.sections.filter((s) => s.trim()).map((s) => markdown(s));
  if (reply.trend) body.push(trendChart(reply.trend));
  if (reply.citations.length > 0) {
    const list = reply.citations.map((c, i) => citationLine(c, c.n ?? i + 1, reply.lang));
    body.push({ tag: 'hr' }, markdown(`**${t.sources}**\n${list.join('\n')}`));
  }
  const tail: CardElement[] = reply.notes.map((n) => note(`ℹ️ ${n}`));
  if (reply.buttons.length > 0) tail.push(actions(reply.buttons));
  const header = headerOf(reply);
  const pieces = body.flatMap((e) => splitElement(e));
  // Running sums (card bytes are additive, see cardBytes): re-serialising the card for every piece
  // was quadratic on a reply of many short lines.
  const empty = cardBytes(header, []);
  const cards: CardElement[][] = [];
  let current: CardElement[] = [];
  let bytes = empty;
  for (const e of pieces) {
    const own = elementBytes(e);
    if (current.length > 0 && bytes + own + 1 > MAX_CONTENT_BYTES) {
      cards.push(current);
      current = [];
      bytes = empty;
    }
    bytes += own + (current.length > 0 ? 1 : 0);
    current.push(e);
  }
  const tailBytes = tail.reduce((sum, e) => sum + elementBytes(e) + 1, 0);
  if (current.length > 0 && bytes + tailBytes > MAX_CONTENT_BYTES) {
    cards.push(current);
    current = [];
  }
  current.push(...tail);
  cards.push(current);
  return cards.map((elements, i) => ({
    ...baseCard(
      cards.length > 1 ? `${header.title} (${i + 1}/${cards.length})` : header.title,
      header.template,
    ),
    elements,
  }));
}

/** The card shown while the answer is being worked out: status line, then the text so far. */
export function progressCard(lang: RichReply['lang'], status: string, textSoFar: string): Card {
  const t = TEXT[lang];
  const elements: CardElement[] = [];
  if (textSoFar.trim()) elements.push(markdown(truncateBytes(textSoFar, MAX_CONTENT_BYTES - 2_000)));
  elements.push(note(status || t.writing));
  return { ...baseCard(t.answer, 'blue'), elements };
}

/** The same card with its buttons replaced by a note (e.g. "Thanks for the feedback!"). */
export function withoutButtons(card: Card, text: string): Card {
  return { ...card, elements: [...card.elements.filter((e) => e.tag !== 'action'), note(text)] };
}

/**
 * What a card with this header and these elements costs inside a request body. The escaping is per
 * character, so the cost is additive: the card without elements, plus each element, plus the commas.
 */
export function cardBytes(header: { title: string; template: string }, elements: CardElement[]): number {
  return requestBytes({ ...baseCard(header.title, header.template), elements });
}

/** What one element adds to {@link cardBytes} (without the comma before it). */
function elementBytes(e: CardElement): number {
  return requestBytes(e) - 2;
}

function headerOf(reply: RichReply): { title: string; template: string } {
  const t = TEXT[reply.lang];
  if (reply.review) {
    const o = reply.review.overall;
    return { title: `📝 ${t.review} · ${o}/100`, template: o >= 75 ? 'green' : o >= 50 ? 'orange' : 'red' };
  }
  const title = reply.title ?? (reply.kind === 'help' ? t.help : t.answer);
  const template = { tip: 'wathet', error: 'red', history: 'indigo' }[reply.kind as string] ?? 'blue';
  return { title: title.slice(0, 200), template };
}

function baseCard(title: string, template: string): Omit<Card, 'elements'> {
  return {
    config: { update_multi: true },
    header: { title: { tag: 'plain_text', content: title }, template },
  };
}

/** The score trend as a card `chart` element (a VChart line spec), scores 0–100. */
export function trendChart(trend: NonNullable<RichReply['trend']>): CardElement {
  return {
    tag: 'chart',
    aspect_ratio: '16:9',
    chart_spec: {
      type: 'line',
      title: { text: trend.title },
      data: { values: trend.points.map((p) => ({ review: p.label, score: Math.round(p.overall) })) },
      xField: 'review',
      yField: 'score',
      point: { visible: true },
      label: { visible: true },
      axes: [{ orient: 'left', min: 0, max: 100 }],
    },
  };
}

function markdown(text: string): CardElement {
  return { tag: 'markdown', content: toLarkMarkdown(text) };
}

function note(text: string): CardElement {
  return { tag: 'note', elements: [{ tag: 'plain_text', content: text }] };
}

function actions(buttons: Button[]): CardElement {
  return {
    tag: 'action',
    actions: buttons.map((b) => ({
      tag: 'button',
      text: { tag: 'plain_text', content: b.label },
      type: b.style ?? (b.action === 'feedback_up' ? 'primary' : 'default'),
      value: { coach: b.action, v: b.value } satisfies ButtonValue,
    })),
  };
}

/**
 * Markdown → what Feishu's card `markdown` element shows: headings become bold lines, quotes get a bar,
 * `_italic_` becomes `*italic*`; `<at …>` tags are defused so that user or model text can never @all,
 * and links show their target (`label (url)`), so none can hide where it goes.
 */
export function toLarkMarkdown(text: string): string {
  return plainLinks(text)
    .replace(/<at\b/gi, '‹at')
    .replace(/^#{1,6}\s+(.+)$/gm, '**$1**')
    .replace(/^>\s?/gm, '┃ ')
    .replace(/(^|[\s(])_([^_\n]+)_(?=$|[\s.,;:!?)])/gm, '$1*$2*');
}

/** One markdown element that alone would not fit in a card → several, split at lines (or characters). */
function splitElement(e: CardElement): CardElement[] {
  const half = (MAX_CONTENT_BYTES - 2_000) / 2;
  if (e.tag !== 'markdown' || requestBytes(e) <= 2 * half) return [e];
  const chunks: string[] = [];
  let current: string[] = [];
  // escapedBytes of the lines joined so far, kept as a running sum (it is additive, see QUOTES).
  let bytes = QUOTES;
  const newline = escapedBytes('\n') - QUOTES;
  for (const line of String(e.content).split('\n')) {
    for (const part of splitBytes(line, half)) {
      const own = escapedBytes(part) - QUOTES;
      if (current.length > 0 && bytes + newline + own > half) {
        chunks.push(current.join('\n'));
        current = [];
        bytes = QUOTES;
      }
      bytes += own + (current.length > 0 ? newline : 0);
      current.push(part);
    }
  }
  if (current.length > 0) chunks.push(current.join('\n'));
  return chunks.map((content) => ({ tag: 'markdown', content }));
}

/** Bytes a string costs inside `content`: escaped twice (card JSON, then the request's JSON). */
function escapedBytes(text: string): number {
  return Buffer.byteLength(JSON.stringify(JSON.stringify(text)));
}

/** Splits a string into pieces that cost at most `max` bytes inside `content`, by code point. */
function splitBytes(text: string, max: number): string[] {
  if (escapedBytes(text) <= max) return [text];
  const out: string[] = [];
  let current = '';
  let bytes = QUOTES;
  for (const ch of text) {
    const b = charBytes(ch);
    if (bytes + b > max) {
      out.push(current);
      current = '';
      bytes = QUOTES;
    }
    current += ch;
    bytes += b;
  }
  if (current) out.push(current);
  return out;
}

/** What one character costs inside `content`: its UTF-8 bytes, or its escapes measured. */
function charBytes(ch: string): number {
  const cp = ch.codePointAt(0) ?? 0;
  if (cp < 0x20 || ch === '"' || ch === '\\' || (cp >= 0xd800 && cp < 0xe000))
    return escapedBytes(ch) - QUOTES;
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

function truncateBytes(text: string, max: number): string {
  if (escapedBytes(text) <= max) return text;
  return `${splitBytes(text, max)[0] ?? ''}…`;
}
