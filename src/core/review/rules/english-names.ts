/**
 * Reading English names and the verbs around them, for the customer-name finders
 * (customer-names-en.ts): which capitalised words make a name, where it ends, and whether the verb
 * after it makes the name a customer ("Acme cut returns 30%", "Netflix engineers use Druid") or the
 * seller ("Ledgerly matches invoices"). Short linear loops; the text is at most 2,000 characters.
 */
import { CATEGORY_NOUNS_EN, ROLES_EN, SEGMENTS_EN } from './lexicons.ts';
import { CUSTOMER_NOUNS_EN } from './proof-lexicons.ts';
import { trimEndChars } from './regex-source.ts';
import { FROM_TO_WORDS_EN } from './result-patterns.ts';

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
  Deployments Onboarding Throughput Performance Productivity Efficiency Savings Errors Series Seed Pre-seed`.split(
    /\s+/,
  ),
);

/** Words that end a multi-word name ("Capital One" goes on, "Acme and" does not). */
const CONT_STOP_EN = new Set('The A An And Or Of For With To In On At By From As'.split(' '));

/** Lower-case words that, capitalised at a sentence start, are still common nouns ("Teams cut…"). */
const COMMON_EN = new Set(
  [...CUSTOMER_NOUNS_EN, ...SEGMENTS_EN, ...ROLES_EN, ...CATEGORY_NOUNS_EN].map((t) => t.toLowerCase()),
);

/** After a name, verbs of adopting a product: the name is a customer ("Hunt implemented …"). */
export const ADOPTION_VERBS_EN = new Set(
  `implemented deployed adopted chose switched migrated moved replaced used uses use rolled standardized
  standardised consolidated runs relies trusts picked selected leveraged leverages upgraded embraced
  onboarded utilizes utilises utilized utilised employs employed`.split(/\s+/),
);

/** Adoption in the present tense: a customer only when a named product follows ("Acme adopts Ledgerly"). */
const ADOPTS_PRESENT_EN = new Set(
  'adopts deploys implements chooses selects picks switches migrates standardizes standardises'.split(' '),
);
/** The verb's object is a product's name: "adopts Ledgerly", "migrates to Ledgerly" (not "adopts AI"). */
const NAMED_OBJECT = /^\s?[a-z]+\s(?:to\s|on\s|from\s)?(?!AI\b)[A-Z][\w.-]{2,}/;

/** After a name, verbs of a reported result: a customer only when a number follows in the sentence. */
export const RESULT_VERBS_EN = new Set(
  `reduced cut saved went saw achieved grew doubled halved tripled shortened lowered increased improved
  boosted eliminated scaled avoided recovered resolved passed closed hit reached slashed drove fell dropped
  rose remediated delivered migrated`.split(/\s+/),
);

/**
 * After "how <Name>" in a story's title, present-tense verbs of a result ("How Tripadvisor Drives 2 to 3x
 * More Revenue"): a customer when a number follows, as with the past tense.
 */
export const STORY_PRESENT_EN = new Set(
  `drives cuts saves reduces boosts slashes doubles halves triples grows scales achieves lowers increases
  improves shortens eliminates gets delivers unlocks accelerates decreases trims speeds reclaims`.split(
    /\s+/,
  ),
);

/** Base forms of a result after "helped <Name>" in a title ("Helped Power Digital Achieve 10x…"). */
export const BASE_RESULT_EN = new Set(
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
export const VENDOR_VERBS_EN = new Set(
  `is are provides offers helps lets enables matches makes gives automates delivers supports turns builds
  connects protects monitors tracks powers brings combines unifies simplifies streamlines handles checks
  watches keeps reconciles finds stores processes analyzes analyses integrates manages schedules sends
  collects resolves stays comes cuts saves reduces lowers eliminates prevents does works was will can gets
  syncs pairs plugs ships installs fits talks exports imports deploys lives sits hooks launches launched
  unveils unveiled introduces introduced releases released`.split(/\s+/),
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
export const VENDOR_BEFORE_EN =
  /\b(?:with|using|use|uses|used|via|adopting|adopted|implemented|deploying|deployed|chose|choosing|selected|to|into|onto|welcome to|introducing|meet|before|after|on)\s$/i;

/** Nouns after "Name's" that belong to a customer's business ("Brightcart's finance team"). */
export const CUSTOMER_SIDE_EN = new Set(
  `team teams finance it engineers engineering staff operations ops cost costs revenue database databases
  infrastructure annual developers support customers stores plants fleet drivers nurses data security sales
  marketing hr payroll warehouse warehouses site sites hospital hospitals sre devops cfo cto cio controller
  controllers auditors migration deployment adoption checkout app website employees people agents
  monthly yearly quarterly core legacy online organization organisation department division architects
  analysts journey story business`.split(/\s+/),
);

/** A company's units that adopt a product ("Tencent SCRM product use Druid"). */
const UNITS_EN = new Set(
  'product products platform service services business unit group division'.split(' '),
);

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

/** Heads of names that go on with "of" ("Bank of China", "Royal Bank of Canada", "University of Utah"). */
const OF_HEADS_EN = new Set(
  'Bank University Institute Ministry Department Government Port City State College Authority Council Commission Bureau'.split(
    ' ',
  ),
);

/** Reads a run of capitalised words (one name) starting at `pos`; returns it and where it ends. */
export function readName(text: string, pos: number): { name: string; end: number } | null {
  const words: string[] = [];
  let at = pos;
  while (words.length < 5) {
    WORD.lastIndex = at;
    const m = WORD.exec(text);
    if (!m) break;
    const word = cleanWord(m[0]);
    const end = m.index + word.length;
    const ofName = OF_HEADS_EN.has(word) && / of [A-Z]/y.test(text.slice(end, end + 5));
    if (!capitalised(word) || (words.length === 0 && !isNameWord(word) && !ofName)) break;
    if (words.length > 0 && (CONT_STOP_EN.has(word) || NAME_ENDING_VERBS_EN.has(word.toLowerCase()))) break;
    words.push(word);
    at = end;
    if (ofName) {
      words.push('of');
      at += 4;
      continue;
    }
    // "Sanford & Hawley", "Procter & Gamble": one name across the ampersand.
    if (/ & [A-Z]/y.test(text.slice(end, end + 4)) && words.length < 4) {
      words.push('&');
      at += 3;
      continue;
    }
    if (word.length < m[0].length || text[at] !== ' ') break;
    at += 1;
  }
  // "Bank of" with no name after it is no name.
  if (words[words.length - 1] === 'of') words.splice(-2);
  if (words.length === 0) return null;
  const name = words.join(' ');
  return { name, end: pos + name.length };
}

/** Reads a list of names ("A, B and C") starting at `pos`. */
export function readNames(text: string, pos: number): string[] {
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
export function nameBefore(text: string, end: number): string | null {
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

/** A number in words with its unit ("more than four minutes per patient"; not "one of"). */
const NUMBER_WORD_UNIT =
  /\b(?:two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty|fifty|hundred|thousand|million)\s(?:minutes|hours|days|weeks|months|years|times|percent)\b/i;

/** "is running X", "are using X": a name in use (not an acronym such as AI). */
const RUNS_PRODUCT_EN =
  /^\s?(?:is|are)\s(?:now\s|already\s)?(?:running|using|deploying|adopting)\s[A-Z][a-z]/;
/**
 * "is shipping X in more than 20 Kubernetes production clusters": shipping or operating a named product
 * inside its own production (a seller ships its product "in 2 weeks", "in 12 languages", "in 30 countries").
 */
const SHIPS_IN_EN = /^\s?(?:is|are)\s(?:now\s|already\s)?(?:shipping|operating)\s[A-Z][\w-]*\sin\s/;
const IN_PRODUCTION_EN = /\bproduction\b|\bclusters?\b/;

/** A named product used later in the sentence: "… with Ledgerly", "using Shipfast", "thanks to Foo". */
const WITH_PRODUCT =
  /\b(?:with|using|via|thanks to|powered by|on|to|adopted|chose|leveraging|[Ll]everaging|built on|on top of)\s(?=[A-Z])/;

/**
 * Verbs that open a customer's story ("CFA Institute needed…", "eXp Realty empowered…"): the name is a
 * customer when the sentence goes on to a named product or a number.
 */
export const STORY_OPENERS_EN = new Set(
  'needed wanted faced struggled turned empowered partnered built standardised standardized decided'.split(
    ' ',
  ),
);

/**
 * In a title-case story title every word is capitalised, so the verb is read into the name: "How Xbox
 * Cloud Gaming Secures 22,000 Pods with Linkerd", "How Acme Built a Platform Leveraging Foo". When the name's last word is a present-tense verb
 * form and the title goes on to a named product, the words before it are the customer.
 */
const TITLE_VERB = /^(?:[A-Z][a-z]{2,15}(?:es|s|ed)|Built|Cut|Made|Grew|Ran|Won|Took|Got|Kept|Sped)$/;

export function titleCaseSubject(name: string, sentence: string): string | null {
  const words = name.split(' ');
  const last = words[words.length - 1] ?? '';
  if (words.length < 2 || !TITLE_VERB.test(last) || !usesNamedProduct(sentence)) return null;
  const subject = words.slice(0, -1).join(' ');
  return isNameWord(words[0] ?? '') ? subject : null;
}

/** True when the sentence goes on to use a product by name (not an acronym such as AI or AWS). */
export function usesNamedProduct(sentence: string): boolean {
  const m = WITH_PRODUCT.exec(sentence);
  if (!m) return false;
  const name =
    sentence
      .slice(m.index + m[0].length)
      .split(/[\s,;:!?]/)[0]
      ?.replace(/\.$/, '') ?? '';
  // "with AI-powered review", "with cloud-native tools": a kind of product, not a product's name.
  return (
    name.length >= 3 &&
    !/^[A-Z0-9.-]{2,4}$/.test(name) &&
    !STOP_EN.has(name) &&
    !/-(?:powered|based|driven|native|first|enabled|ready|grade|led|backed)$/i.test(name)
  );
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
export function verbAfter(
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
    // "has also found", "has been able": the participle after an adverb or "been".
    next:
      words[i + 1] === 'been' || ADVERBS_EN.has(words[i + 1] ?? '')
        ? (words[i + 2] ?? '')
        : (words[i + 1] ?? ''),
    number:
      /\d|\b(?:half|twice|double|triple)\b/.test(sentence) ||
      NUMBER_WORD_UNIT.test(sentence) ||
      FROM_TO_WORDS_EN.test(sentence),
    sentence,
  };
}

/** A certification in the sentence ("has achieved SOC 2 compliance"): the seller's own, not a result. */
const CERTIFIED_EN =
  /\b(?:SOC\s?[12]|ISO\s?\d{4,5}|certification|certified|compliance|compliant|accredited)\b/i;

/**
 * "Planzer is a Swiss logistics company that was looking to upgrade its IT": a company introduced by a
 * need it had. Only words of need count: a seller introduces itself by what it does, what it won or who
 * bought it ("…company that helps…", "…that was recognized by Gartner", "…that was acquired by Intuit").
 */
const COMPANY_WITH_NEED_EN =
  /^\s?is\san?\s[^.;:!?]{0,50}?\b(?:company|firm|business|organi[sz]ation|group|manufacturer|retailer|operator|bank|insurer|hospital|chain|brand|university|agency|carrier|utility)\s(?:that|which|who)\s(?:(?:was|were)\s(?:looking|seeking|struggling|searching|trying|facing|in need)|needed|faced|struggled|sought|had outgrown)\b/;

/**
 * True when the verb after a name makes it a customer: adopting a product, or reporting a result
 * with a number ("Acme cut returns 30%"; not "Kubernetes reduced our ops burden").
 */

/** "… was able to save Hoar Construction …": what a seller did for a named company. */
const DID_FOR_OTHER_EN = /^\s?(?:was|were)\sable\sto\s(?:save|help|give|earn|win|bring|get)\s[A-Z]/;

export function isCustomerVerb(v: ReturnType<typeof verbAfter>): boolean {
  if (ADOPTION_VERBS_EN.has(v.verb)) return true;
  // "Union Pay adopts Harbor": a present-tense adoption of a named product ("Foo deploys in minutes" is
  // the seller's claim).
  if (ADOPTS_PRESENT_EN.has(v.verb) && NAMED_OBJECT.test(v.sentence)) return true;
  // "Acme Foods saves 1,200 hours a year with Ledgerly": a result in numbers, with someone else's product.
  if (STORY_PRESENT_EN.has(v.verb) && v.number && usesNamedProduct(v.sentence)) return true;
  if (STORY_OPENERS_EN.has(v.verb) && (v.number || usesNamedProduct(v.sentence))) return true;
  // "Nutanix was able to…", but not "PlanGrid was able to save Hoar Construction $1M" (done for someone else).
  if ((v.verb === 'was' || v.verb === 'were') && v.next === 'able') return !DID_FOR_OTHER_EN.test(v.sentence);
  // "Planzer is a Swiss logistics company that was looking to upgrade…": a company introduced by a need
  // it had (a seller introduces itself by what it does: "…company that helps…").
  if (v.verb === 'is' && COMPANY_WITH_NEED_EN.test(v.sentence)) return true;
  if (v.verb === 'takes' && v.next === 'advantage') return true; // "Criteo takes advantage of Kafka"
  // "Netflix engineers use Druid", "Tencent SCRM product use Druid": the company's people or unit adopting a product.
  if ((CUSTOMER_SIDE_EN.has(v.verb) || UNITS_EN.has(v.verb)) && ADOPTION_VERBS_EN.has(v.next))
    return adoptsNamedProduct(v.sentence);
  // "Acme is running Ledgerly in 20 plants": running someone else's named product.
  if ((v.verb === 'is' || v.verb === 'are') && RUNS_PRODUCT_EN.test(v.sentence)) return true;
  if ((v.verb === 'is' || v.verb === 'are') && SHIPS_IN_EN.test(v.sentence))
    return IN_PRODUCTION_EN.test(v.sentence);
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
  // "Acme has achieved SOC 2 Type II compliance": a seller's own certification, not a customer's result.
  if (CERTIFIED_EN.test(v.sentence)) return false;
  if ((v.verb === 'has' || v.verb === 'have' || v.verb === 'had') && PARTICIPLES_EN.has(v.next)) return true;
  // "Backblaze has also found the write throughput … with Cassandra …": what it found using a named product.
  return (v.verb === 'has' || v.verb === 'have') && v.next === 'found' && usesNamedProduct(v.sentence);
}
