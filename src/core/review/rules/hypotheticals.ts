import { splitSentences } from '../text-measure.ts';
import { compile } from './regex-source.ts';

/**
 * A condition or a supposition runs from its word to the end of its clause: "if your volume doubled
 * tomorrow", "imagine closing the books in 2 days", "you would have to increase revenue by $2.94",
 * "如果订单量翻倍". What it says did not happen.
 */
const SUPPOSED_EN =
  /\b(?:if|unless|imagine|imagining|suppose|supposing|picture this|what if|you would have to|you would need to|you['’]d have to|you['’]d need to)\b[^,;:.!?\n]*/gi;
const SUPPOSED_ZH = /(?:如果|假如|假设|假若|要是|倘若|若是|如若|万一|一旦|设想)[^，。；：！？,;:!?\n]*/g;
/**
 * The seller's own figures (its revenue, funding, headcount, customer count) run to the end of their
 * clause: "We grew ARR 300% last year", "our revenue doubled", "公司营收同比增长 45%". They measure the
 * seller's business, not a result a customer got ("We cut our customers' close time by 40%" stays).
 */
const SELLER_METRIC_EN = `(?:ARR|MRR|revenues?|headcount|valuation|bookings|customer base|customer count|user base|team size|sales|funding)`;
const SELLER_FIGURES_EN = compile(
  String.raw`\b(?:[Oo]ur\s(?:own\s|company's\s|annual\s|recurring\s)?${SELLER_METRIC_EN}|[Ww]e(?:\s(?:have|'ve|’ve))?\s(?:grew|grown|doubled|tripled|raised|reached|crossed|passed|hit)\s(?:our\s)?(?:${SELLER_METRIC_EN}|\$\s?\d[\d.,]*\s?[MBK]?\s(?:in\s)?(?:ARR|funding|Series))\b)[^,;:.!?\n]*`,
  'g',
);
const SELLER_FIGURES_ZH =
  /(?:我们|我司|本公司|公司)(?:的|自身的|自身)?(?:营收|年营收|收入|销售额|ARR|估值|融资|客户数量?|用户数|员工(?:人数)?|团队规模|业绩)[^，。；：！？,;:!?\n]*/g;

/**
 * A question to the reader: it asks, it reports nothing ("Would your team cope?", "你的系统还能扛住吗？").
 * Not a case title asked as a question ("How did Acme cut its close by 40%?").
 */
const QUESTION_END = /[?？][”"’')）」』]*$/;
const TO_THE_READER = /\b(?:you|your|yours)\b|[你您]/i;

/**
 * The copy with its questions to the reader, its conditional clauses and the seller's own figures left
 * out, for the rules that credit results:
 * "If your ticket volume doubled tomorrow, would your team cope?" reports no result; "Close fell from
 * 10 days to 2, even if volumes double" keeps its result. Linear: one pass per sentence, each regex
 * with a single bounded character class.
 */
export function withoutSuppositions(copy: string): string {
  // Each sentence is edited where it stands, so the line breaks between them stay (a hit never reads
  // across two lines as one figure: "年省成本\n86%员工查询效率提升" is not "年省成本 86%").
  let out = '';
  let at = 0;
  for (const sentence of splitSentences(copy)) {
    const start = copy.indexOf(sentence, at);
    if (start < 0) continue;
    out += copy.slice(at, start);
    at = start + sentence.length;
    if (QUESTION_END.test(sentence) && TO_THE_READER.test(sentence)) continue;
    out += sentence
      .replace(SUPPOSED_EN, ' ')
      .replace(SUPPOSED_ZH, '')
      .replace(SELLER_FIGURES_EN, ' ')
      .replace(SELLER_FIGURES_ZH, '');
  }
  return out + copy.slice(at);
}
