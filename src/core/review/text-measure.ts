import type { ReviewLang } from './types.ts';

const LATIN_WORD = /[A-Za-z0-9][A-Za-z0-9'’.,%-]*/g;

function countHan(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff)) n++;
  }
  return n;
}

function countLatinWords(text: string): number {
  return text.match(LATIN_WORD)?.length ?? 0;
}

/** Chinese sentence punctuation: an English draft that names a Chinese customer rarely has it. */
const ZH_SENTENCE_MARK = /[，。；：！？]/;

/**
 * The draft's language: `zh` when Chinese characters dominate (at least as many Han characters as
 * Latin words, since one Han character carries about a word), or when the sentences are Chinese
 * (Chinese punctuation, a few Han characters) and merely full of product names and acronyms
 * ("AIOps for K8s：基于 LLM 的 RCA…"), with at least half as many Han characters as Latin words; else `en`.
 */
export function detectLang(text: string): ReviewLang {
  const han = countHan(text);
  if (han === 0) return 'en';
  const words = countLatinWords(text);
  if (han >= words) return 'zh';
  return han >= 4 && han * 2 >= words && ZH_SENTENCE_MARK.test(text) ? 'zh' : 'en';
}

/**
 * Length in the unit a reader feels: words for English, Han characters plus Latin words for
 * Chinese (so "ISO 27001" inside a Chinese draft counts as two units, not nine).
 */
export function measureLength(text: string, lang: ReviewLang): number {
  const words = countLatinWords(text);
  return lang === 'zh' ? countHan(text) + words : words;
}

const HARD_END = new Set(['。', '！', '？', '!', '?', '；', ';', '\n', '…']);
const CLOSERS = new Set(['"', '”', '’', "'", '）', ')', '」', '』']);

/**
 * Splits text into trimmed sentences, keeping each sentence's end mark. A period ends a sentence
 * only before whitespace or the end, so "99.9%" and "St. Luke's"-style abbreviations mid-token survive.
 * With `bold`, Markdown bold marks are tracked: one right after the end goes with the sentence when it
 * closes a bold span ("…组织？**") and with the next one when it opens one ("。**4T 模型**就是…").
 */
export function splitSentences(text: string, opts: { bold?: boolean } = {}): string[] {
  const out: string[] = [];
  let start = 0;
  let inBold = false;
  for (let i = 0; i < text.length; i++) {
    if (opts.bold && text.startsWith('**', i)) {
      inBold = !inBold;
      i++;
      continue;
    }
    const ch = text[i] as string;
    const next = text[i + 1];
    const ends = HARD_END.has(ch) || (ch === '.' && (next === undefined || /\s/.test(next)));
    if (!ends || (ch === '.' && abbreviationAt(text, i))) continue;
    let end = i + 1;
    while (end < text.length && (HARD_END.has(text[end] as string) || CLOSERS.has(text[end] as string)))
      end++;
    if (inBold && text.startsWith('**', end)) {
      end += 2;
      inBold = false;
    }
    push(out, text.slice(start, end));
    start = end;
    i = end - 1;
  }
  push(out, text.slice(start));
  return out;
}

/** Titles and short forms whose full stop does not end a sentence ("Dr. Park", "vs. QuickBooks", "U.S."). */
const ABBREVIATIONS = new Set(
  'dr mr mrs ms prof st jr sr vs avg approx est e.g i.e u.s u.k u.s.a fig cf'.split(' '),
);

/**
 * True when the full stop at `i` closes an abbreviation rather than a sentence: a known short form
 * ("(avg. across 300 customers)"), or a short capitalised word when the text goes on in lower case
 * ("Acme Inc. helps…"); "…a 10x increase. we are running…" is still two sentences.
 */
function abbreviationAt(text: string, i: number): boolean {
  const word = /(?:^|[\s(“"])([A-Za-z.]{1,5})$/.exec(text.slice(Math.max(0, i - 6), i))?.[1];
  if (!word) return false;
  if (ABBREVIATIONS.has(word.toLowerCase())) return true;
  // "Acme Inc. helps…", "Globex Ltd. to close": a short capitalised word, and the text goes on in lower case.
  // Not a brand written in lower case ("…on AWS. iPad apps included").
  const after = /^\s+([a-z])([A-Za-z]?)/.exec(text.slice(i + 1, i + 5));
  return /^[A-Z]/.test(word) && after !== null && !/[A-Z]/.test(after[2] as string);
}

function push(out: string[], piece: string): void {
  const trimmed = piece.trim();
  if (trimmed) out.push(trimmed);
}
