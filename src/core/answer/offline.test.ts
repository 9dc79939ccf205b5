import { describe, expect, it } from 'vitest';
import { isCoachError } from '../errors.ts';
import { loadKnowledge, readKnowledge } from '../knowledge/load.ts';
import { createRetriever } from '../retrieval/retriever.ts';
import { readsAsFollowUp } from './follow-up.ts';
import { answerOffline } from './offline.ts';
import { bodySentences } from './sentences.ts';

const { kb } = readKnowledge('test/fixtures/knowledge');
/** Three entries score far lower than the curated fifty: thresholds scaled down for the fixture. */
const SMALL_KB = { partialScore: 0.3, coverScore: 0.3, strongScore: 0.6 };
const r = createRetriever(kb, SMALL_KB);

describe('answerOffline', () => {
  it('answers in English with the best entry first, cited, and says it is offline', () => {
    const a = answerOffline(r, 'Should we lead with a discount?');
    expect(a.mode).toBe('offline');
    expect(a.lang).toBe('en');
    expect(a.citations[0]).toEqual({
      id: 'price-last',
      title: 'Low price is the weakest message',
      source: 'Test Author, "Fixture article" (测试文章), 2020-01-01',
    });
    expect(a.answer).toContain('**Low price is the weakest message** [1]');
    expect(a.answer).toContain('Apply it');
    expect(a.answer).toMatch(/Offline answer/);
  });

  it('answers a Chinese question in Chinese', () => {
    const a = answerOffline(r, '要不要降价？');
    expect(a.lang).toBe('zh');
    expect(a.answer).toContain('低价是最弱的信息');
    expect(a.answer).toContain('离线回答');
    expect(a.citations[0]?.source).toContain('《测试文章》');
  });

  it('tells an off-topic asker what Coach can help with, without citations', () => {
    const a = answerOffline(r, 'How long should I boil an egg?');
    expect(a.citations).toEqual([]);
    expect(a.answer).toMatch(/B2B marketing coach/);
  });

  it('reads a 100 KB question, cut with a note', () => {
    const a = answerOffline(r, `${'discount '.repeat(12_000)}?`);
    expect(a.notes[0]).toMatch(/Coach read the first \d+/);
    expect(a.citations[0]?.id).toBe('price-last');
  });

  it('rejects an empty question with input_empty', () => {
    expect(() => answerOffline(r, ' \n\t ')).toThrowError(expect.objectContaining({ code: 'input_empty' }));
    try {
      answerOffline(r, '');
    } catch (err) {
      expect(isCoachError(err, 'input_empty')).toBe(true);
    }
  });
});

describe('bodySentences', () => {
  it('splits sentences, lists items into sentences without markers, drops list introductions and keeps the advice apart', () => {
    const body =
      'First point here. Second point. Two ideas follow:\n\n- one idea\n  goes on\n- two\n\n1. numbered\n2. again\n\n**Apply it:** do it.';
    const { sentences, apply } = bodySentences(body, 'en');
    expect(sentences.map((s) => s.text)).toEqual([
      'First point here.',
      'Second point.',
      'one idea goes on',
      'two',
      'numbered',
      'again',
    ]);
    expect(apply).toBe('**Apply it:** do it.');
    expect(bodySentences('第一句。第二句。\n\n**怎么用：**去做。', 'zh')).toEqual({
      sentences: [
        { text: '第一句。', paragraph: 0 },
        { text: '第二句。', paragraph: 0 },
      ],
      apply: '**怎么用：**去做。',
    });
  });

  it('ends a line of its own that has no full stop, so the next sentence does not run on from it', () => {
    const en = bodySentences(
      'The chain has three steps:\n\n**need → solution → renewal**\n\nIt runs over many rounds.',
      'en',
    );
    expect(en.sentences.map((s) => s.text)).toEqual([
      '**need → solution → renewal**.',
      'It runs over many rounds.',
    ]);
    const zh = bodySentences('决策链有三个环节：\n\n**需求 → 方案 → 续约**\n\n它是多回合的。', 'zh');
    expect(zh.sentences.map((s) => s.text)).toEqual(['**需求 → 方案 → 续约**。', '它是多回合的。']);
    // A line that leads on with a dash is left as it is.
    expect(bodySentences('Three steps —\n\nneed, solution, renewal.', 'en').sentences[0]?.text).toBe(
      'Three steps —',
    );
  });

  it('keeps the line that introduced a list with each of its items, and quotes it before the first one', () => {
    const { sentences } = bodySentences(
      '它指出一个事实。\n\n他们最想看到的内容依次是：\n\n- **思想引领：36%**\n- **服务过的客户案例：9%**',
      'zh',
    );
    expect(sentences).toEqual([
      { text: '它指出一个事实。', paragraph: 0 },
      { text: '**思想引领：36%**', paragraph: 2, intro: '他们最想看到的内容依次是：' },
      { text: '**服务过的客户案例：9%**', paragraph: 2, intro: '他们最想看到的内容依次是：' },
    ]);
    const real = createRetriever(loadKnowledge('knowledge'));
    const a = answerOffline(real, '如果客户问：“你有没有服务过某某企业？”');
    // Wherever the 9 % item is quoted, the line that says what it counts comes first.
    expect(a.answer).not.toMatch(/(?<!：)\*\*服务过的客户案例：9%\*\*/);
  });

  it('does not carry a list introduction past a heading, nor onto a list that opens with a sentence', () => {
    const past = bodySentences(
      'Buyers rank them as follows:\n\n## Why it matters\n\n- Trust comes first.',
      'en',
    );
    expect(past.sentences.at(-1)?.intro).toBeUndefined();
    const own = bodySentences('They want, in order:\n\nA plain paragraph.\n- Trust comes first.', 'en');
    expect(own.sentences.map((s) => s.intro)).toEqual([undefined, undefined]);
  });

  it('ends a Chinese clause split at its semicolon as a sentence, not dangling', () => {
    const { sentences } = bodySentences('先说第一层意思；再说第二层意思。', 'zh');
    expect(sentences.map((s) => s.text)).toEqual(['先说第一层意思。', '再说第二层意思。']);
  });

  it('keeps a Chinese bold mark and closing quote with the sentence they close, and an opening one with the next', () => {
    const closes = bodySentences('问题变成：**怎样连接外部组织？**作者认为**每家企业**都需要。', 'zh');
    expect(closes.sentences.map((s) => s.text)).toEqual([
      '问题变成：**怎样连接外部组织？**',
      '作者认为**每家企业**都需要。',
    ]);
    const quoted = bodySentences('开场白是：**“人人皆销售。”** 这是一个提醒。', 'zh');
    expect(quoted.sentences.map((s) => s.text)).toEqual(['开场白是：**“人人皆销售。”**', '这是一个提醒。']);
    const opens = bodySentences('它是后一件事。**4T 模型**就是工具箱。', 'zh');
    expect(opens.sentences.map((s) => s.text)).toEqual(['它是后一件事。', '**4T 模型**就是工具箱。']);
  });
});

describe('answerOffline on the curated knowledge', () => {
  const real = createRetriever(loadKnowledge('knowledge'));

  it('answers the CFO question from the decision-maker entry, leading with what matches it', () => {
    const a = answerOffline(real, 'How do I convince a CFO to buy our data platform?');
    expect(a.citations[0]?.id).toBe('key-decision-maker');
    expect(a.coverage).toBe('covered');
    const lead = a.answer.split('\n\n')[1] ?? '';
    expect(lead).toMatch(/CFO/);
    expect(a.answer).not.toMatch(/FBIF/);
    expect(a.answer).toMatch(/Apply it/);
    // "our data platform" is what is sold, not what is asked: no entry rides on "data" or "platform".
    const ids = a.citations.map((c) => c.id);
    expect(ids).not.toContain('martech-and-management');
    expect(ids).not.toContain('industry-platforms');
    expect(ids).toContain('decision-chain');
  });

  it('sees 老总 as the key decision maker, and answers in Chinese', () => {
    const a = answerOffline(real, '老总一直不拍板，怎么才能让他信任我们？');
    expect(a.lang).toBe('zh');
    expect(a.citations.slice(0, 3).map((c) => c.id)).toContain('key-decision-maker');
  });

  it('finds the ABM entry when the question does not spell ABM', () => {
    const a = answerOffline(
      real,
      'Our whole year depends on twenty named target accounts. Should marketing treat each one separately?',
    );
    expect(a.citations.slice(0, 3).map((c) => c.id)).toContain('abm-fit');
  });

  it('answers a core question in plain words instead of refusing it', () => {
    const a = answerOffline(real, "buyers don't see why we are better");
    expect(a.coverage).not.toBe('not_covered');
    expect(a.citations.slice(0, 3).map((c) => c.id)).toEqual(expect.arrayContaining(['usp-vs-uvp']));
  });

  it('says an out-of-scope question is not covered, naming what, without citations', () => {
    const a = answerOffline(real, 'What is a good CTR for LinkedIn ads?');
    expect(a.coverage).toBe('not_covered');
    expect(a.citations).toEqual([]);
    expect(a.answer).toMatch(/outside what I know: ad benchmarks/);
  });

  it('lets a benchmark asked about beside a few topic words decide the question: not covered', () => {
    // "numbers" and "brand" are topic words, "CTR" an out-of-scope one: the question is about the CTR.
    const a = answerOffline(
      real,
      'Our LinkedIn ads get a CTR of 0.5%. Are those numbers good for the brand?',
    );
    expect(a.coverage).toBe('not_covered');
    expect(a.citations).toEqual([]);
  });

  it.each([
    'What is a good Google ad budget for a B2B startup?',
    '我们的小红书笔记被限流了，曝光量只有个位数怎么办？',
    'How should we handle crisis communication after a data breach?',
    'Should we start a podcast to build our brand?',
    '营销费用占营业额的多少才算合理？',
  ])('says a marketing question the knowledge does not cover is not covered: %s', (q) => {
    const a = answerOffline(real, q);
    expect(a.coverage).toBe('not_covered');
    expect(a.citations).toEqual([]);
  });

  it('answers a question that names a glossary idea even beside an out-of-scope phrase', () => {
    const a = answerOffline(real, 'what is account-based marketing and is it worth it for a small company?');
    expect(a.coverage).not.toBe('not_covered');
    expect(a.citations.slice(0, 3).map((c) => c.id)).toContain('abm-fit');
  });

  it('says plainly what a partly covered question asks that the knowledge does not cover, then the nearest idea', () => {
    const a = answerOffline(
      real,
      // ("worth it" alone no longer marks a question out of scope: the knowledge's own questions use it.)
      'We are a small startup looking for prospects: how do we measure the ROI of a booth at industry conferences?',
    );
    expect(a.coverage).toBe('partial');
    expect(a.answer.split('\n\n')[0]).toMatch(/does not cover measuring the return/);
    expect(a.citations.length).toBeGreaterThan(0);
  });

  it('answers whether an uncovered channel is worth it from what advertising buys in B2B, naming what is not covered', () => {
    for (const q of [
      'Is LinkedIn advertising worth it for a B2B software company?',
      '我们是做工业传感器的，老板想投央视广告，有用吗？',
    ]) {
      const a = answerOffline(real, q);
      expect(a.coverage).toBe('partial');
      expect(a.citations[0]?.id).toBe('awareness-not-trust');
      expect(a.answer.split('\n\n')[0]).toMatch(/does not cover|没有覆盖/);
    }
    // Asked how to buy the medium, not whether it is worth it: not covered, no citation.
    const howTo = answerOffline(real, 'What does a TV ad slot cost in Shanghai?');
    expect(howTo.coverage).toBe('not_covered');
    expect(howTo.citations).toEqual([]);
  });

  it('answers plain-word questions found by trying Coach as a new user from the entries that answer them', () => {
    const cases: [string, string][] = [
      ['客户总说我们比竞品贵，销售该怎么回应？', 'value-over-price'],
      ['我们的产品同质化严重，怎么做差异化？', 'usp-vs-uvp'],
      ['How do we sell to a company where IT, finance and operations all have a veto?', 'key-decision-maker'],
      ['Should our homepage have a customer logo wall?', 'testimony-and-evidence'],
      ["Our homepage says 'AI-powered platform for modern teams'. Is that good?", 'usp-vs-uvp'],
      [
        'Are you better off doing a few things REALLY GOOD or doing many things just OK?',
        'focus-and-pressure',
      ],
      ['Should we create a whole new category?', 'category-label'],
    ];
    for (const [q, id] of cases) {
      const a = answerOffline(real, q);
      expect(a.coverage).toBe('covered');
      expect(a.citations.slice(0, 3).map((c) => c.id)).toContain(id);
    }
  });

  it('leaves no list marker dangling at the end of a quoted sentence, in either language', () => {
    for (const q of [
      'What is the 4T model?',
      '4T 模型是什么？',
      'What are the maturity levels of a B2B marketing team?',
    ]) {
      const a = answerOffline(real, q);
      expect(a.answer).not.toMatch(/\s\d+\.\s*$/m);
      expect(a.answer).not.toMatch(/[:：]\s*\*\*[^*]+\*\* \[1\]/);
    }
  });
});

describe("a thread's topic", () => {
  const curated = createRetriever(readKnowledge('knowledge').kb);
  const topic = '客户总说我们跟别家没区别，怎么让他们记得我们？';

  it('helps a short follow-up that finds nothing alone', () => {
    const a = answerOffline(curated, 'and for SaaS?', { topic });
    expect(a.coverage).not.toBe('not_covered');
    expect(a.citations.length).toBeGreaterThan(0);
  });

  it('keeps a follow-up of an uncovered question uncovered, whatever an earlier question asked', () => {
    const latest = 'How do I stop webinar no-shows?';
    const a = answerOffline(curated, 'and for SaaS?', { topic: `${topic}\n${latest}`, latest });
    expect(a.coverage).toBe('not_covered');
    expect(a.citations).toEqual([]);
    expect(a.answer).toMatch(/planning and running events/);
    // The other way round, the latest (covered) question answers it.
    const after = answerOffline(curated, 'and for SaaS?', { topic: `${latest}\n${topic}`, latest: topic });
    expect(after.coverage).not.toBe('not_covered');
    expect(after.citations.length).toBeGreaterThan(0);
  });

  it('does not answer a full question the knowledge does not cover from the question before it', () => {
    const q = 'Who handles customs for the goods we ship to a trade fair in Germany next spring?';
    const a = answerOffline(curated, q, { topic });
    expect(a.coverage).toBe('not_covered');
    expect(a.citations).toEqual([]);
  });
});

describe('readsAsFollowUp', () => {
  it('reads short or leaning questions as follow-ups, and full questions as questions of their own', () => {
    for (const q of [
      'and for SaaS?',
      'What about manufacturers?',
      '那制造业呢？',
      'how does that apply to us?',
    ])
      expect(readsAsFollowUp(q), q).toBe(true);
    for (const q of [
      'Who handles customs for the goods we ship to a trade fair in Germany next spring?',
      '我们的官网首页应该放视频还是放产品大图，哪个转化更高？',
    ])
      expect(readsAsFollowUp(q), q).toBe(false);
  });
});
