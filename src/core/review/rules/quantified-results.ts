import { findFigures } from './figures.ts';
import { CHANGE_EN, CHANGE_ZH, DIGITS, NUM_EN, PCT, TIME_EN } from './lexicons.ts';
import { compile, termList } from './regex-source.ts';
import type { Rule } from './rule.ts';

const K = ['results-in-numbers'] as const;

/** A Chinese number that is surely a quantity: digits, fractions, or numerals followed by a unit. */
const NUMQ_ZH = String.raw`(?:[百千万]分之[零一二两三四五六七八九十百\d.]{1,6}|\d{1,3}\/\d{1,3}|${DIGITS}|[一二两三四五六七八九十百千万半几]{1,6}(?=倍|成|个|分钟|小时|天|周|月|年|次|人|家|条|项|单|张|吨|度))`;
/** The same, with the unit that usually follows it kept in the match (so findings quote "54小时", not "54"). */
const NUMU_ZH = String.raw`${NUMQ_ZH}\s?(?:[%％]|倍|个百分点|个月|分钟|小时|毫秒|秒|天|周|月|年|次|人|家|条|项|单|张|吨|度|万元|亿元|元|亿|万|mg\/L|μm|mm)?`;
/** Any character that stays inside the sentence (a period only where no space or end follows it). */
const STOP_EN = String.raw`(?:(?!\.\s|\.$)[^!?;])`;
const STOP_ZH = `[^，。；！？,;]`;
/** A percentage that is not a discount ("50% off"). */
const RESULT_PCT = String.raw`${PCT}(?!\s?(?:off|discount))`;
const RESULT_UNIT_EN = String.raw`(?:${RESULT_PCT}|\s?x\b|\s?×|\s?times\b|\s?${TIME_EN}|\s?points?\b|\s?pp\b|\s?tons?\b|\s?kg\b|\s?mm\b)`;
/** An English number, possibly a range ("3–5"). */
const NUMR_EN = String.raw`${NUM_EN}[–-]?\d{0,4}`;
/** Nouns of change after a number ("a 73% reduction", "300%+ increase"). */
const CHANGE_NOUN_EN = String.raw`(?:increase|reduction|decrease|drop|decline|improvement|growth|gain|uplift|boost|lift|cut|jump|rise|speed-up|speedup)\b`;

/** Results in numbers: a change, a before → after, an outcome figure. Shared with the count of results. */
const CHANGE_PATTERNS: readonly RegExp[] = [
  compile(`${CHANGE_EN}${STOP_EN}{0,80}?${NUMR_EN}${RESULT_UNIT_EN}`),
  compile(String.raw`${CHANGE_EN}${STOP_EN}{0,30}?[$€£¥]\s?\d`),
  compile(
    String.raw`${NUMR_EN}[a-z%× ]{0,8}?\s(?:more|less|fewer|faster|higher|lower|better|quicker|shorter|cheaper to run)\b`,
  ),
  compile(String.raw`${NUM_EN}${RESULT_PCT}\+?\s[a-z -]{0,13}?${CHANGE_NOUN_EN}`),
  compile(
    String.raw`${CHANGE_EN}\s(?:by\s)?(?:more than\s|over\s|nearly\s|almost\s|about\s)?(?:half|a third|a quarter|two-thirds|in half)\b`,
  ),
  // Not a discount (五折) nor a count of customers or sites ("不到 30 家").
  compile(`${CHANGE_ZH}${STOP_ZH}{0,8}?${NUMU_ZH}(?!\\s?[多余]?[折家个位台所])`),
  // The number first: "90% 的下降", "67% 的成本降低", "超 50% 下降", "2 倍的提升".
  compile(
    `${NUMQ_ZH}\\s?(?:[%％]|倍|个百分点)\\s?(?:以上|左右)?\\s?的?${STOP_ZH}{0,6}?(?:下降|降低|减少|缩短|提升|提高|增长|节省|节约|降幅|增幅|改善|提效|提速|增效|加速)`,
  ),
  // A comparison in numbers: "比 Snowflake 低 60%", "要较定制版低20%左右", "快 3 倍".
  compile(`(?:低|高|快|少|省|小|大)了?\\s?(?:约|大约|近|超|超过|了)?\\s?${NUMQ_ZH}\\s?(?:[%％]|倍)`),
  // English, the multiple first: "a 2x increase in query speed", "15x lower storage costs".
  compile(String.raw`${NUM_EN}\s?(?:x|×)\s[a-z -]{0,13}?${CHANGE_NOUN_EN}`),
  // From one figure to another with no verb: "从 400 万到 1000 万以上的业绩突破".
  compile(
    String.raw`[从由]\s?${NUMQ_ZH}\s?(?:万|亿|千|百|万元|亿元|元|人|个|天|小时|分钟)?\s?(?:到|至)\s?${NUMU_ZH}`,
  ),
  // English, before and after in words: "Before, teams would wait an hour … now seconds and minutes".
  compile(
    String.raw`\b(?:[Bb]efore|used to|previously)\b[^.!?]{0,80}?\b(?:an?|${NUM_EN})\s${TIME_EN}[^.!?]{0,160}?\b(?:seconds|minutes|in no time)\b`,
  ),
  // An arrow from before to after: "Weekly Excel invoicing → under a minute".
  compile(
    String.raw`(?:→|->)\s?(?:under|less than|about|just|only|within|in)?\s?(?:a|an|${NUM_EN})\s?${TIME_EN}`,
  ),
  // Chinese fractions of change: "缩短了一半", "成本减半", "效率翻了一番", "降低近一半".
  compile(
    `${CHANGE_ZH}s?(?:近|超过|超|约|将近)?(?:一半|过半|近半|一倍|一番|两番|[二三四五六七八九十]倍)|减半|翻番|翻倍`,
  ),
];

/** Outcome figures that are results without a verb of change ("99.2% first-pass yield"). */
const OUTCOME_PATTERNS: readonly RegExp[] = [
  compile(
    String.raw`${NUM_EN}${RESULT_PCT}\s(?:of\s)?[\w'’.,\s-]{0,40}?(?:on time|on-time|uptime|availability|accuracy|yield|retention|renewal|win rate|fill rate|OTIF|went out|delivered|resolved|requests are served|served from)`,
  ),
  compile(String.raw`${NUM_EN}${RESULT_PCT}\s[a-z-]{0,20}\s?(?:rate|share|margin)\b`),
  compile(
    String.raw`\b(?:uptime|availability|accuracy|yield|rate|retention|OTIF|on-time delivery)\s(?:of\s|at\s|is\s|was\s|above\s)?${NUM_EN}${RESULT_PCT}`,
  ),
  compile(String.raw`\b(?:in|within|under|in just|in less than|inside)\s${NUM_EN}\s?${TIME_EN}`),
  /\b(?:zero|0)\s[\w -]{0,20}?(?:findings|citations|defects|incidents|downtime|errors|breaches|outages|injuries|accidents|stockouts|complaints|write-offs|failures)\b/,
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
  /\b(?:paid|pays|pay) for (?:itself|themselves)\b/,
  compile(
    `${NUMQ_ZH}\\s?(?:个月|年|周|天)(?:内)?(?:即)?(?:回本|收回成本|收回投资)|投资回报率${STOP_ZH}{0,4}?${NUMU_ZH}`,
  ),
  compile(`(?:率|时效|周期|回收期|效率|可用率|合格率|达成率)${STOP_ZH}{0,4}?${NUMU_ZH}`),
  /零(?:宕机|事故|差错|投诉|缺陷|停机|故障|罚款|漏报|召回|客诉|SQL重写|改造|停服)/,
  compile(`占比(?:达到|达|超过|超|约|已达)?\\s?${NUMQ_ZH}\\s?[%％]`),
  compile(
    String.raw`${NUMQ_ZH}\s?(?:分钟|小时|天|周)(?:内|以内|之内)?(?:上线|完成|交付|到货|响应|到场|安装|出报告|切换)`,
  ),
];

/** Words of a business outcome (money, time, errors, people), as opposed to a technical speed-up. */
const BUSINESS_EN = String.raw`(?:costs?|spend|spending|revenue|sales|margin|profit|headcount|staff|people|hours?|days?|weeks?|months?|minutes?|errors?|defects?|crashes|incidents?|downtime|churn|conversion|win rate|tickets|support volume|demand|denials?|write-offs|overtime|energy|fuel|waste|scrap|returns|deliver(?:y|ies)|fines|penalt(?:y|ies)|discrepancies|picking|lead time|cycle time|close|payback|ROI|savings|resolutions|deployments?|stops|findings|yield|on time|accuracy|infrastructure|volume)\b`;
const BUSINESS_ZH = `(?:成本|费用|收入|营收|销售|人效|人均|人力|成单|周期|转化|时长|工时|差错|错误|事故|停机|宕机|故障|损耗|能耗|电费|节电|库存|会议|产出|准确率|合格率|交期|时效|货损|投诉|回款|利润|降本|报表|响应时长|核算|天|小时|分钟)`;

/**
 * What makes a figure a spec of the product rather than evidence: its own parts ("40+ ERP connectors",
 * "15 SDKs", "200多项功能"), hardware units ("4 GB RAM", "93°C", "10.1英寸", "-40 to 85°C"), a
 * composition ("12% active content") and hyphenated specs ("30-second refresh", "3-way matching").
 */
const SPEC_AFTER =
  /^(?:[+\s]{0,2}[A-Za-z -]{0,14}?(?:connectors?|integrations?|SDKs?|languages|templates|features|plugins?|plug-ins?|APIs?|modules|widgets|formats)\b|\s?(?:GB|MB|KB|GHz|MHz|Hz|°C|℃|°F|mAh|inch(?:es)?|英寸|寸|核|位)|-(?:second|minute|hour|inch|core|bit|way|step|port)\b|\s(?:active content|solids|purity|concentration)\b|的?(?:含量|纯度|浓度)|\s?(?:to|~|-|–)\s?-?[\d.]{1,7}\s?(?:°C|℃|°F|V\b|W\b)|[多余+]?\s?[项个款种](?:功能|插件|模板|接口|组件|模块|连接器|数据源|语言|协议))/i;
/** Before a figure, words that make it a spec ("pH 8.5", "IP67", "版本 2"), or the start of a range. */
const SPEC_BEFORE = /(?:\bpH|\bIP|\bversion|\bv|版本|型号|\d\s?[–~-])\s?$/i;

/** True when the figure `f` reads as a spec of the product (see {@link SPEC_AFTER}). */
function countsParts(text: string, f: string): boolean {
  const at = text.indexOf(f);
  if (at < 0) return false;
  // Memory and storage in GB are hardware; data in TB or PB is scale.
  if (/(?:GB|MB|KB)$/.test(f)) return true;
  return (
    SPEC_AFTER.test(text.slice(at + f.length, at + f.length + 30)) ||
    SPEC_BEFORE.test(text.slice(Math.max(0, at - 10), at))
  );
}

/** Figures, less counts of the product's own parts ("40+ ERP connectors", "15 SDKs", "3-way"): specs. */
function concreteFigures(text: string): string[] {
  // Two rules read the same draft in one review (qr.figures, then qr.figures-only): scan it once.
  if (lastFigures.text !== text) {
    lastFigures = { text, figures: findFigures(text).filter((f) => !countsParts(text, f)) };
  }
  return [...lastFigures.figures];
}
let lastFigures: { text: string; figures: string[] } = { text: '', figures: [] };

/** Rules for `quantified_results`: results in numbers versus "greatly improves efficiency". */
export const quantifiedResultsRules: readonly Rule[] = [
  {
    id: 'qr.before-after',
    dimension: 'quantified_results',
    langs: ['en', 'zh'],
    match: {
      kind: 'text',
      patterns: [
        compile(
          String.raw`${CHANGE_EN}${STOP_EN}{0,40}?\bfrom\s${STOP_EN}{0,25}?\d${STOP_EN}{0,30}?\bto\s${STOP_EN}{0,15}?${NUMR_EN}`,
        ),
        compile(
          String.raw`${NUM_EN}[a-z% -]{0,14}?(?:,\snot|\sinstead of|\srather than|\sversus|\svs\.|\svs|\scompared with|\scompared to|\sdown from|\sup from)\s[a-z ]{0,20}?${NUMR_EN}`,
        ),
        compile(
          String.raw`\b(?:before|used to|previously|it could take|it would take|it took)\b[^.!?]{0,60}?${NUM_EN}\s?${TIME_EN}[\s\S]{0,120}?\b(?:now|today|after)\b[^.!?]{0,40}?(?:a few|${NUM_EN})\s?${TIME_EN}`,
        ),
        compile(
          `[从由]${STOP_ZH}{0,12}?${NUMQ_ZH}${STOP_ZH}{0,8}?(?:降|缩|减|提|增|压|涨|升|变|下降|上升|改善|优化)${STOP_ZH}{0,4}?(?:到|至|为)${STOP_ZH}{0,6}?${NUMU_ZH}`,
        ),
        compile(
          `(?:原本|原来|此前|以前|过去)${STOP_ZH}{0,20}?${NUMU_ZH}[^。；！？]{0,30}?(?:仅需|只需|只要|缩短到|降到|变为)\\s?${NUMU_ZH}`,
        ),
        /(?<![\d.,])\d[\d.,]*\s?[%％]?\s?(?:→|->|=>|➜|⟶)\s?\d/,
        // In words: "from weeks to days", "from several hours to several minutes", "从数天缩短到数小时".
        /\bfrom\s(?:several\s|a\sfew\s)?(?:years|months|weeks|days|hours|minutes)\sto\s(?:a\sfew\s|several\s|just\s|mere\s)?(?:months|weeks|days|hours|minutes|seconds)\b/,
        /[从由](?:数|几)?(?:个月|年|周|天|小时|分钟)(?:缩短|降低|减少|压缩)?(?:到|至)(?:数|几)?(?:周|天|小时|分钟|秒)/,
      ],
    },
    effect: { delta: 1, severity: 'strength', signals: ['result-number', 'before-after'] },
    message: {
      en: 'Shows a before → after in numbers ({hits}): the most convincing way to state a result.',
      zh: '用数字写出了前后对比（{hits}），这是最有说服力的结果表达。',
    },
    knowledge: K,
    invalid: [
      'They cut the denial rate from 12% to 7%.',
      'Month-end close in 4 days, not 9.',
      'Before the switch, it could take up to four days to deploy. Now it takes a few minutes.',
      '平均时效从72小时缩短到54小时。',
      '响应时长由原来的22.8小时降至3.6小时。',
      '原本需耗时 10 小时，迁移后仅需 20 分钟。',
      'Time to market went from weeks to days.',
      '交付周期从数周缩短到几天。',
    ],
    valid: ['The gateway operates from -40 to 85°C.', '年产值2到10亿的企业。'],
  },
  {
    id: 'qr.change-in-numbers',
    dimension: 'quantified_results',
    langs: ['en', 'zh'],
    match: { kind: 'text', patterns: CHANGE_PATTERNS },
    effect: { delta: 2, severity: 'strength', signals: ['result-number'] },
    message: {
      en: 'States a result in numbers ({hits}); buyers trust "reduced by X%" more than any adjective.',
      zh: '用数字说出了结果（{hits}），正是“降低了百分之多少”的经典句式。',
    },
    knowledge: K,
    invalid: [
      'Write-offs fell 62% last year.',
      'Cut void fill by 70%.',
      'A 73% reduction in crashes.',
      'Costs were cut by more than half.',
      '数据传输量实现 90% 的下降。',
      '查询执行成本比 Snowflake 大约 低 60%。',
      'The migration gave a 2x increase in query speed.',
      'It boosted throughput by 3–5 times.',
      '可疑交易误报率降低47%。',
      '投资回收期不到8个月。',
      '查询提速 20 倍。',
      '回款周期缩短了一半。',
      '人工审核工作量减半。',
      '中台业务三倍提效。',
      'Our end-to-end run time decreased by 20%.',
      'Weekly Excel invoicing → under a minute.',
    ],
    valid: ['50% off your first year!', 'Features 12% active content.', '大幅降低企业用电成本。'],
  },
  {
    id: 'qr.outcome-metric',
    dimension: 'quantified_results',
    langs: ['en', 'zh'],
    match: { kind: 'text', patterns: OUTCOME_PATTERNS },
    effect: { delta: 1, severity: 'strength', signals: ['result-number'] },
    message: {
      en: 'Gives a concrete outcome figure ({hits}); a before → after or a % change would make it stronger still.',
      zh: '给出了具体的结果数字（{hits}）；再补一个前后对比或百分比变化会更有力。',
    },
    knowledge: K,
    invalid: [
      'A first-pass yield of 99.2% last year.',
      'Install on a running press in 15 minutes.',
      'Carrier X: 12% damage rate.',
      'Our 95%+ client retention rate.',
      'Customers see a 312% ROI over three years.',
      'Acme Foods saves 1,200 staff hours a year.',
      'It paid for itself in the first quarter.',
      '8个月即回本。',
      '货损率0.03%，去年黑五零宕机。',
      '3天完成Oracle平替。',
      '已累计部署十余万套，占比达70%以上。',
    ],
    valid: ['12% active content, pH 8.5.', '40+ ERP connectors.', '覆盖多个领域。'],
  },
  {
    id: 'qr.several-results',
    dimension: 'quantified_results',
    langs: ['en', 'zh'],
    minHits: 2,
    match: { kind: 'text', patterns: [...CHANGE_PATTERNS, ...OUTCOME_PATTERNS] },
    effect: { delta: 1, severity: 'strength', signals: ['result-number'] },
    message: {
      en: 'Backs the claim with {count} results in numbers ({hits}).',
      zh: '用{count}个数字结果（{hits}）支撑主张。',
    },
    knowledge: K,
    invalid: ['Query time fell 43% and compute costs fell 27%.', '会议时间减少30%，反应速度提升45%。'],
    valid: ['Cut energy use by 23%.', '大幅降低用电成本。'],
  },
  {
    id: 'qr.case-backed',
    dimension: 'quantified_results',
    langs: ['en', 'zh'],
    when: { signals: ['result-number', 'case'] },
    match: { kind: 'always' },
    effect: { delta: 1, severity: 'strength' },
    message: {
      en: 'The numbers come from a real case, not a spec sheet or a promise.',
      zh: '数字来自真实案例，而不是规格书或一句承诺。',
    },
    knowledge: K,
    invalid: ['Acme reduced returns by 20% after migrating.', '上线3个月后，成单周期从92天压到57天。'],
    valid: ['Improve performance by up to 10x.', '存储成本节约至少 50%。'],
  },
  {
    id: 'qr.business-outcome',
    dimension: 'quantified_results',
    langs: ['en', 'zh'],
    match: {
      kind: 'text',
      patterns: [
        // A number starts at its first digit (the guard keeps a long run of digits linear).
        compile(String.raw`${BUSINESS_EN}[^.;!?,]{0,40}?\d|(?<!\d)\d[^.;!?,]{0,40}?\b${BUSINESS_EN}`),
        compile(`${BUSINESS_ZH}[^。；！？，,;]{0,16}?\\d|(?<!\\d)\\d[^。；！？，,;]{0,16}?${BUSINESS_ZH}`),
      ],
    },
    effect: { delta: 0, severity: 'strength', signals: ['business-result'] },
    message: {
      en: 'Puts a number on a business outcome ({hits}).',
      zh: '给业务结果标了数字（{hits}）。',
    },
    knowledge: K,
    invalid: ['Operating costs fell 30%.', '人力成本节约46.8万元。'],
    valid: ['Query speed up 20x.', '查询提速 20 倍。'],
  },
  {
    id: 'qr.quantity',
    dimension: 'quantified_results',
    langs: ['en', 'zh'],
    match: {
      kind: 'text',
      patterns: [
        compile(
          String.raw`(?<!Fortune\s)${NUM_EN}\+?\s?(?:PB|TB|thousand|million|billion|trillion|M|B|K|k|bn)?\s(?:users|events|messages|requests|transactions|rows|devices|downloads|connections|nodes|queries|customers|companies|businesses|fleets|data points|miles|engineers|developers|employees|stores|branches|sites|apps|applications|repositories|services|merchants|locations)\b`,
        ),
        // Scale in words: "hundreds of billions of events", "thousands of servers".
        /\b(?:hundreds|thousands|millions|billions|trillions|tens of (?:thousands|millions|billions))\sof\s(?:billions\sof\s|millions\sof\s|thousands\sof\s)?(?:users|events|messages|requests|transactions|rows|devices|servers|nodes|queries|customers|companies|engineers|developers|employees|stores|sites|apps|applications|services|clusters)\b/,
        // Data scale, not hardware specs: "10PB", not "4 GB RAM".
        compile(String.raw`${DIGITS}\s?(?:PB|TB)\b`),
        compile(String.raw`${NUM_EN}\s?(?:terabytes|petabytes)\b`),
        compile(
          String.raw`(?:${DIGITS}|[一二两三四五六七八九十几])\s?(?:PB|TB|T\b|万|亿|千万|百万)|[千百万亿]{1,3}级别?|(?:亚秒|毫秒|秒)级|(?:超过|逾|达|近|连续)\s?${DIGITS}\s?(?:个月|年|万|亿|台|家|个)`,
        ),
        // Deployments and systems carried: "17个应用模块", "300+ 金融业务系统", "数万个网点".
        compile(
          String.raw`(?:${DIGITS}|[数几十百千万]{1,2})\s?[+＋]?\s?[余多]?\s?[个套家所]?[\u4e00-\u9fa5]{0,4}?(?:业务系统|应用模块|系统|网点|门店|分行|节点|集群)`,
        ),
      ],
    },
    effect: { delta: 1, severity: 'strength', signals: ['quantity'] },
    message: {
      en: 'Gives figures of scale ({hits}); a customer result would say more than capacity.',
      zh: '给出了规模数字（{hits}）；客户那里的结果比容量指标更有说服力。',
    },
    knowledge: K,
    invalid: [
      'Feeds that reach over 200 million users.',
      '可以支持10PB以上的数据集。',
      '可处理千万级别的并发。',
      'It gives 250+ engineers a sandbox of their own.',
      '已支撑17个应用模块。',
    ],
    valid: ['We make payroll easy.', '让工作更简单。'],
  },
  {
    id: 'qr.peer-scale',
    dimension: 'quantified_results',
    langs: ['en', 'zh'],
    when: { signals: ['named-customer', 'quantity'], noSignals: ['result-number'] },
    match: { kind: 'always' },
    effect: { delta: 1, severity: 'strength' },
    message: {
      en: 'Gives the scale a named customer runs it at: a figure the buyer can set beside their own.',
      zh: '给出了具名客户的使用规模：客户可以拿来和自己的规模对照。',
    },
    knowledge: K,
    invalid: [
      'Cloudflare uses Kafka to collect hundreds of billions of events/day.',
      'Netflix engineers use Druid, ingesting up to two terabytes per hour.',
      'Infobip uses Apache Kafka, processing over 70B messages per month.',
      '邮储银行已完成部署超4万套。',
    ],
    valid: ['Used by 250+ engineers.', 'Trusted by Northwind Health.'],
  },
  {
    // Publishes that the copy holds figures; the rule below credits them where no result rule did.
    id: 'qr.figures',
    dimension: 'quantified_results',
    langs: ['en', 'zh'],
    match: { kind: 'finder', find: concreteFigures },
    effect: { delta: 0, severity: 'strength', signals: ['figure'] },
    message: { en: 'Gives figures ({hits}).', zh: '给出了数字（{hits}）。' },
    knowledge: K,
    invalid: [
      'Runs 25 synthetic tests every 5 minutes.',
      '管理着近100,000个边缘节点。',
      'Serves £1bn a year.',
    ],
    valid: ['Founded in 2011.', 'Works with KES V8R6 and 4C8G hosts.', 'Step 1: sign up.'],
  },
  {
    id: 'qr.figures-only',
    dimension: 'quantified_results',
    langs: ['en', 'zh'],
    when: { signals: ['figure'], noSignals: ['result-number', 'quantity'] },
    match: { kind: 'finder', find: concreteFigures },
    effect: { delta: 1, severity: 'strength' },
    message: {
      en: 'Gives concrete figures ({hits}); say what they changed for a customer and they become a result.',
      zh: '给出了具体数字（{hits}）；说清它们给客户带来了什么变化，就成了结果。',
    },
    knowledge: K,
    invalid: ['Runs 25 synthetic tests every 5 minutes.', '已将 6 个应用合并成 1 个。'],
    valid: [
      'Cut costs by 30%.',
      'Founded in 2011.',
      '管理着近100,000个边缘节点。',
      'Has 4 GB RAM and runs from -40 to 85°C.',
      'Ships with 40+ ERP connectors and 3-way matching.',
      '支持200多项功能，16GB内存。',
    ],
  },
  {
    id: 'qr.vague-claim',
    dimension: 'quantified_results',
    langs: ['en', 'zh'],
    when: { noSignals: ['result-number'] },
    match: {
      kind: 'text',
      terms: termList(`
        save time | save money | sell more | more, faster | grow your business | made easy | stay ahead
        record time | great success | 大幅 | 显著 | 极大 | 大大 | 明显 | 全面提升 | 效果显著 | 事半功倍 | 降本增效 | 提质增效 | 高质量发展
        突破性增长 | 降本提效
      `),
      patterns: [
        /\b(?:greatly|significantly|dramatically|drastically|massively|substantially|vastly|hugely|radically)\s(?:improv|increas|reduc|boost|cut|lower|enhanc|accelerat|simplif|speed)\w{0,6}/,
        /\b(?:boost|improve|increase|maximi[sz]e|optimi[sz]e|enhance|accelerate|streamline|simplify|transform)s?\s(?:your\s|the\s)?[a-z]{0,15}\s?(?:efficiency|efficiencies|productivity|performance|ROI|revenue|growth|operations|processes|satisfaction|workflows?|results|decisions)\b/,
        /\b(?:better|smarter|faster)\s(?:data|decisions|results|outcomes|performance|insights)\b/,
        /有效(?:提升|降低|提高|减少)|更(?:简单|高效|便捷|轻松|智能)/,
      ],
    },
    effect: { delta: -1, severity: 'minor', signals: ['vague-claim'] },
    message: {
      en: 'Claims an improvement without a number ({hits}); buyers discount "greatly improves" to zero.',
      zh: '只说提升、不给数字（{hits}）；“大幅提升效率”在客户眼里等于没说。',
    },
    suggestion: {
      en: 'Replace {hits} with one measured result: "cut [metric] by [X%]" or "from [before] to [after]" at a named customer.',
      zh: '把{hits}换成一个实测结果：“把[指标]降低[X%]”或“从[之前]缩短到[之后]”，最好注明是哪家客户。',
    },
    knowledge: K,
    invalid: ['Greatly improve efficiency with our platform.', '节能效果显著，大幅降低用电成本。'],
    valid: ['Cut energy use by 23%.', '平均节电23%，效果显著。'],
  },
  {
    id: 'qr.no-result',
    dimension: 'quantified_results',
    langs: ['en', 'zh'],
    when: { noSignals: ['result-number', 'quantity', 'customer-count', 'figure'] },
    match: { kind: 'always' },
    effect: { delta: -1, severity: 'major' },
    message: {
      en: 'No result in numbers: say what changed for a customer, e.g. "reduced by X%" or "from 92 to 61 days".',
      zh: '没有数据化的结果：写出客户那里发生的变化，如“降低了X%”“从92天缩短到61天”。',
    },
    suggestion: {
      en: 'Add one result in numbers from a real customer: "cut [metric] by [X%]" or "from [before] to [after]".',
      zh: '补一个来自真实客户的数字结果：“把[指标]降低[X%]”或“从[之前]缩短到[之后]”。',
    },
    knowledge: K,
    invalid: ['We make payroll easy.', '让工作更简单。'],
    valid: ['Denials fell from 12% to 7%.', '误报率降低47%。'],
  },
];
