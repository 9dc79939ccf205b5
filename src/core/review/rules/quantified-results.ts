import { detectLang, splitSentences } from '../text-measure.ts';
import { CHANGE_EN, NUM_EN, TIME_EN } from './lexicons.ts';
import { quantityRules } from './quantities.ts';
import { compile, termList } from './regex-source.ts';
import {
  CHANGE_PATTERNS,
  FROM_TO_WORDS_EN,
  NUMQ_ZH,
  NUMR_EN,
  NUMU_ZH,
  OUTCOME_PATTERNS,
  STOP_EN,
  STOP_ZH,
} from './result-patterns.ts';
import type { Rule } from './rule.ts';

const K = ['results-in-numbers'] as const;

/**
 * Words of a business outcome (money, time, errors, people, and the figures an operations, clinical,
 * sales or HR leader answers for: readmissions, retention, attrition, inventory), as opposed to a
 * technical speed-up.
 */
const BUSINESS_EN = String.raw`(?:costs?|spend|spending|revenue|sales|margin|profit|headcount|staff|people|hours?|days?|weeks?|months?|minutes?|errors?|defects?|crashes|incidents?|downtime|churn|conversion|win rate|tickets|support volume|demand|denials?|write-offs|overtime|energy|fuel|waste|scrap|returns|deliver(?:y|ies)|fines|penalt(?:y|ies)|discrepancies|picking|lead time|cycle time|close|payback|ROI|savings|resolutions|deployments?|stops|findings|yield|on time|accuracy|infrastructure|volume|losses|loss|fraud|false positives|chargebacks|claims|approvals?|onboarding|turnaround|straight-through processing|processing time|backlog|sales pipeline|renewal rates?|readmissions?|length of stay|infections?|no-shows?|wait times?|waiting times?|injuries|accidents|retention|satisfaction|NPS|CSAT|bookings|deal size|time to hire|turnover|attrition|inventory|stockouts?|emissions|utili[sz]ation|OEE)\b`;
const BUSINESS_ZH = `(?:成本|费用|收入|营收|销售|人效|人均|人力|成单|周期|转化|时长|工时|差错|错误|事故|停机|宕机|故障|损耗|能耗|电费|节电|库存|会议|产出|准确率|合格率|交期|时效|货损|投诉|回款|利润|降本|报表|响应时长|核算|满意度|留存|续费率|复购|流失|安全事故|排放|能效|良率|不良率|返工|报废|交付周期|天|小时|分钟)`;

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
    scope: 'claims',
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
          String.raw`\b(?:before|used to|previously|once took|it could take|it would take|it took|can take|could take|would take|would have taken)\b[^.!?]{0,60}?${NUMR_EN}\s?${TIME_EN}[\s\S]{0,120}?\b(?:now|today|after|since)\b[^.!?]{0,40}?(?:a few|${NUMR_EN})\s?${TIME_EN}`,
        ),
        compile(
          `[从由]${STOP_ZH}{0,12}?${NUMQ_ZH}${STOP_ZH}{0,8}?(?:降|缩|减|提|增|压|涨|升|变|下降|上升|改善|优化)${STOP_ZH}{0,4}?(?:到|至|为)${STOP_ZH}{0,6}?${NUMU_ZH}`,
        ),
        compile(
          `(?:原本|原来|此前|以前|过去)${STOP_ZH}{0,20}?${NUMU_ZH}[^。；！？]{0,30}?(?:仅需|只需|只要|缩短到|降到|变为)\\s?${NUMU_ZH}`,
        ),
        // With its units: "45 分钟 → 6 分钟", "12 days -> 3 days".
        /(?<![\d.,])\d[\d.,]*\s?(?:[%％]|分钟|小时|天|周|个月|秒|毫秒|ms|min|mins|minutes|hours|days|weeks|months)?\s?(?:→|->|=>|➜|⟶)\s?\d[\d.,]{0,12}(?<![.,])\s?(?:[%％]|分钟|小时|天|周|个月|秒|毫秒|ms|min|mins|minutes|hours|days|weeks|months)?/,
        // In words: "from weeks to days", "from several hours to several minutes", "从数天缩短到数小时",
        // "quotes in minutes, not days".
        FROM_TO_WORDS_EN,
        /\bin\s(?:seconds|minutes|hours|days|weeks)\s?,?\s(?:not|instead of|rather than)\s(?:minutes|hours|days|weeks|months)\b/i,
        // The new way, then the old one it ends: "3 天完成，不再熬 12 天".
        compile(`${NUMU_ZH}${STOP_ZH}{0,8}?[，,]\\s?(?:不再|而不是|不用再|告别)${STOP_ZH}{0,6}?${NUMU_ZH}`),
        // Before and after in Chinese numerals, the after told by its time: "以前月结要加班一周，用了账捷之后三天就能出报表".
        compile(
          `(?:原本|原来|此前|以前|过去)${STOP_ZH}{0,12}?${NUMU_ZH}[^。；！？]{0,20}?(?:之后|以后|现在|如今|目前)${STOP_ZH}{0,2}?${NUMU_ZH}(?=就|即可|便|搞定|完成)`,
        ),
        /[从由](?:数|几)?(?:个月|年|周|天|小时|分钟)(?:缩短|降低|减少|压缩)?(?:到|至)(?:数|几)?(?:周|天|小时|分钟|秒)/,
        // The before with its figure, then the after in the next clause, in words or figures: "之前私有化部署需要2周，
        // 现在设备当天上线" (not "3天之前", a point in time).
        compile(
          `(?:原本|原来|此前|以前|过去|(?<![\\d一二三四五六七八九十天周月年])之前)${STOP_ZH}{0,20}?${NUMU_ZH}${STOP_ZH}{0,8}?[，,]\\s?(?:现在|如今|而今|目前)${STOP_ZH}{0,8}?(?:当天|当日|即时|立即|马上|${NUMU_ZH})`,
        ),
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
      'Foo has cut processing time for large remittances from 2+ hours to mere minutes.',
      '平均时效从72小时缩短到54小时。',
      '温控异常响应时间 45 分钟 → 6 分钟。',
      '响应时长由原来的22.8小时降至3.6小时。',
      '原本需耗时 10 小时，迁移后仅需 20 分钟。',
      'Time to market went from weeks to days.',
      '交付周期从数周缩短到几天。',
      'Now a team is up and running in a fortnight, which before would have taken a whole quarter.',
      'Features can take 2-3 years to ship in the waterfall model. With the platform, there are now 2-3 months between releases.',
      'Changes are implemented in about 30 minutes, compared to the multiple hours or days legacy applications require.',
      'Best-in-class CPQ for manufacturers: quotes in minutes, not days.',
      '月结 3 天完成，不再熬 12 天。',
      '“以前月结要加班一周，用了账捷之后三天就能出报表。”',
      'We helped a technology company compress their close from 20 days to 2 days.',
      'Getting that permit once took an average of four days. But since April 3, you can get it in one day.',
      '之前私有化部署需要2周，现在设备当天上线。',
    ],
    valid: ['The gateway operates from -40 to 85°C.', '年产值2到10亿的企业。', '3天之前下单，现在可以发货。'],
  },
  {
    id: 'qr.change-in-numbers',
    dimension: 'quantified_results',
    scope: 'claims',
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
      'The platform cut false positives by more than half.',
      'Acme cut onboarding time in half.',
      '数据传输量实现 90% 的下降。',
      '查询执行成本比 Snowflake 大约 低 60%。',
      'The migration gave a 2x increase in query speed.',
      'It boosted throughput by 3–5 times.',
      '可疑交易误报率降低47%。',
      '设备上云成本直降80%。',
      '投资回收期不到8个月。',
      '查询提速 20 倍。',
      '回款周期缩短了一半。',
      '人工审核工作量减半。',
      '中台业务三倍提效。',
      'Our end-to-end run time decreased by 20%.',
      'Weekly Excel invoicing → under a minute.',
      'Every developer now uses it, up from only 30% before.',
      'Revenue was up 18% in the first year.',
      'Revenue is up roughly 20% since the switch.',
      'Support costs are down by half.',
      'Bookings were up more than 40% year over year.',
      'Revenue up (18%) in Q2.',
      '每年省直接人工成本 120 万元。',
      '年省人民币 300 万元。',
      '公牛年省人工成本 400 万元。',
      '今年省下 300 万元人工成本。',
      'Deploy frequency went up fivefold in the first quarter.',
      'We shaved 40 minutes off every shift handover.',
      'Onboarding a new hire takes one afternoon, down from a week.',
      'Revenue doubled in a year.',
      'Customer success teams lifted net revenue retention by 9 points.',
      'It stopped $1.8M in duplicate supplier payments last year.',
      'PlanGrid was able to save Hoar Construction over a million dollars on the project.',
      'In 2022 they helped farmers save over 7 million liters of water.',
      'After new dispatching rules, the actual rate reduction achieved was nearly 24 percent.',
      'These changes resulted in transportation cost savings of over $500,000 per year.',
      'The client engaged a new 3PL partner while achieving a 26% total cost savings.',
      'The DWP is on target to shave 20 per cent off its desk-side printing costs.',
      'From $2 Million Loss to 25% Profit Surge',
      '上线三个月，设备非计划停机次数降了一半。',
    ],
    valid: [
      'This month we cut our subscription price by half.',
      '50% off your first year!',
      'Take 20% off your first order.',
      '年货节价格直降30%。',
      'Features 12% active content.',
      '大幅降低企业用电成本。',
      // "Up" as part of a verb ("sign up", "set up") is not a change.
      'New users who sign up for it will receive 30 days of our Teams plan for free.',
      'Set up takes 5 minutes.',
      // A year, then "provincial" (省级), is not a yearly saving.
      '2023年省级专项资金 500 万元已到位。',
      '今年省政府拨款 500 万元支持企业数字化。',
      '去年省财政投入 2 亿元。',
      '今年省教育厅拨款 300 万元。',
      '今年省考报名人数 150 万。',
      // "Up" and "down" as a limit or part of a verb.
      'Store up to 90 days of logs.',
      'Drill down into 12 months of history.',
      'Set-up in 5 minutes, no code.',
      // A promise of a multiple is not one that happened; a two-fold thing is not a change.
      'Double your revenue with Foo.',
      // A discount for paying yearly is an offer, not a result.
      'Save 20% with annual billing.',
      'Save 15% when you pay annually.',
      'Save 50% on your first year of Foo, offer ends Friday.',
      '限时五折！年付立省 50%，首年仅需 9800 元。',
      '三年付款更划算，相比月付节省 25%。',
      '最便宜的 CRM，每月只要 9 元。',
      'Support for two-factor authentication, up from a password alone.',
    ],
  },
  {
    id: 'qr.outcome-metric',
    dimension: 'quantified_results',
    scope: 'claims',
    langs: ['en', 'zh'],
    match: { kind: 'text', patterns: OUTCOME_PATTERNS },
    effect: { delta: 1, severity: 'strength', signals: ['result-number'] },
    message: {
      en: 'Gives a concrete outcome figure ({hits}); a before → after or a % change would make it stronger still.',
      zh: '给出了具体的结果数字（{hits}）；再补一个前后对比或百分比变化会更有力。',
    },
    knowledge: K,
    invalid: [
      '同城灾备 RPO 为 0，RTO 小于 6 秒。',
      '同城灾备 RTO≤6秒、RPO=0。',
      'A first-pass yield of 99.2% last year.',
      'Install on a running press in 15 minutes.',
      'Carrier X: 12% damage rate.',
      'Our 95%+ client retention rate.',
      'Customers see a 312% ROI over three years.',
      'Acme Foods saves 1,200 staff hours a year.',
      'It paid for itself in the first quarter.',
      '8个月即回本。',
      'Field-service software that resolves 1 in 3 tickets remotely.',
      '60 CMOs use Qualis to pass FDA audits with zero 483 observations.',
      'That one catch paid for the whole rollout.',
      '货损率0.03%，去年黑五零宕机。',
      '3天完成Oracle平替。',
      '已累计部署十余万套，占比达70%以上。',
    ],
    valid: [
      'Regulators require an RTO of 4 hours.',
      '青松数据库支持零中断升级。',
      '12% active content, pH 8.5.',
      '40+ ERP connectors.',
      '覆盖多个领域。',
    ],
  },
  {
    id: 'qr.several-results',
    dimension: 'quantified_results',
    scope: 'claims',
    langs: ['en', 'zh'],
    minHits: 2,
    match: { kind: 'text', patterns: [...CHANGE_PATTERNS, ...OUTCOME_PATTERNS] },
    effect: { delta: 1, severity: 'strength', signals: ['result-number', 'several-results'] },
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
    scope: 'claims',
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
      'A 19 percent reduction in readmission rates.',
      '复购率提升了40%。',
    ],
    valid: ['Query speed up 20x.', '查询提速 20 倍。'],
  },
  ...quantityRules,
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
