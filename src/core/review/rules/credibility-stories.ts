/**
 * Credibility from what customers say and what happened to them: a quote from a customer, a user's own
 * testimony, an unsigned quote of experience, a result reported as having happened, and a customer's
 * words about choosing the product. Part of credibility.ts's rules, in this order.
 */
import { findNamedCustomers } from './customer-names.ts';
import { findReportedResults } from './reported-result.ts';
import type { Rule } from './rule.ts';
import { findCustomerTestimony, findQuotedExperience } from './testimony.ts';

const K = ['testimony-and-evidence', 'opinion-leaders'] as const;

/** Opening quote marks and the marks that close them. */
const QUOTE_PAIRS: Readonly<Record<string, string>> = { '“': '”', '"': '"', '「': '」' };
/** In a quote, a customer speaking (we / our / 我们) … */
const CUSTOMER_VOICE = /\b(?:we|us|our)\b|我们/i;
/** … about choosing, adopting or moving to the product. */
const CHOICE_WORDS =
  /\b(?:switched|chose|choosing|moved to|migrated|picked|selected|adopted|rolled out|deployed)\b|选择了|选用|采用了|上线了|迁移到|引入了|接入了|切换到/i;

/** Quotes in which a customer says they chose or moved to the product ("“We switched from X to Y …”"). */
function customerWords(text: string): string[] {
  const found: string[] = [];
  let at = 0;
  while (at < text.length) {
    const open = text[at] as string;
    const close = QUOTE_PAIRS[open];
    if (!close) {
      at += 1;
      continue;
    }
    // One linear scan to the closing mark; an unclosed quote ends the search.
    const end = text.indexOf(close, at + 1);
    if (end < 0) break;
    const words = text.slice(at + 1, end);
    if (CUSTOMER_VOICE.test(words) && CHOICE_WORDS.test(words)) found.push(words.slice(0, 40));
    at = end + 1;
  }
  return found;
}

/** See the file comment. */
export const customerStoryRules: readonly Rule[] = [
  {
    id: 'cr.quote',
    dimension: 'credibility',
    langs: ['en', 'zh'],
    match: {
      kind: 'text',
      patterns: [
        // The speaker's first name is kept, so the finding quotes "says Martinet", not "says M".
        /[”"],?\s?(?:said|says|explains|explained|notes|noted|adds|added|shared|recalls|recalled)\s[A-Z][\w.'’-]{0,24}/,
        /[”"],?\s?[A-Z][\w. -]{0,30}?\s(?:said|says|explained|noted|added|shared|recalled)\b/,
        /\b(?:architect|engineer|CTO|CIO|CEO|CFO|CISO|VP|director|manager|head|lead|founder|president|officer)\s(?:at|of|from)\s[A-Z][^.!?]{0,40}?\s(?:shared|said|says|explained|told|described|noted)\b/,
        // Not hearsay of a ceiling ("Customers report up to 10x ROI"): no one said that figure.
        /\b(?:customers|clients|operators|users|managers|teams|buyers|growers|engineers)\s(?:report|reported|say|said|tell us|told us|found)\b(?!\s(?:up to|as much as|as high as|gains of up to))/,
        /(?:总监|经理|负责人|CTO|CIO|CEO|架构师|工程师|总裁|董事长|主任|院长|厂长|创始人|副总)[^，。“]{0,8}?(?:表示|谈到|介绍|评价|认为|坦言|提到|说)/,
        // A role and a Latin name before the words: "软件工程师 Michael Davis 报告说：“…”".
        /(?:总监|经理|负责人|CTO|CIO|CEO|CFO|架构师|工程师|总裁|董事长|主任|创始人|副总)\s?[A-Z][A-Za-z .·]{0,24}?\s?(?:报告说|报告称|表示|谈到|介绍|评价|坦言|提到|说)(?=[:：]?\s?[“「])/,
        /[”」][，,]?[^，。“]{0,12}?(?:表示|说道|坦言)/,
        // A user speaking of the product, quotes or not: "Sourcegraph gives us…", "Foo 让我们…".
        /\b(?:gives|gave|allows|allowed|helps|helped|enables|enabled)\sus\b/,
        /(?<=[A-Za-z0-9]\s?)(?:让|帮助|帮|使)我们(?!一起)/,
      ],
    },
    effect: { delta: 1, severity: 'strength', signals: ['proof', 'case'] },
    message: {
      en: "Quotes a customer ({hits}), which lets the buyer borrow another customer's experience.",
      zh: '引用了客户的原话（{hits}），让客户借用别人的经验来放心。',
    },
    knowledge: K,
    invalid: [
      '"We closed in four days," Dana Reyes said.',
      'Operators report wall loss down to 0.05 mm.',
      '该厂设备部经理表示，换型时间减半。',
      '软件工程师 Dana Reyes 报告说：“我们把平均响应时间减少了 95%。”',
      'CTO Dana Reyes 表示：“上线三个月，对账时间减半。”',
      'Shipfast gives us the ability to refactor across 2000+ repositories.',
      '用了半年，Shipfast 让我们的发布再也不用熬夜。',
    ],
    valid: [
      'We offer reliable logistics.',
      'Our customers love us.',
      'Customers report up to 10x ROI.',
      '数据安全，我们是认真的。',
      'Shipfast gives you one place to deploy.',
    ],
  },
  {
    id: 'cr.user-testimony',
    dimension: 'credibility',
    langs: ['en', 'zh'],
    match: { kind: 'finder', find: (text, lang) => findCustomerTestimony(text, lang) },
    effect: { delta: 2, severity: 'strength', signals: ['proof', 'case'] },
    message: {
      en: 'Reads as a customer speaking about {hits} from their own use: testimony, though naming the customer would let the buyer check it.',
      zh: '读起来是客户在讲自己用 {hits} 的经历：这是证言；写上客户名，买家才能核实。',
    },
    knowledge: K,
    invalid: [
      'We have been running Cilium in our production environments for months.',
      'Opcenter APS supported us in improving our on-time delivery.',
      '我们已经在生产环境中使用 Cilium 半年。',
    ],
    valid: [
      'We make payroll simple with Ledgerly.',
      'Our platform runs on Kubernetes.',
      'We built Foo so that your team ships faster.',
      '我们为您提供基于 Kubernetes 的平台。',
    ],
  },
  {
    id: 'cr.unnamed-quote',
    dimension: 'credibility',
    langs: ['en', 'zh'],
    // A quote of choosing or moving to the product (cr.customer-words) or signed by a named customer
    // (cr.named-customer) is credited by those rules: not twice.
    match: {
      kind: 'finder',
      find: (text, lang) => {
        // The quote first: most drafts have none, and the name reader is the costly part.
        const quote = findQuotedExperience(text, lang);
        if (quote.length === 0 || customerWords(text).length > 0) return [];
        return findNamedCustomers(text, lang).length > 0 ? [] : quote;
      },
    },
    effect: { delta: 1, severity: 'strength', signals: ['proof'] },
    message: {
      en: 'Opens on a customer speaking from experience ("{hits}…"): testimony, though without a name and role the buyer cannot check who said it.',
      zh: '开头是客户讲亲身经历（“{hits}……”）：这是证言；但没有姓名和职务，买家无从核实是谁说的。',
    },
    suggestion: {
      en: 'Sign the quote: "— [name], [role] at [customer name]".',
      zh: '给这句话署名：“——[姓名]，[客户名][职务]”。',
    },
    knowledge: K,
    invalid: [
      '“We didn’t add headcount. We removed toil and got to a cleaner close with evidence our auditors liked.”',
      '“直到公司换了新系统，我才真正体会到什么叫准点下班，再也不用天天加班。”',
      '"The backlog used to define our week. Now the engine clears the routine work overnight."\n— Claims Transformation Lead, national insurer (name withheld)',
      'Time to market has improved as well: “Now a team is up and running in a fortnight, which before would have taken us a whole quarter.”',
    ],
    valid: [
      '“We switched from our old ticketing tool and closed the backlog in a month.”',
      '“Close your books in 3 days and let your team go home on time.”',
      'We didn’t add headcount. We removed toil.',
      '“更快、更稳、更安全。”',
    ],
  },
  {
    id: 'cr.reported-result',
    dimension: 'credibility',
    langs: ['en', 'zh'],
    // A result told as a case (a named or anonymised customer, a quote) is already credited as one.
    when: { signals: ['result-number'], noSignals: ['named-customer', 'case'] },
    match: { kind: 'finder', find: findReportedResults },
    effect: { delta: 2, severity: 'strength', signals: ['proof'] },
    message: {
      en: 'Reports a result that already happened ({hits}): evidence, not a promise. Name the customer, or quote them, and the buyer can check it.',
      zh: '写的是已经发生的结果（{hits}），是证据而不是承诺；写上客户名或引用客户原话，买家就能核实。',
    },
    knowledge: K,
    invalid: [
      'The migration resulted in a 2x increase in query speed.',
      'By using Pulumi, the organization was able to reduce deployment times by 70%.',
      '优化后平均延迟下降了10ms，超时比例下降了25%。',
      '以前需要 6 分钟，现在发布时间从 6 分钟降低到了 3 分钟。',
    ],
    valid: [
      'Cut deployment times by up to 70%.',
      'Our platform can reduce costs by 30%.',
      '可以帮助企业降低30%的成本。',
      '平均节电23%，效果显著。',
    ],
  },
  {
    id: 'cr.customer-words',
    dimension: 'credibility',
    langs: ['en', 'zh'],
    match: { kind: 'finder', find: customerWords },
    effect: { delta: 1, severity: 'strength', signals: ['proof', 'case'] },
    message: {
      en: 'Lets a customer say in their own words why they chose it ({hits}).',
      zh: '让客户用自己的话说出为什么选了它（{hits}）。',
    },
    knowledge: K,
    invalid: [
      '“We switched from our old ticketing tool and closed the backlog in a month.”',
      '“我们选用这套系统后，月结从 9 天缩到 4 天。”',
    ],
    valid: ['We switched our pricing to per seat.', '“Simply the best.”', '我们选用了最好的材料。'],
  },
];
