import { PRICE_WORDS } from './lexicons.ts';
import { termList } from './regex-source.ts';
import type { Matcher, Rule } from './rule.ts';

const K = ['value-over-price', 'redefined-4p'] as const;

const PRICE_MATCHER: Matcher = {
  kind: 'text',
  terms: PRICE_WORDS,
  patterns: [
    /\d+\s?(?:%|％|percent)\s?off\b/,
    /\bsave\s+\d+\s?%\s+on\b/,
    /(?<![\d.])\d(?:\.\d)?\s?折(?!叠|射|线|腾|扣)/,
    /[一二三四五六七八九]折(?!叠|射|线|腾|扣)|半价|首月|首年免费|买[一二三\d]+送/,
    /[$€£¥]\s?\d+(?:\.\d+)?\s*(?:\/|per\s)\s*(?:user|seat|month|mo|year|yr|license|licence)\b/,
    /\b(?:starts?|starting|plans start|from|only|just)\s+(?:at\s+)?(?:just\s+)?[$€£¥]\s?\d/,
    /\d+(?:\.\d+)?\s*元(?:\/[^\s，。]{1,3})?起|低至\s*[¥￥]?\d/,
  ],
};

/** Rules for `value_not_price`: lead with value (cost saved, risk lowered), not with low price. */
export const valueNotPriceRules: readonly Rule[] = [
  {
    id: 'vp.price-words',
    dimension: 'value_not_price',
    langs: ['en', 'zh'],
    match: PRICE_MATCHER,
    effect: { delta: -1, maxHits: 3, severity: 'minor', majorAt: 2, signals: ['price'] },
    message: {
      en: 'Sells on price ({hits}); "low price" ranks last of 13 B2B brand themes, and it attracts the buyers least loyal to you.',
      zh: '在卖低价（{hits}）；“低价”在B2B的13个品牌主题里排名倒数第一，也招来最不忠诚的客户。',
    },
    suggestion: {
      en: 'Replace {hits} with the value in money or risk: "saves [X] a year", "pays back in [N] months"; keep the offer for the sales call.',
      zh: '把{hits}换成价值：“每年帮您省[X]元”“[N]个月回本”；优惠留到销售沟通时再谈。',
    },
    knowledge: K,
    invalid: ['The cheapest tool on the market, 50% off!', '全网最低价，新用户首月1折。'],
    valid: ['Cut freight audit costs by 30%.', '吨水药剂成本下降18%。'],
  },
  {
    id: 'vp.price-led',
    dimension: 'value_not_price',
    langs: ['en', 'zh'],
    scope: 'lead',
    match: PRICE_MATCHER,
    effect: { delta: -1, severity: 'major', signals: ['price-led'] },
    message: {
      en: 'Leads with price ({hits}): the first thing the buyer learns is that you are cheap, not that you are safe to choose.',
      zh: '开头就谈价格（{hits}）：客户先记住的是“便宜”，而不是“选你不会错”。',
    },
    knowledge: K,
    invalid: ['Lowest prices guaranteed on custom boxes.', '服务器租用特价促销！'],
    valid: ['Pays back in 8 months. Free trial available.', '按效果付费，不省不收费。'],
  },
  {
    id: 'vp.value-framing',
    dimension: 'value_not_price',
    langs: ['en', 'zh'],
    match: {
      kind: 'text',
      terms: termList(`
        TCO | total cost of ownership | ROI | payback | pays back | pays for itself | gain-share
        gainshare | outcome-based | pay only for results | cost per | 回收期 | 回本 | 投资回报 | 省下 | 不省不收费 | 按效果付费
        分成 | 少花 | 节省 | 节约
      `),
      patterns: [
        /\b(?:cut|cuts|reduc(?:e|es|ed)|lower(?:s|ed)?|sav(?:e|es|ed|ing)|avoid(?:s|ed)?)\s+(?:[\w'’-]+\s+){0,4}?(?:costs?|spend|charges|fees|write-offs|overtime|penalt(?:y|ies)|waste|energy|fuel|scrap|rework|risk|losses)\b/,
        /\b(?:costs?|write-offs|losses|charges|spend)\s+(?:fell|dropped|down|cut)\b/,
        /降低[^，。；]{0,6}(?:成本|风险|损耗)|(?:成本|风险|损耗)[^，。；]{0,4}(?:下降|降低)/,
      ],
    },
    effect: { delta: 1, severity: 'strength', signals: ['value-framing'] },
    message: {
      en: 'Frames value as money saved or risk lowered ({hits}), the B2B way to talk about price.',
      zh: '把价值讲成省下的钱或降低的风险（{hits}），这才是B2B谈价格的方式。',
    },
    knowledge: K,
    invalid: ['Cut dimensional-weight shipping charges by 14%.', '按节省下来的电费分成，不省不收费。'],
    valid: ['The cheapest tool on the market.', '价格全国最低。'],
  },
];
