/**
 * A customer's own words without quote marks: an excerpt of a testimonial or a user's write-up, in the
 * first person plural, about a product it names ("Opcenter APS supported us in…", "We have been
 * running Cilium in our production environments…", "with AWS we can scale…"). A vendor speaking of its
 * own product talks to the reader ("you", 您): such copy is not read as testimony.
 * Linear: each regex has star height one and runs once over the text; names are cut at 30 characters.
 */

import { RANKING_THIRD_PARTIES } from './proof-lexicons.ts';

/** First person plural, the customer's voice. */
const WE_EN = /\b(?:we|us|our)\b/i;
/**
 * A user's experience rather than a seller's present-tense pitch ("we make…", "our platform runs on…"):
 * "we have been", "we just", "we can", "supported us", "our production", "before".
 */
const EXPERIENCE_EN =
  /\b(?:we(?:'ve|'re| have| had| were| used to| just| now| can| no longer| saw| got| moved| switched| migrated| chose| completed| cut| reduced| saved| decided| use| started| rely)|us\b|our (?:production|team|teams|engineers|developers|business|company|organization|organisation|adherence|costs?)|before)\b/i;
const EXPERIENCE_ZH = /我们(?:已经|已|在|之前|以前|过去|现在|目前|终于|决定|选择|把|将|的(?:业务|团队|生产))/;

/** The reader addressed, or the seller describing itself ("We're the #1 …"): the seller's voice. */
const YOU_EN = /\b(?:you|your)\b|\bwe(?:'re|’re| are) (?:the|a|an)\b/i;
const YOU_ZH = /您|你/;

/**
 * A named product the speaker uses ("running Cilium", "with AWS", "moved to X", "update from Workday").
 * Kept short: a long alternation makes the ReDoS checker's proof slow.
 */
const USES_NAMED_EN = /\b(?:[Ww]ith|using|use|running|on|adopted|chose|deployed|to|from) ([A-Z][\w.-]*)/g;
/** A product that did something for us ("Opcenter APS supported us"): the name before is read in code. */
const HELPED_US_EN = / (?:supported|helped|enabled|allowed|lets|let|gave|gives) us\b/g;
/** Chinese: we adopted / run a product with a Latin name ("我们在生产环境中使用 Cilium"). */
const USES_NAMED_ZH = /(?:使用|采用|引入|上线|部署|运行|选择|切换到|迁移到|升级到)了?\s?([A-Za-z][\w.-]*)/g;

/** Capitalised words that start sentences or name no product. */
const NOT_PRODUCT = new Set(
  'The A An This That These Those It Its Our We Us You Your They Their I My In On At By Of To And Or But For From With Then Now'.split(
    ' ',
  ),
);

const isProduct = (name: string) =>
  !NOT_PRODUCT.has(name) &&
  !RANKING_THIRD_PARTIES.has(name) &&
  !/^[A-Z]{1,2}$/.test(name) &&
  !/^(?:AI|IT|API|APIs|SaaS|ERP|CRM)$/.test(name);

/** The named products a first-person, reader-free text says it uses (the hits of the rule). */
export function findCustomerTestimony(text: string, lang: 'en' | 'zh'): string[] {
  if (lang === 'zh') {
    if (!EXPERIENCE_ZH.test(text) || YOU_ZH.test(text)) return [];
    return [...text.matchAll(USES_NAMED_ZH)].map((m) => (m[1] ?? '').slice(0, 30)).filter(isProduct);
  }
  // "A top-10 US bank": the country, not "us".
  const voice = text.replace(/\bUS\b/g, 'USA');
  if (!WE_EN.test(voice) || !EXPERIENCE_EN.test(voice) || YOU_EN.test(voice)) return [];
  const names = [...text.matchAll(USES_NAMED_EN)].map((m) => m[1] ?? '');
  for (const m of text.matchAll(HELPED_US_EN)) names.push(wordBefore(text, m.index ?? 0));
  return [...new Set(names.map((n) => n.replace(/[.]$/, '').slice(0, 30)).filter(isProduct))];
}

/** The word that ends at `end` (letters, digits, '.', '-'), read leftwards. */
function wordBefore(text: string, end: number): string {
  let start = end;
  while (start > 0 && end - start < 30 && /[\w.-]/.test(text[start - 1] as string)) start -= 1;
  return /^[A-Z]/.test(text.slice(start, end)) ? text.slice(start, end) : '';
}

/** A quote followed by its speaker's words: "…,” said Jane", "…”他表示" (credited by cr.quote). */
const ATTRIBUTED_EN = /[”"」』],?\s?[A-Z]?[\w.]{0,30}\s?(?:said|says|explains|adds)\b/;
const ATTRIBUTED_ZH = /[”」』][，,]?[^，。“”」』]{0,12}?(?:表示|说道|坦言)/;

/** A seller's mission or founding story ("Our mission…", "We built Ledgerly because…", "成立以来"). */
const MISSION =
  /\b(?:mission|vision|we built|we founded|founded|our goal|we believe|we deliver|we make|we help)\b|成立|使命|愿景|致力于|专注于/i;

/** A testimonial in quote marks: the copy opens on a quote that runs at least this long. */
const QUOTE_OPEN = /^\s?[“"「『]([^”"」』]{25,})/;
const FIRST_PERSON_EN = /\b(?:I|we|We|my|My|our|Our|us|me)\b/;
/** A speaker looking back on a change it lived through, beyond the markers of {@link EXPERIENCE_EN}. */
const LIVED_EN =
  /\b(?:didn['’]t|wasn['’]t|was|were|used to|had to|stayed|never|finally|no longer|now|since)\b/i;
const LIVED_ZH = /才|终于|以前|之前|原来|原本|变成了|换了|用了|自从|直到|再也不|不再|以后/;

/**
 * A customer's quote without a name ("“We didn’t add headcount. We removed toil…”", "“直到公司换了…我才
 * 真正体会到…”"): the copy opens on a quote in the first person about a change the speaker lived
 * through, not addressed to the reader. Weaker than a named quote; it is testimony all the same.
 * The hit is the quote's opening words.
 */
export function findQuotedExperience(text: string, lang: 'en' | 'zh'): string[] {
  // The quote opens the copy, or follows a short lead-in that ends in a colon ("Time to market has
  // improved as well: “Now, a team …”").
  const first = text.search(/[“"「『]/);
  const leadIn = first > 0 ? text.slice(0, first).trimEnd() : '';
  const opens = first === 0 || (first > 0 && first <= 90 && /[:：]$/.test(leadIn) && !leadIn.includes('\n'));
  const quote = opens ? (QUOTE_OPEN.exec(text.slice(first))?.[1] ?? '') : '';
  // A signed quote, or one naming the product it speaks of, is credited by the named-testimony rules.
  if (
    !quote ||
    ATTRIBUTED_EN.test(text) ||
    ATTRIBUTED_ZH.test(text) ||
    findCustomerTestimony(text, lang).length > 0
  )
    return [];
  const lived =
    lang === 'zh'
      ? /我/.test(quote) && LIVED_ZH.test(quote) && !YOU_ZH.test(quote)
      : FIRST_PERSON_EN.test(quote) &&
        (LIVED_EN.test(quote) || EXPERIENCE_EN.test(quote)) &&
        !YOU_EN.test(quote);
  // A founder's or seller's mission told in quotes is not a customer's experience.
  if (MISSION.test(quote)) return [];
  return lived ? [Array.from(quote.trim()).slice(0, 40).join('')] : [];
}
