import { NUM_EN, SUPERLATIVES } from './lexicons.ts';
import { termList } from './regex-source.ts';
import type { Rule } from './rule.ts';

const K = ['testimony-and-evidence', 'opinion-leaders'] as const;

const CUSTOMER_NOUNS_EN = String.raw`(?:customers|clients|companies|hospitals|health systems|clinics|banks|credit unions|brokerages|insurers|lenders|plants|factories|sites|trusts|platforms|molders|manufacturers|distributors|retailers|wholesalers|fleets|carriers|shippers|warehouses|labs|schools|universities|stores|restaurants|hotels|brands|teams|enterprises|organi[sz]ations|OEMs|growers|farms|users|sellers|trials|deployments|installations|municipalities|utilities|agencies|firms|suppliers|producers|contractors|dealers|shops|practices|mills|foundries|operators|accounts|projects)\b`;
const NAME_SUFFIX_ZH =
  '(?:集团|银行|医院|证券|股份|汽车|电力|航空|物流|药业|制药|化工|涂料|建材|电器|能源|钢铁|石化|大学)';

/** Rules for `credibility`: testimony and evidence (customers, cases, third parties, guarantees). */
export const credibilityRules: readonly Rule[] = [
  {
    id: 'cr.customer-count',
    dimension: 'credibility',
    langs: ['en', 'zh'],
    match: {
      kind: 'text',
      patterns: [
        // Up to three describing words between the number and the noun, but not a preposition: in
        // "from 9 days to 4 for 140 distributors" the count is "140 distributors", not "4 for 140…".
        new RegExp(
          String.raw`${NUM_EN}\+?\s+(?:(?!(?:for|to|from|in|at|of|by|with|per)\b)[\w'’-]+\s+){0,3}?${CUSTOMER_NOUNS_EN}`,
        ),
        /(?:\d+(?:[.,]\d+)*|[两三四五六七八九十百千万数]+)\s*(?:多|余)?家/,
        /(?:服务|服务了|服务过|覆盖|累计)\s*(?:超过|逾)?\s*\d+(?:[.,]\d+)*\s*(?:多|余)?(?:家|个|位|所)/,
        /\d+(?:[.,]\d+)*\s*(?:多|余)?(?:个|位|所)(?:客户|项目|工厂|园区|医院|门店|企业)/,
      ],
    },
    effect: { delta: 2, severity: 'strength', signals: ['proof', 'customer-count'] },
    message: {
      en: 'Counts real customers ({hits}): social proof the buyer can weigh.',
      zh: '给出了客户数量（{hits}），这是客户能掂量的群体证明。',
    },
    knowledge: K,
    invalid: [
      'Used by 300+ hospitals.',
      'Controllers at 140 mid-size distributors.',
      '已服务28家券商。',
      '已进入两家头部电池厂的供应链。',
    ],
    valid: ['Run payroll in 14 countries.', '我们是一家领先的企业。'],
  },
  {
    id: 'cr.named-customer',
    dimension: 'credibility',
    langs: ['en', 'zh'],
    match: {
      kind: 'text',
      caseSensitive: true,
      patterns: [
        /\b(?:[Uu]sed|[Tt]rusted|[Cc]hosen|[Rr]elied on|[Aa]dopted|[Dd]eployed|[Bb]acked) by\s+(?:[A-Z]|\d)/,
        /\b(?:[Cc]ustomers?|[Cc]lients?) (?:include|like|such as)\b/,
        /\b[Aa]sk\s+(?:[A-Z][\w&'’-]+\s?){1,3}/,
        /\b[A-Z][a-z]+(?:\s[A-Z][\w&-]+)+\s(?:cut|reduced|got|went|saved|increased|lowered|passed|shortened|doubled|halved|grew|moved)\b/,
        /\b(?!(?:Today|It|Let|What|That|Here|There|Who|World|Year|Everyone|Nobody|One|He|She|Where|How|Why|When|Now|Nature|America)['’]s)[A-Z][a-zA-Z&-]+(?:\.?\s[A-Z][a-zA-Z&-]+)*['’]s\b/,
        /\b[A-Z][\w&-]+(?:\s[A-Z][\w&-]+)*\s(?:Inc|Ltd|GmbH|LLC|Group|Bank|Hospital|Health|Logistics|Motors|Energy|Pharma|Foods|AG|SA|plc|Corp|Corporation)\b/,
        new RegExp(
          `(?:已为|已在|帮助|服务了|服务过|客户包括|客户有|例如|比如)[^，。；、的]{2,8}?${NAME_SUFFIX_ZH}`,
        ),
        /[^，。；、\s]{2,8}[、和与][^，。；、\s]{2,8}等\s*(?:\d+|[两三四五六七八九十百千数]+)\s*(?:多|余)?家/,
      ],
    },
    effect: { delta: 2, severity: 'strength', signals: ['proof', 'named-customer'] },
    message: {
      en: 'Names customers ({hits}); a named peer is the strongest testimony in B2B.',
      zh: '点出了客户名字（{hits}）；同行的真实名字是B2B里最有力的证词。',
    },
    knowledge: K,
    invalid: [
      "Brightcart's finance team went from 11 people to 3.",
      'Trusted by Siemens and Bosch.',
      '已为华彩涂料、青松建材等56家企业承运。',
    ],
    valid: ['Our team of experts is passionate.', '专业物流，值得信赖。'],
  },
  {
    id: 'cr.case-or-testimony',
    dimension: 'credibility',
    langs: ['en', 'zh'],
    match: {
      kind: 'text',
      terms: termList(`
        case study | case studies | customer story | success story | testimonial | pilot
        reference customer | reference customers | independent | third-party | peer-reviewed | 案例 | 客户证言
        试点 | 标杆客户 | 客户反馈 | 实测 | 第三方 | 对比数据 | 数据可查 | 出货数据
      `),
      patterns: [
        /\b(?:customers|clients|operators|users|managers|teams|buyers|growers)\s+(?:report|say|tell us|told us|found)\b/,
        /帮(?:助)?(?:一家|某|一位)/,
      ],
    },
    effect: { delta: 1, severity: 'strength', signals: ['proof'] },
    message: {
      en: "Brings testimony or a case ({hits}), which lets the buyer borrow another customer's experience.",
      zh: '有案例或客户证言（{hits}），让客户借用别人的经验来放心。',
    },
    knowledge: K,
    invalid: ['Operators report wall loss down to 0.05 mm.', '我们帮一家汽车内饰件厂把换型时间减半。'],
    valid: ['We offer reliable logistics.', '数据安全，我们是认真的。'],
  },
  {
    id: 'cr.certification-or-audit',
    dimension: 'credibility',
    langs: ['en', 'zh'],
    match: {
      kind: 'text',
      terms: termList(`
        HIPAA | GDPR | FedRAMP | FDA | CE mark | CE-marked | GMP | IATF | CMMI | TÜV | DNV | UL listed
        Gartner | Forrester | IDC | qualified by | certified | accredited | audited | approved by
        validated by | 等级保护 | 认证 | 资质 | 检测报告 | CNAS | CMA | 国家级 | 专利 | 入围 | 中标
      `),
      patterns: [
        /\bISO\s?\d{4,5}\b|\bSOC\s?[12]\b|\bPCI[- ]DSS\b/,
        /\bpass(?:ed|es)?\s+(?:\w+\s+){0,4}?(?:inspections?|audits?|exams?|certifications?|assessments?)\b/,
        /\b(?:exams?|audits?|inspections?)\b[^.!?;]{0,40}\b(?:closed|passed)\b/,
        /\b(?:no|zero)\s+(?:[\w-]+\s+)?(?:findings|citations|exceptions)\b/,
        /等保[一二三四]级|通过[^，。；]{0,10}(?:检查|审计|验收|测评|认证|检测|评审)|(?:检查|审计|验收|测评|认证|检测)[^，。；]{0,4}通过/,
        /进入[^，。；]{0,10}供应链/,
      ],
    },
    effect: { delta: 2, severity: 'strength', signals: ['proof', 'certification'] },
    message: {
      en: "Cites third-party proof ({hits}): certifications and audits lower the buyer's risk.",
      zh: '有第三方背书（{hits}）：认证和审计能降低客户的决策风险。',
    },
    knowledge: K,
    invalid: [
      'ISO 27001 and SOC 2 certified.',
      'Qualified by DNV.',
      '等保三级测评一次通过。',
      '并通过证监会现场检查。',
    ],
    valid: ['Stay ahead of cyber threats.', '全方位守护企业数据资产。'],
  },
  {
    id: 'cr.guarantee',
    dimension: 'credibility',
    langs: ['en', 'zh'],
    match: {
      kind: 'text',
      terms: termList(`
        SLA | warranty | money-back | refund | ours to pay | we pay | we'll pay | contractual
        or your money back | 赔付 | 兜底 | 承诺 | 质保 | 退款 | 返还 | 不省不收费 | 不达标 | 按合同 | 包赔
      `),
      patterns: [/(?<!prices?\s)(?<!price\s)\bguarantee[sd]?\b/],
    },
    effect: { delta: 1, severity: 'strength', signals: ['proof', 'guarantee'] },
    message: {
      en: "Puts skin in the game ({hits}); a guarantee answers the decision maker's fear of blame.",
      zh: '敢做承诺（{hits}）；保障条款正好回应了决策者“怕担责”的心理。',
    },
    knowledge: K,
    invalid: ['Backed by a contractual SLA.', '晚到一天按合同赔付运费的20%。'],
    valid: ['Lowest prices guaranteed.', '价格实惠，欢迎来电。'],
  },
  {
    id: 'cr.unproven-superlative',
    dimension: 'credibility',
    langs: ['en', 'zh'],
    when: { noSignals: ['proof'] },
    match: {
      kind: 'text',
      terms: SUPERLATIVES.filter((t) => t !== 'leading'),
      patterns: [/\bleading\b(?!\s+to\b)/],
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
    invalid: ['The best-in-class security solution.', '是您节能降耗的最佳选择！'],
    valid: ['The leading choice of 300 hospitals.', 'Errors leading to rework fell 40%.'],
  },
  {
    id: 'cr.no-proof',
    dimension: 'credibility',
    langs: ['en', 'zh'],
    when: { noSignals: ['proof'] },
    match: { kind: 'always' },
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
    invalid: ['Better data. Better decisions.', '数据安全，我们是认真的。'],
    valid: ['Used by 300+ hospitals.', '已服务28家券商。'],
  },
];
