import { findNamedCustomers } from './customer-names.ts';
import {
  CATEGORY_NOUNS_EN,
  CATEGORY_NOUNS_ZH,
  SEGMENT_SOURCE,
  SEGMENTS_EN,
  SEGMENTS_ZH,
  UNIVERSAL_PATTERNS,
  UNIVERSALS,
} from './lexicons.ts';
import { alt, compile, lexiconSource, termList } from './regex-source.ts';
import type { Rule } from './rule.ts';

const K = ['category-label', 'brand-as-mindshare'] as const;

const SEGMENT_EN = compile(lexiconSource(SEGMENTS_EN) ?? '(?!)', 'gi');

/**
 * English segment words, except where they end a company's name: "Acme Labs", "Hua Xia Bank" name a
 * customer, not a segment (a capitalised segment word right after a capitalised word).
 */
const SEGMENT_ZH = compile(lexiconSource(SEGMENTS_ZH) ?? '(?!)', 'g');

/** Chinese segment words, except inside a named customer ("青松物流" names a customer, not logistics). */
function segmentsZh(text: string): string[] {
  const hits: { word: string; at: number }[] = [];
  for (const m of text.matchAll(SEGMENT_ZH)) hits.push({ word: m[0], at: m.index });
  if (hits.length === 0) return [];
  const spans: [number, number][] = [];
  for (const name of findNamedCustomers(text, 'zh'))
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1))
      spans.push([at, at + name.length]);
  return hits
    .filter((h) => !spans.some(([from, to]) => h.at >= from && h.at + h.word.length <= to))
    .filter((h) => h.word !== '仓库' || !isCodeRepo(text, h.at))
    .map((h) => h.word);
}

/** "本仓库", "代码仓库", "仓库地址": a code repository, not a warehouse. */
function isCodeRepo(text: string, at: number): boolean {
  return (
    /(?:本|该|此|代码|源码|模板|开源|镜像|制品|远程|私有|公共|Git|git|GitHub|Gitee|Maven|npm|Docker|Helm)\s?$/.test(
      text.slice(Math.max(0, at - 6), at),
    ) || /^仓库(?:地址|链接|作为|中的|里的)/.test(text.slice(at, at + 6))
  );
}

function segmentsEn(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(SEGMENT_EN)) {
    const before = text.slice(Math.max(0, m.index - 24), m.index);
    const lastWord = before.endsWith(' ') ? (before.trimEnd().split(/\s/).pop() ?? '') : '';
    const inName = /^[A-Z]/.test(m[0]) && /^[A-Z]/.test(lastWord);
    if (!inName) out.push(m[0]);
  }
  return out;
}

/**
 * Verbs that make the named product one the copy works with, moves from or replaces ("支持数据库 MySQL",
 * "替换国外数据库 Oracle", "我们用了十年的数据库 Oracle"), not what it is.
 */
const WORKS_WITH_ZH = '支持|兼容|适配|对接|集成|接入|使用|采用|用了|迁移|替换|替代|下线|弃用|取代';

/** Category nouns, also capitalised (the category rule is case-sensitive: see below). */
/** Praise that may stand where a name or label would ("Best platform", "the Ultimate CRM"): never a label. */
const PRAISE_EN = 'Best|Better|Great|Top|Ultimate|Perfect|Cheapest|Smart';
const CAT_EN = alt([...CATEGORY_NOUNS_EN, ...CATEGORY_NOUNS_EN.map((t) => t[0]?.toUpperCase() + t.slice(1))]);
const CAT_ZH = alt(CATEGORY_NOUNS_ZH);

/**
 * Rules for `category_focus`: a clear category (what it is) and segment (who it is for), first or
 * only, low cognitive cost. Copy that says neither — a slogan — leaves the buyer to guess.
 */
export const categoryFocusRules: readonly Rule[] = [
  {
    id: 'cf.segment',
    dimension: 'category_focus',
    langs: ['en', 'zh'],
    match: {
      kind: 'text',
      patterns: [/\b\d{1,4}-bed\b|\b\d{1,5}\s?(?:to|-|–)\s?\d{1,6}\s?(?:employees|staff|people)\b/],
      scan: (text) => [...segmentsEn(text), ...segmentsZh(text)],
    },
    effect: { delta: 1, severity: 'strength', signals: ['segment'] },
    message: {
      en: 'Names a segment ({hits}), so the right buyers recognise themselves.',
      zh: '点出了目标行业或客群（{hits}），让对的客户一眼认出自己。',
    },
    knowledge: K,
    invalid: [
      'Controllers at mid-size distributors.',
      'Error tracking for developers.',
      '面向汽车零部件厂。',
      '为中小仓库提供库位管理。',
    ],
    valid: [
      'Better data. Better decisions.',
      '让工作更简单。',
      'Trusted by Acme Labs and Hua Xia Bank.',
      '本仓库作为模板库公开，任何人均可使用。',
      '镜像仓库 Harbor 让交付更快。',
      '青松物流团队已经开始使用 Ledgerly。',
    ],
  },
  {
    id: 'cf.whom-without-what',
    dimension: 'category_focus',
    langs: ['en', 'zh'],
    when: {
      signals: ['segment'],
      noSignals: ['category', 'category-label', 'proof', 'case', 'result-number'],
    },
    match: { kind: 'always' },
    effect: { delta: -2, severity: 'major' },
    message: {
      en: 'Says who it is for but not what it is: the buyer cannot tell which shelf it goes on.',
      zh: '说了给谁，却没说是什么：客户不知道该把它放在哪个货架上。',
    },
    suggestion: {
      en: 'Name the category next to the audience: "[category] for [target segment]".',
      zh: '在对象旁边点出品类：“专为[目标行业]打造的[品类]”。',
    },
    knowledge: K,
    invalid: ['Developers want to code. Businesses want to ship.', '让制造企业的每一天都更轻松。'],
    valid: [
      'Error tracking for developers.',
      '面向汽车零部件厂的预测性维护。',
      'Better data. Better decisions.',
    ],
  },
  {
    id: 'cf.explicit-target',
    dimension: 'category_focus',
    langs: ['en', 'zh'],
    match: {
      kind: 'text',
      patterns: [
        compile(
          String.raw`(?:\bfor\b|\bbuilt for\b|\bdesigned for\b|\bmade for\b|\bdedicated to\b|专为|面向|针对|只做|专做|专注于|专注|服务于|适用于|给)[^.!?;。；！？，,]{0,30}?${SEGMENT_SOURCE}`,
        ),
      ],
    },
    effect: { delta: 1, severity: 'strength', signals: ['segment', 'category-label'] },
    message: {
      en: "Says who it is for ({hits}): a clear label lowers the buyer's cognitive cost.",
      zh: '明确说了为谁而做（{hits}）：清晰的品类标签降低了客户的认知成本。',
    },
    knowledge: K,
    invalid: [
      'PCB assembly for medical-device OEMs.',
      '专为券商合规部设计的反洗钱监测。',
      '适用于 IoT 场景。',
    ],
    valid: ['Protect what matters most.', '满足各类企业的用工需求。'],
  },
  {
    id: 'cf.category',
    dimension: 'category_focus',
    langs: ['en', 'zh'],
    match: {
      kind: 'text',
      patterns: [
        compile(
          String.raw`\b(?:(?:[A-Z][\w.+®-]*|It)\s(?:is|are)|We['’]re)\s(?:an|a|the)\s[^.;:!?\n]{0,90}?${CAT_EN}`,
        ),
        // An appositive after a comma or a dash: "Acme, the spend platform", "Acme — the analytics platform".
        compile(String.raw`\b[A-Z][\w.+®-]*(?:,\s|\s[—–-]\s|[—–])(?:an|a|the)\s[^.;:!?\n]{0,50}?${CAT_EN}`),
        compile(String.raw`\b(?:provides|offers|delivers|builds|sells|makes)\s[^.;:!?\n]{0,50}?${CAT_EN}`),
        // A service named by its trade: "provides testing services", "offers freight forwarding services" (not
        // "features and services", "a range of services").
        compile(
          String.raw`\b(?:provides|offers|delivers)\s[^.;:!?\n]{0,50}?\b(?!and\s|of\s|features\s|our\s|value-added\s|other\s|related\s)[a-z-]{3,20}\sservices\b`,
        ),
        // What a firm has long been: "Vistatec was already established as a translation services provider".
        compile(
          String.raw`\b[A-Z][\w.+®-]*\s(?:is|was|has been)\s(?:already\s|long\s)?(?:established|known|recogni[sz]ed)\sas\s(?:an|a|the)\s[^.;:!?\n]{0,60}?${CAT_EN}`,
        ),
        compile(String.raw`${CAT_EN}\s(?:for|built for|designed for|made for)\s`),
        // A headline noun phrase: "Error tracking platform trusted by …" (not "The best …", "Our …"), and
        // not praise in the label's place ("Best platform ever!").
        compile(
          String.raw`^(?!The\s|Our\s|We\s|An?\s)(?!(?:${PRAISE_EN}|Greatest|Smartest|Leading|Number one)\b)[A-Z][\w -]{0,40}?${CAT_EN}`,
        ),
        compile(`是(?:一款|一个|一种|一家|一套|一站式)?[^，。；！？,\n]{0,30}?${CAT_ZH}`),
        compile(`(?:作为|专为|面向|针对|定位为|定位是)[^，。；！？,\n]{0,24}?${CAT_ZH}`),
        // A kind of product named after 一款 however long its modifier: "是由长亭科技推出的一款…Web 攻击防护产品"
        // (not praise: "一款非常好的产品").
        compile(`一款[^，。；！？,\n]{0,40}?[\u4e00-\u9fa5A-Za-z](?<![的好新])产品`),
        // A service named by its trade: "提供60多个语种的翻译服务", "为外贸企业提供报关代理服务" (not praise or
        // a promise of care: "提供优质服务", "一站式服务", "售后服务").
        compile(`提供[^，。；！？,\n]{0,30}?[\u4e00-\u9fa5](?<![的好质佳心诚位面业到贴式值后前务全])服务`),
        // A maker however long its trade: "是一家专业从事软磁合金、永磁合金…的生产厂家", "…的包装企业" (a trade
        // before 企业; not praise or a kind of any company: "领先的企业", "值得信赖的中国企业").
        compile(
          `是一家[^，。；！？,\n]{0,80}?(?:生产厂家|制造商|生产商|服务商|供应商|代理机构|服务机构|的机构|事务所|的(?:包装|物流|化工|纺织|印刷|机械|电子|医药|食品|建筑|建材|环保|能源|电力|服装|家具|钢铁|汽车|软件|咨询|贸易|外贸|物业|安防|检测|设备|材料|塑料|橡胶|五金|模具|陶瓷|玻璃|纸业|制药|农业|餐饮|物流服务|供应链)企业)`,
        ),
        // A label that opens the copy: "前端低代码框架，通过 …".
        compile(
          `^(?![^，。\n]{0,6}?(?:最|第一|领先|顶级|首选))(?![^，。\n]{0,12}?(?:我们|为|打造|帮助|助力|通过|使用|采用|上线))(?!某|一家)[^，。；！？,：:\n]{0,30}?${CAT_ZH}(?:[，,。]|$)`,
        ),
        // A Latin product name with its Chinese category: "CloudExplorer 多云管理平台", "TDengine 时序数据库".
        // Not a clause about it ("为 Acme 打造了统一的运维平台").
        compile(
          `(?:^|[\\s，,（(])[A-Z][A-Za-z0-9.+-]{1,20}\\s?(?![\\u4e00-\\u9fa5]{0,8}?(?:打造|帮助|助力|通过|使用|采用|搭建|为|的|了))[\\u4e00-\\u9fa5]{0,8}?${CAT_ZH}`,
        ),
        // What it was built as on a base: "基于openGauss打造新一代自主创新云原生数据库".
        compile(`基于[^，。；！？\\n]{1,24}?打造(?:了|出)?[^，。；！？,\\n]{0,20}?${CAT_ZH}`),
        // A Chinese category right before the Latin product name: "联通云数据库CUDB", "开源容器平台 Rainbond"
        // (not what it works with: "支持数据库 MySQL", nor a list of kinds: "芯片 ARM体系、MIPS体系").
        compile(
          `(?<!(?:${WORKS_WITH_ZH})[^，。；！？,\\n]{0,12})(?:^|[的，,\\s])(?![^，。；！？,\\n]{0,12}?(?:${WORKS_WITH_ZH}))[^，。；！？,\\n]{0,12}?${CAT_ZH}\\s?[A-Z][A-Za-z0-9]{1,20}(?![A-Za-z0-9]|体系|架构|系列|、)`,
        ),
        // A label after a heading or a dash: "特点：基于 quartz 的任务调度平台", "StreamPark——实时计算作业管理平台".
        compile(`(?:^特点[：:]|——)[^，。；！？,\n]{0,30}?${CAT_ZH}`),
        // A category named by the product it replaces: "an open-source alternative to DataDog", "the
        // open-source, on-premise alternative to Snowflake", "The open source Calendly alternative".
        compile(String.raw`\b(?:an|the|[Aa]n|[Tt]he)\s[^.;:!?\n]{0,40}?alternative\s(?:to|for)\s[A-Z]`),
        compile(String.raw`\b[Tt]he\s(?:open[- ]source\s|self-hosted\s)?[A-Z][\w.-]*\salternative\b`),
        // A label after a dash or at the start: "… - Elasticsearch alternative for logs".
        compile(
          String.raw`(?:^|[-–—:]\s)(?:[Oo]pen[- ]source\s)?(?!(?:${PRAISE_EN})\b)[A-Z][\w.-]*\salternative\s(?:for|to)\b`,
        ),
        // A named product with its category after "the": "the full ServiceTitan software platform".
        compile(
          String.raw`\b[Tt]he\s(?:full\s|entire\s|whole\s)?(?!(?:${PRAISE_EN}|Leading|Only|First|New|Next)\b)[A-Z][\w.-]*\s[a-z]{0,20}\s?${CAT_EN}\b`,
        ),
        // A possessive before a category: "Tulip's flexible platform digitizes …".
        compile(String.raw`\b[A-Z][\w.+-]*['’]s\s[a-z -]{0,30}?${CAT_EN}\b`),
      ],
      // "Foo is a …" needs a capitalised name before "is": "The best data warehouse is a lakehouse" has none.
      caseSensitive: true,
    },
    effect: { delta: 1, severity: 'strength', signals: ['category'] },
    message: {
      en: 'Says what it is ({hits}), so the buyer knows which shelf to put it on.',
      zh: '说清了它是什么（{hits}），客户知道该把它放在哪个货架上。',
    },
    knowledge: K,
    invalid: [
      'Apache Foo is an open-source event streaming platform.',
      'Welcome to Acme, the spend management platform.',
      'Ledgerly — the AI reconciliation platform.',
      'Meet Ledgerly—the AI reconciliation platform.',
      'Acme provides open-source product analytics.',
      'MaxFoo 是一款知识库问答系统。',
      'FooWAF 是由某公司推出的一款以语义分析算法著称的 Web 攻击防护产品。',
      'Customers that use the full Ledgerly reconciliation platform closed twice as fast.',
      '青松精密是一家专业从事软磁合金、永磁合金、弹性合金、膨胀合金等的带材、棒材、板材、丝材以及粉末材料的生产厂家。',
      '轻量级报表框架，拖拽即可出图。',
      'FooDB 定位为轻量级 Java 框架。',
      'Self-hosted uptime checks, an open-source alternative to Pingdom.',
      'Fast SQL for time series.',
      'FooCRM is the award-winning, open-source, enterprise-ready Customer Relationship Management (CRM) application.',
      'FooJSON是一种为接口而生的网络传输协议。',
      'The best alternative to Pingdom for small teams.',
      'The open source Pingdom alternative. You own your data.',
      'Foo: the open-source, on-premise alternative to Snowflake',
      '一个分布式易扩展的可视化工作流任务调度系统。致力于解决依赖问题。',
      '特点：基于quartz封装的集群任务调度管理平台',
      '借助FooPark——一站式实时计算作业管理平台，管理上百个作业。',
      "Foo's flexible platform digitizes paper processes.",
      'FooCloud 多云管理平台，支持对接主流公有云。',
      '面向实时消息场景的高性能分布式通信基础设施。',
      '青松云数据库QSDB，基于openGauss打造新一代云原生数据库。',
      '不用懂 Kubernetes 的开源容器平台 Foo 帮助团队完成应用交付。',
      '10x cheaper - Elasticsearch alternative for logs, metrics and traces.',
      'Foolingo was already established as a long-term translation services provider to this customer.',
      'Foo Labs provides testing services to pharmaceutical companies.',
      'Acme is a logistics provider.',
      '青松翻译能提供60多个语种的翻译服务。',
      '青松企业服务有限公司是一家经过工商注册、专业为企业代理工商和税务的机构。',
      '青松纸业是一家专业生产瓦楞纸板、纸箱、彩箱及数字印刷的包装企业。',
    ],
    valid: [
      '我们是一家领先的企业。',
      '青松是一家值得信赖的中国企业。',
      'The best data warehouse is a lakehouse.',
      '我们为 Acme 打造了统一的运维平台，提升了运营效率。',
      'Users and logs provide clues. Foo provides answers.',
      '迎接重生，全面上云纪实。',
      '这是一款非常好的产品。',
      'Best platform ever! Best platform ever!',
      '我们的系统swift稳定。',
      '支持数据库 MySQL、Redis 和 Kafka。',
      '信创适配：芯片 ARM体系、MIPS体系、X86体系。',
      '我们用了十年的数据库 Oracle 终于下线了。',
      // A story about an unnamed customer, not a label: "某券商基于 Spring Cloud 重构了交易系统，…".
      '某券商基于 Spring Cloud 重构了交易系统，响应时间从 2 秒降到 200 毫秒。',
      '一家城商行基于 Kubernetes 搭建了容器平台，上线周期从两周缩短到一天。',
      'Ledgerly - Best alternative for teams who hate spreadsheets.',
      'The Standard plan provides access to a comprehensive set of features and services.',
      '我们提供优质服务，全方位的一站式服务。',
    ],
  },
  {
    id: 'cf.lead-label',
    dimension: 'category_focus',
    langs: ['en', 'zh'],
    scope: 'lead',
    match: {
      kind: 'text',
      patterns: [
        compile(
          String.raw`^[A-Za-z0-9][^:：.!?\u4e00-\u9fff]{0,60}?${CAT_EN}[^:：.!?\u4e00-\u9fff]{0,40}[:：]`,
        ),
        compile(`^[^:：。！？，,]{0,24}?${CAT_ZH}\\s?[:：]`),
      ],
    },
    effect: { delta: 1, severity: 'strength', signals: ['category-label'] },
    message: {
      en: 'Opens with a category label ({hits}), so the reader files it in the right mental drawer at once.',
      zh: '开头就给出品类标签（{hits}），读者立刻知道该把你放进哪个“抽屉”。',
    },
    knowledge: K,
    invalid: [
      'Clamp-on energy meters for molders: install in 15 minutes.',
      '医院耗材SPD托管：账实相符率99.6%。',
    ],
    valid: [
      'Ledgerly: AI-powered AP automation.',
      'Run payroll in 14 countries.',
      'Key findings: crashes fell 73%.',
      '丰富的应用场景：承接了核心流量。',
      '先说成果：性能提升 30 倍。',
      '推荐使用主流的CRM系统品牌：显著提升效率。',
    ],
  },
  {
    id: 'cf.first-or-only',
    dimension: 'category_focus',
    langs: ['en', 'zh'],
    match: {
      kind: 'text',
      terms: termList(`
        the only | pioneer | pioneered | category of one | nobody else | 唯一 | 首个 | 首家 | 首款 | 第一家 | 独家 | 只做
        专做 | 专注 | 国内首 | 全国首
      `),
      patterns: [
        /\bonly\s[\w\s-]{0,30}?\b(?:that|to|which|built|designed)\b/,
        /\bfirst\s[\w\s-]{0,30}?\b(?:to|that)\b/,
      ],
    },
    effect: { delta: 1, severity: 'strength', signals: ['first-or-only'] },
    message: {
      en: 'Claims a position of first or only ({hits}); owning a narrow category is easier than being better in a broad one.',
      zh: '占住了“第一”或“唯一”（{hits}）；在细分品类里做唯一，比在大品类里做更好容易。',
    },
    knowledge: K,
    invalid: ['The only AP tool built for distributors.', '专做锂电隔膜涂覆用的勃姆石。'],
    valid: ['A first-pass yield of 99.2%.', '在第一个月内见效。'],
  },
  {
    id: 'cf.for-everyone',
    dimension: 'category_focus',
    langs: ['en', 'zh'],
    match: { kind: 'text', terms: UNIVERSALS, patterns: UNIVERSAL_PATTERNS },
    effect: { delta: -2, maxHits: 2, severity: 'major', signals: ['universal'] },
    message: {
      en: 'Aims at everyone ({hits}); a buyer remembers a clear category, not a promise to all.',
      zh: '想服务所有人（{hits}）；客户记住的是清晰的品类，而不是“什么都能做”。',
    },
    suggestion: {
      en: 'Replace {hits} with one segment you win in: "[category] for [target segment]".',
      zh: '把{hits}换成你最能赢的细分市场：“专为[目标行业]打造的[品类]”。',
    },
    knowledge: K,
    invalid: [
      'Project planning for everyone.',
      'Accounting software for everyone in the world.',
      'Built for businesses of every size.',
      '为各行各业提供一站式解决方案。',
      '服务了来自不同行业的客户。',
    ],
    valid: [
      'Built for mid-size distributors.',
      '专为券商合规部设计。',
      '覆盖招聘到薪酬的全流程。',
      // Ease for a team's own members is not a promise to all buyers.
      'A project planner for agencies, easy for everyone on the team to use.',
    ],
  },
  {
    id: 'cf.no-what-for-whom',
    dimension: 'category_focus',
    langs: ['en', 'zh'],
    when: {
      noSignals: ['category', 'category-label', 'segment', 'result-number', 'proof', 'quantity'],
    },
    match: { kind: 'always' },
    effect: { delta: -2, severity: 'major' },
    message: {
      en: 'Says neither what it is nor who it is for: the buyer has to guess the category before reading on.',
      zh: '既没说它是什么，也没说为谁而做：客户得先猜你属于哪个品类。',
    },
    suggestion: {
      en: 'Open with a label a buyer can file: "[category] for [target segment]".',
      zh: '开头给一个客户能归类的标签：“面向[目标行业]的[品类]”。',
    },
    knowledge: K,
    invalid: ['Users and logs provide clues. Foo provides answers.', '企业数智化，用它就够了！'],
    valid: [
      'Foo is an error tracking platform.',
      'Error tracking for developers.',
      '面向物联网的时序数据库。',
      'Trusted by Siemens and Bosch.',
    ],
  },
  {
    id: 'cf.proof-without-what',
    dimension: 'category_focus',
    langs: ['en', 'zh'],
    when: {
      signals: ['proof'],
      noSignals: ['category', 'category-label', 'segment', 'result-number', 'quantity'],
    },
    match: { kind: 'always' },
    effect: { delta: 0, severity: 'minor' },
    message: {
      en: 'Proof without a category: say what it is and for whom before who uses it.',
      zh: '有证据却没有品类：先说它是什么、为谁，再说谁在用。',
    },
    suggestion: {
      en: 'Put the label first: "[category] for [target segment], trusted by …".',
      zh: '把标签放在最前：“面向[目标行业]的[品类]，已被……采用”。',
    },
    knowledge: K,
    invalid: ['Trusted by Siemens and Bosch.', '已服务海尔和美的。'],
    valid: [
      'Error tracking platform trusted by Siemens.',
      'Users and logs provide clues. Foo provides answers.',
    ],
  },
];
