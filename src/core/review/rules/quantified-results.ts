import { detectLang, splitSentences } from '../text-measure.ts';
import { findFigures } from './figures.ts';
import { CHANGE_EN, DIGITS, NUM_EN, TIME_EN } from './lexicons.ts';
import { compile, termList } from './regex-source.ts';
import {
  CHANGE_PATTERNS,
  NUMQ_ZH,
  NUMR_EN,
  NUMU_ZH,
  OUTCOME_PATTERNS,
  STOP_EN,
  STOP_ZH,
} from './result-patterns.ts';
import type { Rule } from './rule.ts';

/** Things counted in use (not features): pods, paychecks, employees, instances… */
const USAGE_NOUNS_EN = [
  'pods',
  'containers',
  'instances',
  'clusters',
  'servers',
  'machines',
  'VMs',
  'workloads',
  'jobs',
  'pipelines',
  'paychecks',
  'invoices',
  'orders',
  'shipments',
  'payments',
  'calls',
  'API calls',
  'tickets',
  'emails',
  'sessions',
  'accounts',
  'seats',
  'staff',
  'agents',
  'drivers',
  'vehicles',
  'trucks',
  'patients',
  'students',
  'projects',
  'teams',
  'organizations',
  'organisations',
  'countries',
  'cities',
  'tables',
  'records',
  'documents',
  'files',
  'images',
  'tenants',
  'workspaces',
  'websites',
  'domains',
  'endpoints',
  'microservices',
  'deployments',
  'solution engineers',
  'engineers',
  'developers',
  'employees',
  'users',
  'customers',
  'applications',
  'apps',
].join('|');

const K = ['results-in-numbers'] as const;

/** Words of a business outcome (money, time, errors, people), as opposed to a technical speed-up. */
const BUSINESS_EN = String.raw`(?:costs?|spend|spending|revenue|sales|margin|profit|headcount|staff|people|hours?|days?|weeks?|months?|minutes?|errors?|defects?|crashes|incidents?|downtime|churn|conversion|win rate|tickets|support volume|demand|denials?|write-offs|overtime|energy|fuel|waste|scrap|returns|deliver(?:y|ies)|fines|penalt(?:y|ies)|discrepancies|picking|lead time|cycle time|close|payback|ROI|savings|resolutions|deployments?|stops|findings|yield|on time|accuracy|infrastructure|volume|losses|loss|fraud|false positives|chargebacks|claims|approvals?|onboarding|turnaround|straight-through processing|processing time|backlog)\b`;
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

/** A unit of time, the span told in words or digits around it ("a fortnight", "a whole quarter", "30 minutes"). */
const DURATION_EN = /\b(?:fortnight|seconds?|minutes?|hours?|days?|weeks?|months?|quarters?|years?)\b/gi;
/** Words that tell the old way ("which before would have taken", "in the old world", "legacy …"). */
const BEFORE_WORDS_EN =
  /\b(?:before(?!\s(?:\d|you|your))|previously|used to|would have taken|would take|it took|in the old world|the old way|legacy|compared to|compared with|down from)\b/i;
/** A promise, an offer or an order to the reader, not a result someone reported. */
const PITCH_EN = /\b(?:you|your|free|trial|cancel|pay|plans?|get|start|try|can|will)\b/i;
/** Words that tell the new way ("now", "today", "these days"). */
const NOW_WORDS_EN = /\b(?:now|today|these days|nowadays)\b/i;

/**
 * A before → after told in words, in either order: "Now a team is up and running in a fortnight, which
 * before would have taken a whole quarter", "changes take about 30 minutes, compared to the multiple
 * hours or even days legacy applications require". One sentence (or two that run on) with the old way,
 * the new way and two spans of time. Linear: three regex passes over each sentence.
 */
function beforeAfterInWords(text: string): string[] {
  if (detectLang(text) === 'zh') return [];
  const sentences = splitSentences(text);
  for (let i = 0; i < sentences.length; i++) {
    const span = `${sentences[i]} ${sentences[i + 1] ?? ''}`;
    const one = sentences[i] ?? '';
    // The old way in this sentence and the new in this or the next, or the new here and the old next.
    const told =
      (BEFORE_WORDS_EN.test(one) && (NOW_WORDS_EN.test(span) || /compared|down from/i.test(one))) ||
      (NOW_WORDS_EN.test(one) && BEFORE_WORDS_EN.test(sentences[i + 1] ?? ''));
    if (PITCH_EN.test(one.replace(/[“"”]/g, '')) && !/\b(?:we|our|us|I)\b/.test(one)) continue;
    if (told && (span.match(DURATION_EN) ?? []).length >= 2)
      return [Array.from(one.trim()).slice(0, 60).join('')];
  }
  return [];
}

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
      scan: beforeAfterInWords,
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
      'Now a team is up and running in a fortnight, which before would have taken a whole quarter.',
      'Changes are implemented in about 30 minutes, compared to the multiple hours or days legacy applications require.',
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
      'Month-End Close Orchestration: From Three Weeks to One Day',
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
    invalid: [
      'Operating costs fell 30%.',
      '人力成本节约46.8万元。',
      'The system saved $12M in prevented losses in year one.',
      'False positives dropped 85%.',
    ],
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
        // Things in use, counted: "6K+ pods", "22,000 Pods", "350,000 paychecks", "2,000+ non-technical employees".
        compile(String.raw`(?<!Fortune\s)${NUM_EN}\+?\s?(?:K|k|M)?\+?\s(?:${USAGE_NOUNS_EN})\b`, 'i'),
        compile(
          String.raw`(?<!Fortune\s)${NUM_EN}\+?\s?(?:K|k|M)?\+?\s[a-z-]{2,20}\s(?:${USAGE_NOUNS_EN})\b`,
          'i',
        ),
        // "数百个dubbo应用，上千个dubbo实例", "十余万套", "5w/s", "QPS 超过万级".
        compile(
          String.raw`(?:${DIGITS}|[数几十百千万]{1,2})\s?[+＋]?\s?[余多]?\s?(?:个|套|台|条|笔|张)\s?[A-Za-z\u4e00-\u9fa5]{0,8}?(?:应用|实例|作业|服务器|容器|表|订单|交易|调用|任务|项目|工程|仓库|账号|终端)`,
        ),
        compile(
          String.raw`(?:QPS|TPS)[^，。；\n]{0,8}?(?:${DIGITS}|万级|千万级|百万级)|${DIGITS}\s?[wW万]\s?/\s?s\b`,
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
      'Now we have 6K+ pods on Ledgerly.',
      'It processes more than 350,000 paychecks a year.',
      'Empowered 2,000+ non-technical employees to build software.',
      '私有云上已经运行着数百个dubbo应用，上千个dubbo实例。',
      'QPS压测结果近5w/s。',
      '已将 6 个应用合并成 1 个。',
      '可以支持10PB以上的数据集。',
      '可处理千万级别的并发。',
      'It gives 250+ engineers a sandbox of their own.',
      '已支撑17个应用模块。',
    ],
    valid: [
      'We make payroll easy.',
      '让工作更简单。',
      'Ships with 40+ ERP connectors and 3-way matching.',
      'Supports 15 official SDKs and 200 integrations.',
      '支持200多项功能，16GB内存。',
    ],
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
    invalid: ['Runs 25 synthetic tests every 5 minutes.', '每月巡检 12 次，每次 3 小时。'],
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
