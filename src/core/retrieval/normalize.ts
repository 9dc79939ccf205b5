/**
 * Text as retrieval compares it: Unicode NFKC (full-width ＵＳＰ → USP), lower case, and Traditional
 * Chinese folded to Simplified (企業 → 企业, 營銷 → 营销) with OpenCC's tables, because the knowledge is
 * written in Simplified Chinese and many readers write Traditional. The review uses the same tables
 * to read a Traditional draft and to answer it in Traditional.
 */
import { createRequire } from 'node:module';
import { Converter } from 'opencc-js/t2cn';

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

let toSimplified: ((text: string) => string) | undefined;

/**
 * Taiwan's words for marketing ideas that OpenCC's phrase table leaves as they are (it converts
 * 軟體 → 软件 and 資訊 → 信息, not 行銷 → 营销), so that a question from Taipei finds the same entries.
 */
const TAIWAN_TERMS: readonly [RegExp, string][] = [
  [/行销/g, '营销'],
  [/部落客/g, '博主'],
  [/客制化/g, '定制化'],
  [/营收/g, '营业收入'],
];

let charsToSimplified: ((text: string) => string) | undefined;

/**
 * Traditional Chinese characters folded to Simplified (門店 → 门店, 縮短 → 缩短), character by character
 * and nothing else (a Simplified 智慧 stays 智慧), for the review's rules, which are written in
 * Simplified Chinese. A text with no Traditional character comes back as it is: 著 alone does not make
 * a text Traditional (显著 is Simplified too).
 */
export function foldTraditional(text: string): string {
  if (!CJK.test(text)) return text;
  const convert = charsToSimplified ?? Converter({ from: 'tw', to: 'cn' });
  charsToSimplified = convert;
  const folded = convert(text);
  if (folded.length !== text.length) return folded;
  for (let i = 0; i < text.length; i++) if (folded[i] !== text[i] && text[i] !== '著') return folded;
  return text;
}

/** OpenCC Taiwan → mainland, phrases as well as characters (軟體 → 软件). */
function simplify(text: string): string {
  const convert = toSimplified ?? Converter({ from: 'twp', to: 'cn' });
  toSimplified = convert;
  return convert(text);
}

let toTraditional: ((text: string) => string) | undefined;

/** Simplified Chinese back to Traditional (Taiwan characters, no phrase swaps): a review of a Traditional draft. */
export function toTaiwanTraditional(text: string): string {
  if (!CJK.test(text)) return text;
  // Loaded on the first Traditional draft only: its table is ten times the size of the other way's,
  // and most processes (and every worker thread) never need it.
  const convert =
    toTraditional ??
    (createRequire(import.meta.url)('opencc-js/cn2t') as typeof import('opencc-js/cn2t')).Converter({
      from: 'cn',
      to: 'tw',
    });
  toTraditional = convert;
  return convert(text);
}

/** NFKC, lower case, Simplified Chinese. */
export function normalize(text: string): string {
  const folded = text.normalize('NFKC').toLowerCase();
  if (!CJK.test(folded)) return folded;
  return TAIWAN_TERMS.reduce((text, [re, to]) => text.replace(re, to), simplify(folded));
}

/** True for a character of the CJK blocks Coach segments. */
export function isCjk(ch: string): boolean {
  return CJK.test(ch);
}
