/**
 * Named customers in English copy, told apart from the vendor's own name: in "Ledgerly matches
 * invoices..." Ledgerly is the seller, in "Capital One reduced query time by 43%..." Capital One is a
 * customer. Regexes (each of star height one) find the anchors ("trusted by", "teams at", "how ...",
 * a possessive); short linear loops read the capitalised words around them. The text is at most
 * 2,000 characters (see `MAX_DRAFT_CHARS`).
 */
import { CATEGORY_NOUNS_EN, ROLES_EN, SEGMENTS_EN } from './lexicons.ts';
import { CUSTOMER_NOUNS_EN } from './proof-lexicons.ts';
import { alt, compile, trimEndChars } from './regex-source.ts';

/** Capitalised words that open sentences or phrases but name nobody. */
export const STOP_EN = new Set(
  `A An The This That These Those It Its Our We Us You Your They Their He She I My Me Here There What Who
  Why How When Where Which With Without For From Learn Read See Meet Welcome Before After Today Now Then
  Meanwhile Key Most Many Some Every Each All Any No Not Nobody Everyone One Two Three Four Five Six Seven
  Eight Nine Ten In On At By Of To And Or But So If As Hi Hello Dear Right Running Users Customers Teams
  Fortune Global Local Month-end Year Years Finance Plant Plants Marketplaces Controllers Operators Also
  Just Only More Less Instead While Since Until During Over Under About Across Between Thanks Using Use
  Ask Try Get Start Join Book Call Cut Save Stop Run Build Close Ship Win Grow Better Faster Smarter
  Simpler Stay Protect Drive Make Keep Turn Let Help Proof Result Results Source Note Update News
  Introducing Inspired Built Designed Made Trusted Used Backed Powered Case Study Story Customer We've We're
  We'll I've I'm It's You're They're Let's Time Cost Costs Spend Revenue Latency Downtime Deployment
  Deployments Onboarding Throughput Performance Productivity Efficiency Savings Errors`.split(/\s+/),
);

/** Words that end a multi-word name ("Capital One" goes on, "Acme and" does not). */
const CONT_STOP_EN = new Set('The A An And Or Of For With To In On At By From As'.split(' '));

/** Lower-case words that, capitalised at a sentence start, are still common nouns ("Teams cut…"). */
const COMMON_EN = new Set(
  [...CUSTOMER_NOUNS_EN, ...SEGMENTS_EN, ...ROLES_EN, ...CATEGORY_NOUNS_EN].map((t) => t.toLowerCase()),
);

/** After a name, verbs of adopting a product: the name is a customer ("Hunt implemented …"). */
const ADOPTION_VERBS_EN = new Set(
  `implemented deployed adopted chose switched migrated moved replaced used uses use rolled standardized
  standardised consolidated runs relies trusts picked selected leveraged leverages upgraded embraced
  onboarded utilizes utilises utilized utilised employs employed`.split(/\s+/),
);

/** After a name, verbs of a reported result: a customer only when a number follows in the sentence. */
const RESULT_VERBS_EN = new Set(
  `reduced cut saved went saw achieved grew doubled halved tripled shortened lowered increased improved
  boosted eliminated scaled avoided recovered resolved passed closed hit reached slashed drove fell dropped
  rose remediated delivered migrated`.split(/\s+/),
);

/**
 * After "how <Name>" in a story's title, present-tense verbs of a result ("How Tripadvisor Drives 2 to 3x
 * More Revenue"): a customer when a number follows, as with the past tense.
 */
const STORY_PRESENT_EN = new Set(
  `drives cuts saves reduces boosts slashes doubles halves triples grows scales achieves lowers increases
  improves shortens eliminates gets delivers unlocks accelerates`.split(/\s+/),
);

/** Base forms of a result after "helped <Name>" in a title ("Helped Power Digital Achieve 10x…"). */
const BASE_RESULT_EN = new Set(
  'achieve cut save reduce grow scale double boost drive improve lower increase eliminate shorten slash'.split(
    ' ',
  ),
);

/** Verbs that end a name in title case ("Tripadvisor Drives", "PointFive Slashed"). */
const NAME_ENDING_VERBS_EN = new Set([...RESULT_VERBS_EN, ...STORY_PRESENT_EN, ...ADOPTION_VERBS_EN]);

/** After has/have/had, participles that report a customer's result ("BookMyShow has experienced…"). */
const PARTICIPLES_EN = new Set(
  'experienced seen cut reduced saved achieved grown doubled halved eliminated avoided improved increased been'.split(
    ' ',
  ),
);

/** After a name, present-tense verbs of a seller describing its product ("Ledgerly matches…"). */
const VENDOR_VERBS_EN = new Set(
  `is are provides offers helps lets enables matches makes gives automates delivers supports turns builds
  connects protects monitors tracks powers brings combines unifies simplifies streamlines handles checks
  watches keeps reconciles finds stores processes analyzes analyses integrates manages schedules sends
  collects resolves stays comes cuts saves reduces lowers eliminates prevents does works was will can gets
  syncs pairs plugs ships installs fits talks exports imports deploys lives sits hooks`.split(/\s+/),
);

/** Plural nouns that follow a capitalised word and look like verbs ("Storage costs on …"). */
const PLURAL_NOUNS_EN = new Set(
  'costs times sales needs results users teams jobs systems operations tools services works'.split(' '),
);

/** Adverbs allowed between a name and its verb ("Fin now resolves…"). */
const ADVERBS_EN = new Set(
  'now also automatically already still today then quickly successfully recently currently finally'.split(
    ' ',
  ),
);

/** Words before a name that make it the product being used ("With TiDB,", "migrating to AWS"). */
const VENDOR_BEFORE_EN =
  /\b(?:with|using|use|uses|used|via|adopting|adopted|implemented|deploying|deployed|chose|choosing|selected|to|into|onto|welcome to|introducing|meet|before|after|on)\s$/i;

/** Nouns after "Name's" that belong to a customer's business ("Brightcart's finance team"). */
const CUSTOMER_SIDE_EN = new Set(
  `team teams finance it engineers engineering staff operations ops cost costs revenue database databases
  infrastructure annual developers support customers stores plants fleet drivers nurses data security sales
  marketing hr payroll warehouse warehouses site sites hospital hospitals sre devops cfo cto cio controller
  controllers auditors migration deployment adoption checkout app website employees people agents
  monthly yearly quarterly core legacy online organization organisation department division architects
  analysts journey story`.split(/\s+/),
);

/** A company's units that adopt a product ("Tencent SCRM product use Druid"). */
const UNITS_EN = new Set(
  'product products platform service services business unit group division'.split(' '),
);

/** Anchors after which names of customers follow ("Trusted by A, B and C"). */
const LIST_ANCHORS_EN =
  /\b(?:(?:used|trusted|chosen|relied on|loved|adopted|deployed|run|preferred|relied upon) by|(?:customers|clients|users|teams|companies|brands|leaders|organizations|organisations|engineers|developers|businesses|enterprises|firms|manufacturers|retailers|banks|insurers|hospitals|universities|operators|carriers|distributors|agencies),? (?:include|including|like|such as|at)|one of our customers,|one of our clients,|our customer,|our client,|teams at|engineers at|leaders at|companies like|brands like|customers like|clients like)\s/gi;

/**
 * What introduces a bulleted list of customers ("used by the following companies: - A - B"); the
 * review's copy has its lines joined, so the bullets may follow on the same line.
 */
const LIST_INTRO_EN =
  /\b(?:used by|trusted by|relied on by|customers|clients|companies|users|organizations|organisations|who uses|who's using)\b[^\n:]{0,60}:\s{0,4}(?=[-*•]\s)/gi;

/** The names of the bulleted list at `pos` ("- Airbnb - Pinterest"), when at least two are names. */
function bulletNames(text: string, pos: number): string[] {
  const items = text.slice(pos, pos + 600).split(/\s{0,4}[-*•]\s{1,3}/);
  const names: string[] = [];
  for (const raw of items.slice(1, 13)) {
    const item = trimEndChars(raw.trim(), '.,;');
    const one = readName(item, 0);
    if (!one || one.name.length !== item.length) break;
    names.push(one.name);
  }
  return names.length >= 2 ? names : [];
}

/** Job titles before "at <Company>" ("A senior architect at China Telecom Bestpay…"). */
const ROLE_AT_EN =
  /\b(?:architect|engineer|CTO|CIO|CEO|CFO|CISO|COO|CPO|CMO|CRO|CDO|VP|director|manager|head|lead|founder|co-founder|president|chief|analyst|administrator|developer|scientist|officer|owner|controller|DBA|SRE|buyer)s?\s(?:at|of)\s/g;

/** "how/why/when <Name> <past verb>" (also "How <Name> Drives…" in a title) and "With <Vendor>, <Name> has…". */
const STORY_ANCHORS_EN = /\b(?:[Hh]ow|[Ww]hy|[Ww]hen|[Ww]here|[Aa]fter|[Ss]ince)\s/g;

/** "With <product…>, <Name> …": the clause is read in code up to its comma (see `afterWithClause`). */
const WITH_CLAUSE_EN = /\b(?:With|Using)\s(?=[A-Z])/g;

/** Where the name after a "With …," clause starts: after the clause's comma, within 64 characters. */
function afterWithClause(text: string, from: number): number | null {
  const clause = text.slice(from, from + 64);
  const comma = clause.indexOf(', ');
  if (comma < 1 || /[.;\n]/.test(clause.slice(0, comma))) return null;
  return from + comma + 2;
}

/**
 * A case study's opening clause on adopting a named product: "By implementing Azure Database …, Allego
 * optimized…", "Through the adoption of X, SAS simplified…". The name after the comma is the customer
 * when a verb in the past tense follows.
 */
const ADOPTION_CLAUSE_EN =
  /\b(?:By (?:implementing|adopting|deploying|using|moving to|migrating to|switching to|standardi[sz]ing on)|Through (?:the )?(?:adoption|use|implementation|deployment) of) [A-Z][^,.;]{2,80}, /g;

/** Clause starts, where "<Name> <verb>" may follow. */
const CLAUSE_STARTS = /(?:^|[.!?;:]\s|,\s|\n)/g;

/** "the <Name> team" (see `TEAM_AFTER`). */
const THE_NAME = /\bthe\s(?=[A-Z])/g;
const TEAM_AFTER = /^\s(?:team|teams|engineers|engineering team|developers|staff|group)\b/;
/**
 * A customer's people or work at a named company ("our Map team at Snapp", "updating apps at Zapier",
 * "development at DENSO"); not "our team at …" or "the team at …", which is how a seller speaks of itself.
 */
const AT_COMPANY_EN =
  /\b(?:team|apps|applications|development|developers|engineering|group|department|division|staff|workloads|services|everyone|people|colleagues|infrastructure|operations)\sat\s(?=[A-Z]|[a-z]{1,2}[A-Z])/g;

/**
 * "At PayPal, Kafka is used for …", "At mParticle we have deployed Druid …": the company named after
 * "At" uses a product. Not "At Vantage Point, we've helped 150+ clients" (a seller about its work).
 */
const AT_NAME_EN = /(?:^|[.!?]\s|\n)At\s(?=[A-Z]|[a-z]{1,2}[A-Z])/g;
const AT_USES_EN =
  /^,?\s(?:(?:we|our\s[a-z]+)\s(?:have\s|are\s|'ve\s|’ve\s)?(?:use|used|using|deployed|adopted|run|running|built|rely|relied|standardi[sz]ed|migrated|moved|chose)\b|[A-Z][\w.-]*\s(?:is used|is deployed|is running|powers|runs|handles)\b)/;

/**
 * A heading that is a company's name, then the company in the first person using a product:
 * "MediaCrossing – Digital Media Trading Experts … / We are using Spark as …".
 */
const HEADING_SEP_EN = /^\s?(?:[–—:|/-]\s|\n)/;
const WE_USE_PRODUCT_EN =
  /\bwe\s(?:are\s|have\s|'ve\s|’ve\s)?(?:use|using|used|deployed|built|run|running|adopted|chose|moved|migrated)\b[^.!?]{0,60}?\b[A-Z][a-z]/i;

/** A case told of "they" ("By using TiDB, they reduced …"): a seller speaks of itself as "we". */
const THEY_STORY_EN =
  /\bthey\s(?:reduced|cut|saved|chose|switched|migrated|moved|adopted|deployed|encountered|needed|faced|replaced|doubled|halved|grew|achieved)\b/i;

/** "enabled <Name> to …", "helped <Name> cut …". */
const ENABLED = /\b(?:[Ee]nabled|[Hh]elped|[Aa]llowed|[Ee]mpowered)\s(?=[A-Z])/g;

/**
 * The name that signs a testimonial: a last line or last sentence of one to four capitalised words
 * after a quote, or of two or more after a first-person text ("… our time to market has improved.
 * Hua Xia Bank").
 */
function signature(text: string): string | null {
  const trimmed = text.trim();
  const cut = Math.max(trimmed.lastIndexOf('. '), trimmed.lastIndexOf('\n'), trimmed.lastIndexOf('” '));
  if (cut < 20) return null;
  const tail = trimmed.slice(cut + 1).trim();
  const words = tail.split(' ');
  if (words.length > 4 || !words.every((w) => /^[A-Z][A-Za-z0-9&.'’-]*$/.test(w))) return null;
  const one = readName(tail, 0);
  if (!one || one.name !== tail) return null;
  // A quote signed is a testimonial; without quotes, a first-person text signed with a one-word name
  // may be the vendor signing its own copy ("We help finance teams close faster. Ledgerly").
  const body = trimmed.slice(0, cut);
  if (/[“”"]/.test(body)) return tail;
  return words.length >= 2 && /\b(?:we|our|us|I)\b/i.test(body) ? tail : null;
}

/** A possessive ("Amazon's"). */
const POSSESSIVE = /['’]s\s/g;

/** Company suffixes ("Acme Logistics", "China Telecom"). */
const ORG_SUFFIX_EN =
  /\s(?:Inc|Ltd|GmbH|LLC|Group|Bank|Hospital|Health|Logistics|Motors|Energy|Pharma|Foods|AG|SA|plc|Corp|Corporation|Airlines|Airways|Insurance|University|Telecom|Financial|Railways|Retail|Stores)\b/g;

const WORD = /[A-Za-z0-9][A-Za-z0-9&.'’-]*/y;

/** A word written as a name: a capital or digit first, or a short lower-case prefix ("eXp", "iQIYI", "eBay"). */
function capitalised(word: string): boolean {
  return /^(?:[A-Z0-9]|[a-z]{1,2}[A-Z])/.test(word) && /[A-Za-z]/.test(word);
}

function isNameWord(word: string): boolean {
  return capitalised(word) && !STOP_EN.has(word) && !COMMON_EN.has(word.toLowerCase());
}

function cleanWord(word: string): string {
  return trimEndChars(word, ".,'’");
}

/** Reads a run of capitalised words (one name) starting at `pos`; returns it and where it ends. */
function readName(text: string, pos: number): { name: string; end: number } | null {
  const words: string[] = [];
  let at = pos;
  while (words.length < 5) {
    WORD.lastIndex = at;
    const m = WORD.exec(text);
    if (!m) break;
    const word = cleanWord(m[0]);
    if (!capitalised(word) || (words.length === 0 && !isNameWord(word))) break;
    if (words.length > 0 && (CONT_STOP_EN.has(word) || NAME_ENDING_VERBS_EN.has(word.toLowerCase()))) break;
    words.push(word);
    at = m.index + word.length;
    if (word.length < m[0].length || text[at] !== ' ') break;
    at += 1;
  }
  if (words.length === 0) return null;
  const name = words.join(' ');
  return { name, end: pos + name.length };
}

/** Reads a list of names ("A, B and C") starting at `pos`. */
function readNames(text: string, pos: number): string[] {
  const names: string[] = [];
  let at = pos;
  for (let i = 0; i < 6; i++) {
    const one = readName(text, at);
    if (!one) break;
    names.push(one.name);
    const sep = /^(?:,\s(?:and\s|&\s)?|\sand\s|\s&\s)/.exec(text.slice(one.end, one.end + 7));
    if (!sep) break;
    at = one.end + sep[0].length;
  }
  return names;
}

/** The capitalised words that end just before `end` ("Capital One" before "'s"). */
function nameBefore(text: string, end: number): string | null {
  const words = text.slice(Math.max(0, end - 60), end).split(' ');
  const picked: string[] = [];
  for (let i = words.length - 1; i >= 0 && picked.length < 4; i--) {
    const w = words[i] as string;
    if (!/^[A-Z0-9][A-Za-z0-9&.-]*$/.test(w) || !/[A-Za-z]/.test(w)) break;
    picked.unshift(w);
  }
  while (picked.length > 0 && STOP_EN.has(picked[0] as string)) picked.shift();
  if (picked.length === 0) return null;
  const name = picked.join(' ');
  return picked.length === 1 && !isNameWord(name) ? null : name;
}

/** A before → after in words ("from weeks to days"): as good as a number for telling a result. */
const FROM_TO_WORDS =
  /\bfrom\s(?:several\s|a\sfew\s)?(?:years|months|weeks|days|hours|minutes)\sto\s(?:a\sfew\s|several\s|just\s)?(?:months|weeks|days|hours|minutes|seconds)\b/i;

/** "is running X", "are using X": a name in use (not an acronym such as AI). */
const RUNS_PRODUCT_EN =
  /^\s?(?:is|are)\s(?:now\s|already\s)?(?:running|using|deploying|adopting)\s[A-Z][a-z]/;

/** A named product used later in the sentence: "… with Ledgerly", "using Shipfast", "thanks to Foo". */
const WITH_PRODUCT = /\b(?:with|using|via|thanks to|powered by|on|to|adopted|chose)\s(?=[A-Z])/;

/**
 * Verbs that open a customer's story ("CFA Institute needed…", "eXp Realty empowered…"): the name is a
 * customer when the sentence goes on to a named product or a number.
 */
const STORY_OPENERS_EN = new Set(
  'needed wanted faced struggled turned empowered partnered built standardised standardized decided'.split(
    ' ',
  ),
);

/**
 * In a title-case story title every word is capitalised, so the verb is read into the name: "How Xbox
 * Cloud Gaming Secures 22,000 Pods with Linkerd". When the name's last word is a present-tense verb
 * form and the title goes on to a named product, the words before it are the customer.
 */
function titleCaseSubject(name: string, sentence: string): string | null {
  const words = name.split(' ');
  const last = words[words.length - 1] ?? '';
  if (words.length < 2 || !/^[A-Z][a-z]{2,15}(?:es|s)$/.test(last) || !usesNamedProduct(sentence))
    return null;
  const subject = words.slice(0, -1).join(' ');
  return isNameWord(words[0] ?? '') ? subject : null;
}

/** True when the sentence goes on to use a product by name (not an acronym such as AI or AWS). */
function usesNamedProduct(sentence: string): boolean {
  const m = WITH_PRODUCT.exec(sentence);
  if (!m) return false;
  const name =
    sentence
      .slice(m.index + m[0].length)
      .split(/[\s,;:!?]/)[0]
      ?.replace(/\.$/, '') ?? '';
  return name.length >= 3 && !/^[A-Z0-9.-]{2,4}$/.test(name) && !STOP_EN.has(name);
}

/** True when an adoption verb in the sentence is followed by a product's name ("use Druid"; not "use AI"). */
function adoptsNamedProduct(sentence: string): boolean {
  for (const m of sentence.matchAll(/\b([a-z]+)\s([A-Z][\w.-]{2,30})/g)) {
    if (
      ADOPTION_VERBS_EN.has(m[1] ?? '') &&
      !/^[A-Z0-9.-]{2,4}$/.test(m[2] ?? '') &&
      !STOP_EN.has(m[2] ?? '')
    )
      return true;
  }
  return false;
}

/** The word after `pos` (skipping one adverb), lower-cased, and whether its sentence has a number. */
function verbAfter(
  text: string,
  pos: number,
): { verb: string; next: string; number: boolean; sentence: string } {
  const rest = text.slice(pos, pos + 160);
  const words = rest
    .slice(0, 60)
    .trim()
    .split(/[\s,]+/)
    .map((w) => w.toLowerCase().replace(/[^a-z-]/g, ''))
    .filter(Boolean);
  let i = 0;
  if (ADVERBS_EN.has(words[0] ?? '')) i = 1;
  const sentence = rest.split(/[.!?;](?:\s|$)/)[0] ?? '';
  return {
    verb: words[i] ?? '',
    next: words[i + 1] === 'been' ? (words[i + 2] ?? '') : (words[i + 1] ?? ''),
    number: /\d|\b(?:half|twice|double|triple)\b/.test(sentence) || FROM_TO_WORDS.test(sentence),
    sentence,
  };
}

/**
 * True when the verb after a name makes it a customer: adopting a product, or reporting a result
 * with a number ("Acme cut returns 30%"; not "Kubernetes reduced our ops burden").
 */
function isCustomerVerb(v: ReturnType<typeof verbAfter>): boolean {
  if (ADOPTION_VERBS_EN.has(v.verb)) return true;
  // "Acme Foods saves 1,200 hours a year with Ledgerly": a result in numbers, with someone else's product.
  if (STORY_PRESENT_EN.has(v.verb) && v.number && usesNamedProduct(v.sentence)) return true;
  if (STORY_OPENERS_EN.has(v.verb) && (v.number || usesNamedProduct(v.sentence))) return true;
  if ((v.verb === 'was' || v.verb === 'were') && v.next === 'able') return true; // "Nutanix was able to…"
  if (v.verb === 'takes' && v.next === 'advantage') return true; // "Criteo takes advantage of Kafka"
  // "Netflix engineers use Druid", "Tencent SCRM product use Druid": the company's people or unit adopting a product.
  if ((CUSTOMER_SIDE_EN.has(v.verb) || UNITS_EN.has(v.verb)) && ADOPTION_VERBS_EN.has(v.next))
    return adoptsNamedProduct(v.sentence);
  // "Acme is running Ledgerly in 20 plants": running someone else's named product.
  if ((v.verb === 'is' || v.verb === 'are') && RUNS_PRODUCT_EN.test(v.sentence)) return true;
  // "Split is getting sub-second purge times", "Acme is seeing 30% fewer errors".
  if ((v.verb === 'is' || v.verb === 'are') && /^(?:getting|seeing|saving|achieving)$/.test(v.next))
    return v.number;
  // "Siemens augments ERP systems with Orchestrate": a verb no seller uses of itself, then a named product.
  if (
    /^[a-z]{4,}s$/.test(v.verb) &&
    !VENDOR_VERBS_EN.has(v.verb) &&
    !PLURAL_NOUNS_EN.has(v.verb) &&
    usesNamedProduct(v.sentence)
  )
    return true;
  if (RESULT_VERBS_EN.has(v.verb)) return v.number;
  return (v.verb === 'has' || v.verb === 'have' || v.verb === 'had') && PARTICIPLES_EN.has(v.next);
}

/** Names the English copy uses for the seller or its product, which never count as customers. */
export function vendorNamesEn(text: string): Set<string> {
  const vendors = new Set<string>();
  CLAUSE_STARTS.lastIndex = 0;
  for (let m = CLAUSE_STARTS.exec(text); m !== null; m = CLAUSE_STARTS.exec(text)) {
    const start = m.index + m[0].length;
    if (m[0] === '') CLAUSE_STARTS.lastIndex++;
    const one = readName(text, start);
    if (!one) continue;
    const after = text.slice(one.end, one.end + 60);
    const v = verbAfter(text, one.end);
    if (VENDOR_VERBS_EN.has(v.verb) && !isCustomerVerb(v)) vendors.add(one.name);
    else if (/^,\s(?:an?|the)\s/.test(after) && categoryFollows(after)) vendors.add(one.name);
  }
  // Names right after "with", "using", "migrating to"… and appositives "TiDB, a … database".
  const anyName = /\b[A-Z][A-Za-z0-9&.-]*/g;
  for (let m = anyName.exec(text); m !== null; m = anyName.exec(text)) {
    const before = text.slice(Math.max(0, m.index - 14), m.index);
    const one = readName(text, m.index);
    if (!one) continue;
    anyName.lastIndex = Math.max(anyName.lastIndex, one.end);
    const after = text.slice(one.end, one.end + 60);
    const verb = verbAfter(text, one.end);
    if (VENDOR_BEFORE_EN.test(before)) vendors.add(one.name);
    else if (VENDOR_VERBS_EN.has(verb.verb) && !isCustomerVerb(verb)) vendors.add(one.name);
    else if (/^,\s(?:an?|the)\s/.test(after) && categoryFollows(after)) vendors.add(one.name);
    else if (/^['’]s\s[A-Z]/.test(after)) vendors.add(one.name); // "Cloudflare's Rate Limiting"
  }
  return vendors;
}

const CATEGORY_EN = compile(`^[^.;:!?]{0,50}?\\b${alt(CATEGORY_NOUNS_EN)}`, 'i');
function categoryFollows(after: string): boolean {
  return CATEGORY_EN.test(after);
}

/**
 * True when `name` is the vendor's. "Amazon" stays a customer beside the vendor "Amazon DynamoDB"
 * (Amazon used AWS), but "Ledgerly's…" and "Ledgerly Cloud" are the vendor "Ledgerly".
 */
function isVendor(name: string, vendors: ReadonlySet<string>): boolean {
  const bare = name.replace(/['’]s$/, '');
  for (const v of vendors) if (bare === v || bare.startsWith(`${v} `)) return true;
  return false;
}

/** Named customers in English copy. */
export function namedCustomersEn(text: string): string[] {
  const vendors = vendorNamesEn(text);
  const found: string[] = [];
  const add = (name: string | null) => {
    if (name && !isVendor(name, vendors) && !found.includes(name)) found.push(name);
  };
  for (const re of [LIST_ANCHORS_EN, ROLE_AT_EN]) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text))
      for (const n of readNames(text, re.lastIndex)) add(n);
  }
  LIST_INTRO_EN.lastIndex = 0;
  for (let m = LIST_INTRO_EN.exec(text); m !== null; m = LIST_INTRO_EN.exec(text))
    for (const n of bulletNames(text, LIST_INTRO_EN.lastIndex)) add(n);
  const storyStarts: number[] = [];
  STORY_ANCHORS_EN.lastIndex = 0;
  for (let m = STORY_ANCHORS_EN.exec(text); m !== null; m = STORY_ANCHORS_EN.exec(text))
    storyStarts.push(STORY_ANCHORS_EN.lastIndex);
  WITH_CLAUSE_EN.lastIndex = 0;
  for (let m = WITH_CLAUSE_EN.exec(text); m !== null; m = WITH_CLAUSE_EN.exec(text)) {
    const start = afterWithClause(text, WITH_CLAUSE_EN.lastIndex);
    if (start !== null) storyStarts.push(start);
  }
  for (const start of storyStarts) {
    const one = readName(text, start);
    if (!one) continue;
    const v = verbAfter(text, one.end);
    const titled = titleCaseSubject(one.name, v.sentence);
    if (isCustomerVerb(v) || (STORY_PRESENT_EN.has(v.verb) && v.number)) add(one.name);
    else if (titled) add(titled);
    // "How ResearchGate tests product changes for over 25M users": a story about the one named.
    else if (
      /^[a-z]{3,}(?:s|ed)$/.test(v.verb) &&
      !VENDOR_VERBS_EN.has(v.verb) &&
      (v.number || usesNamedProduct(v.sentence))
    )
      add(one.name);
  }
  ADOPTION_CLAUSE_EN.lastIndex = 0;
  for (let m = ADOPTION_CLAUSE_EN.exec(text); m !== null; m = ADOPTION_CLAUSE_EN.exec(text)) {
    const one = readName(text, ADOPTION_CLAUSE_EN.lastIndex);
    if (one && /^[a-z]{3,}(?:ed|s)$/.test(verbAfter(text, one.end).verb)) add(one.name);
  }
  CLAUSE_STARTS.lastIndex = 0;
  for (let m = CLAUSE_STARTS.exec(text); m !== null; m = CLAUSE_STARTS.exec(text)) {
    if (m[0] === '') CLAUSE_STARTS.lastIndex++;
    const one = readName(text, m.index + m[0].length);
    if (!one) continue;
    const v = verbAfter(text, one.end);
    // A story that opens on someone's need and goes on to a product named elsewhere in the copy.
    if (isCustomerVerb(v) || (STORY_OPENERS_EN.has(v.verb) && vendors.size > 0)) add(one.name);
  }
  POSSESSIVE.lastIndex = 0;
  for (let m = POSSESSIVE.exec(text); m !== null; m = POSSESSIVE.exec(text)) {
    const next = text
      .slice(POSSESSIVE.lastIndex, POSSESSIVE.lastIndex + 40)
      .toLowerCase()
      .split(/[\s,]+/)
      .slice(0, 3);
    const verb = verbAfter(text, POSSESSIVE.lastIndex);
    // "Maergo's codebase went from 730k lines to 95k": a thing of theirs, then their result.
    const resultNext = next.slice(1).some((w) => RESULT_VERBS_EN.has(w)) && verb.number;
    if (isCustomerVerb(verb) || resultNext) {
      const name = nameBefore(text, m.index);
      if (name) add(`${name}'s`); // "St. Catherine's cut their denial rate…"
    } else if (next.some((w) => CUSTOMER_SIDE_EN.has(w))) add(nameBefore(text, m.index));
  }
  // "the Lykke team", "the Acme engineers": a team named after its company.
  THE_NAME.lastIndex = 0;
  for (let m = THE_NAME.exec(text); m !== null; m = THE_NAME.exec(text)) {
    const one = readName(text, THE_NAME.lastIndex);
    if (one && TEAM_AFTER.test(text.slice(one.end, one.end + 14))) add(one.name);
  }
  // "enabled Casepoint to close faster", "helped Acme cut costs by 30%": the object is the customer.
  ENABLED.lastIndex = 0;
  for (let m = ENABLED.exec(text); m !== null; m = ENABLED.exec(text)) {
    const one = readName(text, ENABLED.lastIndex);
    if (!one) continue;
    const v = verbAfter(text, one.end);
    const result = RESULT_VERBS_EN.has(v.verb) || STORY_PRESENT_EN.has(v.verb) || BASE_RESULT_EN.has(v.verb);
    if (v.verb === 'to' || (result && v.number)) add(one.name);
  }
  AT_COMPANY_EN.lastIndex = 0;
  for (let m = AT_COMPANY_EN.exec(text); m !== null; m = AT_COMPANY_EN.exec(text))
    if (!/\b(?:our|the)\s$/i.test(text.slice(Math.max(0, m.index - 4), m.index)))
      add(readName(text, AT_COMPANY_EN.lastIndex)?.name ?? null);
  AT_NAME_EN.lastIndex = 0;
  for (let m = AT_NAME_EN.exec(text); m !== null; m = AT_NAME_EN.exec(text)) {
    const one = readName(text, AT_NAME_EN.lastIndex);
    if (one && AT_USES_EN.test(text.slice(one.end, one.end + 60))) add(one.name);
  }
  // "Infobip, as a global CPaaS provider, uses Apache Kafka …": an appositive between name and verb.
  CLAUSE_STARTS.lastIndex = 0;
  for (let m = CLAUSE_STARTS.exec(text); m !== null; m = CLAUSE_STARTS.exec(text)) {
    if (m[0] === '') CLAUSE_STARTS.lastIndex++;
    const one = readName(text, m.index + m[0].length);
    const app = one && /^,\s(?:as\s)?(?:an?|the)\s[^,.;]{2,60},\s/.exec(text.slice(one.end, one.end + 70));
    if (one && app && ADOPTION_VERBS_EN.has(verbAfter(text, one.end + app[0].length).verb)) add(one.name);
  }
  const head = readName(text, 0);
  if (head && HEADING_SEP_EN.test(text.slice(head.end, head.end + 4)) && WE_USE_PRODUCT_EN.test(text))
    if (!found.includes(head.name)) found.push(head.name);
  // "WeBank is China's first … bank. … By using TiDB, they reduced …": the company the story is about,
  // though "is" made it read as the seller.
  if (head && /^\s(?:is|was)\s/.test(text.slice(head.end, head.end + 5)) && THEY_STORY_EN.test(text))
    if (!found.includes(head.name)) found.push(head.name);
  // A case title: "Workiva reduces the time … by 80%". A short text that opens on a name and a result in
  // numbers, speaking to no one ("you") and for no one ("we"), and not saying how ("with AI matching"): a
  // seller's claim speaks to the reader or tells what does it.
  if (
    head &&
    text.length <= 160 &&
    !/\b(?:you|your|we|our|us)\b/i.test(text) &&
    !/\b(?:with|using|via|through)\s(?:[a-z]|AI\b)/.test(text)
  ) {
    const v = verbAfter(text, head.end);
    if (
      (STORY_PRESENT_EN.has(v.verb) || RESULT_VERBS_EN.has(v.verb)) &&
      v.number &&
      !found.includes(head.name)
    )
      found.push(head.name);
  }
  // A testimonial signed with the company's name on its own line or after the last sentence.
  add(signature(text));
  // In a title-case headline every word is capitalised: "a Tough Retail Climate" names no company.
  const words = text.split(/\s+/).filter((w) => /^[A-Za-z]{4,}/.test(w));
  const titleCase = words.length >= 4 && words.filter((w) => /^[A-Z]/.test(w)).length >= words.length * 0.7;
  ORG_SUFFIX_EN.lastIndex = 0;
  for (let m = titleCase ? null : ORG_SUFFIX_EN.exec(text); m !== null; m = ORG_SUFFIX_EN.exec(text)) {
    const name = nameBefore(text, m.index);
    if (name) add(`${name}${m[0]}`);
  }
  return found;
}
