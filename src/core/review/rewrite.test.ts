import { describe, expect, it } from 'vitest';
import { reviewOffline } from './offline-critic.ts';
import { MAX_PLACEHOLDERS } from './rewrite.ts';

const numbers = (text: string) => text.normalize('NFKC').match(/\d+(?:[.,]\d+)*/g) ?? [];
const placeholders = (text: string) => (text.match(/\[[^\]\n]{1,40}\]/g) ?? []).length;
const rewriteOf = (draft: string) => reviewOffline(draft).rewrite ?? '';

const DRAFTS = [
  'Shipfast is a release platform for mobile teams. Acme cut release time from 3 days to 4 hours, and 2,400 teams use it.',
  'Our partners demonstrate measurable, repeatable gains, from 12% fewer defects to 30% faster audits.',
  'Carrier A: 9% damage rate. Carrier B: 1%. Same lane, same product.',
  'We make payroll easy.',
  'Smarter, simpler, faster.',
  'The cheapest CRM in Europe, 40% off this month, no setup fee.',
  '专为连锁药店设计的库存系统：缺货率从9%降到2%，已服务120家药店。',
  '某物流公司上线后，空驶率降低18%，司机月收入提升12%。',
  '赋能企业数字化转型，打造一站式智慧平台。',
  '让工作更简单，更高效。',
];

describe('buildRewrite', () => {
  it.each(DRAFTS)('keeps every number of the draft and at most four placeholders: %s', (draft) => {
    const rewrite = rewriteOf(draft);
    for (const n of numbers(draft)) expect(numbers(rewrite)).toContain(n);
    for (const n of numbers(rewrite)) expect(numbers(draft)).toContain(n);
    expect(placeholders(rewrite)).toBeLessThanOrEqual(MAX_PLACEHOLDERS);
  });

  it('never produces the same text for two different drafts', () => {
    const rewrites = DRAFTS.map(rewriteOf);
    expect(new Set(rewrites).size).toBe(DRAFTS.length);
    expect(rewriteOf('Users and logs provide clues. Foo provides answers.')).not.toBe(
      rewriteOf('Tickets tell you what broke. Bar tells you why.'),
    );
  });

  it('never cuts a clause: sentences with commas are kept whole', () => {
    const draft = DRAFTS[1] as string;
    expect(rewriteOf(draft)).toContain(draft);
  });

  it('keeps quotes and narrative in their order', () => {
    const draft =
      '"Before Shipfast, a release took four days. Now it takes minutes. It just runs," Dana Reyes said.';
    expect(rewriteOf(draft)).toContain(
      '"Before Shipfast, a release took four days.\nNow it takes minutes.\nIt just runs," Dana Reyes said.',
    );
  });

  it('does not take a word the draft mentions for its segment ("for carrier")', () => {
    const rewrite = rewriteOf(DRAFTS[2] as string);
    expect(rewrite).not.toMatch(/for carrier/i);
    expect(rewrite).toContain('[target segment]');
  });

  it("builds the head from this draft's category, segment and product", () => {
    // The segment goes where the draft names its category, whole ("payroll platform", not "payroll").
    expect(rewriteOf('Acme is a payroll platform. Payroll runs itself.')).toMatch(
      /^Acme is a payroll platform for \[target segment\]\.\nPayroll runs itself\./,
    );
    // A draft that already says for whom gets no segment placeholder.
    expect(rewriteOf('Shipfast is a release platform for mobile teams. 2,400 teams use it.')).toMatch(
      /^Shipfast is a release platform for mobile teams\./,
    );
    expect(
      rewriteOf('Error tracking platform for mobile developers. Crashes fell 40% at Northwind Traders.'),
    ).toMatch(/^Error tracking platform for mobile developers\./);
    // A standard the product meets is not the product ("with ISO 27001 certified data handling").
    const certified = rewriteOf(
      'Trusted by 300+ plants. Downtime fell 37%, with ISO 27001 certified data handling.',
    );
    expect(certified).not.toMatch(/^ISO\b/);
    expect(certified).toContain('ISO 27001');
    // What only finished a superlative goes with it, not left dangling ("CRM ever.").
    expect(rewriteOf('Fastest CRM ever.')).not.toMatch(/\bever\b/);
    expect(rewriteOf('史上最快的CRM。')).not.toContain('史上');
    // A list of superlatives goes whole, with its commas ("The smartest, simplest, fastest way").
    expect(rewriteOf('The smartest, simplest, fastest way to manage your data.')).toMatch(
      /^For \[target segment\]: The way to manage your data\.$/m,
    );
    expect(rewriteOf('The smartest, simplest and fastest way to manage your data.')).toMatch(
      /The way to manage/,
    );
    // A superlative that is not before the word it qualifies stays, with what follows it.
    expect(rewriteOf('Of all the tools we tried, Ledgerly was fastest, Dana Reyes said.')).toContain(
      'Ledgerly was fastest, Dana Reyes said.',
    );
    // A superlative right before the category it praises goes too, the category stays.
    const chosen = rewriteOf('数字化转型首选平台！');
    expect(chosen).not.toContain('首选');
    expect(chosen).toContain('数字化转型平台');
    // Not where it would leave a clause as a bare category.
    expect(rewriteOf('主流数据库都能接入，最好平台。')).toContain('最好平台');
    // Nor is a kind of technology ("AI, the [category] …").
    expect(rewriteOf('How AI Prevented $47M in Financial Fraud at a Regional Bank')).not.toMatch(/^AI\b/);
  });

  it('uses placeholders only for what is missing', () => {
    const strong = rewriteOf(
      'Billing platform for 3PLs: Northwind Logistics cut invoice disputes by 40%, and 300+ 3PLs use it.',
    );
    expect(placeholders(strong)).toBe(0);
    const noProof = rewriteOf('Scheduling software for clinics that cuts no-shows by 30%.');
    expect(noProof).toContain('[customer name]');
    expect(noProof).not.toContain('[X%]');
  });

  it('moves price terms after the value', () => {
    const rewrite = rewriteOf(DRAFTS[5] as string);
    expect(rewrite.split('\n').pop()).toMatch(/^Terms, after the value: .*40% off/);
    // Several terms share that one line.
    const plans = rewriteOf('Free: $0/mo. No credit card. Pro: $19/mo flat. Unlimited contacts and reports.');
    expect(plans.match(/Terms, after the value/g)).toHaveLength(1);
    expect(plans.split('\n').pop()).toMatch(/\$0\/mo\..*No credit card\..*\$19\/mo flat\./);
  });

  it("writes in the draft's language", () => {
    expect(rewriteOf(DRAFTS[6] as string)).toMatch(/[\u4e00-\u9fff]/);
    expect(rewriteOf(DRAFTS[8] as string)).toContain('[客户名]');
    expect(rewriteOf(DRAFTS[3] as string)).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('leaves out unproven superlatives and promises to everyone, and keeps the facts', () => {
    const crm = rewriteOf('The smartest CRM for everyone!');
    expect(crm).toMatch(/^The CRM for \[target segment\]\./);
    expect(crm).not.toMatch(/smartest|everyone|!/);
    const security = rewriteOf("The world's leading cloud security platform, trusted by 5,000 companies.");
    expect(security).toContain(
      'The cloud security platform for [target segment], trusted by 5,000 companies.',
    );
    expect(security).not.toMatch(/leading|world's/);
    const zh = rewriteOf('最好用的CRM，适合所有企业');
    expect(zh).toMatch(/^面向\[目标行业\]的CRM。/);
    expect(zh).not.toMatch(/最好|所有企业/);
    expect(rewriteOf('The leading payroll platform for 3PLs.')).toMatch(/^The payroll platform for 3PLs\./);
    // A superlative that is not in front of what it praises stays: cutting it would break the sentence.
    expect(rewriteOf('Errors leading to outages cost you 20% of revenue.')).toContain(
      'Errors leading to outages cost you 20% of revenue.',
    );
    // A category the sentence is not about ("We replaced our CRM…") is not taken for the draft's own.
    expect(rewriteOf('We replaced our old CRM with Acme and the leading analytics tool.')).not.toMatch(
      /old CRM for/,
    );
  });

  it("keeps a customer's own words as a quote, with a slot for who said them", () => {
    const draft =
      'We have been running Ledgerly in our production plants for eight months. Month-end close went from 9 days to 4.';
    const r = reviewOffline(draft).rewrite ?? '';
    expect(r).toContain(`“${draft}”`);
    expect(r).toMatch(/— \[name\], \[role\] at \[customer name\]$/);
    expect(r).not.toMatch(/\[category\]/);
    // What the customer says of the price stays in the quote, in its place.
    const priced =
      'We have been running Ledgerly in our plants for eight months, and we pay only $49 a month per site, with no setup fee. Month-end close went from 9 days to 4.';
    const q = reviewOffline(priced).rewrite ?? '';
    expect(q).toContain(`“${priced}”`);
    expect(q).toContain('$49');
    // A vendor's pitch in the first person is not a quote.
    expect(reviewOffline('We make month-end close simple with Ledgerly.').rewrite ?? '').not.toMatch(/^“/);
  });
});

describe('a promise to everyone as the object of the sentence', () => {
  it('becomes the segment slot instead of leaving a fragment', () => {
    expect(reviewOffline('让每一家企业都用得起 AI').rewrite).toMatch(/^让\[目标行业\]都用得起 AI$/m);
    expect(reviewOffline('AI for every business').rewrite).toMatch(/^AI for \[target segment\]$/m);
    // Only one slot for the segment: no second head.
    expect(reviewOffline('AI for every business').rewrite?.match(/\[target segment\]/g)).toHaveLength(1);
    // Where deleting it leaves a sentence, it is deleted as before.
    expect(reviewOffline('The smartest CRM for everyone').rewrite).toMatch(
      /^The CRM for \[target segment\]\.$/m,
    );
  });
});

describe('a segment the opening sentence already names', () => {
  it('is not asked for again, nor repeated in the head', () => {
    for (const draft of [
      'Helping finance teams close the books 5x faster. Trusted by 2,000+ companies.',
      'Helps finance teams close the books 5x faster. Trusted by 2,000+ companies.',
    ]) {
      const en = rewriteOf(draft);
      expect(en).not.toContain('[target segment]');
      expect(en.match(/finance teams/g)).toHaveLength(1);
    }
    const zh = rewriteOf('帮助连锁药店把缺货率降到2%，已服务300家药店。');
    expect(zh).not.toContain('[目标行业]');
    expect(zh.match(/连锁药店/g)).toHaveLength(1);
  });
});

describe('an unnamed customer whose case the draft tells', () => {
  it('gives the head its kind as the segment, in either language', () => {
    expect(rewriteOf('某券商基于 Spring Cloud 重构了交易系统，响应时间从 2 秒降到 200 毫秒。')).toMatch(
      /^[^\n]*面向券商的\[品类\]：某券商基于 Spring Cloud 重构了交易系统，响应时间从 2 秒降到 200 毫秒。/,
    );
    expect(rewriteOf('例如一家杭州的商贸公司切换后，月度结账时间从5天压缩到2天。')).toContain(
      '面向商贸公司的',
    );
    expect(
      rewriteOf('We helped a leading German logistics provider cut order processing time by 73%.'),
    ).toContain('for German logistics providers');
    expect(rewriteOf('A major financial institution cut false positives by 40%.')).toContain(
      'for financial institutions',
    );
  });

  it('leaves the slot when the kind says nothing or is not one customer', () => {
    expect(rewriteOf('某公司上线后成单周期缩短了30%。')).toContain('[目标行业]');
    const many = rewriteOf('One of the largest U.S. insurance companies cut claims handling time by 20%.');
    expect(many).not.toMatch(/companieses|for of /);
    const auditor = rewriteOf('FI Tech maintains SOC 2 Type II, audited annually by a Big-Four firm.');
    expect(auditor).not.toContain('Big-Four firms');
  });
});

describe("a draft that says what it is in Chinese ('X 是一款…')", () => {
  it('gets the segment inside its own sentence, once, with one full stop', () => {
    expect(rewriteOf('MaxFoo 是一款知识库问答系统。')).toMatch(
      /^MaxFoo 是一款面向\[目标行业\]的知识库问答系统。$/m,
    );
    expect(rewriteOf('夜莺是一款开源的云原生监控系统，开箱即用。')).toMatch(
      /^夜莺是一款面向\[目标行业\]的开源的云原生监控系统/,
    );
    const seller = rewriteOf('Acme是一家专注于分布式数据库的服务商。');
    expect(seller).not.toContain('。。');
    expect(seller).not.toMatch(/^Acme，/);
  });

  it('keeps the whole category phrase, not its first noun', () => {
    const rewrite = rewriteOf('DataGear是一款开源免费的数据可视化分析平台，自由制作任何您想要的数据看板。');
    expect(rewrite).toMatch(/^DataGear，面向\[目标行业\]的开源免费的数据可视化分析平台。$/m);
  });
});

describe("a customer's quote that is already signed", () => {
  it('is kept whole and quoted once, with its signature on its own line', () => {
    expect(
      rewriteOf(
        '"Ledgerly paid for itself in the first quarter. We closed Q3 in four days." — Maria Chen, CFO, Globex',
      ),
    ).toBe(
      '“Ledgerly paid for itself in the first quarter. We closed Q3 in four days.”\n— Maria Chen, CFO, Globex',
    );
    expect(rewriteOf('“以前对账要三天，现在半天就够了。”——王立群，浙江恒远机械 财务总监')).toBe(
      '“以前对账要三天，现在半天就够了。”\n——王立群，浙江恒远机械 财务总监',
    );
    // A subtitle after a quoted title is not a signature.
    expect(
      rewriteOf('“换库倒计时72小时”——某省平台替换实录：3天完成 Oracle 平替，报表响应提升41%'),
    ).not.toMatch(/^“换库倒计时72小时”\n——/);
  });

  it('keeps proof before the quote on its own line, and does not wrap it in the quote', () => {
    expect(
      rewriteOf(
        'Rated 4.7/5 by 900+ finance users on G2. “With Closewise we are done by day three.” — Elena Petrov, Controller, Marlow Hotels Group',
      ),
    ).toBe(
      'Rated 4.7/5 by 900+ finance users on G2.\n“With Closewise we are done by day three.”\n— Elena Petrov, Controller, Marlow Hotels Group',
    );
  });

  it("keeps a customer's words as they said them, superlatives and all", () => {
    expect(rewriteOf('"Best tool we have bought." — Happy customer')).toContain(
      '"Best tool we have bought."',
    );
    const both = rewriteOf(
      'The best CRM for dentists. “Best decision we made this year,” says Dr. Lee, Smile Dental.',
    );
    expect(both).toContain('“Best decision we made this year,”');
    // Outside the quote the unproven superlative still goes.
    expect(both).toMatch(/^The CRM for dentists\./);
  });

  it('is not a call to action, a date or the seller praising itself after a dash', () => {
    for (const draft of [
      '“让对账不再加班”——立即免费试用',
      '"Close your books in 3 days" - Start your free trial today',
      '"It just works" - 2024',
      '“我们是业界领先的一站式数智化平台。”——青禾科技 CEO 李明',
    ])
      expect(rewriteOf(draft)).not.toBe(draft.replace(/^["“](.*?)["”]\s?(——|-)\s?/, '“$1”\n$2'));
  });

  it('is not made of a third-person claim ("A top-10 US bank…" is not "us")', () => {
    const rewrite = rewriteOf('A top-10 US bank cut fraud review time by 42% with Brightwave Sentinel.');
    expect(rewrite).not.toContain('[role]');
    expect(rewrite).toContain('for US banks');
  });

  it('keeps a sentence whose before and after are in Chinese numerals', () => {
    expect(rewriteOf('以前对账要三天，现在半天就够了。财务团队很满意。')).toContain(
      '以前对账要三天，现在半天就够了。',
    );
  });
});
