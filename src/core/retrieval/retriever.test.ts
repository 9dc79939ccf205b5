import { describe, expect, it } from 'vitest';
import { readKnowledge } from '../knowledge/load.ts';
import { createRetriever, lazyRetriever } from './retriever.ts';

const { kb } = readKnowledge('test/fixtures/knowledge');
/** Three entries score far lower than the curated fifty: thresholds scaled down for the fixture. */
const SMALL_KB = { partialScore: 0.3, coverScore: 0.3, strongScore: 0.6 };

describe('createRetriever', () => {
  const r = createRetriever(kb, SMALL_KB);

  it('ranks the entry about the question first, in either language', () => {
    expect(r.search('Should we offer a discount to win the deal?')[0]?.entry.id).toBe('price-last');
    expect(r.search('要不要降价抢单？')[0]?.entry.id).toBe('price-last');
    expect(r.search('How do buyers come to trust a vendor?')[0]?.entry.id).toBe('buyer-trust');
    expect(r.search('客户为什么信任我们')[0]?.entry.id).toBe('buyer-trust');
  });

  it('finds an entry through its example questions and its tags', () => {
    expect(r.search('twenty look-alike vendors: what positioning makes us stand out')[0]?.entry.id).toBe(
      'category-first',
    );
    expect(r.search('positioning')[0]?.entry.id).toBe('category-first');
  });

  it('finds an entry through a glossary alias', () => {
    expect(r.search('who is the key person here')[0]?.entry.id).toBe('buyer-trust');
  });

  it('returns nothing for an off-topic question', () => {
    expect(r.search('What is the weather in Paris tomorrow?')).toEqual([]);
    expect(r.search('明天北京会下雨吗')).toEqual([]);
    expect(r.search('   ')).toEqual([]);
  });

  it('drops hits below the threshold and honours k', () => {
    const strict = createRetriever(kb, { partialScore: 1000, coverScore: 1000, strongScore: 1000 });
    expect(strict.search('discount price')).toEqual([]);
    expect(r.search('trust price category 信任 价格 品类', { k: 2 })).toHaveLength(2);
  });

  it('returns scores in descending order', () => {
    const scores = r.search('trust and price and category').map((h) => h.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });
});

describe('lazyRetriever', () => {
  it('builds the index on the first search only, once, and answers as the retriever it builds', () => {
    const built: number[] = [];
    const lazy = lazyRetriever(
      kb,
      () => createRetriever(kb, SMALL_KB),
      (ms) => built.push(ms),
    );
    expect(lazy.kb).toBe(kb);
    expect(built).toHaveLength(0);
    const eager = createRetriever(kb, SMALL_KB);
    expect(lazy.search('要不要降价抢单？')).toEqual(eager.search('要不要降价抢单？'));
    expect(lazy.lookup('How do buyers come to trust a vendor?')).toEqual(
      eager.lookup('How do buyers come to trust a vendor?'),
    );
    expect(lazy.knowsTerm('price')).toBe(eager.knowsTerm('price'));
    expect(built).toHaveLength(1);
  });
});

describe('out-of-scope example questions (knowledge/out-questions.json)', () => {
  const real = readKnowledge('knowledge').kb;
  const withVote = createRetriever(real);
  const withoutVote = createRetriever({ ...real, outQuestions: [] });
  const posting = 'Our CEO keeps asking how often we should post on LinkedIn and at what time of day.';

  it('says "not covered" when the nearest questions are ones the knowledge does not answer', () => {
    for (const q of [posting, '老板问我们公众号一周发几篇、什么时间发比较好']) {
      // Words like "CEO" or 老板 alone would have carried a citation.
      expect(withoutVote.lookup(q).coverage).toBe('covered');
      const l = withVote.lookup(q);
      expect(l.coverage).toBe('not_covered');
      expect(l.hits).toEqual([]);
      // Its nearest out-of-scope examples disagree on the topic (LinkedIn, 小红书…): none is named.
      expect(l.missing).toEqual([]);
    }
  });

  it("still answers a question near the knowledge's own questions", () => {
    const l = withVote.lookup('How do I get my content in front of the right buyers and build trust?');
    expect(l.coverage).toBe('covered');
    expect(l.hits.length).toBeGreaterThan(0);
  });
});

describe('subjects next to B2B marketing that the knowledge does not cover', () => {
  const real = createRetriever(readKnowledge('knowledge').kb);

  it.each([
    ['How should we structure our ESG report for customers?', 'esg-sustainability'],
    ['我们的年报怎么写才能让投资人满意？', 'investor-relations'],
    ['我们要不要先申请专利再做市场推广？', 'legal-compliance'],
    ['How many people should a marketing team have?', 'team-organisation'],
    ['Which CRM should we choose, HubSpot or Salesforce?', 'tool-selection'],
    ["What's the best gift for my wife's birthday?", 'personal-life'],
    ['Should I sell my house or rent it out?', 'personal-life'],
    ['我家孩子不听话怎么办', 'personal-life'],
    ['平台佣金太高，要不要自建商城卖货？', 'marketplaces'],
    ['新来的设计师总是迟到，怎么管他', 'people-management'],
    ['直播间的在线人数一直上不去怎么办', 'live-commerce'],
    // Out-of-scope subjects asked without their usual keyword.
    ['How can we show up on Google when engineers search for flow meters?', 'seo'],
    ["Can we put a client's logo on our site without permission?", 'legal-compliance'],
  ])('names what is missing and cites nothing: %s', (q, id) => {
    const l = real.lookup(q);
    expect(l.coverage).toBe('not_covered');
    expect(l.hits).toEqual([]);
    expect(l.missing.map((c) => c.id)).toContain(id);
  });

  it.each([
    ['How do I explain what we do in one sentence?', 'usp-vs-uvp'],
    ['Our website traffic is fine but nobody books a demo.', 'awareness-not-trust'],
    // Everyday phrases are not the out-of-scope subjects they once stood for (measurement, tool choice,
    // team structure, a logo's design): the question is about what the knowledge covers.
    ['销售说市场给的线索质量差，市场说销售不跟进，谁对？', 'double-mix'],
    ['参加行业峰会值得吗？', 'high-touch'],
    ['客单价才两三万，非要上ABM系统，值得吗', 'abm-fit'],
    ["Prospects don't feel any pain, they think their spreadsheet is fine.", 'demand-triangle'],
    ['We just signed three new logos. How do we turn them into references?', 'testimony-and-evidence'],
    ['How many people does a buying committee have?', 'key-decision-maker'],
    // Situations told in everyday words (concepts.json: satisfaction, decision-maker, retention, vague-claims).
    [
      'Customers are satisfied, nobody complains, but nobody raves about us either. What are we missing?',
      'herzberg-two-factor',
    ],
    [
      'Our finance guy cares about cost and the ops guy cares about uptime — do they need different pitches?',
      'key-decision-maker',
    ],
    ['客户签完单之后就不联系了，第二年直接换了别家，怎么办？', 'content-after-purchase'],
    ['Our homepage reads like marketing fluff. How do we make it believable?', 'results-in-numbers'],
    [
      'We have a lot of happy customers. How do we use them to convince other prospects?',
      'testimony-and-evidence',
    ],
    ['我们只接触到真正使用的人，签字的人从来见不到，怎么办？', 'key-decision-maker'],
    ['客户总说我们跟别家没区别，怎么让他们记得我们？', 'usp-vs-uvp'],
    [
      "Our floor staff love the tool but the CFO can't see why it's worth paying for.",
      'user-vs-customer-value',
    ],
    ['客户对我们的服务已经习以为常了，怎么让他们觉得有价值？', 'five-rounds-of-value'],
  ])('answers a core question asked in plain words: %s', (q, id) => {
    const l = real.lookup(q);
    expect(l.coverage).toBe('covered');
    expect(l.hits.slice(0, 3).map((h) => h.entry.id)).toContain(id);
  });

  it.each([
    ['What is smarketing?', 'double-mix'],
    ['蔡红亮是谁', 'zihaiguo-supply-chain'],
    ['特赞是做什么的？', 'new-b2b-roles'],
    ['万物皆媒是什么意思', 'everything-is-media'],
  ])('answers what or who a name of the knowledge is: %s', (q, id) => {
    const l = real.lookup(q);
    expect(l.coverage).toBe('covered');
    expect(l.hits[0]?.entry.id).toBe(id);
  });

  it.each(['What is the capital of France?', 'What is a good CTR for LinkedIn ads?', '什么是区块链？'])(
    'still refuses a definition the knowledge does not hold: %s',
    (q) => {
      expect(real.lookup(q).coverage).toBe('not_covered');
    },
  );

  it('does not refuse a question about the team for naming a new manager', () => {
    const l = real.lookup('我们新领导要求今年做品牌，先做什么？');
    expect(l.coverage).toBe('covered');
    expect(l.hits.map((h) => h.entry.id)).toContain('brand-as-mindshare');
  });

  it('reads trade-fair customs as customs, not as customers', () => {
    expect(real.lookup('Who handles customs for the goods we ship to a trade fair?').coverage).toBe(
      'not_covered',
    );
  });

  it("does not refuse a question for asking 'who is right?'", () => {
    const l = real.lookup(
      "Sales says the leads are junk, marketing says sales doesn't follow up. Who is right?",
    );
    expect(l.coverage).toBe('covered');
    expect(l.missing).toEqual([]);
  });

  it('answers whether something the knowledge covers is worth it ("B2B 品牌到底有没有用？")', () => {
    const l = real.lookup('B2B 品牌到底有没有用？');
    expect(l.coverage).toBe('covered');
    expect(l.hits.map((h) => h.entry.id)).toContain('brand-as-mindshare');
  });

  it('offers the entries near an uncovered subject, naming it, when the question shares no word with them', () => {
    const l = real.lookup('How do we get our startup into the Gartner Magic Quadrant?');
    expect(l.coverage).toBe('partial');
    expect(l.missing.map((c) => c.id)).toEqual(['analyst-relations']);
    expect(l.hits[0]?.entry.id).toBe('opinion-leaders');
    // Without near entries the same kind of question is refused, with no citation.
    const tv = real.lookup('What is a good CTR for LinkedIn ads?');
    expect(tv.coverage).toBe('not_covered');
    expect(tv.hits).toEqual([]);
  });

  it('offers the nearest idea, never as covered, when the subject shares a word with it', () => {
    // "employer brand" is not the brand buyers hold in mind, but that entry is the nearest idea.
    const l = real.lookup('How do we build our employer brand to attract engineers?');
    expect(l.coverage).toBe('partial');
    expect(l.missing.map((c) => c.id)).toEqual(['employer-brand']);
    expect(l.hits.map((h) => h.entry.id)).toContain('brand-as-mindshare');
  });
});
