import { findAnonymisedEn } from './anonymised-customers.ts';
import { credibilityCheckRules } from './credibility-checks.ts';
import { customerStoryRules } from './credibility-stories.ts';
import { findCustomerCounts } from './customer-counts.ts';
import { findNamedCustomers } from './customer-names.ts';
import { findInOrder } from './in-order.ts';
import { DIGITS } from './lexicons.ts';
import {
  ANONYMISED_ZH,
  CERTIFYING_WORDS_EN,
  STANDARD_NAMES_EN,
  STANDARDS_BARE,
  THIRD_PARTY_RANK,
} from './proof-lexicons.ts';
import { compile, termList } from './regex-source.ts';
import type { Rule } from './rule.ts';

const K = ['testimony-and-evidence', 'opinion-leaders'] as const;

/** A count large enough to be a scale: digits, maybe in thousands or millions ("two developers" is a team). */
const SCALE_EN = String.raw`${DIGITS}(?:k\b|m\b| million\b| billion\b)?`;

/** A flagship load only a named giant runs: 双11 (Alibaba), 春晚 (CCTV), 春运 (12306). */
const FLAGSHIP_ZH =
  /(?:支撑|承接|保障|扛住|经受)[^，。；]{0,10}?(?:双\s?11|双十一|双\s?12|双十二|春晚|春运)/g;

/**
 * Rules for `credibility`: testimony and evidence. What counts is what a buyer can check or weigh:
 * named customers, customer counts, standards and audits, a quote from a named customer, a reported
 * case (even anonymised), usage at scale, a guarantee. Self-praise (领先, 广受欢迎, "leading") and the
 * bare word "case study" / 案例 with nothing named do not count.
 */
export const credibilityRules: readonly Rule[] = [
  {
    id: 'cr.named-customer',
    dimension: 'credibility',
    langs: ['en', 'zh'],
    match: {
      kind: 'finder',
      find: (text, lang) => [
        ...findNamedCustomers(text, lang),
        ...(lang === 'zh' ? (text.match(FLAGSHIP_ZH) ?? []) : []),
      ],
    },
    effect: { delta: 2, severity: 'strength', signals: ['proof', 'named-customer', 'case'] },
    message: {
      en: 'Names customers ({hits}); a named peer is the strongest testimony in B2B.',
      zh: '点出了客户名字或只有知名大客户才有的场景（{hits}）；同行的真实名字是B2B里最有力的证词。',
    },
    knowledge: K,
    invalid: [
      "Brightcart's finance team went from 11 people to 3.",
      'Trusted by Siemens and Bosch.',
      'Teams at Acme, Globex and Initech run their close on it.',
      'Learn how Northwind Traders reduced returns by 20%.',
      'A lead engineer at Contoso Bank shared how it halved build times.',
      'With Ledgerly, Fabrikam has experienced fewer late payments.',
      'How Northwind Traders Drives 3x More Reorders with Ledgerly',
      '已为华彩涂料、青松建材等56家企业承运。',
      '已服务招商银行和国家电网。',
      '连锁品牌“鲜果铺”上线后，损耗降低12%。',
      'Apache Foo 在天虹商场的应用实践',
    ],
    valid: [
      'Our team of experts is passionate.',
      'Ledgerly matches invoices to purchase orders line by line.',
      "Ledgerly's matching engine cuts errors.",
      'How Ledgerly Drives Faster Closes',
      '专业物流，值得信赖。',
      '我们为各大银行提供服务。',
      '某大型银行三个月上线。',
    ],
  },
  {
    id: 'cr.customer-reach',
    dimension: 'credibility',
    langs: ['en', 'zh'],
    // Where customers are, counted: weaker than how many there are (+1, not +2).
    match: {
      kind: 'text',
      patterns: [
        /\b(?:customers|clients|users)\s(?:in|across)\s(?:over\s|more than\s)?\d{2,3}\+?\s(?:countries|markets)\b/i,
        /(?:客户|用户)(?:遍布|覆盖|分布于?)[^，。；]{0,6}?\d{2,3}\s?[多余]?个?(?:国家|地区)/,
      ],
    },
    effect: { delta: 1, severity: 'strength', signals: ['proof'] },
    message: {
      en: 'Says how far its customers reach ({hits}): a spread the buyer can weigh; a count or a named customer would say more.',
      zh: '写出了客户的分布（{hits}），客户能掂量；写出客户数量或点名客户会更有分量。',
    },
    knowledge: K,
    invalid: [
      'More than an exabyte under management and customers in over 175 countries.',
      '客户遍布全球 60 多个国家和地区。',
    ],
    valid: [
      'Available in 30 countries.',
      'Used by 300+ hospitals in 12 countries.',
      '产品出口到 40 个国家。',
    ],
  },
  {
    id: 'cr.customer-count',
    dimension: 'credibility',
    langs: ['en', 'zh'],
    match: { kind: 'finder', find: findCustomerCounts },
    effect: { delta: 2, severity: 'strength', signals: ['proof', 'customer-count'] },
    message: {
      en: 'Counts real customers ({hits}): social proof the buyer can weigh.',
      zh: '给出了客户数量（{hits}），这是客户能掂量的群体证明。',
    },
    knowledge: K,
    invalid: [
      'Used by 300+ hospitals.',
      'Controllers at 140 mid-size distributors.',
      'Used by thousands of companies for data pipelines.',
      'Helping 4,000+ businesses pass audits.',
      'Its 3,000-odd customers manage $130 billion of projects a year.',
      'More than 80% of the Fortune 100 run it.',
      '已服务28家券商。',
      '已进入两家头部电池厂的供应链。',
      '数百家客户在用。',
      '至今已涌现300+产业数字化标杆应用。',
      '报告期内参与药物发现项目795个。',
      '接收管理各类项目综合维保近300个。',
      'Acme has signed 11 new agreements with its large industrial customers.',
    ],
    valid: [
      'Run payroll in 14 countries.',
      'Installed in 12 plants of one customer.',
      'Interserve has won a £13m five-year facilities contract.',
      // The name of a list is no count of customers.
      'Used by teams at Fortune 500 companies.',
      // An offer's limit or a goal counts no one who bought.
      '40% off for the first 100 customers.',
      'Our goal: help 10,000 teams get paid faster by 2026.',
      'Paychecks for 6,500 employees in 7 plants across the U.S.',
      'Adoption spread to 100 users across 7 product teams within Acme.',
      'We have 7 internal hooks and operators.',
      '用多维表格管理全国 88 家门店。',
      'Month-end close from 9 days to 4 for finance.',
      '我们是一家领先的企业。',
      '为某集团的12家工厂部署。',
    ],
  },
  {
    id: 'cr.certification-or-audit',
    dimension: 'credibility',
    langs: ['en', 'zh'],
    match: {
      kind: 'text',
      terms: STANDARDS_BARE,
      patterns: [
        compile(`${STANDARD_NAMES_EN}[\\s-]${CERTIFYING_WORDS_EN}`),
        compile(`${STANDARD_NAMES_EN}\\s(?:and|&)\\s${STANDARD_NAMES_EN}[\\s-]${CERTIFYING_WORDS_EN}`),
        compile(
          `\\b(?:certified|accredited|audited|compliant|attested|validated)\\s(?:to|with|for|under|against)?\\s?${STANDARD_NAMES_EN}`,
        ),
        /\bpass(?:ed|es)?\s[\w\s]{0,30}?(?:inspections?|audits?|exams?|certifications?|assessments?)\b/,
        /\b(?:exams?|audits?|inspections?)\b[^.!?;]{0,40}\b(?:closed|passed)\b/,
        /\b(?:no|zero)\s[\w -]{0,22}?(?:findings|citations|exceptions)\b/,
        /\bRPO\b|\bRTO\b|\bfive nines\b|\b99\.9{2,5}\s?%\s(?:uptime|availability)\s(?:SLA|guarantee)/,
        // Bounded gaps (30 and 50 characters) on a draft capped at 2,000: linear enough (see `compile`).
        compile(
          String.raw`等保[一二三四\d]级|三级等保|等级保护[一二三四\d]级|通过[^，。；]{0,30}(?:检查|审计|验收|测评|认证|检测|评审)|(?:检查|审计|验收|测评|认证|检测)[^，。；]{0,4}通过`,
        ),
        // A market share in figures or a first place in it ("市场份额居业界首位", "占据…市场的50%以上", "45% market share");
        // bounded gaps, like the pattern below.
        compile(
          String.raw`(?:市场份额|市场占有率|占有率)[^，。；]{0,12}?(?:\d{1,3}(?:\.\d)?\s?[%％]|第一|首位|榜首)|占据[^，。；]{0,20}?市场的?\s?\d{1,3}(?:\.\d)?\s?[%％]|\b\d{1,3}(?:\.\d)?\s?%\s(?:global\s|US\s|U\.S\.\s)?market\sshare\b|\bmarket\sshare\sof\s\d{1,3}(?:\.\d)?\s?%`,
        ),
        /进入[^，。；]{0,10}供应链|获得[^，。；]{0,12}认证|\d{1,5}\s?项(?:发明)?专利|(?:\d{1,5}|[近数上百千十几多余]{1,4})\s?项[^，。；]{0,6}认证/,
        // A third party's report that cites the result: "被《…白皮书》收录", "入选《…报告》".
        /《[^《》]{2,40}(?:白皮书|报告|蓝皮书|案例集)》/,
        // National standards by number: "GB/T 20272-2019 … 第四级".
        /\bGB(?:\/T)?\s?\d{4,5}/,
        // A licensed grade: "防水防腐保温工程专业承包（壹级资质）", "甲级资质".
        /(?:壹级|一级|甲级|特级)资质|资质等级[^，。；]{0,4}(?:壹级|一级|甲级|特级)/,
        /(?:金融|城市|机房|数据中心|同城|异地)级?容灾|容灾等级|[\d一二三四五六]级容灾/,
        // A regulator's licence: "持有全球66+支付牌照", "MSB licence", "regulated by the FCA".
        /(?:持有|获得|拥有|取得)[^，。；]{0,16}?牌照|[\d一二三四五六七八九十数多]{1,4}\+?\s?(?:张|支|块)?(?:支付|金融|保险|业务|经营)?牌照|\b(?:MSB|EMI|money transmitter|e-money)\slicen[cs]es?\b|\bregulated by (?:the\s)?(?:FCA|SEC|FINRA|MAS|FINMA|BaFin|OCC|FinCEN|CFTC|ASIC|SFC|HKMA)\b/,
        // Recognition a third party gave: awards and analyst placements (also `scan`), review-site ratings.
        /\brated\s\d(?:\.\d)?\s?(?:out of|\/)\s?5\b/,
        THIRD_PARTY_RANK,
        compile(
          // Not awards left unnamed ("荣获多项行业大奖"): the buyer cannot check them.
          `(?:荣获|获得|获评|获颁|斩获|赢得)(?!多项|多个|众多|诸多|无数|多次|各类|各项|多种|数十项|数十个)[^，。；！？]{0,70}?(?:奖|称号|资质|竞赛|大赛)|入选[^，。；！？]{0,24}?(?:名单|榜单|目录|案例集|象限)|专精特新|小巨人`,
        ),
      ],
      scan: (text) =>
        findInOrder(
          text,
          [
            /\b(?:winner of|won|wins|received|awarded|named (?:a|the))\s/i,
            /\b(?:awards?|prize|leader|magic quadrant|wave)\b/i,
          ],
          80,
        ),
    },
    effect: { delta: 2, severity: 'strength', signals: ['proof', 'certification'] },
    message: {
      en: "Cites third-party proof ({hits}): standards, certifications, audits and benchmarks lower the buyer's risk.",
      zh: '有第三方背书（{hits}）：标准、认证、审计和基准测试能降低客户的决策风险。',
    },
    knowledge: K,
    invalid: [
      'FAA Part 145 certification represents the gold standard for aircraft maintenance facilities.',
      '具有防水防腐保温工程专业承包（壹级资质）。',
      'ISO 27001 and SOC 2 certified.',
      'HIPAA-compliant and PCI DSS certified.',
      'Qualified by DNV.',
      'Record results on TPC-C.',
      'At least four times faster than the previous world-record holder.',
      'Readmissions fell 23% compared to the non-intervention group.',
      'Our customer survey found that teams on the full platform grew revenue twice as fast.',
      'We hold a 45% market share in the US.',
      '市场份额居业界首位，占据直线执行机构市场的50%以上。',
      'ONC certified.',
      '已通过 CNCF 的 Kubernetes 软件一致性认证。',
      '完成了与天翼云的近百项适配认证。',
      '这一成果已被《2024年数据库迁移实践白皮书》收录。',
      '赢得CNCF最终用户案例研究竞赛。',
      'RPO of zero and an RTO under 30 seconds.',
      '等保三级测评一次通过。',
      '并通过证监会现场检查。',
      '金融级容灾，RPO=0。',
      'Winner of the 2023 SIIA CODiE Award for Best Procurement Solution.',
      'Named a Leader in the Forrester Wave for payroll.',
      'Rated 4.8 out of 5 on G2.',
      "We're the #1 rated payroll software on G2 for 3 years running.",
      'Named a G2 Leader for AP automation.',
      '获得国家科学技术进步奖二等奖。',
      '获得了由国家工业信息安全发展研究中心及 openEuler 社区联合颁发的 openEuler 领先商业实践奖。',
      '入选工信部专精特新“小巨人”企业名单。',
      '遵循《GB/T 20272-2019 信息安全技术 操作系统安全技术要求》第四级标准。',
      '持有全球66+支付牌照及资质。',
      '出具的测试报告在61个国家和地区实现互认。',
      'He said the research showed that the carton can help frozen food makers reduce unsaleables by 44 percent.',
      'We hold MSB licenses in 48 states and are regulated by the FCA.',
    ],
    valid: [
      'Stay ahead of cyber threats.',
      'Licensed under the Apache 2.0 licence.',
      '办理营业执照和牌照咨询。',
      'An award-winning team of experts.',
      '荣获多项行业大奖，深受客户信赖。',
      'Guide your team through the SOC 2 journey.',
      '全方位守护企业数据资产。',
      '支持多因素身份认证功能。',
    ],
  },
  {
    id: 'cr.anonymised-customer',
    dimension: 'credibility',
    langs: ['en', 'zh'],
    match: {
      kind: 'finder',
      find: (text) => [...findAnonymisedEn(text), ...(ANONYMISED_ZH.exec(text)?.slice(0, 1) ?? [])],
    },
    effect: { delta: 1, severity: 'strength', signals: ['proof', 'case'] },
    message: {
      en: 'Tells a customer case ({hits}), though without a name; naming the customer would double its weight.',
      zh: '讲了客户案例（{hits}），但没有点名；能写出客户名字，分量会加倍。',
    },
    knowledge: K,
    invalid: [
      'From $2 Million Loss to 25% Profit Surge: how one HVAC contractor rebuilt its service business.',
      'A logistics company cut empty miles by 18%.',
      '某医疗器械公司上线后成单周期缩短。',
      'We helped a leading German logistics provider cut order processing time by 73%.',
      'Acme helped one of the largest banks in Europe cut fraud losses by 40%.',
      'A top-10 US bank reduced onboarding from 3 weeks to 2 days.',
      'A leading global pharmaceutical company cut trial setup time by 30%.',
      'Claims Automation for a Top 10 Global Insurer: 89% Straight-Through Processing',
      'I helped a manufacturer shift modes on outbound lanes, resulting in 25% lower freight spend.',
      'Last quarter we helped a $28M technology company compress their close from 20 days to 2.',
      'We cut onboarding time for a 5,000-employee insurer by 40%.',
      'A large consumer products company wanted us to develop a clean-label powdered beverage, and we cut its cost by half.',
      'An outsourced accounting firm rebuilt month-end close: auto-coding 71% → 93%.',
      'One client reported they were paying $500,000 a year for an account they did not own.',
      'How a Digital Payment Platform with 15M+ users deployed real-time scoring, slashing fraud losses by 76%',
      '一家城商行上线后，开户时长从 3 天缩短到 1 天。',
      '某药企导入后，注册资料的准备周期缩短了一半。',
      '三甲医院应用Aiknow系统，录入时间从10分钟缩至30秒。',
      '在鄂尔多斯某露天矿区，无人驾驶矿卡使运输效率提升27%。',
    ],
    valid: [
      'Shippers outsource their fleet to a third-party logistics provider or a lead logistics provider.',
      'Foo is the all-in-one platform for enterprise sustainability management.',
      'We offer reliable logistics.',
      '数据安全，我们是认真的。',
      // The seller describing itself is not a customer case.
      'Acme is a leading cloud provider for modern teams.',
      'Acme, a global payments company, today announced a new API.',
      'Acme是一家专注于分布式数据库的公司。',
      '作为一家领先的云服务企业，我们为客户提供服务。',
      'When a new customer signs up, we call them.',
      '该平台支持私有化部署。',
      '无论该企业规模大小，三天即可上线。',
      '我们是一家物流软件公司。',
      'Acme是一家专注于分布式数据库的服务商。',
      'How a platform can help your sales team close faster.',
      'Plans start at $29 a month for a 10-seat team.',
    ],
  },
  ...customerStoryRules,
  {
    id: 'cr.usage-scale',
    dimension: 'credibility',
    langs: ['en', 'zh'],
    match: {
      kind: 'text',
      patterns: [
        compile(
          String.raw`${SCALE_EN}\+?\s(?:monthly\s|daily\s|active\s|end\s)?(?:users|developers|downloads|installs|devices|stars|members)\b`,
        ),
        /(?:下载量|用户数|用户量|装机量|连接数|开发者)[^，。；]{0,6}?(?:超过|超|逾|突破|达)\s?[\d一二两三四五六七八九十百千万亿]{1,6}/,
        /(?:超过|逾|突破)\s?[\d一二两三四五六七八九十百千]{1,6}\s?(?:万|千万|百万|亿)\s?(?:台|个|位|名|次)?(?:设备|用户|开发者|下载|终端)/,
        // A share of a market: "30% of the world's container shipping", "全国 40% 的港口".
        // Not a share of one's own work ("81% of all our support volume") or an industry's rate ("行业40%的损耗率").
        /\b\d{1,2}(?:\.\d)?\s?%\sof\s(?:the\s)?(?:world's|global|all\s(?!our\s|their\s|its\s)|US\s|U\.S\.\s|Europe's|China's|the\sworld's)/,
        /(?:全国|全球|国内|行业)[^，。；]{0,4}?\d{1,2}(?:\.\d)?\s?%\s?(?:以上)?的(?![\u4e00-\u9fa5]{0,5}率)(?:[\u4e00-\u9fa5]{1,6})/,
        // A share of a kind of customer covered: "覆盖70%资产规模千亿银行", "覆盖全国 60% 的三甲医院".
        /覆盖了?(?:全国|国内|全球)?\s?\d{1,2}(?:\.\d)?\s?%\s?(?:以上)?的?[\u4e00-\u9fa5]{0,8}?(?:银行|证券|券商|保险公司|基金|医院|车企|运营商|电网|央企|国企|高校|政府|港口|机场)/,
        // Deployments and live traffic: "used in over 30 countries", "40 adopters", "部署超4万个节点".
        /\b(?:used|deployed|running|implemented|in use)\sin\s(?:over\s|more\sthan\s)?\d{1,3}\+?\scountries\b/,
        compile(String.raw`${SCALE_EN}\+?\s(?:adopters|production\sclusters|hosts\senrolled)\b`),
        /部署(?:超过|超|逾|近)\s?[\d一二两三四五六七八九十百千万]{1,6}\s?[万千]?\s?(?:个|台)?(?:节点|服务器|实例)/,
        /(?:每天|每日|日均)(?:处理|承载|支撑)?(?:超过|超|逾|近)?\s?[\d一二两三四五六七八九十百千万亿数]{1,8}\s?[万亿]{0,2}\s?次?的?\s?(?:API\s|API)?(?:调用|交易)/,
      ],
    },
    effect: { delta: 1, severity: 'strength', signals: ['proof'] },
    message: {
      en: 'Shows use at scale ({hits}); users are not customers, so add who buys it and what they got.',
      zh: '展示了使用规模（{hits}）；用户不等于客户，再补上谁在买、得到了什么。',
    },
    knowledge: K,
    invalid: [
      'Feeds that reach over 200 million users.',
      '全球下载量超千万。',
      "Powering 30% of the world's container shipping schedules.",
      '服务全国 40% 的港口。',
      '我们已经覆盖70%资产规模千亿银行。',
      'Used in over 30 countries for 20 years.',
      'Chaos Mesh now has over 40 adopters.',
      '内部已部署超4万个节点。',
      '每天处理超过 1 万亿次的 API 调用。',
    ],
    valid: [
      'Run payroll in 14 countries.',
      '支持千万级并发连接。',
      'A launch used to take two developers two weeks.',
      'It now resolves 81% of all our support volume.',
      '将行业40%的损耗率降低到2%。',
      'Scales to 10,000 nodes.',
      '每秒处理百万条消息。',
      '最少部署 3 个节点即可。',
    ],
  },
  {
    id: 'cr.guarantee',
    dimension: 'credibility',
    langs: ['en', 'zh'],
    match: {
      kind: 'text',
      terms: termList(`
        SLA | warranty | money-back | refund | ours to pay | we pay | we'll pay | contractual
        or your money back | or you don't pay | or you do not pay | or it's free | or it is free | or we refund |
        no results, no fee | 无效退款 | 不满意退款 | 达不到不收费 | 赔付 | 兜底 | 承诺 | 质保 | 退款 | 返还 | 不省不收费 | 不达标 | 按合同 | 包赔
      `),
      // Not a promised return ("10x ROI guaranteed", "guaranteed results"): that is hype, not a term the
      // seller pays for.
      patterns: [
        /(?<!prices?\s|\bROI\s|\bresults\s|\breturns\s|\bgrowth\s)\bguarantee[sd]?\b(?!\s(?:ROI|results|growth|success|returns|roi)\b)/,
      ],
      // A promise with a price on failing it: "if onboarding takes longer than 30 days, the first year
      // is free", "如果三个月内没有见效，全额退款".
      scan: (text) => [
        ...findInOrder(
          text,
          [
            /\bif\s/i,
            /\b(?:longer than|more than|late|miss(?:es|ed)?|fails?|doesn't|does not)\b/i,
            /\b(?:free|refund(?:ed)?|money back|we pay|on us)\b/i,
          ],
          140,
        ),
        ...findInOrder(
          text,
          [/如果|若|假如/, /超过|未能|没有|达不到|延误/, /免费|退款|全额退|赔付|我们承担/],
          50,
        ),
      ],
    },
    effect: { delta: 1, severity: 'strength', signals: ['proof', 'guarantee'] },
    message: {
      en: "Puts skin in the game ({hits}); a guarantee answers the decision maker's fear of blame.",
      zh: '敢做承诺（{hits}）；保障条款正好回应了决策者“怕担责”的心理。',
    },
    knowledge: K,
    invalid: [
      'Backed by a contractual SLA.',
      '晚到一天按合同赔付运费的20%。',
      'If onboarding takes longer than 30 days, your first year is free.',
      '如果三个月内没有见效，全额退款。',
      "Cut unplanned downtime by 30% in 90 days, or you don't pay.",
      '节能不达标不收费，达不到不收费。',
    ],
    valid: [
      'Lowest prices guaranteed.',
      '价格实惠，欢迎来电。',
      'Free for teams up to 10.',
      'Improve efficiency by 300%! 10x ROI guaranteed!',
      'Guaranteed results in 30 days.',
    ],
  },
  ...credibilityCheckRules,
];
