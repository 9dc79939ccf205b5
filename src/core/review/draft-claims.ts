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
import { compile, escapeRegExp, lexiconSource, termList, trimEndChars } from './rules/regex-source.ts';
import type { ReviewLang } from './types.ts';

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
export function bareCategory(sentence: string, lang: ReviewLang, claims: DraftClaims): string | undefined {
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
export function wholeCategory(copy: string, category: string, lang: ReviewLang): string {
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

/** Every superlative of the draft, even beside proof: "5,000 customers" does not make a platform "the leading" one. */
export function findSuperlatives(copy: string): string[] {
  return [
    ...new Set([SUPERLATIVE_TERMS, ...SUPERLATIVE_PATTERNS].flatMap((re) => copy.match(globally(re)) ?? [])),
  ];
}
