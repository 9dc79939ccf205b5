/**
 * How the offline critic reads real copy the way an expert does: proof in every form a buyer
 * checks, no false credit, dimensions that move with the copy, Chinese read as Chinese, and a
 * calibrated overall score. Each case is a short made-up example of one defect.
 */
import { describe, expect, it } from 'vitest';
import { separateInstructions } from './instructions.ts';
import { reviewOffline } from './offline-critic.ts';
import { createRuleEngine } from './rule-engine.ts';
import { detectLang } from './text-measure.ts';

const engine = createRuleEngine();

/** The hits of one rule on a text, or null when it does not fire. */
function hitsOf(ruleId: string, text: string): string[] | null {
  const { copy, sentences } = separateInstructions(text);
  const run = engine.run({ copy, lead: sentences[0] ?? '', draft: text, lang: detectLang(text) });
  return run.fired.find((f) => f.rule.id === ruleId)?.hits ?? null;
}

describe('proof written in any form counts', () => {
  it.each([
    'Engineering teams at Acme, Globex and Initech run their releases on Shipfast.',
    'Trusted by Northwind, Contoso and Fabrikam.',
    'A senior architect at Contoso Bank said Shipfast halved their release time.',
    'Learn how Northwind Traders reduced returns by 20%.',
    '"We ship twice a day now," said Dana Reyes, CTO at Globex.',
    'Shipfast is used by the following companies:\n- Northwind\n- Contoso\n- Fabrikam',
  ])('names customers in English: %s', (text) => {
    expect(hitsOf('cr.named-customer', text) ?? hitsOf('cr.quote', text)).not.toBeNull();
    expect(reviewOffline(text).scores.credibility).toBeGreaterThanOrEqual(3);
  });

  it.each([
    '已为华泰证券、宁波银行、青岛啤酒等数百家企业提供服务。',
    '长江证券和海天集团都在用。',
    '已服务招商银行与国家电网。',
    '连锁品牌“鲜果铺”上线后，门店损耗降低12%。',
    '鲜果铺借力 Shipfast 把门店损耗降低了12%。',
  ])('names customers in Chinese: %s', (text) => {
    expect(hitsOf('cr.named-customer', text)).not.toBeNull();
    expect(reviewOffline(text).scores.credibility).toBeGreaterThanOrEqual(3);
  });

  it.each([
    '通过等保三级测评。',
    '金融级容灾，RPO=0。',
    'Record results on the TPC-C benchmark.',
    'SOC 2 Type II and ISO 27001 certified.',
    'PCI DSS compliant and HIPAA-compliant.',
  ])('counts standards, certifications and benchmarks: %s', (text) => {
    expect(hitsOf('cr.certification-or-audit', text)).not.toBeNull();
  });

  it.each([
    '数百家客户在用。',
    'Used by thousands of companies.',
    'Helping 4,000+ businesses close their books.',
    'More than half of the Fortune 500 run on it.',
    '服务超过300万企业客户。',
    '连续三年服务 500+ 金融客户。',
  ])('counts customers written in words or with a plus: %s', (text) => {
    expect(hitsOf('cr.customer-count', text)).not.toBeNull();
  });

  it.each([
    'Over 2,000 mid-size manufacturers, including Bosch Rexroth and Haier, plan their plants on it.',
    'Banks such as Contoso Bank and Fabrikam Trust run their onboarding on it.',
  ])('names customers after a segment and "including" / "such as": %s', (text) => {
    expect(hitsOf('cr.named-customer', text)).not.toBeNull();
  });

  it.each([
    'Trusted by Bosch, Siemens, ABB and Haier.',
    'Over 2,000 mid-size manufacturers, including Bosch Rexroth and Haier, plan their plants on it.',
    '已服务三一重工、美的集团、宁德时代和海尔。',
  ])('does not read a logo list or a grouped number ("2,000") as a feature list: %s', (text) => {
    expect(hitsOf('cv.feature-list', text)).toBeNull();
  });

  it.each([
    ['Customers see a 312% ROI over three years.', 'qr.outcome-metric'],
    ['"It paid for itself in the first quarter," said the COO of Northwind.', 'qr.outcome-metric'],
    ['上线三个月，回款周期缩短了一半。', 'qr.change-in-numbers'],
    ['人工审核工作量减半。', 'qr.change-in-numbers'],
  ])('reads a return or a halving as a result: %s', (text, rule) => {
    expect(hitsOf(rule, text)).not.toBeNull();
    expect(reviewOffline(text).scores.quantified_results).toBeGreaterThanOrEqual(2);
  });

  it.each([
    ['Winner of the 2023 SIIA CODiE Award for Best Procurement Solution.', 'cr.certification-or-audit'],
    ['Rated 4.8 out of 5 on G2 from more than 1,200 verified reviews.', 'cr.certification-or-audit'],
    ['获得国家科学技术进步奖二等奖，入选工信部专精特新“小巨人”企业名单。', 'cr.certification-or-audit'],
    ["Powering 30% of the world's container shipping schedules.", 'cr.usage-scale'],
    ['If onboarding takes longer than 30 days, your first year is free.', 'cr.guarantee'],
    ['如果三个月内没有见效，全额退款。', 'cr.guarantee'],
  ])('credits recognition, market share and a promise with a price on failing: %s', (text, rule) => {
    expect(hitsOf(rule, text)).not.toBeNull();
    expect(reviewOffline(text).scores.credibility).toBeGreaterThanOrEqual(2);
  });

  it.each([
    'This helped the Northwind team cut cloud costs by 20%.',
    'Contoso was able to patch every server in under 4 days.',
    "Fabrikam's codebase went from 700k lines to 90k with Shipfast.",
    'Usage-based billing enabled Globex to close its books faster.',
    'Initech use Shipfast and shipped to production in less than one week.',
    'By using Shipfast, Umbrella shortened its time to market from weeks to days.',
    '"Shipfast lets us move fast." - Dana Reyes, CPO at Globex',
    'Acme Foods saves 1,200 staff hours a year on invoice matching with Ledgerly.',
    'We used to dread release day. With Shipfast our releases are calm. Pied Piper',
  ])('names the customer of an English case told in other words: %s', (text) => {
    expect(hitsOf('cr.named-customer', text)).not.toBeNull();
  });

  it.each([
    '中国银行在自主创新过程中，大规模部署了麒麟操作系统。',
    '中华保险 核心系统迁移后，性能300%提升。',
    '磐维数据库已成功支撑浙江移动营销系统的17个应用模块。',
    '使用 KubeSphere 之后，运维同学的效率大大提高。 去哪儿网',
  ])('names the customer of a Chinese case told in other words: %s', (text) => {
    expect(hitsOf('cr.named-customer', text)).not.toBeNull();
  });

  it.each([
    'Shipfast gives us the ability to refactor across our 2000+ repositories.',
    '用了半年，Shipfast 让我们的发布再也不用熬夜。',
  ])('reads a user speaking of the product as testimony, quotes or not: %s', (text) => {
    expect(hitsOf('cr.quote', text)).not.toBeNull();
  });

  it.each(['让我们一起拥抱数字化。', 'Let us show you around.'])(
    'not a vendor inviting the reader: %s',
    (text) => {
      expect(hitsOf('cr.quote', text)).toBeNull();
    },
  );

  it('names the company whose staff use the product: "极兔已经有 20 万人上线飞书"', () => {
    expect(hitsOf('cr.named-customer', '2023 年，极兔已经有 20 万人上线飞书。')).toEqual(['极兔']);
  });

  it('credits a signature that holds industry words: a company, not an industry', () => {
    expect(
      hitsOf('cr.named-customer', 'KubeSphere 提供了统一门户，降低了维护成本。 马上消费金融'),
    ).not.toBeNull();
    expect(
      hitsOf('cr.named-customer', 'KubeSphere 提供了统一门户，降低了维护成本。 某消费金融公司'),
    ).toBeNull();
  });

  it.each(['OceanBase 是一款分布式数据库，性能提升50%。', '招商银行推出了新的企业网银。'])(
    'still reads the name that opens its own copy as the seller: %s',
    (text) => {
      expect(hitsOf('cr.named-customer', text)).toBeNull();
    },
  );

  it('credits an anonymised case with a result, less than a named one', () => {
    const anonymous = reviewOffline('某连锁药店上线后，缺货率从9%降到2%。');
    const named = reviewOffline('连锁药店“百草堂”上线后，缺货率从9%降到2%。');
    expect(anonymous.scores.credibility).toBeGreaterThanOrEqual(2);
    expect(named.scores.credibility).toBeGreaterThan(anonymous.scores.credibility);
  });

  it('credits a result reported as having happened, not one promised', () => {
    const reported = reviewOffline('The migration resulted in a 2x increase in query speed.');
    const promised = reviewOffline('The migration can give up to a 2x increase in query speed.');
    expect(reported.scores.credibility).toBeGreaterThan(promised.scores.credibility);
    expect(
      reported.findings.some((f) => f.message.startsWith('Reports a result that already happened')),
    ).toBe(true);
    // Not also told that the numbers have no source: they come from a deployment, if an unnamed one.
    const unsourced = (r: typeof reported) =>
      r.findings.some((f) => f.message.startsWith('The numbers have no source'));
    expect(unsourced(reported)).toBe(false);
    expect(unsourced(promised)).toBe(true);
    const zh = reviewOffline('优化后平均延迟下降了10ms，超时比例下降了25%。');
    const zhPromised = reviewOffline('优化后可以让平均延迟下降10ms，超时比例下降25%。');
    expect(zh.scores.credibility).toBeGreaterThan(zhPromised.scores.credibility);
  });
});

describe('no false credit', () => {
  it("does not count the vendor's own name as a customer", () => {
    expect(
      hitsOf('cr.named-customer', 'Ledgerly matches invoices to purchase orders line by line.'),
    ).toBeNull();
    expect(hitsOf('cr.named-customer', "Ledgerly's engine explains every exception.")).toBeNull();
    expect(hitsOf('cr.named-customer', 'Acme is a payroll platform. Acme helps HR teams.')).toBeNull();
  });

  it('does not count the vendor signing its own copy as a customer', () => {
    expect(hitsOf('cr.named-customer', 'We help finance teams close faster. Ledgerly')).toBeNull();
    expect(hitsOf('cr.named-customer', '我们帮助财务团队更快结账。数林BI')).toBeNull();
    expect(hitsOf('cr.named-customer', '东方集团为客户部署了上千套系统。')).toBeNull();
    expect(hitsOf('cr.named-customer', 'Ledgerly cuts close time by 40% with AI matching.')).toBeNull();
  });

  it("does not count one customer's sites as a customer count", () => {
    expect(hitsOf('cr.customer-count', 'Running in 12 plants of one customer.')).toBeNull();
    expect(hitsOf('cr.customer-count', '已在某集团的12家工厂上线。')).toBeNull();
    expect(
      hitsOf('cr.customer-count', 'Acme migrated its entire IT estate: over 200 servers serving 69 sites.'),
    ).toBeNull();
    // Customers' sites served are still counted where nothing says they are one company's.
    expect(hitsOf('cr.customer-count', 'Trusted by 69 hospitals.')).not.toBeNull();
    expect(
      hitsOf('cr.customer-count', 'Serving 500 stores nationwide, Ledgerly closes the books.'),
    ).not.toBeNull();
    // Templates of cases are not customers.
    expect(hitsOf('cr.customer-count', '内置 200+ 行业应用案例模板，开箱即用的低代码平台。')).toBeNull();
  });

  it('gives no credit for the bare words "case study" or 案例', () => {
    expect(reviewOffline('Read our case study.').scores.credibility).toBe(0);
    expect(reviewOffline('查看更多案例。').scores.credibility).toBe(0);
  });
});

describe('value_not_price moves with the copy', () => {
  it.each([
    'Free for every company, forever.',
    'All packages are free to get started.',
    'The cheapest scheduling tool, 40% off this month.',
    'A one-time setup fee and a low monthly fee per user.',
    '先试用，满意后再付款。',
  ])('scores price- or free-led copy low: %s', (text) => {
    expect(reviewOffline(text).scores.value_not_price).toBeLessThanOrEqual(1);
  });

  it('keeps copy that never mentions price but leads with value high', () => {
    expect(
      reviewOffline('Clinics cut no-shows by 30% with reminder calls.').scores.value_not_price,
    ).toBeGreaterThanOrEqual(4);
  });

  it('reads "X-free" and open source as no price at all', () => {
    expect(
      reviewOffline('A message broker for developers. JVM free. Open source.').scores.value_not_price,
    ).toBe(3);
  });
});

describe('clarity and category move with the copy', () => {
  it('scores a slogan that says neither what nor for whom low on clarity and category', () => {
    const r = reviewOffline('Tickets tell you what broke. Foo tells you why.');
    expect(r.scores.clarity).toBeLessThanOrEqual(2);
    expect(r.scores.category_focus).toBeLessThanOrEqual(1);
  });

  it.each([
    '赋能企业数字化转型，打造一站式智慧平台。',
    'A next-gen, AI-powered platform that empowers innovative teams.',
    'Re-imagine your operations and thrive with our AI-powered platform.',
    '企业数智化，全链路降本提效。',
  ])('scores buzzword strings low on clarity: %s', (text) => {
    expect(reviewOffline(text).scores.clarity).toBeLessThanOrEqual(2);
  });

  it('keeps a plain product description clear', () => {
    expect(
      reviewOffline('Foo is an error tracking platform for mobile developers.').scores.clarity,
    ).toBeGreaterThanOrEqual(4);
  });

  it.each([
    ['Smarter, simpler, faster scheduling.', 'Scheduling that takes 10 minutes instead of 2 hours.'],
    ['排班更快更稳。', '排班从2小时缩短到10分钟。'],
  ])('does not give full customer value to unanchored comparatives: %s', (vague, anchored) => {
    expect(reviewOffline(vague).scores.customer_value).toBeLessThan(
      reviewOffline(anchored).scores.customer_value,
    );
    expect(reviewOffline(vague).scores.customer_value).toBeLessThanOrEqual(2);
  });
});

describe('Chinese read as Chinese', () => {
  it('reads Traditional Chinese as it reads Simplified, and answers in Traditional', () => {
    const simplified = reviewOffline('招商银行上线后，审批时间从2天缩短到4小时，用飞书管理全国88家门店。');
    const traditional = reviewOffline('招商銀行上線後，審批時間從2天縮短到4小時，用飛書管理全國88家門店。');
    expect(traditional.scores).toEqual(simplified.scores);
    expect(traditional.overall).toBe(simplified.overall);
    const text = [...traditional.findings.map((f) => f.message), traditional.rewrite ?? ''].join('\n');
    expect(text).toContain('招商銀行');
    expect(text).not.toMatch(/[门审时缩飞户这为]/);
    expect(text).not.toContain('明瞭');
  });

  it('treats 专业 as ordinary and 广受欢迎 / 行业领先 / 第一 / 最… as unproven claims', () => {
    expect(hitsOf('cr.unproven-superlative', '专业的冷链物流。')).toBeNull();
    for (const text of [
      '我们的系统广受欢迎。',
      '行业领先的排班系统。',
      '销量全国第一。',
      '最好用的排班系统。',
    ])
      expect(hitsOf('cr.unproven-superlative', text), text).not.toBeNull();
  });

  it('reads 全流程 as scope, not "for everyone"', () => {
    expect(hitsOf('cf.for-everyone', '覆盖从招聘到薪酬的全流程。')).toBeNull();
    expect(hitsOf('dm.for-everyone', '覆盖从招聘到薪酬的全流程。')).toBeNull();
  });

  it('reads 上线 as go-live, not a decision maker concern', () => {
    expect(hitsOf('dm.buyer-concern', '上线3个月，订单准时率提升到96%。')).toBeNull();
  });

  it('praises a headline before a colon only when it names a category', () => {
    expect(hitsOf('cf.lead-label', '医院耗材托管：账实相符率99.6%。')).not.toBeNull();
    for (const text of [
      '先说成果：效率提升3倍。',
      '丰富的应用场景：覆盖零售。',
      'Key findings: crashes fell 30%.',
    ])
      expect(hitsOf('cf.lead-label', text), text).toBeNull();
  });
});

describe('calibration', () => {
  it.each([
    'Finance teams at 120 mid-size distributors close the month in 4 days instead of 9; Northwind Traders cut write-offs by 35%.',
    'Release platform for mobile teams. Engineering teams at Acme, Globex and Initech cut release time from 3 days to 4 hours.',
    'With Shipfast, Northwind Traders has seen a 40% drop in failed deployments, and infrastructure costs fell by half.',
    '连锁药店“百草堂”上线后，缺货率从9%降到2%，人力成本节约30万元，已通过等保三级测评。',
    '专为城商行信息科技部设计的数据备份服务：已服务42家城商行，恢复时间从6小时缩短到20分钟，通过等保三级测评。',
  ])('puts strong, proof-backed copy in the high band: %s', (text) => {
    expect(reviewOffline(text).overall).toBeGreaterThanOrEqual(65);
  });

  it.each([
    'We help companies unlock growth with innovative, next-gen solutions.',
    '我们致力于为客户提供优质服务，助力企业数字化转型。',
    'Users and logs provide clues. Foo provides answers.',
    '推荐使用主流的排班系统：显著提升企业运营效率。',
    'Free for every company. Smarter, simpler, faster scheduling.',
  ])('puts vague copy in the low band: %s', (text) => {
    expect(reviewOffline(text).overall).toBeLessThan(40);
  });
});

describe('findings agree with each other', () => {
  it('a draft naming its audience but no role is not also told it reaches the people who decide', () => {
    for (const draft of [
      '某三甲医院上线后，门诊排队时间缩短了40%。',
      'Error tracking for hospital IT teams.',
    ]) {
      const dm = reviewOffline(draft).findings.filter((f) => f.dimension === 'decision_maker_fit');
      const noneNamed = dm.some(
        (f) => f.severity !== 'strength' && /No decision maker|没有点出决策者|看不到决策者/.test(f.message),
      );
      const reachesDecider = dm.some(
        (f) => f.severity === 'strength' && /whose decision|拍板/.test(f.message),
      );
      expect(noneNamed && reachesDecider).toBe(false);
    }
  });
});

describe('the praise shown is the strongest proof', () => {
  it('praises named customers rather than a customer count when a draft has both', () => {
    const r = reviewOffline('已服务 3000+ 家企业客户，包括招商银行、顺丰、美的。');
    const praise = r.findings.filter((f) => f.dimension === 'credibility' && f.severity === 'strength');
    expect(praise).toHaveLength(1);
    expect(praise[0]?.message).toContain('招商银行');
  });
});

describe('quoted hits keep the draft’s facts', () => {
  it('quotes "SOC 2 Type II" whole, not as "Type I"', () => {
    const r = reviewOffline('SOC 2 Type II certified. GDPR compliant. 99.99% uptime SLA.');
    const proof = r.findings.find((f) => f.dimension === 'credibility' && f.severity === 'strength');
    expect(proof?.message).toContain('"SOC 2 Type II"');
  });
});

describe('overlapping hits', () => {
  it('quotes the longer of two matches of one phrase, once', () => {
    const r = reviewOffline('国内领先的低代码平台，已通过等保三级认证，服务超过 2 万家企业。');
    const count = r.findings.find((f) => f.message.includes('客户数量'));
    expect(count?.message).toContain('“服务超过 2 万家企业”');
    expect(count?.message).not.toContain('“万家”');
  });
});

describe('a rank a review site gave', () => {
  it('is third-party proof, not a customer speaking, and the rewrite keeps it', () => {
    const r = reviewOffline("We're the #1 rated payroll software on G2 for 3 years running.");
    const messages = r.findings.map((f) => f.message).join('\n');
    expect(messages).toContain('Cites third-party proof ("#1 rated payroll software on G2")');
    expect(messages).not.toMatch(/customer speaking/);
    expect(r.scores.category_focus).toBeGreaterThanOrEqual(3);
    expect(r.rewrite).toContain('#1 rated payroll software');
    expect(r.rewrite).not.toMatch(/\[customer name\]$|^“/m);
    expect(r.rewrite).not.toMatch(/^G2,/);
  });
});

describe('no credit for look-alikes', () => {
  it('reads neither 每一家企业 as an anonymised case nor a funding stage as a customer', () => {
    const everyone = reviewOffline('让每一家企业都用得起 AI');
    expect(everyone.scores.credibility).toBe(0);
    expect(everyone.findings.some((f) => f.message.includes('讲了客户案例'))).toBe(false);
    const stage = reviewOffline(
      'Built for RevOps teams at Series B+ SaaS companies: forecast accuracy within 5%.',
    );
    expect(stage.findings.some((f) => f.message.includes('Names customers'))).toBe(false);
    // A real anonymised case still counts.
    expect(reviewOffline('一家连锁药店上线后，缺货率从9%降到2%。').scores.credibility).toBeGreaterThanOrEqual(
      2,
    );
  });
});

describe('look-alikes found in review of this round: no false credit, no lost credit', () => {
  it('gives no proof or result to offers, generic ideas, module headings, mission quotes or pitches', () => {
    expect(hitsOf('cr.named-customer', 'Pricing: 20% off annual plans with Stripe billing.')).toBeNull();
    expect(hitsOf('cr.named-customer', 'How AI Reduced Costs for Everyone')).toBeNull();
    expect(hitsOf('cr.named-customer', 'How Open Banking Reduced Fraud')).toBeNull();
    expect(hitsOf('cr.named-customer', '在线客服：借助知识库，响应效率提升50%')).toBeNull();
    expect(hitsOf('cr.named-customer', '青松科技从2015年起就采用微服务架构，服务超过300家客户。')).toBeNull();
    expect(hitsOf('cr.anonymised-customer', '无论该企业规模大小，三天即可上线。')).toBeNull();
    expect(hitsOf('cr.anonymised-customer', 'Nothing beats helping a customer succeed.')).toBeNull();
    expect(hitsOf('cr.anonymised-customer', 'How a platform can help your team move at speed.')).toBeNull();
    expect(hitsOf('cr.anonymised-customer', 'Acme is now a leading logistics provider.')).toBeNull();
    expect(
      hitsOf(
        'qr.before-after',
        'Start your free trial today. Cancel before 30 days and pay nothing for 12 months.',
      ),
    ).toBeNull();
    expect(
      hitsOf('qr.before-after', 'Instead of waiting weeks for reports, get answers in minutes.'),
    ).toBeNull();
    expect(hitsOf('qr.change-in-numbers', 'Retain logs from 7 days to 2 years.')).toBeNull();
    expect(
      hitsOf('cv.customer-gain', 'Greatly improved efficiency and accelerated digital transformation.'),
    ).toBeNull();
    expect(
      hitsOf(
        'cr.unnamed-quote',
        '“Our mission has always been to make finance faster, and now we deliver it with AI for every team.”',
      ),
    ).toBeNull();
  });

  it('still credits the real thing next to them', () => {
    expect(hitsOf('cr.named-customer', 'How Northwind Reduced US Freight Costs')).not.toBeNull();
    expect(hitsOf('cr.named-customer', '东方证券业务系统迁移后，交易延迟降低 60%。')).not.toBeNull();
    expect(hitsOf('cr.anonymised-customer', '我们为一家物流企业节省了30%的运输成本。')).not.toBeNull();
    expect(
      hitsOf('cr.anonymised-customer', 'In Germany, a leading logistics provider cut empty miles by 18%.'),
    ).not.toBeNull();
    expect(
      hitsOf('cr.anonymised-customer', 'Recently, a regional bank cut onboarding time by 40%.'),
    ).not.toBeNull();
    expect(
      hitsOf('qr.change-in-numbers', 'Month-End Close Orchestration: From Three Weeks to One Day'),
    ).not.toBeNull();
    expect(
      hitsOf('cv.customer-gain', 'How Yogiyo Improved Scalability and Performance with ShardingSphere'),
    ).not.toBeNull();
  });
});
