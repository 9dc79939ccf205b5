/**
 * Figures of scale and concrete figures: what a customer runs the product at ("6K+ pods", "十余万套",
 * "QPS 超过万级"), a named customer's scale, and figures that are not specs of the product. Part of
 * quantified-results.ts's rules, in this order.
 */
import { findFigures } from './figures.ts';
import { DIGITS, NUM_EN } from './lexicons.ts';
import { compile } from './regex-source.ts';
import type { Rule } from './rule.ts';

const K = ['results-in-numbers'] as const;

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

/** See the file comment. */
export const quantityRules: readonly Rule[] = [
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
        // Deployments and systems carried: "17个应用模块", "300+ 金融业务系统", "数万个网点" (not the 数 of
        // "数据库系统").
        compile(
          String.raw`(?:${DIGITS}|[数几]?[十百千万]{1,2})\s?[+＋]?\s?[余多]?\s?[个套家所]?[\u4e00-\u9fa5]{0,4}?(?:业务系统|应用模块|系统|网点|门店|分行|节点|集群)`,
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
      '覆盖数万个网点，支撑 300+ 金融业务系统。',
    ],
    valid: [
      'We make payroll easy.',
      '让工作更简单。',
      'Ships with 40+ ERP connectors and 3-way matching.',
      'Supports 15 official SDKs and 200 integrations.',
      '支持200多项功能，16GB内存。',
      '是一款经过多种核心业务场景验证的、成熟稳定的数据库系统。',
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
    valid: [
      'Founded in 2011.',
      'Works with KES V8R6 and 4C8G hosts.',
      'Step 1: sign up.',
      // The 2 of "B2B" is no figure ("2B companies" read as two billion before).
      'We help B2B companies grow.',
    ],
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
];
