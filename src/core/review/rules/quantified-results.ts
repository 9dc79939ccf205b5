import { CHANGE_EN, CHANGE_ZH, NUM_EN, PCT, TIME_EN } from './lexicons.ts';
import { termList } from './regex-source.ts';
import type { Rule } from './rule.ts';

const K = ['results-in-numbers'] as const;

/** A Chinese number that is surely a quantity: digits, fractions, or numerals followed by a unit. */
const NUMQ_ZH = String.raw`(?:(?:百|千|万)分之[零一二两三四五六七八九十百\d.]+|\d+(?:[.,]\d+)*|[一二两三四五六七八九十百千万半几]+(?=倍|成|个|分钟|小时|天|周|月|年|次|人|家|条|项|单|张|吨|度))`;
/** The same, with the unit that usually follows it kept in the match (so findings quote "54小时", not "54"). */
const NUMU_ZH = String.raw`${NUMQ_ZH}(?:\s*(?:[%％]|倍|个月|分钟|小时|天|周|月|年|次|人|家|条|项|单|张|吨|度|元|万元|亿元?|mg\/L|μm|mm))?`;
/** Any character that stays inside the sentence (a period only inside a decimal number). */
const STOP_EN = String.raw`(?:[^.!?;]|\.(?=\d))`;
const STOP_ZH = `[^，。；！？,;]`;
/** A percentage that is not a discount ("50% off"). */
const RESULT_PCT = String.raw`${PCT}(?!\s*(?:off|discount))`;
const RESULT_UNIT_EN = String.raw`(?:${RESULT_PCT}|\s?x\b|\s?×|\s?times\b|\s?${TIME_EN}|\s?points?\b|\s?pp\b|\s?tons?\b|\s?kg\b|\s?mm\b)`;
/** An English number with its result unit, when it has one. */
const NUMU_EN = `${NUM_EN}${RESULT_UNIT_EN}?`;

/** Rules for `quantified_results`: results in numbers versus "greatly improves efficiency". */
export const quantifiedResultsRules: readonly Rule[] = [
  {
    id: 'qr.before-after',
    dimension: 'quantified_results',
    langs: ['en', 'zh'],
    match: {
      kind: 'text',
      patterns: [
        new RegExp(
          String.raw`${CHANGE_EN}${STOP_EN}{0,40}?\bfrom\s+${STOP_EN}{0,25}?\d${STOP_EN}{0,30}?\bto\s+${STOP_EN}{0,15}?${NUMU_EN}`,
        ),
        new RegExp(
          String.raw`${NUM_EN}\s*(?:${RESULT_PCT}|${TIME_EN}|[a-z]+)?\s*(?:,\s*not|instead of|rather than|versus|vs\.?|compared (?:with|to)|down from|up from)\s+(?:[a-z]+\s+){0,2}?${NUMU_EN}`,
        ),
        new RegExp(
          `[从由]${STOP_ZH}{0,12}?${NUMQ_ZH}${STOP_ZH}{0,8}?(?:降|缩|减|提|增|压|涨|升|变|下降|上升|改善|优化)${STOP_ZH}{0,4}?(?:到|至|为)${STOP_ZH}{0,6}?${NUMU_ZH}`,
        ),
        /\d[\d.,]*\s*[%％]?\s*(?:→|->|=>|➜|⟶)\s*\d/,
      ],
    },
    effect: { delta: 2, severity: 'strength', signals: ['result-number', 'before-after'] },
    message: {
      en: 'Shows a before → after in numbers ({hits}): the most convincing way to state a result.',
      zh: '用数字写出了前后对比（{hits}），这是最有说服力的结果表达。',
    },
    knowledge: K,
    invalid: [
      'They cut the denial rate from 12% to 7%.',
      'Month-end close in 4 days, not 9.',
      '平均时效从72小时缩短到54小时。',
    ],
    valid: ['The gateway operates from -40 to 85°C.', '年产值2到10亿的企业。'],
  },
  {
    id: 'qr.change-in-numbers',
    dimension: 'quantified_results',
    langs: ['en', 'zh'],
    match: {
      kind: 'text',
      patterns: [
        new RegExp(`${CHANGE_EN}${STOP_EN}{0,30}?${NUM_EN}${RESULT_UNIT_EN}`),
        new RegExp(String.raw`${CHANGE_EN}${STOP_EN}{0,30}?[$€£¥]\s?\d`),
        new RegExp(
          String.raw`${NUM_EN}${RESULT_UNIT_EN}?\s+(?:more|less|fewer|faster|higher|lower|better|quicker|shorter|cheaper to run)\b`,
        ),
        new RegExp(String.raw`${CHANGE_ZH}${STOP_ZH}{0,8}?${NUMU_ZH}(?!\s*折)`),
      ],
    },
    effect: { delta: 2, severity: 'strength', signals: ['result-number'] },
    message: {
      en: 'States a result in numbers ({hits}); buyers trust "reduced by X%" more than any adjective.',
      zh: '用数字说出了结果（{hits}），正是“降低了百分之多少”的经典句式。',
    },
    knowledge: K,
    invalid: [
      'Write-offs fell 62% last year.',
      'Cut void fill by 70%.',
      '可疑交易误报率降低47%。',
      '投资回收期不到8个月。',
    ],
    valid: ['50% off your first year!', 'Features 12% active content.', '大幅降低企业用电成本。'],
  },
  {
    id: 'qr.outcome-metric',
    dimension: 'quantified_results',
    langs: ['en', 'zh'],
    match: {
      kind: 'text',
      patterns: [
        new RegExp(
          String.raw`${NUM_EN}${RESULT_PCT}\s+(?:of\s+)?(?:[\w'’.,-]+\s+){0,6}?(?:on time|on-time|uptime|availability|accuracy|yield|retention|renewal|win rate|fill rate|OTIF|went out|delivered|resolved)`,
        ),
        new RegExp(
          String.raw`\b(?:uptime|availability|accuracy|yield|rate|retention|OTIF|on-time delivery)\s+(?:of\s+|at\s+|is\s+|was\s+|above\s+)?${NUM_EN}${RESULT_PCT}`,
        ),
        new RegExp(String.raw`\b(?:in|within|under|in just|in less than|inside)\s+${NUM_EN}\s*${TIME_EN}`),
        /\b(?:zero|0)\s+(?:[\w-]+\s+){0,2}?(?:findings|citations|defects|incidents|downtime|errors|breaches|outages|injuries|accidents|stockouts|complaints|write-offs|failures)\b/,
        new RegExp(String.raw`\baverag(?:e|es|ed)\s+(?:of\s+)?${NUM_EN}`),
        new RegExp(`(?:率|时效|周期|回收期|效率|可用率|合格率|达成率)${STOP_ZH}{0,4}?${NUMU_ZH}`),
        /零(?:宕机|事故|差错|投诉|缺陷|停机|故障|罚款|漏报|召回|客诉)/,
        new RegExp(
          String.raw`${NUMQ_ZH}\s*(?:分钟|小时|天|周)(?:内|以内|之内)?(?:上线|完成|交付|到货|响应|到场|安装|出报告)`,
        ),
      ],
    },
    effect: { delta: 1, severity: 'strength', signals: ['result-number'] },
    message: {
      en: 'Gives a concrete outcome figure ({hits}); a before → after or a % change would make it stronger still.',
      zh: '给出了具体的结果数字（{hits}）；再补一个前后对比或百分比变化会更有力。',
    },
    knowledge: K,
    invalid: [
      'A first-pass yield of 99.2% last year.',
      'Install on a running press in 15 minutes.',
      '货损率0.03%，去年黑五零宕机。',
    ],
    valid: ['12% active content, pH 8.5.', '40+ ERP connectors.', '覆盖多个领域。'],
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
        大幅 | 显著 | 极大 | 大大 | 明显 | 全面提升 | 效果显著 | 事半功倍 | 降本增效 | 提质增效 | 高质量发展
      `),
      patterns: [
        /\b(?:greatly|significantly|dramatically|drastically|massively|substantially|vastly|hugely|radically)\s+(?:improv|increas|reduc|boost|cut|lower|enhanc|accelerat|simplif|speed)\w*/,
        /\b(?:boost|improve|increase|maximi[sz]e|optimi[sz]e|enhance|accelerate|streamline|simplify|transform)s?\s+(?:your\s+|the\s+)?(?:\w+\s+)?(?:efficiency|productivity|performance|ROI|revenue|growth|operations|processes|satisfaction|workflows?|results|decisions)\b/,
        /\b(?:better|smarter|faster)\s+(?:data|decisions|results|outcomes|performance|insights)\b/,
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
    when: { noSignals: ['result-number'] },
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
