/**
 * Text as retrieval compares it: Unicode NFKC (full-width ＵＳＰ → USP), lower case, and Traditional
 * Chinese folded to Simplified (企業 → 企业, 營銷 → 营销) with OpenCC's tables, because the knowledge is
 * written in Simplified Chinese and many readers write Traditional.
 */
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

/** NFKC, lower case, Simplified Chinese. */
export function normalize(text: string): string {
  const folded = text.normalize('NFKC').toLowerCase();
  if (!CJK.test(folded)) return folded;
  // 'twp': Taiwan phrases as well as characters (軟體 → 软件).
  const convert = toSimplified ?? Converter({ from: 'twp', to: 'cn' });
  toSimplified = convert;
  return TAIWAN_TERMS.reduce((text, [re, to]) => text.replace(re, to), convert(folded));
}

/** True for a character of the CJK blocks Coach segments. */
export function isCjk(ch: string): boolean {
  return CJK.test(ch);
}
