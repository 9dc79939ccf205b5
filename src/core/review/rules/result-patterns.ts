/**
 * Patterns of results in numbers, shared by the quantified-results rules (quantified-results.ts): a change
 * with its figure ("cut costs 30%", "从 400 万到 1000 万"), a before → after, an outcome figure. Each has
 * star height one; the draft is at most 2,000 characters.
 */
import { CHANGE_EN, CHANGE_ZH, DIGITS, NUM_EN, PCT, TIME_EN } from './lexicons.ts';
import { compile } from './regex-source.ts';

/** A before → after in words ("from weeks to days", "from several hours to mere minutes", "from 2+ hours to mere minutes"). */
export const FROM_TO_WORDS_EN =
  /\bfrom\s(?:several\s|a\sfew\s|\d\s|\d\+\s|\d\d\s|\d\d\+\s)?(?:years?|months?|weeks?|days?|hours?|minutes?)\sto\s(?:a\sfew\s|several\s|just\s|mere\s)?(?:months|weeks|days|hours|minutes|seconds)\b/i;

/** A Chinese number that is surely a quantity: digits, fractions, or numerals followed by a unit. */
export const NUMQ_ZH = String.raw`(?:[百千万]分之[零一二两三四五六七八九十百\d.]{1,6}|\d{1,3}\/\d{1,3}|${DIGITS}|[一二两三四五六七八九十百千万半几]{1,6}(?=倍|成|个|分钟|小时|天|周|月|年|次|人|家|条|项|单|张|吨|度))`;
/** The same, with the unit that usually follows it kept in the match (so findings quote "54小时", not "54"). */
export const NUMU_ZH = String.raw`${NUMQ_ZH}\s?(?:[%％]|倍|个百分点|个月|分钟|小时|毫秒|秒|天|周|月|年|次|个人|人|家|条|项|单|张|吨|度|成|万元|亿元|元|亿|万|mg\/L|μm|mm)?`;
/** Any character that stays inside the sentence (a period only where no space or end follows it). */
export const STOP_EN = String.raw`(?:(?!\.\s|\.$)[^!?;])`;
export const STOP_ZH = `[^，。；！？,;]`;
/**
 * A percentage that is not a discount ("50% off", "save 20% with annual billing") nor a price set against
 * other vendors' ("Save 40% vs. the big CRM vendors").
 */
const RESULT_PCT = String.raw`${PCT}(?!\s?(?:off|discount|(?:with|on)\s(?:a\s|an\s|the\s)?(?:annual|yearly|prepaid|upfront)\s(?:billing|plan|plans|subscription|subscriptions|payment|payments|prepayment)\b|when you (?:pay|bill|go) (?:annually|yearly|upfront|annual)|on\s(?:your\s|the\s)?(?:first|1st)\s(?:year|month|months|order|purchase|plan|invoice)\b|\s(?:vs\.?|versus|compared to|compared with)\s[A-Za-z ]{0,24}?(?:vendors?|competitors?|providers?|alternatives?)\b))`;
const RESULT_UNIT_EN = String.raw`(?:${RESULT_PCT}|\s?x\b|\s?×|\s?times\b|\s?${TIME_EN}|\s?points?\b|\s?pp\b|\s?tons?\b|\s?kg\b|\s?mm\b|\s(?:million\s|billion\s|thousand\s)?(?:liters|litres|gallons|kWh|MWh|GWh|tonnes|cubic meters)\b)`;
/** An English number, possibly a range ("3–5"). */
export const NUMR_EN = String.raw`${NUM_EN}[–-]?\d{0,4}`;
/** Nouns of change after a number ("a 73% reduction", "300%+ increase"). */
const CHANGE_NOUN_EN = String.raw`(?:increase|reduction|decrease|drop|decline|improvement|growth|gain|uplift|boost|lift|cut|jump|rise|surge|savings?|speed-up|speedup)\b`;

/** Numbers and units in words, as written at a sentence start or in a title ("One", "Weeks"). */
const NUM_WORDS_EN =
  '(?:[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine|[Tt]en|[Tt]welve|[Ff]ifteen|[Tt]wenty|[Tt]hirty|[Ss]everal|[Aa]\\s[Ff]ew)';
const TIME_WORDS_EN =
  '(?:[Ss]econds?|[Mm]inutes?|[Hh]ours?|[Dd]ays?|[Ww]eeks?|[Mm]onths?|[Qq]uarters?|[Yy]ears?)';

/** Before a Chinese change, words of price or payment terms in the same clause: it is an offer, not a result. */
const PRICE_CONTEXT_ZH =
  '(?<!(?:年付|月付|季付|按年付费|限时|优惠|折扣|原价|立省|立减|立享|会员价|特价|特惠|每月|每年|每人|最便宜|首年(?=仅需|只需|低至)|首月(?=仅需|只需|低至))[^，。；！？,;]{0,8})';

/** Results in numbers: a change, a before → after, an outcome figure. Shared with the count of results. */
export const CHANGE_PATTERNS: readonly RegExp[] = [
  // A before → after in words in a title: "…: From Three Weeks to One Day" (numbers in words, so not
  // "retain logs from 7 days to 2 years"; a change told with digits has a verb, above and below).
  compile(
    String.raw`(?:^|[:：—–]\s?)From\s${NUM_WORDS_EN}\s${TIME_WORDS_EN}\s[Tt]o\s(?:${NUM_WORDS_EN}|[Aa]n?)\s${TIME_WORDS_EN}\b`,
  ),
  compile(`${CHANGE_EN}${STOP_EN}{0,80}?${NUMR_EN}${RESULT_UNIT_EN}`),
  // The whole amount is quoted ("saved $1.2M", not "saved $1").
  compile(
    String.raw`${CHANGE_EN}${STOP_EN}{0,30}?[$€£¥]\s?\d[\d.,]{0,12}(?<![.,])(?:[KkMmBb]\b|[Bb]n\b|\s(?:million|billion)\b)?`,
  ),
  // The amount in words ("saved Hoar Construction over a million dollars", "saves two million euros a year").
  compile(
    String.raw`${CHANGE_EN}${STOP_EN}{0,30}?\s(?:over\s|more than\s|nearly\s|almost\s|about\s|roughly\s)?(?:a|one|two|three|four|five|half a|several|\d[\d.,]{0,6})\s(?:million|billion)\s(?:dollars|euros|pounds|yuan|USD|EUR|GBP)\b`,
  ),
  compile(
    String.raw`${NUMR_EN}[a-z%× ]{0,8}?\s(?:more|less|fewer|faster|higher|lower|better|quicker|shorter|cheaper to run)\b`,
  ),
  compile(String.raw`${NUM_EN}${RESULT_PCT}\+?\s[a-z -]{0,13}?${CHANGE_NOUN_EN}`),
  // A saving in money: "transportation cost savings of over $500,000 per year".
  compile(
    String.raw`\bsavings?\s(?:of\s)?(?:over\s|more than\s|nearly\s|about\s|up to\s|roughly\s|almost\s)?[$€£¥]\s?\d[\d.,]{0,12}(?<![.,])(?:[KkMmBb]\b|\s(?:million|billion)\b)?`,
  ),
  // The noun first: "the actual rate reduction achieved was nearly 24 percent".
  compile(
    String.raw`\b${CHANGE_NOUN_EN}\s(?:achieved\s|realized\s|realised\s)?(?:was|is|of|reached|totalled|totaled|came to)\s(?:nearly\s|about\s|over\s|more than\s|almost\s|roughly\s|just over\s)?${NUM_EN}${PCT}`,
  ),
  // A share taken off a cost: "shave 20 per cent off its desk-side printing costs" (not "20% off" a price).
  compile(
    String.raw`\b(?:shav(?:e|es|ed|ing)|knock(?:s|ed|ing)?|cut(?:s|ting)?|took|tak(?:e|es|ing))\s(?:nearly\s|about\s|over\s|more than\s|almost\s|roughly\s)?${NUM_EN}${PCT}\soff\s(?:the\s|its\s|their\s|our\s|your\s)?[a-z -]{0,30}?(?:costs?|bills?|spend|spending|budget|expenses?|time)\b`,
  ),
  compile(
    String.raw`${CHANGE_EN}\s(?:by\s)?(?:more than\s|over\s|nearly\s|almost\s|about\s)?(?:half|a third|a quarter|two-thirds|in half)\b`,
  ),
  // What changed named between the verb and its fraction: "cutting false positives by more than half",
  // "cut Acme's review time in half"; not a price cut, which is an offer ("cut our price by half").
  compile(
    String.raw`${CHANGE_EN}\s(?![A-Za-z'’ -]{0,30}?\b(?:price|prices|pricing|fees?|subscription|rates?)\b)[A-Za-z'’ -]{1,30}?\s(?:by\s(?:more than\s|over\s|nearly\s|almost\s|about\s|roughly\s)?(?:half|a third|a quarter|two-thirds)|in\shalf)\b`,
  ),
  // Not a discount (五折) nor a count of customers or sites ("不到 30 家").
  // Nor a saving on the price ("年付立省 50%", "相比月付节省 25%", "首年仅需 9800 元").
  compile(
    `(?=${CHANGE_ZH})${PRICE_CONTEXT_ZH}${CHANGE_ZH}${STOP_ZH}{0,8}?${NUMU_ZH}(?!\\s?[多余]?[折家个位台所])`,
  ),
  // The number first: "90% 的下降", "67% 的成本降低", "超 50% 下降", "2 倍的提升".
  compile(
    `${NUMQ_ZH}\\s?(?:[%％]|倍|个百分点)\\s?(?:以上|左右)?\\s?的?${STOP_ZH}{0,6}?(?:下降|降低|减少|缩短|提升|提高|增长|节省|节约|降幅|增幅|改善|提效|提速|增效|加速)`,
  ),
  // A comparison in numbers: "比 Snowflake 低 60%", "要较定制版低20%左右", "快 3 倍".
  compile(
    `(?=[低高快少省小大])${PRICE_CONTEXT_ZH}(?:低|高|快|少|省|小|大)了?\\s?(?:约|大约|近|超|超过|了)?\\s?${NUMQ_ZH}\\s?(?:[%％]|倍)`,
  ),
  // English, the multiple first: "a 2x increase in query speed", "15x lower storage costs".
  compile(String.raw`${NUM_EN}\s?(?:x|×)\s[a-z -]{0,13}?${CHANGE_NOUN_EN}`),
  // From one figure to another with no verb: "从 400 万到 1000 万以上的业绩突破", "单日配送量从30000本到60000本".
  // Not a span of years or months ("从 2019 年到 2023 年").
  compile(
    String.raw`[从由]\s?${NUMQ_ZH}\s?(?:万|亿|千|百|万元|亿元|元|人|个|天|小时|分钟|秒|本|件|单|台|次|条|笔|吨|箱|辆|套|张|份)?\s?(?:到|至)\s?${NUMU_ZH}`,
  ),
  // English, before and after in words: "Before, teams would wait an hour … now seconds and minutes".
  compile(
    String.raw`\b(?:[Bb]efore|used to|previously)\b[^.!?]{0,80}?\b(?:an?|${NUM_EN})\s${TIME_EN}[^.!?]{0,160}?\b(?:seconds|minutes|in no time)\b`,
  ),
  // An arrow from before to after: "Weekly Excel invoicing → under a minute".
  compile(
    String.raw`(?:→|->)\s?(?:under|less than|about|just|only|within|in)?\s?(?:a|an|${NUM_EN})\s?${TIME_EN}`,
  ),
  // A multiple in words: "deploy frequency went up fivefold", "a tenfold increase", "a 3-fold drop".
  compile(
    String.raw`\b(?:up|increased|increases|grew|rose|jumped|improved|dropped|fell|cut|reduced)\s(?:by\s)?(?:two|three|four|five|six|seven|eight|nine|ten|twenty|fifty|hundred|\d{1,3}-)fold\b|\b(?:two|three|four|five|six|seven|eight|nine|ten|twenty|fifty|hundred|\d{1,3}-)fold\s${CHANGE_NOUN_EN}`,
    'i',
  ),
  // A multiple told by its verb, as something that happened: "revenue doubled" (not "double your revenue").
  // Not "doubled down" nor a price ("prices halved").
  /\b(?:doubled|tripled|quadrupled|halved)\b(?<!\b(?:[Pp]rices?|[Ff]ees?)\s[a-z]{6,10})(?!\sdown)/,
  // The figure before, in words: "one afternoon, down from a week", "up from a few hours".
  compile(
    String.raw`\b(?:down|up)\sfrom\s(?:an?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|several|a\sfew)\s${TIME_EN}`,
  ),
  // Chinese fractions of change: "缩短了一半", "成本减半", "效率翻了一番", "降低近一半".
  compile(
    `${CHANGE_ZH}s?(?:近|超过|超|约|将近)?(?:一半|过半|近半|一倍|一番|两番|[二三四五六七八九十]倍)|减半|翻番|翻倍|双倍(?:的)?(?:提升|增长|提高)`,
  ),
];

/** Outcome figures that are results without a verb of change ("99.2% first-pass yield"). */
export const OUTCOME_PATTERNS: readonly RegExp[] = [
  compile(
    String.raw`${NUM_EN}${RESULT_PCT}\s(?:of\s)?[\w'’.,\s-]{0,40}?(?:on time|on-time|uptime|availability|accuracy|yield|retention|renewal|win rate|fill rate|OTIF|went out|delivered|resolved|requests are served|served from)`,
  ),
  compile(String.raw`${NUM_EN}${RESULT_PCT}\s[a-z-]{0,20}\s?(?:rate|share|margin)\b`),
  compile(
    String.raw`\b(?:uptime|availability|accuracy|yield|rate|retention|OTIF|on-time delivery)\s(?:of\s|at\s|is\s|was\s|above\s)?${NUM_EN}${RESULT_PCT}`,
  ),
  compile(String.raw`\b(?:in|within|under|in just|in less than|inside)\s${NUM_EN}\s?${TIME_EN}`),
  /\b(?:zero|0)\s[\w -]{0,20}?(?:findings|citations|defects|incidents|downtime|errors|breaches|outages|injuries|accidents|stockouts|complaints|write-offs|failures|observations|nonconformities|warning letters|recalls)\b/,
  // A share of the work done: "resolves 1 in 3 tickets remotely", "catches 9 out of 10 duplicates".
  /\b(?:resolv|fix|clos|prevent|catch|automat|handl|answer|deflect|flag)\w{0,4}\s(?:one|\d{1,2})\s(?:in|out of)\s(?:\d{1,3}|two|three|four|five|ten)\b/,
  compile(String.raw`\baverag(?:e|es|ed)\s(?:of\s)?${NUM_EN}`),
  // Time saved, with a word between the number and its unit: "saves 1,200 staff hours a year".
  compile(
    String.raw`\bsav(?:e|es|ed|ing)\s(?:over\s|more than\s|up to\s|about\s|nearly\s)?${NUM_EN}\+?\s[a-z -]{0,16}?${TIME_EN}`,
  ),
  // A return: "a 312% ROI", "ROI of 4x", "paid for itself in one quarter", "8 个月回本".
  compile(
    String.raw`${NUM_EN}(?:${RESULT_PCT}|\s?x\b|\s?×)\s(?:three-year\s|3-year\s)?(?:ROI|return on investment)\b`,
  ),
  compile(
    String.raw`\b(?:ROI|return on investment)\s(?:of\s|at\s|above\s)?${NUM_EN}(?:${RESULT_PCT}|\s?x\b|\s?×)`,
  ),
  /\b(?:paid|pays|pay) for (?:itself|themselves|the whole (?:rollout|project|system|deployment|investment))\b/,
  compile(
    `${NUMQ_ZH}\\s?(?:个月|年|周|天)(?:内)?(?:即)?(?:回本|收回成本|收回投资)|投资回报率${STOP_ZH}{0,4}?${NUMU_ZH}`,
  ),
  compile(`(?:率|时效|周期|回收期|效率|可用率|合格率|达成率)${STOP_ZH}{0,4}?${NUMU_ZH}`),
  /零(?:宕机|事故|差错|投诉|缺陷|停机|故障|罚款|漏报|召回|客诉|SQL重写|改造|停服|丢失)|(?<!支持|提供|具备|可|能)零中断/,
  // Recovery objectives met: "RTO≤6秒、RPO=0", "RPO 为 0，RTO 小于 6 秒", "RTO < 30 seconds" (not a
  // requirement: "require an RTO of 4 hours").
  /\bRPO\s?(?:=|is|为|等于)\s?(?:0|zero)(?![\d.])|\bRTO\s?(?:[≤<＜]|=|under|below|小于|低于|不超过|少于)\s?\d[\d.]*\s?(?:秒|分钟|seconds|second|secs|sec|minutes|minute|mins|min|ms|s\b)?/,
  compile(`占比(?:达到|达|超过|超|约|已达)?\\s?${NUMQ_ZH}\\s?[%％]`),
  compile(
    String.raw`${NUMQ_ZH}\s?(?:分钟|小时|天|周)(?:内|以内|之内)?(?:上线|完成|交付|到货|响应|到场|安装|出报告|切换)`,
  ),
  // Money saved, told as a sum: "more than $5 million worth of savings", "$84,000 in annual savings".
  compile(
    String.raw`[$€£]\s?\d[\d.,]{0,12}\s?(?:million|billion|[KkMmBb]|bn)?\s(?:worth\sof\s|in\s)?(?:annual\s|yearly\s|cost\s|energy\s)?savings\b(?!\s(?:per|a|each|every)\s)`,
  ),
  // A project delivered early: "completed 105 days ahead of schedule", "handed over three weeks early".
  compile(
    // Anchored on the number's first character (digits or a small number word), not on NUM_EN: that
    // pattern tried at every position made reviews twice as slow.
    String.raw`(?<![\w.,])(?:\d{1,4}|one|two|three|four|five|six|eight|ten|twelve)\s(?:days?|weeks?|months?)\s(?:ahead\sof\sschedule|early\b(?!\s(?:access|bird|booking|adopters?|renewal|payment|termination|delivery\soption)))`,
  ),
];
