import { termList } from './regex-source.ts';
import { findReportedResults } from './reported-result.ts';
import type { Rule } from './rule.ts';

const K = ['usp-vs-uvp', 'product-to-user-thinking'] as const;

/** Rules for `customer_value`: the customer's gain (UVP) versus features and specifications (USP). */
export const customerValueRules: readonly Rule[] = [
  {
    id: 'cv.customer-gain',
    dimension: 'customer_value',
    langs: ['en', 'zh'],
    // A gain supposed ("If your volume doubled…") is none the customer gets.
    scope: 'claims',
    match: {
      kind: 'text',
      terms: termList(`
        instead of | no more | no longer | never again | without | on time | get paid | pays for itself
        不再 | 省去 | 省下 | 免去 | 避免 | 就能 | 即可 | 只需 | 无需 | 不用 | 按时 | 一次通过 | 不省不收费 | 兜底
      `),
      patterns: [
        /\bso\s(?:that\s)?(?!much\b|many\b|far\b|long\b|on\b|to\b|too\b)(?:you|your|they|their|the|every|no|nobody|each|companies|teams|[a-z]{2,20}s)\b/,
        /\b(?:helps?|helping|lets?|allows?|enables?)\s(?:you|your|teams?|them|users|developers|companies|businesses|[a-z]{2,20}\steams?)\b/,
        /\bstop\s\w{2,20}ing\b|,\s?not\s\d|\bno\s(?:shutdown|downtime|overtime|surprises|rework|penalties|penalty|fines|fine)\b|\bno (?:need|longer)\b|\bwithout (?:any |proportional )?(?:human|headcount|rework|downtime|code|coding)/,
        /\b(?:cut|cuts|reduces?|reduced|lowers?|lowered|saves?|saved|avoids?|eliminates?|prevents?|recovers?|protects?|wins?|grows?|ships?|passe[sd]|resolves?|absorbed|fell|dropped|halved|shrank|doubled|tripled)\b/,
        // A past-tense gain of something named ("Improved Scalability and Performance"), not a vague
        // one ("greatly improved efficiency", "boosted performance" of "the dashboard").
        /(?<!greatly\s|significantly\s|dramatically\s|vastly\s|hugely\s|highly\s)\b(?:improved|increased|boosted|accelerated)\s(?!efficiency|productivity|digital|the\s|our\s|performance\b)[a-z]/,
        // The gain as a noun or a participle: "an 80% reduction in time spent", "cutting cost per shipment".
        /\b(?:reductions?|decrease|improvements?|savings|cutting|reducing|lowering|saving|trim|trims|trimmed|brought down|increases? in)\b/,
        /让(?:您|你|客户|团队|老板|厂长|院长|店长|财务|采购)|帮(?:您|你|助)|为您|少(?:看|走|跑|花|等|加班)/,
        /(?<!显著|大幅|有效|全面|极大|大大|明显)(?:降低|减少|缩短|节省|节约|提升|提高|降至|降到|减到|减至|缩到|跃升|压到|压至)/,
      ],
    },
    effect: { delta: 1, severity: 'strength', signals: ['benefit'] },
    message: {
      en: 'Speaks of what the customer gains ({hits}), not just what the product has.',
      zh: '讲到了客户得到什么（{hits}），而不只是产品有什么。',
    },
    knowledge: K,
    invalid: [
      'Close the month in 4 days instead of 9.',
      '让厂长每天早上就能看到停机风险。',
      'We cut overtime for plant teams.',
      'The result is an 80% reduction in time spent on research.',
      '平均库存周转天数从 45 天降到 28 天。',
    ],
    valid: [
      'Our platform has OCR and 40+ connectors.',
      'Smarter, simpler, faster.',
      '采用微服务架构，支持私有化部署。',
      '更快更稳。',
      '显著提升企业运营效率。',
    ],
  },
  {
    id: 'cv.outcome',
    dimension: 'customer_value',
    langs: ['en', 'zh'],
    when: { signals: ['business-result', 'case'] },
    match: { kind: 'always' },
    effect: { delta: 1, severity: 'strength' },
    message: {
      en: 'Leads with an outcome a customer got (money, time, errors), not with what the product has.',
      zh: '先讲客户得到的业务结果（钱、时间、差错），而不是产品有什么。',
    },
    knowledge: K,
    invalid: ['Acme cut operating costs by 30% after migrating.', '上线后，销售人均产出提升88%。'],
    valid: ['Query speed up 20x after migrating.', '查询提速 20 倍。', 'Cut costs by up to 30%.'],
  },
  {
    id: 'cv.reported-outcome',
    dimension: 'customer_value',
    langs: ['en', 'zh'],
    // An outcome reported as having happened, with no case named: as much a customer's gain as one
    // told of a named customer (cv.outcome), and unlike a promise ("cut costs by up to 30%").
    when: { signals: ['business-result'], noSignals: ['case'] },
    match: { kind: 'finder', find: findReportedResults },
    effect: { delta: 1, severity: 'strength' },
    message: {
      en: 'Tells an outcome as it happened ({hits}), not what the product might do.',
      zh: '讲的是已经发生的业务结果（{hits}），而不是产品可能做到什么。',
    },
    knowledge: K,
    invalid: ['The migration resulted in a 40% drop in support costs.', '人力成本节约了46.8万元。'],
    valid: [
      'Cut costs by up to 30%.',
      '可以帮助企业降低30%的成本。',
      'Acme cut operating costs by 30% after migrating.',
    ],
  },
  {
    id: 'cv.before-after',
    dimension: 'customer_value',
    langs: ['en', 'zh'],
    // A before and after of the buyer's own work ("an hour to create a service, now seconds") is the gain
    // itself, even when it is not money (cv.outcome, cv.reported-outcome).
    when: { signals: ['before-after'], noSignals: ['business-result'] },
    match: { kind: 'always' },
    effect: { delta: 1, severity: 'strength' },
    message: {
      en: "Shows the customer's work before and after, so the buyer sees the gain, not the feature.",
      zh: '写出了客户工作的前后变化，客户看到的是得到什么，而不是功能。',
    },
    knowledge: K,
    invalid: ['Creating a service used to take an hour; now it takes minutes.', '对账时间从一周缩短到半天。'],
    valid: ['Operating costs fell 30%.', 'Query speed up 20x.'],
  },
  {
    id: 'cv.peer-result',
    dimension: 'customer_value',
    langs: ['en', 'zh'],
    when: { signals: ['named-customer', 'result-number'] },
    match: { kind: 'always' },
    effect: { delta: 1, severity: 'strength' },
    message: {
      en: 'Shows the value on a named customer: what they got, in numbers, not what the product has.',
      zh: '用有名有姓的客户展示价值：他们得到了什么、有多少，而不是产品有什么。',
    },
    knowledge: K,
    invalid: [
      'Contoso Bank cut loan approval from 5 days to 4 hours.',
      '招商银行上线后，审批时间从2天缩短到4小时。',
    ],
    valid: ['Cut loan approval from 5 days to 4 hours.', 'Trusted by Contoso Bank.'],
  },
  {
    id: 'cv.peer-scale',
    dimension: 'customer_value',
    langs: ['en', 'zh'],
    when: { signals: ['named-customer', 'quantity'], noSignals: ['result-number'] },
    match: { kind: 'always' },
    effect: { delta: 1, severity: 'strength' },
    message: {
      en: 'Shows the value in use: a named customer running it at scale; their result in numbers would say more.',
      zh: '展示了真实使用中的价值：有名有姓的客户在大规模使用；再补上他们得到的数字结果会更有力。',
    },
    knowledge: K,
    invalid: ['Bitso uses Neon to give 250+ engineers their own sandbox.', '邮储银行已完成部署超4万套。'],
    valid: ['Bitso cut build times by 40% for 250+ engineers.', 'Used by 250+ engineers.'],
  },
  {
    id: 'cv.unanchored-comparative',
    dimension: 'customer_value',
    langs: ['en', 'zh'],
    when: { noSignals: ['result-number'] },
    match: {
      kind: 'text',
      patterns: [
        /\b(?:smarter|simpler|faster|easier|better|quicker|safer|stronger|more efficient|more reliable|more secure)\b(?!\s(?:than|by)\b)(?![^.!?;]{0,25}\d)/,
        /(?<!比[^，。]{0,8})更(?:快|稳|好|强|省|准|简单|高效|便捷|轻松|智能|安全|可靠)(?![^，。；]{0,6}(?:\d|倍))/,
      ],
    },
    effect: { delta: -1, severity: 'minor', signals: ['comparative'] },
    message: {
      en: 'Comparatives with no anchor ({hits}): faster than what, by how much? Without a baseline they promise nothing.',
      zh: '没有参照的比较级（{hits}）：比谁快、快多少？没有基准，等于没有承诺。',
    },
    suggestion: {
      en: 'Anchor {hits}: "[X%] faster than [the old way]" or "from [before] to [after]".',
      zh: '给{hits}加上参照：“比[原来的做法]快[X%]”或“从[之前]到[之后]”。',
    },
    knowledge: K,
    invalid: ['Smarter, simpler, faster.', 'Helps developers solve quicker.', '更快更稳。'],
    valid: ['Closes the month 40% faster than spreadsheets.', '比原来快3倍。', 'Payroll in 14 countries.'],
  },
  {
    id: 'cv.nothing-offered',
    dimension: 'customer_value',
    langs: ['en', 'zh'],
    when: {
      noSignals: [
        'category',
        'category-label',
        'segment',
        'result-number',
        'business-result',
        'benefit',
        'you-focus',
        'proof',
      ],
    },
    match: { kind: 'always' },
    effect: { delta: -1, severity: 'minor' },
    message: {
      en: 'Nothing here tells the buyer what they would get: no outcome, no product, no reader.',
      zh: '读不出客户能得到什么：没有结果，没有产品，也没有对象。',
    },
    knowledge: K,
    invalid: ['Trusted by the biggest names.', '迎接重生，全面上云纪实。'],
    valid: [
      'Foo is an error tracking platform.',
      'Your close takes 4 days.',
      // An outcome told as it happened offers something, even in words.
      'Companies that adopted it saw their revenue grow by half.',
    ],
  },
  {
    id: 'cv.price-not-value',
    dimension: 'customer_value',
    langs: ['en', 'zh'],
    when: { signals: ['price'], noSignals: ['benefit', 'result-number'] },
    match: { kind: 'always' },
    effect: { delta: -1, severity: 'minor' },
    message: {
      en: 'Offers price or terms instead of a gain: the buyer learns what it costs before what it does for them.',
      zh: '只讲价格或条款，不讲收益：客户先知道花多少钱，却不知道能得到什么。',
    },
    knowledge: K,
    invalid: ['There is a one time sign up fee and a low monthly fee.', '全网最低价，首月1折。'],
    valid: ['Cut freight costs by 30%, free trial included.', '让厂长每天早上就能看到停机风险。'],
  },
  {
    id: 'cv.speaks-to-you',
    dimension: 'customer_value',
    langs: ['en', 'zh'],
    match: {
      kind: 'text',
      terms: termList(`
        you | your | yours | you're | you'll | 您 | 你们 | 贵司 | 贵厂 | 贵院 | 贵行 | 贵公司
      `),
    },
    // Noted, not scored: on real copy the experts gave "you" no credit of its own (where it fired, the
    // critic sat 1.1 above them on customer value, on 15 weak drafts, 7 middling and no strong one).
    effect: { delta: 0, severity: 'strength', signals: ['you-focus'] },
    message: {
      en: 'Addresses the reader ("you"), which keeps the copy about their situation.',
      zh: '用“您/贵司”对读者说话，让文案围绕客户的处境。',
    },
    knowledge: K,
    invalid: ['Your controllers sign off in 4 days.', '贵厂的换模时间可以减半。'],
    valid: ['Our gateway supports Modbus.', '本公司产品齐全。'],
  },
  {
    id: 'cv.feature-words',
    dimension: 'customer_value',
    langs: ['en', 'zh'],
    // A case that reports a business result may name the technology that delivered it.
    when: { noSignals: ['business-result'] },
    // A product description names a few technical traits; it reads as a feature list when three or
    // more crowd the copy (5+ per 100 words or characters).
    minHits: 3,
    minDensity: 5,
    match: {
      kind: 'text',
      terms: termList(`
        feature | features | featuring | functionality | functionalities | supports | support for | module
        modules | dashboard | dashboards | connector | connectors | integrations | plug-in | plugins
        configurable | customizable | customisable | drag-and-drop | OCR | API | APIs | SDK | AI-powered
        AI-driven | AI-based | cloud-native | microservice | microservices | architecture | Kubernetes
        blockchain | algorithm | algorithms | engine | RAM | CPU | processor | enclosure | Ethernet
        Modbus | OPC UA | MQTT | protocol | protocols | formulation | proprietary | blend | role-based
        multi-tenant | low-code | no-code | firmware | specs | specifications | parameters | tech stack
        功能 | 模块 | 参数 | 配置 | 架构 | 微服务 | 引擎 | 算法 | 采用 | 搭载 | 内置 | 集成 | 对接 | 兼容 | 部署 | 私有化 | 处理器 | 内存 | 硬盘
        固态 | 接口 | 协议 | 大数据 | 人工智能 | 智能柜 | 条码 | RFID | 分布式 | 云原生 | 低代码 | 多院区 | 主频 | 芯片
      `),
      patterns: [/(?<!技术|售后|服务)支持/],
    },
    effect: { delta: -1, severity: 'minor', majorAt: 4, signals: ['feature'] },
    message: {
      en: 'Reads like a feature list ({hits}): that is the product talking (USP), not the value the buyer gets (UVP).',
      zh: '读起来像功能清单（{hits}）：这是产品在说话（USP），而不是客户得到的价值（UVP）。',
    },
    suggestion: {
      en: 'Turn the features ({hits}) into one outcome: "[customer] gets [result]" first; keep the features for a second line.',
      zh: '把这些功能（{hits}）翻译成一个结果：先写“[客户]因此得到[结果]”，功能放到第二句。',
    },
    knowledge: K,
    invalid: [
      'AI-powered OCR with 40+ connectors and customizable dashboards.',
      '支持条码、RFID对接，部署灵活，配置强大。',
    ],
    valid: ['Our scheduling engine cut overtime by 20% at 12 plants.', '非计划停机从每月31小时降到9小时。'],
  },
  {
    id: 'cv.spec-units',
    dimension: 'customer_value',
    langs: ['en', 'zh'],
    match: {
      kind: 'text',
      terms: ['flash point', '宽温', '分辨率', '防护等级'],
      patterns: [
        /(?<![\d.])\d[\d.]*\s?(?:GHz|MHz|GB|TB|MB|Gbps|Mbps|cores|core|threads|thread|kW|mAh|nm|dpi|fps|inches|inch|核|线程|英寸|寸|万像素)(?![A-Za-z])/,
        /(?<![A-Za-z])IP\d{2}(?!\d)/,
        /(?<![A-Za-z])pH\s?\d/,
        /(?<![\d.])-?\d[\d.]*\s?(?:to|–|-|~|～)\s?-?\d[\d.]*\s?°\s?[CF]|-?\d{1,3}\s?(?:~|～|-)\s?-?\d{1,3}\s?℃/,
      ],
      caseSensitive: true,
    },
    effect: { delta: -1, maxHits: 2, severity: 'minor', majorAt: 2, signals: ['feature', 'spec'] },
    message: {
      en: 'Technical parameters ({hits}) are for the spec sheet; the buyer needs the effect they produce.',
      zh: '技术参数（{hits}）属于规格书；客户要的是参数带来的效果数据。',
    },
    suggestion: {
      en: 'Replace the parameters ({hits}) with the effect they have in the customer\'s operation, e.g. "[X] fewer failures a year".',
      zh: '把参数（{hits}）换成它在客户现场的效果，例如“每年少停机[X]小时”。',
    },
    knowledge: K,
    invalid: ['4 GB RAM and an IP67 enclosure, -40 to 85°C.', 'Intel i7处理器，16GB内存，宽温-20~60℃。'],
    valid: ['Plant managers save 11% on energy.', '换模时间从90分钟压到25分钟。'],
  },
  {
    id: 'cv.feature-list',
    dimension: 'customer_value',
    langs: ['en', 'zh'],
    match: { kind: 'list', minItems: 4, maxItem: { en: 3, zh: 8 }, notCustomers: true },
    effect: { delta: -2, severity: 'major', signals: ['feature-list'] },
    message: {
      en: 'A list of {count} items ({hits}) leaves the buyer to work out the value alone; lead with the one gain that matters.',
      zh: '一口气列了{count}项（{hits}），等于让客户自己去算价值；先讲最重要的那一个收益。',
    },
    knowledge: K,
    invalid: [
      'OCR capture, 3-way matching, ERP connectors, role-based approvals and dashboards.',
      '覆盖招聘、入职、排班、考勤、薪酬、绩效全流程。',
    ],
    valid: [
      'Month-end close in 4 days, not 9, for 140 distributors.',
      '已为华彩、青松等56家企业承运。',
      'Trusted by Bosch, Siemens, ABB and Haier.',
      'Over 2,000 manufacturers, including Bosch and Haier, plan on it.',
      // How things were before: old chores, not features.
      '以往，农户们要运肥、和肥、施肥、灌溉，既辛苦又不科学。',
      'Previously, clerks had to export, merge, clean and re-key every file.',
    ],
  },
  {
    id: 'cv.self-focus',
    dimension: 'customer_value',
    langs: ['en', 'zh'],
    match: {
      kind: 'text',
      terms: termList(`
        we are a | we are an | we are the | we're a | we're the | our company | founded in
        established in | since 19 | a leading provider | a leading supplier | a leading vendor
        a leading manufacturer | I hope this email finds you | I hope this message finds you
        I wanted to reach out | just checking in | we offer | we provide | we are proud | our mission
        passionate team | our team of experts | 我们是一家 | 我司 | 本公司 | 介绍一下我们 | 介绍我们的 | 成立于 | 创立于 | 总部位于 | 致力于 | 高新技术企业 | 公司简介
        秉承 | 经营理念
      `),
      patterns: [
        /introduce\s+(?:our|my)\s+(?:company|team|firm|product|platform)/,
        /集[^，。,]{2,12}于一体/,
        /我是[^，。,]{0,12}的/,
      ],
    },
    effect: { delta: -1, maxHits: 3, severity: 'minor', majorAt: 2, signals: ['self-focus'] },
    message: {
      en: 'Talks about the seller ({hits}) before the buyer: product thinking, not user thinking.',
      zh: '先讲自己（{hits}），后讲客户：这是产品思维，不是用户思维。',
    },
    suggestion: {
      en: 'Drop the company introduction ({hits}); open with the problem the buyer has and the result you deliver.',
      zh: '删掉自我介绍（{hits}），开头直接写客户的问题和你交付的结果。',
    },
    knowledge: K,
    invalid: [
      'I wanted to reach out to introduce our company.',
      '我们是一家集研发、生产、销售于一体的高新技术企业。',
    ],
    valid: ['Your AP team closes the month in 4 days.', '贵厂的换模时间可以减半。'],
  },
];
