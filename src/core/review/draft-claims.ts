/**
 * What a draft claims without proof, and the category it names, as a rewrite needs them: the
 * superlatives and promises to everyone a rewrite leaves out, and a category found where the critic's
 * "X is a …" rule finds none. Used by `rewrite.ts`; the scores do not depend on it.
 */
import {
  BUZZWORDS,
  CATEGORY_NOUNS_EN,
  CATEGORY_NOUNS_ZH,
  SUPERLATIVE_PATTERNS,
  SUPERLATIVES,
} from './rules/lexicons.ts';
import { THIRD_PARTY_RANK } from './rules/proof-lexicons.ts';
import { compile, escapeRegExp, lexiconSource, termList, trimEndChars } from './rules/regex-source.ts';
import type { ReviewLang } from './types.ts';

/**
 * After a superlative, the word it qualifies, which stays: "the fastest way" → "the way" (not "fastest
 * to set up", "best in class", "the best of").
 */
const BEFORE_WORD_EN = String.raw`[\s-](?=[A-Za-z])(?!(?:to|in|on|of|by|with|and|or|the|a|an)\b)`;
/** An '-est' superlative in a list of them goes with its comma or "and": "the smartest, simplest and fastest way". */
const EST_LIST_EN = String.raw`,\s(?=[a-z]+est\b)|\s(?:and|or)\s(?=[a-z]+est\b)`;
/** Superlatives that describe what it works with when before a category ("主流数据库"), not praise. */
const DESCRIPTIVE_ZH = new Set(['主流']);
/**
 * A Chinese superlative right before the category it praises goes, the category stays ("数字化转型首选平台"
 * → "数字化转型平台"); only inside a phrase, so that a clause is not left as a bare category ("，最好平台").
 */
const CATEGORY_AFTER_ZH = (claim: string) =>
  DESCRIPTIVE_ZH.has(claim) ? '' : `|(?<=[\\u4e00-\\u9fff]{2})${claim}(?=${CATEGORY_SOURCE.zh})`;

/** Unproven claims of a draft, as the rules found them. */
export interface DraftClaims {
  superlative: string[];
  universal: string[];
}

/**
 * Superlatives a rewrite leaves out: the critic's lexicon, and the "-est" adjectives of marketing copy
 * ("smartest", "fastest"), which the critic reads as vague rather than as a claim of rank.
 */
const SUPERLATIVE_TERMS = compile(
  lexiconSource([
    // "leading" too: where it means "causing" ("leading to outages"), `withoutClaims` leaves it alone.
    ...SUPERLATIVES,
    ...termList(`smartest | fastest | easiest | simplest | quickest | strongest | safest | greatest | most
      intuitive | most complete | most comprehensive | most reliable | most secure | most innovative`),
  ]) ?? '(?!)',
  'i',
);

/** Every superlative pattern, finding every match (built once). */
const SUPERLATIVE_FINDERS = [SUPERLATIVE_TERMS, ...SUPERLATIVE_PATTERNS].map((re) =>
  compile(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`),
);

/** Category nouns as one pattern source per language. */
const CATEGORY_SOURCE: Record<ReviewLang, string> = {
  en: lexiconSource(CATEGORY_NOUNS_EN) ?? '(?!)',
  zh: lexiconSource(CATEGORY_NOUNS_ZH) ?? '(?!)',
};
const CATEGORY_EN = compile(`(?:^|[^A-Za-z0-9])(${CATEGORY_SOURCE.en})`, 'i');
const CATEGORY_ZH = compile(`(${CATEGORY_SOURCE.zh})`);
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
export function bareCategory(
  sentence: string,
  lang: ReviewLang,
  withoutClaims: (text: string) => string,
): string | undefined {
  const text = withoutClaims(sentence);
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
export function wholeCategory(copy: string, category: string, lang: ReviewLang): string {
  const gap = lang === 'zh' ? '' : '\\s';
  const m = compile(`${escapeRegExp(category)}(?:${gap}(?:${CATEGORY_SOURCE[lang]})){0,3}`).exec(copy);
  if (!m) return category;
  if (lang === 'en') return m[0];
  // "数据可视化" goes on to the category noun that heads its phrase: "数据可视化分析平台" ("大数据平台" is headed).
  if (ZH_CATEGORY_HEAD.test(m[0])) return m[0];
  const more = ZH_CATEGORY_TAIL.exec(copy.slice(m.index + m[0].length));
  return more ? m[0] + more[0] : m[0];
}

/** Nouns that end a Chinese category phrase: nothing after them is still the category. */
const ZH_CATEGORY_HEAD = /(?:平台|系统|工具|软件|数据库|引擎|框架|网关|服务|中心|方案|套件|应用|产品)$/;
/** A few more words of a Chinese phrase that end in a category noun (the last one within reach). */
const ZH_CATEGORY_TAIL = compile(`^[^，。；！？、,;:：\\s]{0,4}(?:${CATEGORY_SOURCE.zh})`);

/** Words that only finish a superlative, left behind once it is cut ("… ever.", "史上…"). */
const SUPERLATIVE_TAIL: Readonly<Record<ReviewLang, RegExp>> = {
  en: /\s(?:ever|yet|of all time|on the market|in the world|out there)(?=[.!?]?$)/i,
  zh: /(?:史上|有史以来|迄今为止)(?=\S)/,
};

/**
 * Takes the draft's unproven claims out of a sentence: a superlative in front of what it praises ("the
 * smartest CRM" → "the CRM", "最好用的CRM" → "CRM") and a promise to everyone with the words that lead
 * to it ("CRM for everyone" → "CRM", "，适合所有企业" → ""). A superlative used any other way ("is the
 * best.") stays: cutting it would break the sentence. The patterns are built once per draft.
 */
export function claimRemover(claims: DraftClaims, lang: ReviewLang, slot?: string): (text: string) => string {
  const source = (claim: string) => escapeRegExp(claim.trim()).replace(/\s+/g, '\\s+');
  const longestFirst = (list: string[]) => [...list].sort((a, b) => b.length - a.length).map(source);
  const universal = longestFirst(claims.universal).map((c) =>
    lang === 'zh'
      ? compile(`[，,、]?(?:适合|面向|服务于?|适用于|覆盖)?${c}的?`, 'g')
      : compile(
          `,?(?:^|\\s)(?:(?:built for|designed for|made for|for|to|across|serving)\\s(?:the\\s)?|)${c}(?![\\w-])`,
          'gi',
        ),
  );
  // With a slot, a promise to everyone that is the object of the sentence ("让每一家企业都用得起",
  // "AI for every business") becomes the slot: deleting it would leave "让都用得起", "AI".
  const asObject = slot
    ? longestFirst(claims.universal).map((c) =>
        lang === 'zh'
          ? compile(`(?<=让|帮助|帮|使|助力|为|给)${c}`, 'g')
          : compile(`(?<=\\b(?:for|to|serving)\\s(?:the\\s)?)${c}(?![\\w-])`, 'gi'),
      )
    : [];
  const superlative = longestFirst(claims.superlative).map((c) =>
    lang === 'zh'
      ? compile(`${c}[\\u4e00-\\u9fff]{0,2}?的${CATEGORY_AFTER_ZH(c)}`, 'g')
      : compile(
          `(?:\\bworld's\\s|)(?<![\\w-])${c}(?:${/est$/.test(c) ? `${EST_LIST_EN}|` : ''}${BEFORE_WORD_EN})`,
          'gi',
        ),
  );
  const end = lang === 'zh' ? '。' : '.';
  return (whole) => {
    // A customer's words stay as they said them: "“Best tool we have bought.” — Maria" keeps its "Best".
    const quotes: string[] = [];
    const text = whole.replace(QUOTED, (q) => `${QUOTE_MARK}${quotes.push(q) - 1}${QUOTE_END}`);
    const restore = (t: string) => t.replace(QUOTE_SLOT, (_, i: string) => quotes[Number(i)] ?? '');
    const withoutUniversal = (t: string) => universal.reduce((u, re) => u.replace(re, ''), t);
    let kept = withoutUniversal(text);
    // The slot goes in only where deleting leaves a fragment: under three words, or 让/帮 with no object.
    const fragment =
      lang === 'zh'
        ? /(?:让|帮助|帮|使|助力)(?=都|也|能|可以|用|轻松)/.test(kept)
        : kept.trim().split(/\s+/).length < 3;
    if (fragment && slot) kept = withoutUniversal(asObject.reduce((t, re) => t.replace(re, slot), text));
    const cut = superlative.reduce((t, re) => t.replace(re, ''), kept);
    // What completed the superlative goes with it: "Fastest CRM ever" → "CRM", "史上最快的CRM" → "CRM".
    const out = cut === kept ? cut : cut.replace(SUPERLATIVE_TAIL[lang], '');
    const tidy = out
      .replace(/\s{2,}/g, ' ')
      .replace(/\s([,.;:!?])/g, '$1')
      .replace(/^[\s,，、]+/, '')
      .trim();
    const calm = trimEndChars(tidy, '!！');
    return restore(calm === tidy ? tidy : `${calm}${end}`);
  };
}

/** A quotation: a customer's or another speaker's own words, in any of the usual marks. */
const QUOTED = /“[^“”]{1,400}”|"[^"\n]{1,400}"|「[^「」]{1,400}」|『[^『』]{1,400}』/g;
/** Private-use characters holding a quotation's place while claims are cut around it. */
const QUOTE_MARK = '\ue000';
const QUOTE_END = '\ue001';
const QUOTE_SLOT = /\ue000(\d+)\ue001/g;

/** Every superlative of the draft, even beside proof: "5,000 customers" does not make a platform "the leading" one. */
export function findSuperlatives(copy: string): string[] {
  // A rank a review site gave ("#1 rated … on G2") is proof, not a claim to leave out.
  const ranked = THIRD_PARTY_RANK.exec(copy)?.[0] ?? '';
  const found = SUPERLATIVE_FINDERS.flatMap((re) => copy.match(re) ?? []);
  return [...new Set(found.filter((s) => !ranked.includes(s)))];
}
