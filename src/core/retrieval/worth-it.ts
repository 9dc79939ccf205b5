/**
 * Questions that ask whether something is worth doing at all: "is LinkedIn advertising worth it for
 * us?", "does TV advertising work for B2B?", "老板想投央视广告，有用吗？", "值不值得做". When what they
 * ask about is outside the knowledge (buying TV media), the knowledge still has a view on the "worth
 * it" (what advertising buys in B2B), so such a question is partly covered (see `Concept.worthIt`).
 */
const WORTH_IT_EN = [
  /\bworth (?:it|the (?:money|spend|cost|investment|effort)|doing|trying|investing|spending)\b/i,
  /\b(?:does|do|did|will|would|can) (?:it|that|this|they) (?:really )?(?:work|help|pay off)\b/i,
  /\b(?:advertising|ads|campaigns?|sponsorships?|billboards?|commercials?) (?:really )?(?:work|help|pays? off)\b/i,
  /\b(?:good idea|make sense|makes sense|waste of (?:money|time|budget)|help us (?:sell|win|grow))\b/i,
  /\bshould (?:we|i|a b2b company|b2b companies) (?:spend|invest|bother|advertise)\b/i,
  /\bis (?:that|this|it) (?:how|the way) (?:we|you) (?:win|get|grow|build|reach)\b/i,
];
const WORTH_IT_ZH =
  /有用吗|有没有用|有用不|有效吗|有没有效果|管用吗|管不管用|值得吗|值不值|值得投|值得做|划算吗|靠谱吗|效果好吗|效果怎么样|能带来客户吗|能带来订单吗|浪费钱|白花钱/;

/** True when the question asks whether something is worth doing. */
export function asksWorthIt(question: string): boolean {
  return WORTH_IT_ZH.test(question) || WORTH_IT_EN.some((re) => re.test(question));
}
