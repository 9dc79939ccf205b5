import {
  bareCategory,
  claimRemover,
  type DraftClaims,
  findSuperlatives,
  wholeCategory,
} from './draft-claims.ts';
import type { FiredRule, RuleRun } from './rule-engine.ts';
import { findProductName } from './rules/customer-names.ts';
import type { Signal } from './rules/index.ts';
import { namesSignerRole } from './rules/signature.ts';
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
   * developers"), the noun of a customer count ("140 mid-size distributors"), or the kind of an unnamed
   * customer whose case the draft tells ("某券商…" → "券商").
   */
  segment: string | null;
  /** The segment is the kind of the draft's unnamed customer: the head names it though the case does. */
  caseSegment?: boolean;
  sentences: DraftSentence[];
  /** Whether the draft names or counts customers (real proof, beyond an anonymous case). */
  namedProof: boolean;
  /**
   * Claims the rewrite leaves out of the draft's sentences: unproven superlatives ("smartest",
   * "最好") and promises to everyone ("for everyone", "所有企业"). They are not facts of the draft.
   */
  claims: DraftClaims;
  /** The draft is a customer speaking in the first person about the product (see `testimony.ts`). */
  testimony: boolean;
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
const SERVES = [
  'helps',
  'help',
  'helping',
  'lets',
  'enables',
  'serves',
  'for',
  'to',
  '帮助',
  '服务',
  '适用于',
  '为',
];
/** Nouns too general to be a segment ("Fortune 100 companies" is not a segment). */
const GENERAL_NOUNS =
  /^(?:companies|businesses|customers|clients|organi[sz]ations|enterprises|teams|users|brands|firms)$/i;

/** Leading words of a category hit that are not the category ("is an", "provides", "是一款", "作为"). */
const CATEGORY_LEAD =
  /^(?:[A-Z][\w.+®-]*\s(?:is|are)\s(?:an|a|the)\s|It\s(?:is|are)\s(?:an|a|the)\s|[A-Z][\w.+®-]*,\s(?:an|a|the)\s|(?:provides|offers|delivers|builds|sells|makes)\s|[^，。；！？,\s]{0,16}?\s?是(?:一款|一个|一种|一家|一套)?|特点[：:]|作为|专为|面向|针对)/;
/** Self-praise at the front of a category ("most powerful", "国内领先的"). */
const CATEGORY_PRAISE =
  /^(?:the\s|our\s|most\s[a-z-]{2,15}\s|best\s|leading\s|world-class\s|next-generation\s|innovative\s|国内领先的|行业领先的|全球领先的|领先的|业界领先的)/i;
const TARGET_LEAD =
  /^(?:for|built for|designed for|made for|dedicated to|专为|面向|针对|只做|专做|专注于|专注|服务于|适用于|给)\s?/i;

/** The seller praising itself inside quote marks ("我们是业界领先的…", "We are the leading…"). */
const SELLER_QUOTE = /我们是|我们致力|\bwe(?:'re|’re| are) (?:the|a|an)\b/i;

/** A figure in Chinese numerals with its unit ("三天", "半天", "两成"). */
const ZH_NUMERAL_FIGURE = /[一二两三四五六七八九十百千万半几]\s?(?:天|周|个月|年|小时|分钟|秒|倍|成|个人)/g;

/** A quote already signed: its words inside quote marks, then a dash and a short signature (not a subtitle). */
const SIGNED_QUOTE =
  /^([^“"「\n]{0,300}?)\s?[“"「]([^”"」]{2,1000})[”"」]\s?(?:——|—|–|-)\s?([^\n“”":：%％]{2,60})$/;

/** What names an unnamed customer but not its kind ("某公司", "一家企业", "a customer"). */
const GENERAL_KIND_ZH =
  /^(?:公司|企业|集团|客户|单位|机构|平台|品牌|省|市|大型企业|知名企业|头部企业|大客户)$/;
/** A word before an unnamed customer's kind that sizes or praises it ("leading", "top-10", "global"). */
/** A word that places or types a customer ("German", "U.S.", "SaaS", "ERP"), as written. */
const PLACE_WORD_EN =
  /^(?:[A-Z][a-z]+(?:an|ish|ese|ch|ic|i)|U\.S\.|US|UK|EU|APAC|EMEA|SaaS|B2B|B2C|[A-Z]{2,4})$/;
const SIZE_WORD_EN =
  /^(?:leading|large|major|global|big|well-known|fast-growing|high-growth|top|top-\d{1,3}|tier-one)$/i;

/**
 * The kind of an unnamed customer the draft tells of, as a segment: "某券商" → "券商", "一家汽车内饰件厂" →
 * "汽车内饰件厂", "A regional bank" → "regional banks". Null for a kind that says nothing ("某公司", "a
 * customer") or a form that is not one customer ("one of the largest banks…").
 */
export function kindOfUnnamed(hit: string, lang: ReviewLang): string | null {
  if (lang === 'zh') {
    // "一家杭州的商贸公司" → "商贸公司".
    const kind = hit.replace(/^(?:某|一家|一位)/, '').replace(/^.*的/, '');
    // "一家上市公司" was read as far as "上市", "某知名连锁品牌" as "知名连锁": no kind to name.
    return kind.length >= 2 && !GENERAL_KIND_ZH.test(kind) && !/(?:市|省|连锁)$|^(?:知名|上市)/.test(kind)
      ? kind
      : null;
  }
  // One customer only ("one of the largest banks" is not one); its words plain or places ("German"),
  // not a name ("audited by a Big-Four firm").
  const m = /^(?:helped\s|worked with\s|partnered with\s)?(?:an?|another)\s(.+)$/i.exec(hit.trim());
  if (!m) return null;
  const words = (m[1] as string).split(/\s+/).filter(Boolean);
  while (words.length > 1 && SIZE_WORD_EN.test(words[0] as string)) words.shift();
  const noun = words.pop();
  if (
    !noun ||
    words.length === 0 ||
    !/^[a-z]+$/.test(noun) ||
    /^(?:customer|client)$|[^s]s$/.test(noun) ||
    !words.every((word) => /^[a-z][a-z-]*$/.test(word) || PLACE_WORD_EN.test(word))
  )
    return null;
  const plural = /[^aeiou]y$/.test(noun)
    ? `${noun.slice(0, -1)}ies`
    : /(?:s|x|ch|sh)$/.test(noun)
      ? `${noun}es`
      : `${noun}s`;
  return [...words, plural].join(' ');
}

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
    // Figures in Chinese numerals are checkable too: a before and an after ("对账要三天，现在半天就够了").
    const checkable = result || proof || /\d/.test(text) || (text.match(ZH_NUMERAL_FIGURE) ?? []).length >= 2;
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
    .map((h) =>
      h
        .replace(CATEGORY_LEAD, '')
        .replace(CATEGORY_PRAISE, '')
        .replace(/[，,。]$/, '')
        .trim(),
    )
    .filter((h) => h.length > 1 && !/\s(?:for|built for|designed for|made for)$/.test(h))[0];
  // The audience: an explicit target ("for developers"), else a segment the product serves
  // ("helps developers…"); a segment word merely mentioned ("Carrier X: …") is not one.
  const lowerCopy = copy.toLowerCase();
  const target =
    hitsOf(run, (f) => f.rule.id === 'cf.explicit-target')[0] ??
    hitsOf(run, (f) => f.rule.id === 'cf.segment').find((h) =>
      SERVES.some((verb) => lowerCopy.includes(`${verb}${lang === 'zh' ? '' : ' '}${h}`.toLowerCase())),
    );
  // "140 mid-size distributors" names a segment; "1000 家" or "Fortune 100 companies" does not.
  const counted = hitsOf(run, (f) => f.rule.id === 'cr.customer-count')
    .filter((h) => lang === 'en' && /^[\d,.]+\+?\s[A-Za-z]/.test(h))
    .map((h) => h.replace(/^[\d,.]+\+?\s/, ''))
    .find((noun) => !GENERAL_NOUNS.test(noun));
  // "某券商基于 Foo 重构了交易系统": the product serves the kind of customer the draft's case is about.
  const unnamed = hitsOf(run, (f) => f.rule.id === 'cr.anonymised-customer')
    .map((h) => kindOfUnnamed(h, lang))
    .find((k) => k !== null);
  const whole = (found: string | undefined) => (found ? wholeCategory(copy, found, lang) : null);
  const claims: DraftClaims = {
    superlative: findSuperlatives(copy),
    universal: [
      ...new Set(
        hitsOf(run, (f) => f.rule.effect.delta < 0 && withSignal(['universal'])(f)).filter((h) => h.trim()),
      ),
    ],
  };
  return {
    product: findProductName(copy, lang),
    category: whole(
      category ?? bareCategory(splitSentences(copy)[0] ?? '', lang, claimRemover(claims, lang)),
    ),
    segment: target ? target.replace(TARGET_LEAD, '').trim() : (counted ?? unnamed ?? null),
    ...(!target && !counted && unnamed ? { caseSegment: true } : {}),
    sentences,
    namedProof: run.signals.has('named-customer') || run.signals.has('customer-count'),
    claims,
    testimony: run.fired.some((f) => f.rule.id === 'cr.user-testimony'),
  };
}

/** The words of a rewrite, per language. */
interface Wording {
  /** The head that names the category, and the segment unless the opening sentence already does. */
  head(product: string | null, category: string | null, segment: string | null): string;
  forSegment(segment: string): string;
  /** The category where the draft names it, with the segment added ("CRM" → "CRM for [segment]"). */
  inline(category: string, segment: string): string;
  segmentSlot: string;
  resultAndCustomer(product: string | null): string;
  resultSlot: string;
  measuredAt: string;
  terms(text: string): string;
  /** A customer's own words, quoted, with who said them. */
  quote(words: string): string;
  colon: string;
  end: string;
  /** Between sentences on one line. */
  join: string;
}

const WORDING: Record<ReviewLang, Wording> = {
  en: {
    head: (product, category, segment) =>
      `${product ? `${product}, the ` : 'The '}${category ?? '[category]'}${segment ? ` for ${segment}` : ''}`,
    forSegment: (segment) => `For ${segment}`,
    inline: (category, segment) => `${category} for ${segment}`,
    segmentSlot: '[target segment]',
    resultAndCustomer: (product) =>
      `${product ? `With ${product}, ` : ''}[customer name] cut [metric] by [X%].`,
    resultSlot: 'Result: [metric] cut by [X%].',
    measuredAt: 'Measured at [customer name].',
    terms: (text) => `Terms, after the value: ${text}`,
    quote: (words) => `“${words}”\n— [name], [role] at [customer name]`,
    colon: ': ',
    end: '.',
    join: ' ',
  },
  zh: {
    head: (product, category, segment) =>
      `${product ? `${product}，` : ''}${segment ? `面向${segment}的` : ''}${category ?? '[品类]'}`,
    forSegment: (segment) => `面向${segment}`,
    inline: (category, segment) => `面向${segment}的${category}`,
    segmentSlot: '[目标行业]',
    resultAndCustomer: (product) => `[客户名]${product ? `用${product}` : ''}把[指标]降低了[X%]。`,
    resultSlot: '结果：[指标]降低了[X%]。',
    measuredAt: '数据来自[客户名]。',
    terms: (text) => `价格条款（放在价值之后）：${text}`,
    quote: (words) => `“${words}”\n——[姓名]，[客户名][职务]`,
    colon: '：',
    end: '。',
    join: '',
  },
};

/**
 * What may come before a category for the segment to go right there: the sentence is about the
 * product ("The CRM…", "Acme is a payroll platform", "Acme是一款CRM"), not a story that mentions one.
 */
const INLINE_BEFORE: Record<ReviewLang, RegExp> = {
  en: /^(?:|(?:an?|the|our)\s|[A-Z][\w.+®-]*\s(?:is|are)\s(?:an?|the)\s)$/i,
  zh: /^(?:|特点[：:]|(?![^，。；！？,\s]{0,20}?(?:我们|使命|愿景|目标|理念))[^，。；！？,\s]{1,20}\s?是(?:一款|一个|一种|一套|一家|))$/,
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
  const withoutClaims = claimRemover(facts.claims, lang, w.segmentSlot);
  const all = facts.sentences.map((s) => ({ ...s, text: withoutClaims(s.text) || s.text }));
  const priced = all.filter((s) => s.price && !s.result);
  const body = all.filter(
    (s) =>
      !priced.includes(s) &&
      (!s.empty || /\d/.test(s.text)) &&
      !(facts.category && onlyNames(s.text, facts.category)),
  );
  // Nothing the draft says survives (all buzz): keep its opening so the rewrite stays its own.
  if (body.length + priced.length === 0 && all[0] && !facts.category) body.push(all[0]);

  // A customer's own words stay theirs: quoted whole, with who said them (the proof they lack). What
  // they say of the price is theirs too, kept in its place (not moved to a terms line, nor dropped).
  // A customer's quote already signed ("“…” — Maria Chen, CFO, Globex"): their words stay theirs, whole
  // and quoted once, with the signature on its own line.
  // Proof before the quote ("Rated 4.7/5 on G2. “…” — Elena Petrov, Controller, Marlow Hotels") stays
  // on its own line above it.
  const signed = SIGNED_QUOTE.exec(facts.sentences.map((s) => s.text).join(lang === 'zh' ? '' : ' '));
  if (signed && namesSignerRole(signed[3] ?? '') && !SELLER_QUOTE.test(signed[2] ?? '')) {
    const lead = signed[1]?.trim();
    const quote = `“${signed[2]?.trim()}”\n${lang === 'zh' ? '——' : '— '}${signed[3]?.trim()}`;
    return lead ? `${lead}\n${quote}` : quote;
  }
  if (facts.testimony && body.length > 0) {
    const said = all.filter((s) => body.includes(s) || priced.includes(s));
    return w.quote(said.map((s) => s.text).join(lang === 'zh' ? '' : ' '));
  }

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
  // A promise to everyone the draft made its object has already become the segment's slot.
  const slotted = body.some((s) => s.text.includes(w.segmentSlot));
  const segment = facts.segment ?? (forWhom || slotted ? null : take(1) ? w.segmentSlot : null);
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
    // "Helping finance teams close…": the opening already says for whom; the head adds what it is.
    const said =
      facts.segment !== null &&
      facts.caseSegment !== true &&
      opener?.text.toLowerCase().includes(facts.segment.toLowerCase()) === true;
    head =
      facts.category || take(1)
        ? w.head(facts.product, facts.category, said ? null : segment)
        : said
          ? null
          : w.forSegment(segment);
  }
  const [first, ...rest] = body.map((s) => s.text);
  const opening = head ? (first ? `${head}${w.colon}${first}` : `${head}${w.end}`) : first;
  // The price terms, together on one last line.
  const terms = priced.length > 0 ? w.terms(priced.map((s) => s.text).join(w.join)) : null;
  return [opening, ...rest, ...missing, terms].filter((l): l is string => Boolean(l)).join('\n');
}
