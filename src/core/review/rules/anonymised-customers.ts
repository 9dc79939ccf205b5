/**
 * Unnamed customers in English copy ("a logistics company", "one of the largest banks in Europe", "How a
 * Digital Payment Platform … deployed …"), told apart from the seller describing itself ("Acme is a leading
 * cloud provider"). Read word by word after each article: a regex spelling out every size, place and noun
 * compiled to about 2 MB of code per thread. The Chinese forms are one regex (`ANONYMISED_ZH` in
 * proof-lexicons.ts).
 */
import { compile, escapeRegExp, trimEndChars } from './regex-source.ts';

/** Words that size an unnamed customer ("a leading global …", "a top-10 …"), lower case. */
const SIZE_WORDS_EN = new Set(
  `large leading global major mid-size midsize mid-market regional national multinational international top
  top-3 top-5 top-10 top-20 top-50 top-100 well-known household-name listed state-owned tier-one
  fast-growing high-growth big large-scale`.split(/\s+/),
);
/** A size in figures: revenue ("a $28M technology company") or headcount ("a 5,000-employee insurer"). */
const SIZE_FIGURE_EN =
  /^(?:[$€£]\d[\d.,]{0,8}(?:[KkMmBb]|bn)?|\d[\d,]{0,8}-(?:employee|person|people|bed|store|location|site|seat|branch))$/;
/** Verbs after "one client" that tell what happened to it ("reported", "saved", "cut"). */
const REPORTS_EN =
  /^(?:reported|told|said|saw|cut|saved|reduced|grew|increased|achieved|doubled|halved|went|moved|switched)$/;
/** Two-word sizes ("Fortune 500", "top 10", "publicly traded"), lower case. */
const SIZE_PAIRS_EN = new Set(
  `fortune 500|fortune 100|fortune 50|fortune 1000|global 2000|ftse 100|tier 1|top 3|top 5|top 10|top 20|top 50|top 100|publicly traded`.split(
    '|',
  ),
);
/** Words that place an unnamed customer ("a German …", "a North American …"), as written. */
const PLACE_WORDS_EN = new Set(
  `European US U.S. Asian APAC EMEA German French British UK Dutch Swiss Nordic Spanish Italian Japanese
  Korean Chinese Indian Australian Canadian Brazilian American African Singaporean`.split(/\s+/),
);
const PLACE_PAIRS_EN = new Set(['North American', 'Latin American', 'Middle Eastern']);
/** Words before a customer noun that say nothing of who the customer is ("a new customer", "a happy client"). */
const NOT_A_SECTOR_EN = new Set(
  `new potential prospective single typical happy future given specific particular paying loyal returning
  existing target ideal dream difficult frustrated unhappy average different better great good modern
  trusted reliable secure real true local growing certain whole former current lost every each customer
  trial free`.split(/\s+/),
);
/** Words that join a phrase, never the second word of a sector ("platform for enterprise"). */
const FUNCTION_WORDS_EN = new Set(
  'for of and to in with that the a an our your their its from on by at as or into over than'.split(' '),
);
/** Nouns for an unnamed customer after a sector word ("a logistics provider"), lower case. */
const ANONYMISED_NOUN_EN = new Set(
  `company firm provider retailer manufacturer bank insurer hospital carrier distributor brand operator
  customer client district agency startup enterprise chain utility university marketplace fintech group
  organization organisation institution airline automaker carmaker telco lender publisher conglomerate
  oem supplier producer maker processor grower fabricator shipper packer foundry contractor`.split(/\s+/),
);
/** Nouns that name a sector alone once sized or placed ("a top-10 US bank"); not "a leading provider". */
const ANONYMISED_BARE_NOUN_EN = new Set(
  `bank insurer hospital retailer manufacturer carrier airline automaker carmaker telco lender utility
  university customer client oem distributor brand conglomerate`.split(/\s+/),
);
const ANONYMISED_NOUNS_EN =
  'companies|firms|providers|retailers|manufacturers|banks|insurers|hospitals|carriers|distributors|brands|operators|customers|clients|districts|agencies|startups|enterprises|chains|utilities|universities|marketplaces|fintechs|groups|organizations|organisations|institutions|health systems|airlines|automakers|carmakers|telcos|lenders|publishers|conglomerates|OEMs|producers|makers|processors|growers|fabricators|shippers|packers|foundries|contractors';

/** Before an article, words that make what follows the seller describing itself ("Acme is a …"). */
const COPULA_BEFORE_EN =
  /\b(?:is|are|was|were|be|been|being|become|becomes|became|[Aa]s|am|remains|['’]re|['’]s|into)\s(?:now\s|also\s|already\s|still\s)?$/;
/**
 * True when the words before an article make what follows the seller describing itself: "Acme is (now) a
 * …", "grown into one of …", or an appositive to a name that the phrase closes with a comma ("Acme, a
 * global payments company, today …"; not "In Germany, a leading provider cut …").
 */
function sellerBefore(text: string, at: number, end: number): boolean {
  const before = text.slice(Math.max(0, at - 24), at);
  if (COPULA_BEFORE_EN.test(before)) return true;
  const head = before.trimEnd();
  const name = head.slice(0, -1).split(' ').pop() ?? '';
  return head.endsWith(',') && /^[A-Z]/.test(name) && text[end] === ',';
}
/** "a", "an", "one", "another", and "helped a" (the one helped is a customer, named by its kind). */
const ARTICLE_EN = /\b(helped\s|worked with\s|partnered with\s)?(?:[Aa]n?|[Oo]ne|[Aa]nother)\s/g;
/** "one of the largest banks in Europe", "one of our biggest customers". */
const ONE_OF_THE_LARGEST_EN = compile(
  String.raw`\b[Oo]ne\sof\s(?:the|our|their)\s(?:world['’]s\s|nation['’]s\s|country['’]s\s|industry['’]s\s|region['’]s\s)?(?:largest|biggest|leading|top|fastest-growing|best-known|most valuable|oldest)\s(?:3\s|5\s|10\s|20\s|50\s|100\s)?(?:(?:${[...PLACE_PAIRS_EN, ...PLACE_WORDS_EN].map((w) => escapeRegExp(w).replace(' ', '\\s')).join('|')})\s)?(?:[a-z][a-z-]{1,19}\s(?:${ANONYMISED_NOUNS_EN})|${ANONYMISED_NOUNS_EN})\b`,
  'g',
);

/** "How a …" opening a case title, and the nouns its customer may go by. */
const HOW_A_EN = /\b[Hh]ow\s(?:an?|one)\s/g;
const HOW_A_NOUNS_EN = new Set([
  ...ANONYMISED_NOUN_EN,
  'platform',
  'app',
  'service',
  'business',
  'store',
  'team',
]);
/** Past-tense verbs of a case ("deployed", "cut", "slashed"), not any word ending in -ed ("speed", "integrated"). */
const HOW_A_VERBS_EN = new Set(
  `cut reduced saved deployed slashed improved increased boosted grew doubled tripled halved migrated moved
  switched built scaled achieved delivered transformed eliminated automated modernized modernised
  rolled launched replaced adopted consolidated accelerated lowered shortened`.split(/\s+/),
);

/**
 * English unnamed customers: "a logistics company", "an American insurer", "a leading global
 * pharmaceutical company", "a Top 10 Global Insurer", "I helped a manufacturer", "one of the largest
 * banks in Europe", "one of our biggest customers". Not the seller describing itself ("Acme is a
 * leading cloud provider", "Acme, a global payments company,"), and not "a new customer". Read word by
 * word after each article (a regex spelling out every size, place and noun compiled to 2 MB of code).
 */
export function findAnonymisedEn(text: string): string[] {
  const hits: string[] = [];
  for (const m of text.matchAll(ARTICLE_EN)) {
    const at = m.index ?? 0;
    const words = text
      .slice(at + m[0].length, at + m[0].length + 90)
      .split(/\s+/)
      .slice(0, 6);
    const read = anonymisedAfterArticle(words, m[1] !== undefined);
    if (read === 0) continue;
    const hit = trimEndChars(`${m[0]}${words.slice(0, read).join(' ')}`.trim(), '.,;:!?)');
    if (!sellerBefore(text, at, at + hit.length)) hits.push(hit);
  }
  // A case title on an unnamed customer: "How a Digital Payment Platform with 15M+ users … deployed …".
  for (const m of text.matchAll(HOW_A_EN)) {
    const at = (m.index ?? 0) + m[0].length;
    const words = text
      .slice(at, at + 120)
      .split(/\s+/)
      .slice(0, 12);
    const noun = words
      .slice(0, 5)
      .findIndex((w) => HOW_A_NOUNS_EN.has(trimEndChars(w, '.,;:').toLowerCase()));
    // A result the customer reported, before any promise to the reader ("can", "your").
    const after = words.slice(noun + 1);
    const promise = after.findIndex((w) => /^(?:can|could|will|may|your|you|our)$/i.test(w));
    const past = after
      .slice(0, promise < 0 ? after.length : promise)
      .some((w) => HOW_A_VERBS_EN.has(trimEndChars(w, '.,;:').toLowerCase()));
    if (noun >= 0 && past && !hits.some((h) => h.includes(words[noun] ?? '')))
      hits.push(`${m[0]}${words.slice(0, noun + 1).join(' ')}`.trim());
  }
  for (const m of text.matchAll(ONE_OF_THE_LARGEST_EN)) {
    const at = m.index ?? 0;
    if (!sellerBefore(text, at, at + m[0].length)) hits.push(m[0]);
  }
  return hits;
}

/** How many words after an article name an unnamed customer (0 when they do not). */
function anonymisedAfterArticle(words: string[], helped: boolean): number {
  const bare = (w: string | undefined) => trimEndChars(w ?? '', '.,;:!?)');
  const lower = (i: number) => bare(words[i]).toLowerCase();
  let i = 0;
  let sized = 0;
  // Up to two sizes, then a place: "a leading global …", "a Fortune 500 US …".
  while (sized < 2) {
    if (SIZE_PAIRS_EN.has(`${lower(i)} ${lower(i + 1)}`)) i += 2;
    else if (SIZE_WORDS_EN.has(lower(i)) || SIZE_FIGURE_EN.test(bare(words[i]))) i += 1;
    else break;
    sized += 1;
  }
  if (PLACE_PAIRS_EN.has(`${bare(words[i])} ${bare(words[i + 1])}`)) i += 2;
  else if (PLACE_WORDS_EN.has(bare(words[i]))) i += 1;
  const modified = i > 0 || helped;
  // "One client reported …", "a customer told us …": a customer speaking of what happened to it.
  if (i === 0 && /^(?:client|customer)$/.test(lower(0)) && REPORTS_EN.test(lower(1))) return 1;
  // "… health system", "… automotive supplier": a two-word noun.
  const noun = (k: number) =>
    ANONYMISED_NOUN_EN.has(lower(k)) || `${lower(k)} ${lower(k + 1)}` === 'health system';
  const nounLength = (k: number) => (`${lower(k)} ${lower(k + 1)}` === 'health system' ? 2 : 1);
  // A sized, placed or helped customer may be named by its kind alone: "a top-10 US bank".
  if (modified && ANONYMISED_BARE_NOUN_EN.has(lower(i))) return i + 1;
  if (modified && `${lower(i)} ${lower(i + 1)}` === 'health system') return i + 2;
  // A sector word, then the noun: "a logistics provider", "a SaaS company"; not "a new customer".
  const sector = bare(words[i]);
  if (!/^[A-Za-z][A-Za-z-]{1,19}$/.test(sector) || NOT_A_SECTOR_EN.has(sector.toLowerCase())) return 0;
  if (SIZE_WORDS_EN.has(sector.toLowerCase())) return 0;
  if (noun(i + 1) && words[i] === sector) return i + 1 + nounLength(i + 1);
  // A two-word sector: "a large consumer products company", "a financial services firm"; not a kind of
  // supplier ("a third-party logistics provider") nor a phrase ("one platform for enterprise").
  const second = words[i + 1] ?? '';
  if (
    words[i] === sector &&
    /^[a-z][a-z-]{2,19}$/.test(second) &&
    !NOT_A_SECTOR_EN.has(second) &&
    !ANONYMISED_NOUN_EN.has(second) &&
    !FUNCTION_WORDS_EN.has(second) &&
    noun(i + 2) &&
    !/^(?:provider|supplier|partner|vendor)s?$/.test(lower(i + 2))
  )
    return i + 2 + nounLength(i + 2);
  return 0;
}
