import { PRICE_WORDS, TERMS_WORDS } from './lexicons.ts';
import { termList } from './regex-source.ts';
import type { Matcher, Rule } from './rule.ts';

const K = ['value-over-price', 'redefined-4p'] as const;

const PRICE_PATTERNS: readonly RegExp[] = [
  /(?<![\d.])\d[\d.]*\s?(?:%|％|percent)\s?off\b/,
  /\bsave\s\d{1,3}\s?%\son\b/,
  /(?<![\d.])\d(?:\.\d)?\s?折(?!叠|射|线|腾|扣)/,
  // 首月 as an offer ("首月免费", "首月 1 折"), not the first month of a result ("首月数据显示").
  /[一二三四五六七八九]折(?!叠|射|线|腾|扣)|半价|首月(?=免费|仅需|只需|只要|低至|特价|优惠|半价|\s?\d{1,4}\s?元|\s?[\d一二三四五六七八九]\s?折)|首年免费|买[一二三\d]送/,
  // A price per unit of time or use, not a saving of as much ("cost savings of over $500,000 per year").
  /(?<!\b(?:savings?|saved|saves|save|cut|cuts|reduced|reduces|lowered|lowers)\s(?:of\s)?(?:over\s|more than\s|nearly\s|about\s|up to\s|roughly\s|almost\s)?)[$€£¥]\s?\d[\d.,]*\s?(?:\/|per )\s?(?:user|seat|month|mo|year|yr|license|licence)\b/,
  // Not an amount that then changes: "From $2 Million Loss to 25% Profit Surge" is a before → after.
  /\b(?:starts?|starting|plans start|from|only|just)\s(?:at\s)?(?:just\s)?[$€£¥]\s?\d(?![\d.,]{0,12}\s?(?:[KkMmBb]|[Mm]illion|[Bb]illion|[Tt]housand)?\s[A-Za-z]{2,20}\s[Tt]o\s)/,
  // "低至 99 元" is a price; "响应时间降低至1/6" is a result.
  /(?<![\d.])\d[\d.]*\s?元\/?[^\s，。]{0,3}?起|(?<!降)低至\s?[¥￥]?\d/,
  /价格(?:只有|仅为|仅|只要|不到|低于)|欢迎[^，。！]{0,6}询价|来电询价/,
  // The price set against other vendors': "half the price", "save 40% vs. the big CRM vendors".
  /\b(?:half|a third|a quarter|a fraction)\sof\sthe\s(?:price|cost)\b|\bhalf\sthe\s(?:price|cost)\b/,
  /\bsave\s\d{1,3}\s?%\s(?:vs\.?|versus|compared to|compared with)\s/i,
];

const PRICE_MATCHER: Matcher = { kind: 'text', terms: PRICE_WORDS, patterns: PRICE_PATTERNS };

/**
 * Billing as the seller's terms ("before any billing takes place", "two billing options"), not as what
 * the product does ("usage-based billing processes", "customer billing", "Stripe Billing"): case matters
 * (a capitalised word before it names a product), so it is scanned apart from the other terms.
 */
const BILLING_TERMS =
  /(?<!\b(?:[A-Z][\w&-]*|[Aa]utomated|[Aa]utomating|[Aa]utomation of|[Cc]ustomer|[Uu]sage-based|[Rr]ecurring|[Ss]ubscription|[Ii]nvoice|and)\s)\b[Bb]illing\b(?!\s(?:process|processes|software|platform|system|systems|automation|engine|data|errors?|workflows?|operations|teams?|issues?|accuracy|cycles?)\b)|\b[Bb]illing\s(?:policy|options?|terms)\b/g;

/** "Free" or payment terms as the message: "free to get started", "sign up fee", "先试用，满意后再付款". */
const TERMS_MATCHER: Matcher = {
  kind: 'text',
  terms: TERMS_WORDS,
  patterns: [
    // "is free", "free." — but not "ZooKeeper® free" / "JVM free" (without X) nor "free of bugs".
    /\b(?:is|are)\s(?:completely\s|totally\s|always\s)?free\b|(?<![A-Z®™]\s)\bfree(?=[.!]|\s(?:for|to)\s(?:every|all|any|get|start|use))/,
    // "Pay per month", "billed per month"; not "70B messages per month" (a rate of use).
    /\b(?:pay|paid|priced|charged|billed|fees?|costs?|plans?)\s(?:only\s|just\s)?per\smonth\b/,
  ],
  scan: (text) => text.match(BILLING_TERMS) ?? [],
};

/** Rules for `value_not_price`: lead with value (cost saved, risk lowered), not with low price or terms. */
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
    invalid: [
      'The cheapest tool on the market, 50% off!',
      '全网最低价，新用户首月1折。',
      '旗舰版低至 99 元/月。',
      'Save 40% vs. the big CRM vendors. Same features, half the price.',
      '价格只有竞品的一半，欢迎来电询价。',
      'Plans from $29 per month.',
      'Plans from $10 to $50 per seat.',
    ],
    valid: [
      'From $2 Million Loss to 25% Profit Surge: How Foo Rewired an HVAC Business',
      'These changes resulted in transportation cost savings of over $500,000 per year.',
      // The first month of a result, not a first-month offer.
      '平台正式上线。首月数据显示，货车平均排队时间由 95 分钟缩短至 28 分钟。',
      'Cut freight audit costs by 30%.',
      '吨水药剂成本下降18%。',
      '平均响应时间降低至1/6，流程效率提高85%。',
    ],
  },
  {
    id: 'vp.free-or-terms',
    dimension: 'value_not_price',
    langs: ['en', 'zh'],
    match: TERMS_MATCHER,
    effect: { delta: -2, severity: 'major', signals: ['price', 'free-offer'] },
    message: {
      en: 'Makes "free" or payment terms the message ({hits}): the buyer learns the price of trying before the value of buying.',
      zh: '把“免费”或付款条款当成卖点（{hits}）：客户先记住试用的价钱，而不是买它的价值。',
    },
    suggestion: {
      en: 'Lead with what the customer gets ("[outcome] in [N] weeks"); put {hits} in the small print or the sales call.',
      zh: '先讲客户得到什么（“[N]周内[结果]”），把{hits}放到小字或销售沟通里。',
    },
    knowledge: K,
    invalid: [
      'All our packages are free to get started.',
      'ERPNext does all of the above and more, for free.',
      'There is a one time sign up fee and a low monthly fee, both are per user.',
      '先试用，满意后再付款，不满意无理由退款！',
      'Pay per month, cancel anytime.',
      'A great fit before any billing takes place.',
      'We offer two billing options: monthly and yearly.',
      'If our Fair Billing policy does not suit you, write to us.',
      '遵循MIT开源协议发布，可商用、可二次开发。',
    ],
    valid: [
      'Kafka API-compatible. ZooKeeper® free. JVM free.',
      'Infobip processes over 70B messages per month on Kafka.',
      'Automation of usage-based billing processes enabled Acme to close faster.',
      'Open Source Metering & Usage-Based Billing. The best alternative to Stripe Billing.',
      'Automated the gap between TMS, accounting, and customer billing.',
      'Open-source product analytics, built for developers.',
      '开源的数据可视化分析工具。',
      '无需授权即可访问 API，帮助开发者快速集成。',
    ],
  },
  {
    id: 'vp.price-led',
    dimension: 'value_not_price',
    langs: ['en', 'zh'],
    scope: 'lead',
    match: {
      kind: 'text',
      terms: [...PRICE_WORDS, ...TERMS_WORDS],
      patterns: [...PRICE_PATTERNS, ...(TERMS_MATCHER.kind === 'text' ? (TERMS_MATCHER.patterns ?? []) : [])],
    },
    effect: { delta: -1, severity: 'major', signals: ['price-led'] },
    message: {
      en: 'Leads with price ({hits}): the first thing the buyer learns is that you are cheap, not that you are safe to choose.',
      zh: '开头就谈价格（{hits}）：客户先记住的是“便宜”，而不是“选你不会错”。',
    },
    knowledge: K,
    invalid: [
      'Lowest prices guaranteed on custom boxes.',
      'There is a one time sign up fee.',
      '服务器租用特价促销！',
    ],
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
        分成 | 少花 | 节省 | 节约 | 降本
      `),
      patterns: [
        /(?<!\w)(?:cut|cuts|reduc(?:e|es|ed)|lower(?:s|ed)?|sav(?:e|es|ed|ing)|avoid(?:s|ed)?)\s[a-z -]{0,40}(?:costs?|spend|charges|fees|write-offs|overtime|penalty|penalties|waste|energy|fuel|scrap|rework|risk|losses|money)\b/,
        /\b(?:costs?|write-offs|losses|charges|spend)\s(?:fell|dropped|down|cut|were cut|was cut|has been reduced|have been reduced)\b/,
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
  {
    id: 'vp.outcome-led',
    dimension: 'value_not_price',
    langs: ['en', 'zh'],
    when: { signals: ['result-number'], noSignals: ['price'] },
    match: { kind: 'always' },
    effect: { delta: 1, severity: 'strength' },
    message: {
      en: 'Sells on an outcome in numbers, not on price: the buyer weighs what they get before what it costs.',
      zh: '用数字化的结果而不是价格来打动客户：先让客户掂量得到什么，再谈花多少钱。',
    },
    knowledge: K,
    invalid: ['Cut energy use by 23%.', '非计划停机从31小时降到9小时。'],
    valid: ['50% off, and cut energy use by 23%.', '让工作更简单。'],
  },
];
