/**
 * Credibility rules that weigh what the proof rules found (credibility.ts): a case told with its result,
 * a named customer at a stated scale, production use at a stated scale, research; and what is missing or
 * hollow: a result with no source, unproven superlatives, no proof at all.
 */

import { splitSentences } from '../text-measure.ts';
import { SUPERLATIVE_PATTERNS, SUPERLATIVES } from './lexicons.ts';
import { CASE_MARKERS_EN, CASE_MARKERS_ZH } from './proof-lexicons.ts';
import { compile, trimEndChars } from './regex-source.ts';
import { findReportedResults } from './reported-result.ts';
import type { Rule } from './rule.ts';

const K = ['testimony-and-evidence', 'opinion-leaders'] as const;

/**
 * Words saying a thing is live in someone's production. Production named outright ("in production",
 * "生产环境") may take its scale from the next sentence; use alone ("we are running", "稳定运行",
 * "管理着") needs it in the same one ("we are running a webinar" is not production).
 */
const PRODUCTION_EN =
  /\b(?:in|into|across)\s(?:our\s|their\s|its\s)?production\b(?!\s(?:lines?|plants?|floors?|sites?)\b)|\bin\s(?:our|their|its)\s[a-z]{2,20}\sproduction\b|\bproduction\s(?:environments?|clusters?|workloads?|traffic)\b/i;
const PRODUCTION_ZH = /生产环境|线上环境/;
const IN_USE_EN =
  /\b(?:have|has)\sbeen\srunning\b|\b(?:have|has)\sbeen\s[a-z]{2,20}ly\srunning\b|\b(?:we|they)(?:\sare|['’]re)\s(?:now\s|currently\s)?(?:running|shipping|serving)\b/i;
const IN_USE_ZH = /稳定运行|(?:已|已经|累计)部署|管理着|承载着|上线运行|投产/;
/** A capacity claim or a promise, not use: "scales to", "up to", "可支持", "保障…稳定运行". */
const CAPACITY =
  /\b(?:up\sto|scales?\sto|can(?!['’]t)|could|supports?|capable)\b|最多|最高|可支持|支持多达|可达|能够|保障|确保|保证/i;
/** Numbers, read one by one (what follows decides whether each is a count). */
const NUMBER = /\d[\d,.]*/g;
/** After a number: a rate or a multiple ("15%", "3x", "2 倍"), not a count. */
const RATE_AFTER = /^\s?(?:[%％×倍]|x\b|percent\b|per\scent\b)/i;
/** Counts in words: "thousands of", "数百", "近万"; 十 only counts as a small scale. */
const SCALE_WORDS = /\b(?:hundreds|thousands|millions|billions)\b|[\d数几上近超]\s?[百千万亿]/i;
const SMALL_SCALE_WORDS = /[\d数几上近超]\s?十/;

/**
 * True when the sentence counts what runs ("6K+ pods", "300 多个集群", "将近100,000个节点"), not a rate, a
 * multiple or a year ("15%", "3x faster", "since 2019", "千行百业"). `large` asks for a scale: at least a
 * hundred, or thousands ("we are running a 2-day workshop" is not production).
 */
function countsWhatRuns(sentence: string, large: boolean): boolean {
  if (SCALE_WORDS.test(sentence) || (!large && SMALL_SCALE_WORDS.test(sentence))) return true;
  for (const m of sentence.matchAll(NUMBER)) {
    const digits = trimEndChars(m[0], '.,').replace(/,/g, '');
    const after = sentence.slice(m.index + m[0].length, m.index + m[0].length + 10);
    if (RATE_AFTER.test(after) || /^(?:19|20)\d{2}$/.test(digits)) continue;
    if (!large || /^[KkMm]\b/.test(after) || Number.parseFloat(digits) >= 100) return true;
  }
  return false;
}

/** The last text read and what it found: cr.production-scale and cr.no-proof both ask in one review. */
let lastLive: { text: string; found: string[] } | undefined;

/** The first sentence that puts it in live production at a stated scale, with no capacity claim beside it. */
function findLiveProduction(text: string): string[] {
  if (lastLive?.text !== text) lastLive = { text, found: readLiveProduction(text) };
  return [...lastLive.found];
}

function readLiveProduction(text: string): string[] {
  const sentences = splitSentences(text);
  for (const [i, sentence] of sentences.entries()) {
    if (CAPACITY.test(sentence)) continue;
    const named = PRODUCTION_EN.exec(sentence) ?? PRODUCTION_ZH.exec(sentence);
    const next = sentences[i + 1] ?? '';
    if (named && (countsWhatRuns(sentence, false) || (countsWhatRuns(next, false) && !CAPACITY.test(next))))
      return [named[0]];
    const used = IN_USE_EN.exec(sentence) ?? IN_USE_ZH.exec(sentence);
    if (used && countsWhatRuns(sentence, true)) return [used[0]];
  }
  return [];
}

/** See the file comment. */
export const credibilityCheckRules: readonly Rule[] = [
  {
    id: 'cr.case-marker',
    dimension: 'credibility',
    langs: ['en', 'zh'],
    match: { kind: 'text', patterns: [...CASE_MARKERS_EN, ...CASE_MARKERS_ZH] },
    effect: { delta: 0, severity: 'strength', signals: ['case'] },
    message: {
      en: 'Tells it as something that happened ({hits}), not as a promise.',
      zh: '当作已经发生的事来讲（{hits}），而不是一句承诺。',
    },
    knowledge: K,
    invalid: ['Costs fell 30% after migrating.', '上线3个月后，成单周期缩短。'],
    valid: ['Improve performance by up to 10x.', '存储成本节约至少 50%。'],
  },
  {
    id: 'cr.case-result',
    dimension: 'credibility',
    langs: ['en', 'zh'],
    when: { signals: ['case', 'result-number'] },
    match: { kind: 'always' },
    effect: { delta: 1, severity: 'strength', signals: ['proof'] },
    message: {
      en: 'Reports a result as a case that happened, which a buyer weighs far above a promise.',
      zh: '把结果写成已经发生的案例，客户会比一句承诺看重得多。',
    },
    knowledge: K,
    invalid: ['Costs fell 30% after migrating to the new stack.', '上线3个月后，成单周期从92天压到57天。'],
    valid: ['Improve performance by up to 10x.', '存储成本节约至少 50%。', '上线后效果显著。'],
  },
  {
    id: 'cr.peer-scale',
    dimension: 'credibility',
    langs: ['en', 'zh'],
    when: { signals: ['named-customer', 'quantity'], noSignals: ['result-number'] },
    match: { kind: 'always' },
    effect: { delta: 1, severity: 'strength', signals: ['proof'] },
    message: {
      en: 'A named customer running it at a stated scale: a buyer can check both the name and the size.',
      zh: '点名的客户加上使用规模：名字和规模客户都能去核实。',
    },
    knowledge: K,
    invalid: ['邮储银行已完成部署超4万套。', 'Bitso uses Neon to give 250+ engineers their own sandbox.'],
    valid: ['Trusted by Northwind Health.', 'Used by 250+ engineers.'],
  },
  {
    id: 'cr.production-scale',
    dimension: 'credibility',
    langs: ['en', 'zh'],
    // A named customer at a scale is credited above; this is the unnamed user's own production.
    when: { signals: ['quantity'], noSignals: ['named-customer'] },
    match: { kind: 'finder', find: findLiveProduction },
    effect: { delta: 1, severity: 'strength', signals: ['proof'] },
    message: {
      en: 'Shows it running in production at a stated scale ({hits}): use, not a capacity claim. Name whose production it is and the buyer can check it.',
      zh: '写出了它在生产环境里的实际规模（{hits}），是使用而不是容量指标；再写上是谁在用，买家就能核实。',
    },
    knowledge: K,
    invalid: [
      'We have been running it in production for months. Now we have 6K+ pods on it.',
      '当前的边缘管理系统管理着将近100,000个边缘节点。',
      '目前已在生产环境部署 300 多个集群。',
      "We're running it in production on 6K+ pods.",
      "We're running it on 6K+ pods across 40 clusters.",
      "We've been running it in production for two years and can't imagine going back: 6,000 pods.",
    ],
    valid: [
      'We are running a free webinar on Thursday. 3,000 developers have signed up.',
      'We are running a 2-day workshop in Berlin.',
      "We're shipping 3 new integrations this quarter.",
      'Get your models into production 3x faster.',
      'Reduce scrap in production by 15%.',
      '平台覆盖 3000 家门店。系统已在生产环境服务千行百业。',
      'Catch defects in production lines before they ship. Trusted by 500 customers.',
      '保障业务系统稳定运行，服务超过 500 家企业。',
      '新功能已上线，已服务 3000 家门店。',
      'Scales to 10,000 nodes in production.',
      'It can handle up to 1M events in production.',
      '最多可支持 1000 个节点的生产集群。',
      'Now we have 6K+ pods on it.',
    ],
  },
  {
    id: 'cr.research',
    dimension: 'credibility',
    langs: ['en', 'zh'],
    match: {
      kind: 'text',
      patterns: [
        /\b\d{1,3}\.?\d{0,2}\s?%\sof\s(?:respondents|buyers|leaders|executives|decision[- ]makers|marketers|CIOs|CFOs|CEOs|IT leaders|customers surveyed)\b/,
        /\b(?:one|two|three|four|five|six|seven|eight|nine)\s(?:in|out of)\s(?:two|three|four|five|ten)\s(?:business|technology|IT|B2B|buyers|leaders|executives|decision|marketers|respondents|customers)/,
        /\b(?:we surveyed|a survey of|surveyed|according to (?:a|an|the) (?:study|survey|report)|according to (?:a|an|the) [A-Z][\w-]{1,20} (?:study|survey|report)|(?:study|survey|report) (?:by|from) [A-Z])/,
        /(?:调研|调查|报告|研究)(?:显示|发现|表明)|受访者|受访企业/,
        // "According to our Reliability and Compensation Report, authored by Assembly Research, …".
        compile(
          String.raw`\baccording to (?:our|their) [A-Z][\w &-]{0,50}?(?:Report|Study|Survey|Index|Benchmark|report|study|survey|index|benchmark)\b|\b(?:[Rr]eport|[Ss]tudy|[Ss]urvey|[Rr]esearch|[Aa]nalysis|[Bb]enchmark|[Ii]ndex),\s(?:authored|conducted|carried out|commissioned|compiled) by [A-Z]|\b(?:authored|commissioned) by [A-Z]`,
        ),
      ],
    },
    effect: { delta: 1, severity: 'strength', signals: ['proof'] },
    message: {
      en: 'Cites research ({hits}): data a buyer can check lends the claim weight.',
      zh: '引用了调研数据（{hits}）：可核实的数据让观点更有分量。',
    },
    knowledge: K,
    invalid: [
      'Three in four business and technology leaders say they trust data-backed content more.',
      '72.5% of respondents said speed matters most.',
      'According to a Forrester study, payback came in 8 months.',
      '调研显示，超过六成企业把数据安全放在首位。',
      'According to our Reliability Report, authored by Assembly Research, outages cost £17.6 billion.',
    ],
    valid: [
      'Improve performance by up to 10x.',
      '我们的客户都很满意。',
      'According to our team, it is the best.',
    ],
  },
  {
    id: 'cr.unsourced-result',
    dimension: 'credibility',
    langs: ['en', 'zh'],
    when: { signals: ['result-number'], noSignals: ['proof', 'case'] },
    // A result reported as having happened has a source, if an unnamed one (cr.reported-result says so).
    match: { kind: 'finder', find: (text, lang) => (findReportedResults(text, lang).length > 0 ? [] : ['']) },
    effect: { delta: 0, severity: 'minor' },
    message: {
      en: 'The numbers have no source: whose result is it? A claim the buyer cannot check counts for little.',
      zh: '数字没有出处：这是谁的结果？客户无法核实的数字说服力有限。',
    },
    suggestion: {
      en: 'Say whose result it is: "[customer name] cut …" or "measured at [N] [segment] customers".',
      zh: '写明这是谁的结果：“[客户名]把……”或“在[N]家[行业]客户实测”。',
    },
    knowledge: K,
    invalid: ['Improve performance by up to 10x.', '存储成本节约至少 50%。'],
    valid: ['Acme reduced costs by 30%.', '已服务28家券商，误报率降低47%。'],
  },
  {
    id: 'cr.unproven-superlative',
    dimension: 'credibility',
    langs: ['en', 'zh'],
    when: { noSignals: ['proof'] },
    match: {
      kind: 'text',
      terms: SUPERLATIVES.filter((t) => !['leading', 'best', '主流'].includes(t)),
      patterns: [
        /\bleading\b(?!\s+to\b)/,
        // "best practices" are everyone's; "主流" after 兼容/适配/所有/等 describes what it works with.
        /\bbest\b(?!\s+practices?\b)/,
        /(?<!(?:兼容|适配|支持|对接|集成|所有|各大|各种|多种|等)[^，。；]{0,12})主流/,
        ...SUPERLATIVE_PATTERNS,
      ],
    },
    effect: { delta: -1, severity: 'minor', signals: ['superlative'] },
    message: {
      en: 'Claims superiority ({hits}) with nothing to back it; unproven superlatives read as noise.',
      zh: '自称最好（{hits}）却没有任何证据；没有证据的最高级只是噪音。',
    },
    suggestion: {
      en: 'Swap {hits} for proof a buyer can check: "[N] [segment] customers", a named customer, or a certification.',
      zh: '把{hits}换成客户能核实的证据：“[N]家[行业]客户在用”、客户名，或认证。',
    },
    knowledge: K,
    invalid: [
      'The best-in-class security solution.',
      'The most powerful spend management platform.',
      '是您节能降耗的最佳选择！',
      '我们的产品广受欢迎。',
      '行业领先的CRM。',
      '销量全国第一。',
    ],
    valid: [
      'The leading choice of 300 hospitals.',
      'Errors leading to rework fell 40%.',
      'A platform that follows cloud native best practices.',
      '全面兼容 JMeter、Selenium 等主流开源标准。',
      '几乎所有主流云厂商都提供了适配。',
      '专业物流，按时送达。',
      '第一个月就见效。',
    ],
  },
  {
    id: 'cr.no-proof',
    dimension: 'credibility',
    langs: ['en', 'zh'],
    when: { noSignals: ['proof', 'case', 'result-number'] },
    // Production use at a stated scale is proof too (cr.production-scale, weighed in the same pass).
    match: { kind: 'finder', find: (text) => (findLiveProduction(text).length > 0 ? [] : ['']) },
    effect: { delta: -1, severity: 'major' },
    message: {
      en: 'No testimony or evidence: no customer, case, third party or guarantee backs the claim.',
      zh: '没有证词和确据：没有客户、案例、第三方或保障为这句话背书。',
    },
    suggestion: {
      en: 'Add one piece of proof: a named customer, "used by [N] [segment]", a certification or audit, or a guarantee.',
      zh: '补一条证据：客户名、“[N]家[行业]客户在用”、认证或审计结果，或一条保障承诺。',
    },
    knowledge: K,
    invalid: [
      'Better data. Better decisions.',
      '数据安全，我们是认真的。',
      'Read our case study.',
      '查看案例。',
    ],
    valid: ['Used by 300+ hospitals.', '已服务28家券商。', '当前的边缘管理系统管理着将近100,000个边缘节点。'],
  },
];
