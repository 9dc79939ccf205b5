import { CONCERNS_EN, CONCERNS_ZH, ROLES_EN, ROLES_ZH, UNIVERSAL_PATTERNS, UNIVERSALS } from './lexicons.ts';
import { alt, compile } from './regex-source.ts';
import type { Rule } from './rule.ts';

const K = ['key-decision-maker', 'decision-chain', 'risk-and-group-checks'] as const;

/** Roles on the seller's own side ("our analysts") are not the buyer's decision makers. */
const BUYER_ROLE_EN = compile(String.raw`(?<!\bour\s|\bour\s[\w-]{1,20}\s)${alt(ROLES_EN)}`);
const BUYER_ROLE_ZH = compile(`(?<!我们的?|我司的?)${alt(ROLES_ZH)}`);

/** Rules for `decision_maker_fit`: speak to the key decision maker and their concern in the chain. */
export const decisionMakerFitRules: readonly Rule[] = [
  {
    id: 'dm.named-role',
    dimension: 'decision_maker_fit',
    langs: ['en', 'zh'],
    match: {
      kind: 'text',
      patterns: [BUYER_ROLE_EN, BUYER_ROLE_ZH, /[\u4e00-\u9fa5]总(?=您好|你好|，|,|：|:)/],
    },
    effect: { delta: 1, maxHits: 2, severity: 'strength', signals: ['role'] },
    message: {
      // Not every role named is the one who decides ("developers", "engineers" use and evaluate): the
      // finding names a role in the buying chain and points to the key person.
      en: 'Speaks to a named role in the buying chain ({hits}); make sure it reaches the key person (KP), whose trust you need.',
      zh: '点名了采购链条上的角色（{hits}）；要确保打动关键决策者（KP），赢得的是他的信任。',
    },
    knowledge: K,
    invalid: ['For CISOs at regional banks.', '厂长每天早上看一张表。', '王总您好，看到贵厂新上了产线。'],
    valid: ['Our analysts watch your endpoints.', '让工作更简单。'],
  },
  {
    id: 'dm.buyer-concern',
    dimension: 'decision_maker_fit',
    langs: ['en', 'zh'],
    match: { kind: 'text', terms: [...CONCERNS_EN, ...CONCERNS_ZH] },
    effect: { delta: 1, maxHits: 2, severity: 'strength', signals: ['concern'] },
    message: {
      en: "Touches the decision maker's worry ({hits}); in B2B the fear of blame weighs more than the hope of merit.",
      zh: '回应了决策者的顾虑（{hits}）；B2B决策者“更求无过”，怕担责胜过想立功。',
    },
    knowledge: K,
    invalid: ['Every exception already explained to the auditors.', '环保验收一次通过。'],
    valid: ['Better data. Better decisions.', '让工作更简单。'],
  },
  {
    id: 'dm.audience',
    dimension: 'decision_maker_fit',
    langs: ['en', 'zh'],
    when: { signals: ['segment'], noSignals: ['universal'] },
    match: { kind: 'always' },
    effect: { delta: 1, severity: 'strength' },
    message: {
      // Says nothing of the person who decides: dm.no-decision-maker may still ask for one.
      en: 'Names the audience, so the copy reaches the organisations it is for.',
      zh: '点出了对象，文案能送到对的客户手里。',
    },
    knowledge: K,
    invalid: ['Error tracking for developers.', '面向汽车零部件厂的预测性维护。'],
    valid: ['Our CRM helps any business sell more.', '让工作更简单。'],
  },
  {
    id: 'dm.category',
    dimension: 'decision_maker_fit',
    langs: ['en', 'zh'],
    when: { signals: ['category'], noSignals: ['segment', 'universal'] },
    match: { kind: 'always' },
    effect: { delta: 1, severity: 'strength' },
    message: {
      en: 'Says what it is, so the buyer can tell whose budget and decision it falls to.',
      zh: '说清了它是什么，客户能判断该由谁来拍板、走谁的预算。',
    },
    knowledge: K,
    invalid: ['Foo is a distributed SQL database.', 'Foo 是一款时序数据库。'],
    valid: ['Error tracking for developers.', 'Our CRM helps any business sell more.', '让工作更简单。'],
  },
  {
    id: 'dm.outcome',
    dimension: 'decision_maker_fit',
    langs: ['en', 'zh'],
    when: { signals: ['business-result'] },
    match: { kind: 'always' },
    effect: { delta: 1, severity: 'strength' },
    message: {
      en: 'Gives the decision maker a business number to defend the choice with.',
      zh: '给了决策者一个能拿去汇报、为选择辩护的业务数字。',
    },
    knowledge: K,
    invalid: ['Operating costs fell 30%.', '人力成本节约46.8万元。'],
    valid: ['Query speed up 20x.', '让工作更简单。'],
  },
  {
    id: 'dm.results-to-report',
    dimension: 'decision_maker_fit',
    langs: ['en', 'zh'],
    // Several results in numbers ("600%管理效率提升 208小时节约工时 9.5%销售额提升") are what the person who
    // signs reports upward, even when no role is named.
    when: { signals: ['several-results'] },
    match: { kind: 'always' },
    effect: { delta: 1, severity: 'strength' },
    message: {
      en: 'Several results in numbers: what the decision maker reports upward to justify the choice.',
      zh: '多个数字化结果：决策者向上汇报、证明选择正确时用的正是这些。',
    },
    knowledge: K,
    invalid: ['Close time fell from 10 days to 3, and errors dropped 40%.'],
    valid: ['Close time fell 30%.', '让工作更简单。'],
  },
  {
    id: 'dm.for-everyone',
    dimension: 'decision_maker_fit',
    langs: ['en', 'zh'],
    match: { kind: 'text', terms: UNIVERSALS, patterns: UNIVERSAL_PATTERNS },
    effect: { delta: -1, severity: 'minor', signals: ['universal'] },
    message: {
      en: 'Written for {hits}: no decision maker sees their own problem in copy meant for everyone.',
      zh: '写给{hits}：写给所有人的文案，没有哪个决策者会觉得在说自己。',
    },
    knowledge: K,
    invalid: ['Our CRM helps any business sell more.', '满足各类企业的用工需求。'],
    valid: ['For CFOs of 400-bed hospitals.', '面向城商行的信息科技部。'],
  },
  {
    id: 'dm.peer-case',
    dimension: 'decision_maker_fit',
    langs: ['en', 'zh'],
    when: { signals: ['named-customer', 'result-number'] },
    match: { kind: 'always' },
    effect: { delta: 1, severity: 'strength' },
    message: {
      en: 'A named peer with a result: the evidence a decision maker uses to defend the choice to their own boss.',
      zh: '有名有姓的同行加上结果：这正是决策者向上级证明“选对了”的依据。',
    },
    knowledge: K,
    invalid: [
      'Northwind Health cut claim denials from 12% to 4%.',
      '招商银行上线后，审批时间从2天缩短到4小时。',
    ],
    valid: ['Claim denials fall 30%.', 'Trusted by Northwind Health.'],
  },
  {
    id: 'dm.case-result',
    dimension: 'decision_maker_fit',
    langs: ['en', 'zh'],
    // An unnamed customer's result ("a top-10 US bank cut …", "某城商行上线后…") still gives the person who
    // signs a case to point to; a named one is dm.peer-case.
    when: { signals: ['case', 'result-number'], noSignals: ['named-customer'] },
    match: { kind: 'always' },
    effect: { delta: 1, severity: 'strength' },
    message: {
      en: "A customer's result the decision maker can point to, even unnamed; naming the customer would make it stronger.",
      zh: '有客户的结果可供决策者援引，即使没点名；写出客户名字会更有分量。',
    },
    knowledge: K,
    invalid: [
      'A top-10 US bank reduced onboarding from 3 weeks to 2 days.',
      '某城商行上线后，开户时长从 3 天缩短到 1 天。',
    ],
    valid: ['Northwind Health cut claim denials from 12% to 4%.', 'Claim denials fall 30%.'],
  },
  {
    id: 'dm.peer-scale',
    dimension: 'decision_maker_fit',
    langs: ['en', 'zh'],
    when: { signals: ['named-customer', 'quantity'], noSignals: ['result-number'] },
    match: { kind: 'always' },
    effect: { delta: 1, severity: 'strength' },
    message: {
      en: 'A named peer running it at scale: the reassurance a decision maker looks for before saying yes.',
      zh: '有名有姓的同行在大规模使用：这正是决策者点头前想要的安心。',
    },
    knowledge: K,
    invalid: ['Bitso uses Neon to give 250+ engineers their own sandbox.', '邮储银行已完成部署超4万套。'],
    valid: ['Bitso cut build times by 40% for 250+ engineers.', 'Used by 250+ engineers.'],
  },
  {
    id: 'dm.peer-proof',
    dimension: 'decision_maker_fit',
    langs: ['en', 'zh'],
    when: { signals: ['proof'], noSignals: ['result-number', 'quantity'] },
    match: { kind: 'always' },
    effect: { delta: 1, severity: 'strength' },
    message: {
      en: 'Proof a decision maker can point to (a named customer, a certification, a customer count) lowers the risk of saying yes.',
      zh: '有决策者拿得出手的证据（客户名、认证、客户数），点头的风险就小了。',
    },
    knowledge: K,
    invalid: ['Trusted by Northwind Health and Contoso Bank.', '已通过等保三级认证。'],
    valid: ['Claim denials fall 30%.', '让工作更简单。'],
  },
  {
    id: 'dm.no-decision-maker',
    dimension: 'decision_maker_fit',
    langs: ['en', 'zh'],
    when: { noSignals: ['role', 'concern'] },
    match: { kind: 'always' },
    effect: { delta: 0, severity: 'minor' },
    message: {
      en: 'No decision maker named: whose risk does this lower (CFO, IT director, plant manager, procurement)?',
      zh: '没有点出决策者：这句话降低了谁的风险（财务总监、IT负责人、厂长、采购）？',
    },
    suggestion: {
      en: 'Write to one decision maker and their fear: "[role], [risk / acceptance / after-sales concern] is covered by [proof]".',
      zh: '对准一个决策者和他的顾虑来写：“[角色]最担心的[风险/验收/售后]，由[证据]兜底”。',
    },
    knowledge: K,
    invalid: ['Better data. Better decisions.', '让工作更简单。'],
    valid: ['For CISOs at regional banks.', '厂长每天早上看一张表。'],
  },
];
