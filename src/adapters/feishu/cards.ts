/**
 * RichReply → Feishu interactive cards (card JSON 1.0: header, `markdown` / `note` / `action` elements).
 * A card's JSON must stay under 30 KB: long replies are split into several cards, the buttons and
 * notes on the last one. Every card is sent with `update_multi` so that `im.message.patch` can update it
 * (streaming, "thanks" after a vote).
 */
import type { Button, RichReply } from '../../core/chat/types.ts';

/** A card element (the subset Coach uses). */
export type CardElement = Record<string, unknown> & { tag: string };

/** An interactive card. */
export interface Card {
  config: { wide_screen_mode: boolean; update_multi: boolean };
  header: { title: { tag: 'plain_text'; content: string }; template: string };
  elements: CardElement[];
}

/** What a Coach button carries in its `value`, and gets back in the click callback. */
export interface ButtonValue {
  coach: Button['action'];
  v: string;
}

/** Cards are limited to 30 KB; stay clear of it (the limit counts the JSON as Feishu stores it). */
export const MAX_CARD_BYTES = 28_000;

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

/** Renders a reply as one card, or several when it would pass {@link MAX_CARD_BYTES}. */
export function renderCards(reply: RichReply): Card[] {
  const t = TEXT[reply.lang];
  const body: CardElement[] = reply.sections.filter((s) => s.trim()).map((s) => markdown(s));
  if (reply.citations.length > 0) {
    const list = reply.citations.map((c, i) => `[${c.n ?? i + 1}] ${c.title} (${c.id}) — ${c.source}`);
    body.push({ tag: 'hr' }, markdown(`**${t.sources}**\n${list.join('\n')}`));
  }
  const tail: CardElement[] = reply.notes.map((n) => note(`ℹ️ ${n}`));
  if (reply.buttons.length > 0) tail.push(actions(reply.buttons));
  const header = headerOf(reply);
  const pieces = body.flatMap((e) => splitElement(e));
  const cards: CardElement[][] = [];
  let current: CardElement[] = [];
  for (const e of pieces) {
    if (current.length > 0 && cardBytes(header, [...current, e]) > MAX_CARD_BYTES) {
      cards.push(current);
      current = [];
    }
    current.push(e);
  }
  if (current.length > 0 && cardBytes(header, [...current, ...tail]) > MAX_CARD_BYTES) {
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
  if (textSoFar.trim()) elements.push(markdown(truncateBytes(textSoFar, MAX_CARD_BYTES - 2_000)));
  elements.push(note(status || t.writing));
  return { ...baseCard(t.answer, 'blue'), elements };
}

/** The same card with its buttons replaced by a note (e.g. "Thanks for the feedback!"). */
export function withoutButtons(card: Card, text: string): Card {
  return { ...card, elements: [...card.elements.filter((e) => e.tag !== 'action'), note(text)] };
}

/** Size of a card's JSON in bytes. */
export function cardBytes(header: { title: string; template: string }, elements: CardElement[]): number {
  return Buffer.byteLength(JSON.stringify({ ...baseCard(header.title, header.template), elements }));
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
    config: { wide_screen_mode: true, update_multi: true },
    header: { title: { tag: 'plain_text', content: title }, template },
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
 * `_italic_` becomes `*italic*`, and `<at …>` tags are defused so that model output can never @all.
 */
export function toLarkMarkdown(text: string): string {
  return text
    .replace(/<at\b/gi, '‹at')
    .replace(/^#{1,6}\s+(.+)$/gm, '**$1**')
    .replace(/^>\s?/gm, '┃ ')
    .replace(/(^|[\s(])_([^_\n]+)_(?=$|[\s.,;:!?)])/gm, '$1*$2*');
}

/** One markdown element that alone would not fit in a card → several, split at lines (or characters). */
function splitElement(e: CardElement): CardElement[] {
  const limit = MAX_CARD_BYTES - 1_000;
  if (e.tag !== 'markdown' || Buffer.byteLength(JSON.stringify(e)) <= limit) return [e];
  const chunks: string[] = [];
  let current = '';
  for (const line of String(e.content).split('\n')) {
    for (const part of splitBytes(line, limit / 2)) {
      const next = current ? `${current}\n${part}` : part;
      if (Buffer.byteLength(JSON.stringify(next)) > limit / 2 && current) {
        chunks.push(current);
        current = part;
      } else current = next;
    }
  }
  if (current) chunks.push(current);
  return chunks.map((content) => ({ tag: 'markdown', content }));
}

/** Splits a string into pieces whose JSON is at most `max` bytes, by code point. */
function splitBytes(text: string, max: number): string[] {
  if (Buffer.byteLength(JSON.stringify(text)) <= max) return [text];
  const out: string[] = [];
  let current = '';
  let bytes = 2;
  for (const ch of text) {
    const b = Buffer.byteLength(JSON.stringify(ch)) - 2;
    if (bytes + b > max) {
      out.push(current);
      current = '';
      bytes = 2;
    }
    current += ch;
    bytes += b;
  }
  if (current) out.push(current);
  return out;
}

function truncateBytes(text: string, max: number): string {
  if (Buffer.byteLength(text) <= max) return text;
  return `${splitBytes(text, max)[0] ?? ''}…`;
}
