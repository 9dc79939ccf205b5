import { SEGMENT_SOURCE, SEGMENTS_EN, SEGMENTS_ZH, UNIVERSALS } from './lexicons.ts';
import { termList } from './regex-source.ts';
import type { Rule } from './rule.ts';

const K = ['category-label', 'brand-as-mindshare'] as const;

/** Rules for `category_focus`: a clear category and segment, first or only, low cognitive cost. */
export const categoryFocusRules: readonly Rule[] = [
  {
    id: 'cf.segment',
    dimension: 'category_focus',
    langs: ['en', 'zh'],
    match: {
      kind: 'text',
      terms: [...SEGMENTS_EN, ...SEGMENTS_ZH],
      patterns: [/\b\d+-bed\b|\b\d+\s?(?:to|-|–)\s?\d+\s?(?:employees|staff|people)\b/],
    },
    effect: { delta: 1, severity: 'strength', signals: ['segment'] },
    message: {
      en: 'Names a segment ({hits}), so the right buyers recognise themselves.',
      zh: '点明了目标行业或客群（{hits}），让对的客户一眼认出自己。',
    },
    knowledge: K,
    invalid: ['Controllers at mid-size distributors.', '面向汽车零部件厂。'],
    valid: ['Better data. Better decisions.', '让工作更简单。'],
  },
  {
    id: 'cf.explicit-target',
    dimension: 'category_focus',
    langs: ['en', 'zh'],
    match: {
      kind: 'text',
      patterns: [
        new RegExp(
          String.raw`(?:\bfor\b|\bbuilt for\b|\bdesigned for\b|\bmade for\b|\bdedicated to\b|专为|面向|针对|只做|专做|专注于?|服务于|给)[^.!?;。；！？，,]{0,30}?${SEGMENT_SOURCE}`,
        ),
      ],
    },
    effect: { delta: 1, severity: 'strength', signals: ['segment', 'category-label'] },
    message: {
      en: "Says who it is for ({hits}): a clear label lowers the buyer's cognitive cost.",
      zh: '明确说了为谁而做（{hits}）：清晰的品类标签降低了客户的认知成本。',
    },
    knowledge: K,
    invalid: ['PCB assembly for medical-device OEMs.', '专为券商合规部设计的反洗钱监测。'],
    valid: ['Protect what matters most.', '满足各类企业的用工需求。'],
  },
  {
    id: 'cf.lead-label',
    dimension: 'category_focus',
    langs: ['en', 'zh'],
    scope: 'lead',
    match: {
      kind: 'text',
      patterns: [
        /^(?:[\w'’&+/-]+\s+){1,7}[\w'’&+/-]+\s*[:：]/,
        /^(?=[^:：]*[\u4e00-\u9fff])[^:：。！？，,!?]{4,24}[:：]/,
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
    valid: ['Ledgerly: AI-powered AP automation.', 'Run payroll in 14 countries.'],
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
        /\bonly\s+(?:[\w-]+\s+){0,3}?(?:that|to|which|built|designed)\b/,
        /\bfirst\s+(?:[\w-]+\s+){0,3}?(?:to|that)\b/,
      ],
    },
    effect: { delta: 2, severity: 'strength', signals: ['first-or-only'] },
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
    match: { kind: 'text', terms: UNIVERSALS },
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
    invalid: ['Built for businesses of every size.', '为各行各业提供一站式解决方案。'],
    valid: ['Built for mid-size distributors.', '专为券商合规部设计。'],
  },
];
