/**
 * Text as retrieval compares it: Unicode NFKC (full-width ＵＳＰ → USP), lower case, and Traditional
 * Chinese folded to Simplified (企業 → 企业, 營銷 → 营销) with OpenCC's tables, because the knowledge is
 * written in Simplified Chinese and many readers write Traditional.
 */
import { Converter } from 'opencc-js/t2cn';

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

let toSimplified: ((text: string) => string) | undefined;

/** NFKC, lower case, Simplified Chinese. */
export function normalize(text: string): string {
  const folded = text.normalize('NFKC').toLowerCase();
  if (!CJK.test(folded)) return folded;
  const convert = toSimplified ?? Converter({ from: 'tw', to: 'cn' });
  toSimplified = convert;
  return convert(folded);
}

/** True for a character of the CJK blocks Coach segments. */
export function isCjk(ch: string): boolean {
  return CJK.test(ch);
}
