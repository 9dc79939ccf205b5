import { splitSentences } from '../text-measure.ts';

/**
 * A condition or a supposition runs from its word to the end of its clause: "if your volume doubled
 * tomorrow", "imagine closing the books in 2 days", "如果订单量翻倍". What it says did not happen.
 */
const SUPPOSED_EN =
  /\b(?:if|unless|imagine|imagining|suppose|supposing|picture this|what if)\b[^,;:.!?\n]*/gi;
const SUPPOSED_ZH = /(?:如果|假如|假设|假若|要是|倘若|若是|如若|万一|一旦|设想)[^，。；：！？,;:!?\n]*/g;
/**
 * A question to the reader: it asks, it reports nothing ("Would your team cope?", "你的系统还能扛住吗？").
 * Not a case title asked as a question ("How did Acme cut its close by 40%?").
 */
const QUESTION_END = /[?？][”"’')）」』]*$/;
const TO_THE_READER = /\b(?:you|your|yours)\b|[你您]/i;

/**
 * The copy with its questions to the reader and its conditional clauses left out, for the rules that credit results:
 * "If your ticket volume doubled tomorrow, would your team cope?" reports no result; "Close fell from
 * 10 days to 2, even if volumes double" keeps its result. Linear: one pass per sentence, each regex
 * with a single bounded character class.
 */
export function withoutSuppositions(copy: string): string {
  return splitSentences(copy)
    .filter((sentence) => !(QUESTION_END.test(sentence) && TO_THE_READER.test(sentence)))
    .map((sentence) => sentence.replace(SUPPOSED_EN, ' ').replace(SUPPOSED_ZH, ''))
    .join(' ');
}
