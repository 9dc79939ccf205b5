/**
 * Splits a document into passages along its own headings: each passage holds the text under one heading
 * path (`Case studies › Acme › Results`), a few hundred words at most, and links to the place it starts
 * (the heading's anchor, or the block's own anchor when a long section continues in a second passage).
 */
import { createHash } from 'node:crypto';
import { isCjk } from '../retrieval/normalize.ts';
import type { DocBlock, NewPassage } from './types.ts';

/** A passage is closed once it holds this many words… */
export const TARGET_WORDS = 220;
/** …and a single block longer than this is cut at sentence ends. */
export const MAX_WORDS = 350;
/** Longest passage text kept, in characters, whatever its words (a table dump, a run of symbols). */
const MAX_CHARS = 4_000;

/** Words of a text: Latin words, plus Chinese characters at two a word. */
export function wordCount(text: string): number {
  let latin = 0;
  let cjk = 0;
  let inWord = false;
  for (const ch of text) {
    if (isCjk(ch)) {
      cjk += 1;
      inWord = false;
    } else if (/[\p{L}\p{N}]/u.test(ch)) {
      if (!inWord) latin += 1;
      inWord = true;
    } else inWord = false;
  }
  return latin + Math.ceil(cjk / 2);
}

/** The passages of a document whose citations point at `link` (a path or URL without anchor). */
export function splitPassages(blocks: DocBlock[], link: string): NewPassage[] {
  const out: NewPassage[] = [];
  const path: { level: number; text: string }[] = [];
  /** The anchor of the heading above, and of the passage being filled. */
  let headingAnchor: string | undefined;
  let anchor: string | undefined;
  /** No passage was started since the last heading: the next one links to the heading. */
  let fresh = true;
  let parts: string[] = [];
  let words = 0;
  const flush = () => {
    const text = parts.join('\n\n').trim();
    if (text) {
      const heading = path.map((h) => h.text).join(' › ');
      out.push({
        seq: out.length,
        heading,
        link: anchor ? `${link}#${anchor}` : link,
        text,
        hash: createHash('sha256').update(`${heading}\n${text}`).digest('hex'),
      });
    }
    parts = [];
    words = 0;
  };
  for (const block of blocks) {
    if (block.heading) {
      flush();
      while (path.length > 0 && (path.at(-1)?.level ?? 0) >= block.heading) path.pop();
      path.push({ level: block.heading, text: block.text.replace(/\s+/g, ' ').slice(0, 200) });
      headingAnchor = block.anchor;
      fresh = true;
      continue;
    }
    for (const piece of pieces(block.text)) {
      const n = wordCount(piece);
      if (words > 0 && words + n > TARGET_WORDS) flush();
      if (parts.length === 0) {
        // A section's first passage lands on its heading; a continuation on its own first block.
        anchor = fresh ? (headingAnchor ?? block.anchor) : (block.anchor ?? headingAnchor);
        fresh = false;
      }
      parts.push(piece);
      words += n;
    }
  }
  flush();
  return out;
}

/** A block as pieces of at most {@link MAX_WORDS} words, cut at sentence ends (or anywhere, as a last resort). */
function pieces(text: string): string[] {
  const clean = text.trim();
  if (!clean) return [];
  if (wordCount(clean) <= MAX_WORDS && clean.length <= MAX_CHARS) return [clean];
  const out: string[] = [];
  let current = '';
  for (const sentence of sentences(clean)) {
    if (
      current &&
      (wordCount(current) + wordCount(sentence) > MAX_WORDS || current.length + sentence.length > MAX_CHARS)
    ) {
      out.push(current.trim());
      current = '';
    }
    current += sentence;
    while (current.length > MAX_CHARS) {
      out.push(current.slice(0, MAX_CHARS));
      current = current.slice(MAX_CHARS);
    }
  }
  if (current.trim()) out.push(current.trim());
  return out;
}

/** Sentences with their closing punctuation and the space after it (a linear scan). */
function sentences(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? '';
    const end = '。！？；'.includes(ch) || ('.!?'.includes(ch) && /\s/.test(text[i + 1] ?? ' '));
    if (end || ch === '\n') {
      out.push(text.slice(start, i + 1));
      start = i + 1;
    }
  }
  if (start < text.length) out.push(text.slice(start));
  return out;
}
