import type { FiredRule, RuleRun } from './rule-engine.ts';
import { findProductName } from './rules/customer-names.ts';
import type { Signal } from './rules/index.ts';
import {
  BUZZWORDS,
  CATEGORY_NOUNS_EN,
  CATEGORY_NOUNS_ZH,
  SUPERLATIVE_PATTERNS,
  SUPERLATIVES,
} from './rules/lexicons.ts';
import { compile, escapeRegExp, lexiconSource, termList, trimEndChars } from './rules/regex-source.ts';
import { splitSentences } from './text-measure.ts';
import type { ReviewLang } from './types.ts';

/** What a sentence of the draft carries, from the rules that matched inside it. */
export interface DraftSentence {
  text: string;
  result: boolean;
  proof: boolean;
  price: boolean;
  /** Says what it is or for whom (a category, a label, an explicit target). */
  says: boolean;
  /** Empty talk: buzzwords, self-praise, self-introduction, with nothing checkable. */
  empty: boolean;
}

/** Facts found in the draft, each a verbatim piece of it. */
export interface DraftFacts {
  /** The product or vendor name ("Sentry"), when the copy names one. */
  product: string | null;
  /** What it is ("open-source distributed event streaming platform"). */
  category: string | null;
  /**
   * Who it is for: an explicit target ("for developers"), a segment the product serves ("helps
   * developers"), or the noun of a customer count ("140 mid-size distributors").
   */
  segment: string | null;
  sentences: DraftSentence[];
  /** Whether the draft names or counts customers (real proof, beyond an anonymous case). */
  namedProof: boolean;
  /**
   * Claims the rewrite leaves out of the draft's sentences: unproven superlatives ("smartest",
   * "最好") and promises to everyone ("for everyone", "所有企业"). They are not facts of the draft.
   */
  claims: DraftClaims;
}

/** Unproven claims of a draft, as the rules found them. */
export interface DraftClaims {
  superlative: string[];
  universal: string[];
}

/** At most this many `[placeholders]` in a rewrite: the rest of the copy is the draft's own. */
export const MAX_PLACEHOLDERS = 4;

const RESULT_SIGNALS: readonly Signal[] = ['result-number'];
const PROOF_SIGNALS: readonly Signal[] = [
  'customer-count',
  'named-customer',
  'certification',
  'guarantee',
  'proof',
];
const PRICE_SIGNALS: readonly Signal[] = ['price', 'price-led', 'free-offer'];
const EMPTY_SIGNALS: readonly Signal[] = [
  'buzzword',
  'superlative',
  'self-focus',
  'vague-claim',
  'comparative',
];
const CONTENT_SIGNALS: readonly Signal[] = ['category', 'category-label', 'segment', 'benefit', 'role'];
/** Verbs after which a segment word is the audience the product serves. */
const SERVES = ['helps', 'help', 'lets', 'enables', 'serves', 'for', 'to', '帮助', '服务', '适用于', '为'];
/** Nouns too general to be a segment ("Fortune 100 companies" is not a segment). */
const GENERAL_NOUNS =
  /^(?:companies|businesses|customers|clients|organi[sz]ations|enterprises|teams|users|brands|firms)$/i;

/** Leading words of a category hit that are not the category ("is an", "provides", "是一款", "作为"). */
const CATEGORY_LEAD =
  /^(?:[A-Z][\w.+®-]*\s(?:is|are)\s(?:an|a|the)\s|It\s(?:is|are)\s(?:an|a|the)\s|[A-Z][\w.+®-]*,\s(?:an|a|the)\s|(?:provides|offers|delivers|builds|sells|makes)\s|是(?:一款|一个|一种|一家|一套)?|作为|专为|面向|针对)/;
/** Self-praise at the front of a category ("most powerful", "国内领先的"). */
const CATEGORY_PRAISE =
  /^(?:the\s|our\s|most\s[a-z-]{2,15}\s|best\s|leading\s|world-class\s|next-generation\s|innovative\s|国内领先的|行业领先的|全球领先的|领先的|业界领先的)/i;
const TARGET_LEAD =
  /^(?:for|built for|designed for|made for|dedicated to|专为|面向|针对|只做|专做|专注于|专注|服务于|适用于|给)\s?/i;

function hitsOf(run: RuleRun, pred: (f: FiredRule) => boolean): string[] {
  return run.fired.filter(pred).flatMap((f) => f.hits.filter(Boolean));
}

function withSignal(signals: readonly Signal[]) {
  return (f: FiredRule) => (f.rule.effect.signals ?? []).some((s) => signals.includes(s));
}

/** Collects the draft's facts from what the rules matched, sentence by sentence. */
export function extractFacts(run: RuleRun, copy: string, lang: ReviewLang): DraftFacts {
  const results = hitsOf(run, withSignal(RESULT_SIGNALS));
  const proofs = hitsOf(run, (f) => f.rule.effect.delta > 0 && withSignal(PROOF_SIGNALS)(f));
  const prices = hitsOf(run, withSignal(PRICE_SIGNALS));
  const labels = hitsOf(run, (f) =>
    ['cf.lead-label', 'cf.explicit-target', 'cf.category'].includes(f.rule.id),
  );
  const empties = hitsOf(run, withSignal(EMPTY_SIGNALS));
  const contents = hitsOf(run, withSignal(CONTENT_SIGNALS));
  const inside = (sentence: string, hits: string[]) => hits.some((h) => sentence.includes(h));

  const sentences = splitSentences(copy).map((text) => {
    const result = inside(text, results);
    const proof = inside(text, proofs);
    const checkable = result || proof || /\d/.test(text);
    return {
      text,
      result,
      proof,
      price: inside(text, prices),
      says: inside(text, labels),
      empty: !checkable && inside(text, empties) && !inside(text, contents),
    };
  });

  const category = hitsOf(run, (f) => f.rule.id === 'cf.category')
    .map((h) => h.replace(CATEGORY_LEAD, '').replace(CATEGORY_PRAISE, '').trim())
    .filter((h) => h.length > 1 && !/\s(?:for|built for|designed for|made for)$/.test(h))[0];
  // The audience: an explicit target ("for developers"), else a segment the product serves
  // ("helps developers…"); a segment word merely mentioned ("Carrier X: …") is not one.
  const target =
    hitsOf(run, (f) => f.rule.id === 'cf.explicit-target')[0] ??
    hitsOf(run, (f) => f.rule.id === 'cf.segment').find((h) =>
      SERVES.some((verb) => copy.includes(`${verb}${lang === 'zh' ? '' : ' '}${h}`)),
    );
  // "140 mid-size distributors" names a segment; "1000 家" or "Fortune 100 companies" does not.
  const counted = hitsOf(run, (f) => f.rule.id === 'cr.customer-count')
    .filter((h) => lang === 'en' && /^[\d,.]+\+?\s[A-Za-z]/.test(h))
    .map((h) => h.replace(/^[\d,.]+\+?\s/, ''))
    .find((noun) => !GENERAL_NOUNS.test(noun));
  const whole = (found: string | undefined) => (found ? wholeCategory(copy, found, lang) : null);
  const claims: DraftClaims = {
    // Every superlative, even beside proof: "5,000 customers" does not make a platform "the leading" one.
    superlative: [
      ...new Set(
        [SUPERLATIVE_TERMS, ...SUPERLATIVE_PATTERNS].flatMap((re) => copy.match(globally(re)) ?? []),
      ),
    ],
    universal: [
      ...new Set(
        hitsOf(run, (f) => f.rule.effect.delta < 0 && withSignal(['universal'])(f)).filter((h) => h.trim()),
      ),
    ],
  };
  return {
    product: findProductName(copy, lang),
    category: whole(category ?? bareCategory(splitSentences(copy)[0] ?? '', lang, claims)),
    segment: target ? target.replace(TARGET_LEAD, '').trim() : (counted ?? null),
    sentences,
    namedProof: run.signals.has('named-customer') || run.signals.has('customer-count'),
    claims,
  };
}

/**
 * Superlatives a rewrite leaves out: the critic's lexicon, and the "-est" adjectives of marketing copy
 * ("smartest", "fastest"), which the critic reads as vague rather than as a claim of rank.
 */
const SUPERLATIVE_TERMS = compile(
  lexiconSource([
    ...SUPERLATIVES.filter((t) => t !== 'leading'),
    'leading (?!to )',
    ...termList(`smartest | fastest | easiest | simplest | quickest | strongest | safest | greatest | most
      intuitive | most complete | most comprehensive | most reliable | most secure | most innovative`),
  ]) ?? '(?!)',
  'i',
);

/** The same pattern, finding every match. */
function globally(re: RegExp): RegExp {
  return compile(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
}

const CATEGORY_EN = compile(`(?:^|[^A-Za-z0-9])(${lexiconSource(CATEGORY_NOUNS_EN)})`, 'i');
const CATEGORY_ZH = compile(`(${lexiconSource(CATEGORY_NOUNS_ZH)})`);
/** Words before a category noun that are not part of the category ("the", "our", "world's"). */
const NOT_CATEGORY_WORD = compile(
  `^(?:the|a|an|our|your|their|its|this|that|world's|most|more|very|new|all|any|every|${lexiconSource(BUZZWORDS)}|[a-z]+est)$`,
  'i',
);

/**
 * The category a sentence names without saying "X is a …" ("The smartest CRM for everyone" → "CRM",
 * "The world's leading cloud security platform" → "cloud security platform"): the category noun and up
 * to three plain words before it, none of them a claim, a buzzword or an article.
 */
function bareCategory(sentence: string, lang: ReviewLang, claims: DraftClaims): string | undefined {
  const text = withoutClaims(sentence, claims, lang);
  if (lang === 'zh') {
    // Only a category that opens the sentence, at most after a few words ending in 的 ("最好用的CRM").
    const m = CATEGORY_ZH.exec(text);
    return m && /^(?:|[^，。；！？,\s]{1,8}的)$/.test(text.slice(0, m.index)) ? m[1] : undefined;
  }
  const m = CATEGORY_EN.exec(text);
  if (!m) return undefined;
  const noun = m[1] as string;
  const words = text
    .slice(0, m.index + m[0].length - noun.length)
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  const kept: string[] = [];
  while (kept.length < 3 && words.length > 0) {
    const word = words[words.length - 1] as string;
    if (!/^[A-Za-z][\w-]*$/.test(word) || NOT_CATEGORY_WORD.test(word)) break;
    kept.unshift(word);
    words.pop();
  }
  // Only a category that opens the sentence ("The CRM…", "Our platform…"): "We replaced our CRM" is
  // about something else.
  if (!words.every((w) => /^(?:the|a|an|our|your|its|[A-Z][\w.+-]*'s)$/i.test(w))) return undefined;
  return [...kept, noun].join(' ');
}

/** The category as the draft writes it in full: "payroll" → "payroll platform" when the draft says so. */
function wholeCategory(copy: string, category: string, lang: ReviewLang): string {
  const nouns = lexiconSource(lang === 'zh' ? CATEGORY_NOUNS_ZH : CATEGORY_NOUNS_EN);
  const gap = lang === 'zh' ? '' : '\\s';
  const m = compile(`${escapeRegExp(category)}(?:${gap}(?:${nouns})){0,3}`).exec(copy);
  return m ? m[0] : category;
}

/**
 * A sentence without the draft's unproven claims: a superlative in front of what it praises ("the
 * smartest CRM" → "the CRM", "最好用的CRM" → "CRM") and a promise to everyone with the words that lead
 * to it ("CRM for everyone" → "CRM", "，适合所有企业" → ""). A superlative used any other way ("is the
 * best.") stays: cutting it would break the sentence.
 */
export function withoutClaims(text: string, claims: DraftClaims, lang: ReviewLang): string {
  const source = (claim: string) => escapeRegExp(claim.trim()).replace(/\s+/g, '\\s+');
  const longestFirst = (list: string[]) => [...list].sort((a, b) => b.length - a.length).map(source);
  let out = text;
  for (const c of longestFirst(claims.universal)) {
    out =
      lang === 'zh'
        ? out.replace(compile(`[，,、]?(?:适合|面向|服务于?|适用于|覆盖)?${c}的?`, 'g'), '')
        : out.replace(
            compile(
              `,?(?:^|\\s)(?:(?:built for|designed for|made for|for|to|across|serving)\\s(?:the\\s)?|)${c}(?![\\w-])`,
              'gi',
            ),
            '',
          );
  }
  for (const c of longestFirst(claims.superlative)) {
    out =
      lang === 'zh'
        ? out.replace(compile(`${c}[\\u4e00-\\u9fff]{0,2}?的`, 'g'), '')
        : out.replace(
            compile(
              `(?:\\bworld's\\s|)(?<![\\w-])${c}[\\s-](?=[A-Za-z])(?!(?:to|in|on|of|by|with|and|or|the|a|an)\\b)`,
              'gi',
            ),
            '',
          );
  }
  const tidy = out
    .replace(/\s{2,}/g, ' ')
    .replace(/\s([,.;:!?])/g, '$1')
    .replace(/^[\s,，、]+/, '')
    .trim();
  const calm = trimEndChars(tidy, '!！');
  return calm === tidy ? tidy : `${calm}${lang === 'zh' ? '。' : '.'}`;
}

/** The words of a rewrite, per language. */
interface Wording {
  head(product: string | null, category: string | null, segment: string): string;
  forSegment(segment: string): string;
  /** The category where the draft names it, with the segment added ("CRM" → "CRM for [segment]"). */
  inline(category: string, segment: string): string;
  segmentSlot: string;
  resultAndCustomer(product: string | null): string;
  resultSlot: string;
  measuredAt: string;
  terms(text: string): string;
  colon: string;
  end: string;
}

const WORDING: Record<ReviewLang, Wording> = {
  en: {
    head: (product, category, segment) =>
      `${product ? `${product}, the ` : 'The '}${category ?? '[category]'} for ${segment}`,
    forSegment: (segment) => `For ${segment}`,
    inline: (category, segment) => `${category} for ${segment}`,
    segmentSlot: '[target segment]',
    resultAndCustomer: (product) =>
      `${product ? `With ${product}, ` : ''}[customer name] cut [metric] by [X%].`,
    resultSlot: 'Result: [metric] cut by [X%].',
    measuredAt: 'Measured at [customer name].',
    terms: (text) => `Terms, after the value: ${text}`,
    colon: ': ',
    end: '.',
  },
  zh: {
    head: (product, category, segment) =>
      `${product ? `${product}，` : ''}面向${segment}的${category ?? '[品类]'}`,
    forSegment: (segment) => `面向${segment}`,
    inline: (category, segment) => `面向${segment}的${category}`,
    segmentSlot: '[目标行业]',
    resultAndCustomer: (product) => `[客户名]${product ? `用${product}` : ''}把[指标]降低了[X%]。`,
    resultSlot: '结果：[指标]降低了[X%]。',
    measuredAt: '数据来自[客户名]。',
    terms: (text) => `价格条款（放在价值之后）：${text}`,
    colon: '：',
    end: '。',
  },
};

/**
 * What may come before a category for the segment to go right there: the sentence is about the
 * product ("The CRM…", "Acme is a payroll platform", "Acme是一款CRM"), not a story that mentions one.
 */
const INLINE_BEFORE: Record<ReviewLang, RegExp> = {
  en: /^(?:|(?:an?|the|our)\s|[A-Z][\w.+®-]*\s(?:is|are)\s(?:an?|the)\s)$/i,
  zh: /^(?:|[A-Za-z][\w.+-]{0,20}\s?是(?:一款|一个|一种|一套|一家|))$/,
};

/** Words after a category that say for whom ("… for mobile teams"). */
const FOR_WHOM_AFTER = /^\s*(?:for|built for|designed for|made for|serving|that helps|that lets)\s/i;
/** Words before a category that say for whom ("专为连锁药店设计的库存系统", "面向药企的…"). */
const FOR_WHOM_BEFORE = /(?:专为|面向|针对|服务于|适用于)[^，。；！？,]{1,16}$/;

/** True when a sentence says nothing but its category ("The CRM.", "CRM。"). */
function onlyNames(sentence: string, category: string): boolean {
  const rest = sentence.replace(category, '').replace(/\b(?:the|a|an|our)\b/gi, '');
  return sentence.includes(category) && !/[\p{L}\p{N}]/u.test(rest);
}

/**
 * A stronger version of the draft, in its language, built from what this draft has: a head that says
 * what it is and for whom (unless the draft already opens that way), then the draft's own sentences
 * in their order, whole (never cut, so every number and quote stays intact), minus empty talk, with
 * price terms moved last. What is missing becomes a `[placeholder]`, at most
 * {@link MAX_PLACEHOLDERS}, most costly gap first. It never invents a number or a name.
 */
export function buildRewrite(facts: DraftFacts, lang: ReviewLang): string {
  const w = WORDING[lang];
  let budget = MAX_PLACEHOLDERS;
  const take = (cost: number) => {
    if (cost > budget) return false;
    budget -= cost;
    return true;
  };
  // The draft's sentences without its unproven claims; one left with nothing but its category ("The
  // CRM.") gives way to the head, which names the category.
  const all = facts.sentences.map((s) => ({
    ...s,
    text: withoutClaims(s.text, facts.claims, lang) || s.text,
  }));
  const priced = all.filter((s) => s.price && !s.result);
  const body = all.filter(
    (s) =>
      !priced.includes(s) &&
      (!s.empty || /\d/.test(s.text)) &&
      !(facts.category && onlyNames(s.text, facts.category)),
  );
  // Nothing the draft says survives (all buzz): keep its opening so the rewrite stays its own.
  if (body.length + priced.length === 0 && all[0] && !facts.category) body.push(all[0]);

  // Placeholders, most costly gap first: no result, no proof, no segment, no category.
  const missing: string[] = [];
  const hasResult = all.some((s) => s.result);
  const hasProof = facts.namedProof || all.some((s) => s.proof);
  if (!hasResult && hasProof && take(2)) missing.push(w.resultSlot);
  else if (!hasResult && !hasProof && take(3)) missing.push(w.resultAndCustomer(facts.product));
  else if (hasResult && !hasProof && take(1)) missing.push(w.measuredAt);

  let head: string | null = null;
  const opener = body[0];
  const at = opener && facts.category ? opener.text.indexOf(facts.category) : -1;
  // "a release platform for mobile teams", "面向药店的系统": the draft says for whom, in its own words.
  const forWhom =
    at >= 0 &&
    opener !== undefined &&
    facts.category !== null &&
    (FOR_WHOM_AFTER.test(opener.text.slice(at + facts.category.length)) ||
      FOR_WHOM_BEFORE.test(opener.text.slice(0, at)));
  const segment = facts.segment ?? (forWhom ? null : take(1) ? w.segmentSlot : null);
  if (
    opener &&
    facts.category &&
    at >= 0 &&
    INLINE_BEFORE[lang].test(opener.text.slice(0, at)) &&
    segment &&
    !facts.segment
  ) {
    // The draft names its category near the start: the segment goes there, not in a second head.
    body[0] = { ...opener, text: opener.text.replace(facts.category, w.inline(facts.category, segment)) };
  } else if (opener?.says) {
    // The draft opens by saying what it is: only add who it is for, when it does not say.
    if (!facts.segment && segment) head = w.forSegment(segment);
  } else if (segment) {
    head = facts.category || take(1) ? w.head(facts.product, facts.category, segment) : w.forSegment(segment);
  }
  const [first, ...rest] = body.map((s) => s.text);
  const opening = head ? (first ? `${head}${w.colon}${first}` : `${head}${w.end}`) : first;
  return [opening, ...rest, ...missing, ...priced.map((s) => w.terms(s.text))]
    .filter((l): l is string => Boolean(l))
    .join('\n');
}
