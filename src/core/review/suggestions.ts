import { fillTemplate, severityOf } from './findings.ts';
import type { FiredRule } from './rule-engine.ts';
import { DIMENSIONS, type Dimension, type ReviewLang, WEIGHTS } from './types.ts';

/** Fallback advice per dimension when no fired rule carries a more specific suggestion. */
export const DIMENSION_SUGGESTIONS: Readonly<Record<Dimension, Record<ReviewLang, string>>> = {
  customer_value: {
    en: 'Lead with the customer\'s gain, not the product: "[target segment] get [outcome]" first, the feature that delivers it second.',
    zh: '先讲客户得到什么，再讲产品：第一句写“[目标客户]因此[得到的结果]”，第二句再写实现它的功能。',
  },
  quantified_results: {
    en: 'Put one result in numbers up front: "cut [metric] by [X%]" or "from [before] to [after]", measured at a real customer.',
    zh: '把一个数字化结果放在前面：“把[指标]降低[X%]”或“从[之前]缩短到[之后]”，数据来自真实客户。',
  },
  credibility: {
    en: 'Back the claim with proof the buyer can check: a named customer, "used by [N] [segment]", a certification, or a guarantee.',
    zh: '用客户能核实的证据支撑这句话：客户名、“[N]家[行业]客户在用”、认证，或一条保障承诺。',
  },
  category_focus: {
    en: 'Name your category and the one segment you serve best: "[category] for [target segment]"; first or only beats "better".',
    zh: '说清你的品类和最擅长的细分客群：“专为[目标行业]打造的[品类]”；做第一或唯一，胜过说“更好”。',
  },
  value_not_price: {
    en: 'Talk value, not price: what the customer saves, which risk drops, how fast it pays back.',
    zh: '讲价值，不讲低价：客户省下多少、降低了什么风险、多久回本。',
  },
  decision_maker_fit: {
    en: 'Write to the key decision maker ([CFO / IT director / plant manager]) and the risk they answer for: acceptance, after-sales, compliance.',
    zh: '写给关键决策者（[财务总监/IT负责人/厂长]），回应他要担责的风险：验收、售后、合规。',
  },
  clarity: {
    en: 'Keep it to one or two plain sentences a buyer grasps in five seconds: who it is for, what changes, the proof.',
    zh: '控制在一两句大白话，让客户五秒看懂：为谁、改变什么、凭什么信。',
  },
};

/**
 * Advice for a dimension that already scores 4 or 5: the next step from what the draft has, not the
 * basics it already shows (a draft that names its customer is not told to name one).
 */
export const NEXT_STEP_SUGGESTIONS: Readonly<Record<Dimension, Record<ReviewLang, string>>> = {
  customer_value: {
    en: "Say whose gain it is in the buyer's words: the role that feels the change, and what their week looks like after.",
    zh: '用买方的话说清是谁得益：哪个岗位感受到变化，之后他的工作变成什么样。',
  },
  quantified_results: {
    en: 'Add the time frame and the baseline to the number ("in [N] months, from [before]"), so the buyer can compare it with their own.',
    zh: '给数字补上时间和基线（“[N]个月内，从[之前]……”），让客户能拿自己的情况对照。',
  },
  credibility: {
    en: 'Add a kind of proof you do not have yet, beside the one you have: a count of customers, a certification or audit, or a customer quote signed with name and role.',
    zh: '在已有证据之外，补一种还没有的：客户数量、认证或审计，或者带姓名和职务的客户原话。',
  },
  category_focus: {
    en: 'Sharpen the label to the one segment you serve best, in the words that segment uses for itself.',
    zh: '把标签收窄到你最擅长的那个细分客群，用这个客群自己的说法。',
  },
  value_not_price: {
    en: 'Turn the outcome into money or risk the buyer answers for: how fast it pays back, which cost or exposure drops.',
    zh: '把结果换算成客户要负责的钱或风险：多久回本、哪项成本或风险降下来了。',
  },
  decision_maker_fit: {
    en: 'Name the one decision maker this answers and the risk they carry ([CFO / IT director / plant manager]: acceptance, after-sales, compliance).',
    zh: '点名这句话回应的那个决策者和他担的风险（[财务总监/IT负责人/厂长]：验收、售后、合规）。',
  },
  clarity: {
    en: 'Put the strongest fact first and cut every word the buyer does not need to act on it.',
    zh: '把最有力的事实放在最前面，删掉客户做决定用不上的字。',
  },
};

const MIN_SUGGESTIONS = 2;
const STRONG_AT = 4;
const MAX_SUGGESTIONS = 4;
const WEAK_AT_OR_BELOW = 3;

/**
 * 2–4 suggestions, weakest dimensions first (ties: heavier weight first). A fired problem rule's
 * own suggestion (which quotes the draft) is preferred to the dimension's generic advice; a dimension
 * that already scores 4 or 5, or in which the draft already shows a strength (proof, a number, a named
 * role), gets the next step instead of the basics.
 */
export function buildSuggestions(
  scores: Record<Dimension, number>,
  fired: readonly FiredRule[],
  lang: ReviewLang,
): string[] {
  const ranked = [...DIMENSIONS].sort(
    (a, b) =>
      scores[a] - scores[b] || WEIGHTS[b] - WEIGHTS[a] || DIMENSIONS.indexOf(a) - DIMENSIONS.indexOf(b),
  );
  const weak = ranked.filter((d) => scores[d] <= WEAK_AT_OR_BELOW).slice(0, MAX_SUGGESTIONS);
  const picked = weak.length >= MIN_SUGGESTIONS ? weak : ranked.slice(0, MIN_SUGGESTIONS);
  const out: string[] = [];
  for (const d of picked) {
    const specific = fired.find(
      (f) => f.rule.dimension === d && f.rule.suggestion && severityOf(f) !== 'strength',
    );
    // What the draft already shows (a named customer, a result in numbers, a named role…) is not asked
    // for again: the next step builds on it, even while the dimension is still middling.
    const shows = fired.some(
      (f) => f.rule.dimension === d && f.rule.effect.delta > 0 && severityOf(f) === 'strength',
    );
    const next =
      d === 'credibility'
        ? (proofToAdd(fired, lang) ?? NEXT_STEP_SUGGESTIONS[d][lang])
        : NEXT_STEP_SUGGESTIONS[d][lang];
    const generic = scores[d] >= STRONG_AT || shows ? next : DIMENSION_SUGGESTIONS[d][lang];
    const text = specific?.rule.suggestion ? fillTemplate(specific.rule.suggestion, specific, lang) : generic;
    if (!out.includes(text)) out.push(text);
  }
  return out;
}

/** Kinds of proof, the rules that find each, and how the next-step advice names them. */
const PROOF_KINDS: readonly { rules: readonly string[]; en: string; zh: string }[] = [
  { rules: ['cr.named-customer'], en: 'a named customer', zh: '客户名' },
  { rules: ['cr.customer-count'], en: 'a count of customers', zh: '客户数量' },
  { rules: ['cr.certification-or-audit'], en: 'a certification or audit', zh: '认证或审计' },
  {
    rules: ['cr.quote', 'cr.user-testimony', 'cr.customer-words', 'cr.unnamed-quote'],
    en: 'a customer quote signed with name and role',
    zh: '带姓名和职务的客户原话',
  },
];

/**
 * The next step for credibility, naming only the kinds of proof the draft lacks ("500 家" already is a
 * count of customers, so it is not suggested again); null when it has them all.
 */
function proofToAdd(fired: readonly FiredRule[], lang: ReviewLang): string | null {
  const has = new Set(fired.map((f) => f.rule.id));
  const missing = PROOF_KINDS.filter((k) => !k.rules.some((r) => has.has(r))).map((k) => k[lang]);
  if (missing.length === 0) return null;
  if (lang === 'zh') {
    const list =
      missing.length === 1 ? missing[0] : `${missing.slice(0, -1).join('、')}，或者${missing.at(-1)}`;
    return `在已有证据之外，补一种还没有的：${list}。`;
  }
  const list = missing.length === 1 ? missing[0] : `${missing.slice(0, -1).join(', ')} or ${missing.at(-1)}`;
  return `Add a kind of proof you do not have yet, beside the one you have: ${list}.`;
}
