/**
 * Named customers in English copy, told apart from the vendor's own name: in "Ledgerly matches
 * invoices..." Ledgerly is the seller, in "Capital One reduced query time by 43%..." Capital One is a
 * customer. Regexes (each of star height one) find the anchors ("trusted by", "teams at", "how ...",
 * a possessive); short linear loops read the capitalised words around them. The text is at most
 * 2,000 characters (see `MAX_DRAFT_CHARS`).
 */
import {
  ADOPTION_VERBS_EN,
  BASE_RESULT_EN,
  CUSTOMER_SIDE_EN,
  isCustomerVerb,
  nameBefore,
  RESULT_VERBS_EN,
  readName,
  readNames,
  STORY_OPENERS_EN,
  STORY_PRESENT_EN,
  titleCaseSubject,
  usesNamedProduct,
  VENDOR_BEFORE_EN,
  VENDOR_VERBS_EN,
  verbAfter,
} from './english-names.ts';
import { CATEGORY_NOUNS_EN } from './lexicons.ts';
import { CUSTOMER_NOUNS_EN, WELL_KNOWN_EN } from './proof-lexicons.ts';
import { alt, compile, trimEndChars } from './regex-source.ts';
import { signedCompanies, signingNameEn } from './signature.ts';

/** Anchors after which names of customers follow ("Trusted by A, B and C"). */
const LIST_ANCHORS_EN =
  /\b(?:(?:used|trusted|chosen|relied on|loved|adopted|deployed|run|preferred|relied upon) by|(?:customers|clients|users|teams|companies|brands|leaders|organizations|organisations|engineers|developers|businesses|enterprises|firms|manufacturers|retailers|banks|insurers|hospitals|universities|operators|carriers|distributors|agencies),? (?:include|including|like|such as|at)(?: such (?:companies|organizations|brands|names) as)?|one of our customers,|one of our clients,|our customer,|our client,|teams at|engineers at|leaders at|companies like|brands like|customers like|clients like)\s/gi;

/**
 * "Our longest-running retail client is Bi-Mart": one of the seller's customers, named; not a persona or
 * a promise ("Our ideal customer is B2B SaaS…", "Our promise to every client is Quality").
 */
const OUR_CLIENT_IS_EN = compile(String.raw`\b[Oo]ur\b[^.!?]{0,40}?\b(?:customer|client) (?:is|was)\s`, 'g');
const NOT_ONE_CLIENT_EN =
  /\b(?:ideal|typical|target|perfect|dream|average|potential|future|promise|every|each|any)\b/i;

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

/** A company announcing its own product: "Acme Logistics today announced the launch of RouteMax 3.0". */
const LAUNCH_NEWS_EN =
  /^\s(?:today\s)?announce[sd]?\s(?:today\s)?(?:the\s)?(?:launch|release|availability|general availability|new|its new|a new|version)\b/;

/**
 * A press release's customer: "… today announced that Halvorsen Cold Chain has selected …", "… has been
 * awarded a multi-year contract by the United States Postal Service", "… was selected by Acme Bank".
 */
const PRESS_ANNOUNCED_EN = /\bannounce[sd]?\s(?:today\s)?that\s(?=[A-Z])/g;
const PRESS_PICKS_EN =
  /^\s(?:has\s|have\s)?(?:selected|chosen|chose|signed|deployed|adopted|standardi[sz]ed on|is deploying|will deploy|is rolling out|has gone live)\b/;
const PRESS_BY_EN =
  /\b(?:been|was|were)\s(?:selected|chosen|awarded[a-z -]{0,40}?contract)\sby\s(?:the\s)?(?=[A-Z])/g;

/** "how/why/when <Name> <past verb>" (also "How <Name> Drives…" in a title) and "With <Vendor>, <Name> has…". */
const STORY_ANCHORS_EN = /\b(?:[Hh]ow|[Ww]hy|[Ww]hen|[Ww]here|[Aa]fter|[Ss]ince)\s/g;

/**
 * A name with "and" or "&" inside it, read as one: "how Sky Betting and Gaming migrated…" (a list of two
 * names is read as one all the same: either way the one who acted is a customer).
 */
function joinedName(
  text: string,
  one: { name: string; end: number } | null,
  isSeller: (name: string) => boolean,
): { name: string; end: number } | null {
  if (!one) return null;
  const and = /^\s(?:and|&)\s/.exec(text.slice(one.end, one.end + 6));
  if (!and) return one;
  // The words after "and" need not start a name on their own ("Gaming"): capitalised ones, up to three.
  let end = one.end + and[0].length;
  let words = 0;
  for (const w of text.slice(end, end + 60).split(' ')) {
    const word = w.replace(/[.,;:!?)]$/, '');
    if (words === 3 || !/^[A-Z][A-Za-z0-9&-]*$/.test(word)) break;
    end += word.length + 1;
    words += 1;
    if (word !== w) break;
  }
  if (words === 0) return one;
  end -= 1;
  // "How Acme and Ledgerly cut…": the seller beside its customer is not part of the customer's name.
  if (isSeller(text.slice(one.end + and[0].length, end))) return one;
  return { name: text.slice(one.end - one.name.length, end), end };
}

// Not inside an amount: "$2.3M" is not 3M.
const WELL_KNOWN_EN_RE = compile(
  String.raw`(?<![\w&$€£¥-])(?<!\d[.,])(?:${alt(WELL_KNOWN_EN)})(?![\w&-])`,
  'g',
);
/**
 * A well-known company named for something other than its use of the product: an integration
 * ("integrates with PayPal", "sign in with LinkedIn"), a pedigree ("ex-Google", "founded by former Uber
 * engineers"), a comparison ("like Uber", "than Walmart", "alternative to"), a partner ("selected alongside
 * PwC") or an investor ("backed by Goldman Sachs").
 */
const NOT_USE_BEFORE_EN =
  /\b(?:integrat|connect|sync|import|export|sign in|log in|login|ex-|former|alumni|founded by|built by|like|unlike|than|vs\b|versus|alternative|compet|rival|instead of|replac|from|partner|backed by|invest|acquired by|available on|on the|listed on|powered by|alongside|together with|along with)|-$/;
const NOT_USE_AFTER_EN = /^(?:-style|-like|-grade|\s(?:for|alternative|of the)\b|\s\d)/;

/** "With <product…>, <Name> …": the clause is read in code up to its comma (see `afterWithClause`). */
const WITH_CLAUSE_EN = /\b(?:With|Using)\s(?:the\s)?(?=[A-Z])/g;

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
/** What a named company's team did ("At Acme, the data team cut…", "…the AP team now processes…"). */
const TEAM_DID_EN =
  'teams?\\s(?:cut|reduced|saved|moved|migrated|deployed|adopted|chose|switched|replaced|halved|doubled|now\\s(?:processes|closes|runs|uses|handles))\\b';
const AT_USES_EN = compile(
  `^,?\\s(?:(?:we|our\\s[a-z]+)\\s(?:have\\s|are\\s|'ve\\s|’ve\\s)?(?:use|used|using|deployed|adopted|run|running|built|rely|relied|standardi[sz]ed|migrated|moved|chose)\\b|[A-Z][\\w.-]*\\s(?:is used|is deployed|is running|powers|runs|handles)\\b|the\\s[A-Za-z&]+\\s${TEAM_DID_EN}|the\\s${TEAM_DID_EN}|(?!(?:customers|clients|users|companies|businesses|brands|partners|people)\\s)[a-z]{3,20}s\\s(?:now\\s)?(?:cut|reduced|saved|halved|doubled|process|processes|closed|shipped|resolved)\\b)`,
);

/** A case card's label, then the customer's name: "Customer story: Acme", "Case study | Acme cuts…". */
const CASE_LABEL_EN =
  /(?:^|\n)(?:(?:[Cc]ustomer|[Cc]lient|[Ss]uccess|[Uu]ser)\s(?:[Ss]tory|[Ss]potlight)|[Cc]ase\s[Ss]tudy)\s?[:|–—-]\s/g;
/** Words that open a title, not a name ("Case study: How…", "Case study: Implementing…"). */
const TITLE_WORD_EN = /^(?:How|Why|What|When|Where|Who|The|An?|Its|This|That)\b|^[A-Z][a-z]+(?:ing|ed)$/;
/** "the team at Acme deployed Foo": a seller says "the team at" of itself, but not with an adoption verb. */
const THE_TEAM_AT_EN = /\bthe\s[a-z]{2,20}\steam\sat\s(?=[A-Z])|\bthe\steam\sat\s(?=[A-Z])/gi;

/**
 * A heading that is a company's name, then the company in the first person using a product:
 * "MediaCrossing – Digital Media Trading Experts … / We are using Spark as …".
 */
const HEADING_SEP_EN = /^\s?(?:[–—:|/-]\s|\n)/;
const WE_USE_PRODUCT_EN =
  /\bwe\s(?:are\s|have\s|'ve\s|’ve\s)?(?:use|using|used|deployed|built|run|running|adopted|chose|moved|migrated)\b[^.!?]{0,60}?\b[A-Z][a-z]/i;

/** An appositive after a name: ", as a global CPaaS provider, ". */
const APPOSITIVE_EN = /^,\s(?:as\s)?(?:an?|the)\s[^,.;]{2,60},\s/;

/** A case told of "they" ("By using TiDB, they reduced …"): a seller speaks of itself as "we". */
const THEY_STORY_EN =
  /\bthey\s(?:reduced|cut|saved|chose|switched|migrated|moved|adopted|deployed|encountered|needed|faced|replaced|doubled|halved|grew|achieved)\b/i;

/** "enabled <Name> to …", "helped <Name> cut …". */
const ENABLED = /\b(?:[Ee]nabled|[Hh]elped|[Aa]llowed|[Ee]mpowered)\s(?=[A-Z])/g;
/** "provides <Name> with …", "gave <Name> a …": the one given something is the customer. */
const PROVIDES = /\b(?:provides|provided|gives|gave)\s(?=[A-Z])/g;

/** "… services to <Name>": the one served. */
const SERVED_BEFORE_EN = /\b(?:services|service|support|products|equipment|supplies|solutions)\sto\s$/;

/** "has won a £13m five-year facilities management contract with Poole Hospital": the one who awarded it. */
const CONTRACT_WITH_EN = compile(
  String.raw`\b(?:won|wins|awarded|secured|secures|signed|signs|landed)\s(?:a|an|the)\s[^.;!?]{0,60}?\b(?:contract|agreement|deal)\s(?:with|from|by)\s(?:the\s)?(?=[A-Z])`,
  'g',
);

/** "a great choice for Airbnb", "the natural fit for Acme": the one it suits is a customer. */
const CHOICE_FOR_EN =
  /\b(?:great|natural|perfect|right|ideal|obvious|clear)\s(?:choice|fit)\sfor\s(?=[A-Z])/g;
/**
 * "Acme chose Ledgerly": choosing another named product makes a name the customer, whatever else it says;
 * so does partnering with a vendor to use what it sells ("WellSpan Health is partnering with Artisight to
 * use …"; a bare "partnering with" may be a reseller or an alliance).
 */
const CHOSE_PRODUCT_EN =
  /^\s(?:chose|selected|picked|adopted|standardi[sz]ed on|switched to|migrated to|(?:is|has been|was)\spartnering with(?=\s[A-Z][\w.-]{0,30}\sto\s(?:use|deploy|implement|roll out|adopt)\b))\s[A-Z]/;
/** "For Staples, this translates to …": a result told for the one named. */
const FOR_NAME_EN = /(?:^|[.!?]\s)For\s(?=[A-Z])/g;
const FOR_NAME_RESULT_EN =
  /^,\s(?:this|that|it|the\s(?:result|outcome|switch|change|impact))\s(?:translates|translated|meant|means|resulted|led|brought|delivered|was)\b/;
/**
 * A customer's officer quoted on a partner: "Dominique Dupuy, SVP Purchasing for Safran Aircraft Engines,
 * said: "We are satisfied with our partnership with GKN…"". The name after at / of / for is kept when
 * "said" follows it and the quote is satisfied with another named company (a seller's own CEO quoted
 * on its plans or its partners is not: "Our partnership with Microsoft lets us grow").
 */
const OFFICER_OF_EN = /\b(?:at|of|for)\s(?=[A-Z])/g;
const SAID_AFTER_EN = /^,?\s(?:said|says|commented|added|noted|explained|stated)\b/;
const ON_A_PARTNER_EN = compile(
  String.raw`\b(?:satisfied|happy|pleased|delighted|impressed)\b[^.!?"”]{0,40}?\b(?:with|by)\s(?:(?:our|the)\s(?:partnership|work|collaboration)\swith\s)?[A-Z]`,
);
/**
 * "has become the preferred supplier of haul trucks for all of Rio Tinto's …", "exclusive supplier to
 * Airbus": the one supplied.
 */
const SUPPLIER_FOR_EN = compile(
  String.raw`\b(?:preferred|exclusive|sole|approved|strategic|main|key|primary)\s(?:supplier|provider|vendor)\b[^.!?]{0,40}?\b(?:for|to)\s(?:all\sof\s)?(?=[A-Z])`,
  'g',
);
/**
 * In contract news, the one supplied: "Under the agreement, Future Aerospace is to provide … parts … for
 * Safran", "will supply … to Airbus". Read only where the copy speaks of an agreement, contract or order.
 */
const CONTRACT_NEWS_EN =
  /\b(?:agreement|contract|deal|batch of orders)\b|\borders?\s(?:is|are|was|were|worth)\b/i;
const SUPPLIES_FOR_EN = compile(
  String.raw`\b(?:provide|provides|supply|supplies|deliver|delivers|manufacture|manufactures)\b[^.!?]{0,80}?\b(?:for|to)\s(?=[A-Z])`,
  'g',
);
/** What is provided for a platform, not to a customer: "support for Windows", "connectors for Salesforce". */
const FOR_A_PLATFORM_EN =
  /\b(?:support|connectors?|integrations?|plugins?|drivers?|compatibility|apps?|extensions?)\b/i;
/** "As one of Esri's most trusted language service providers": the one whose provider the seller is. */
const ONE_OF_NAME_EN = /\b[Oo]ne\sof\s(?=[A-Z])/g;
const PROVIDERS_AFTER_EN = compile(
  String.raw`^['’]s\s[\w\s-]{0,40}?\b(?:providers|suppliers|vendors|partners)\b`,
);
/** "at the Pierce Manufacturing facility": a customer's site where the product is installed. */
const AT_THE_EN = /\bat\sthe\s(?=[A-Z])/g;
const SITE_AFTER_EN =
  /^\s(?:facility|facilities|plant|plants|factory|factories|warehouse|warehouses|distribution center|distribution centre|hospital|mill|refinery|mine)\b/;
/** A possessive ("Amazon's"). */
const POSSESSIVE = /['’]s\s/g;

/** The reader or the seller speaking ("How we…", "your team"); "US" is a country, not "us". */
const READER_OR_SELLER_EN = /\b(?:[Yy]ou|[Yy]our|[Ww]e|[Oo]ur|us)\b/;
/** Names of ideas, not companies, that title-case copy capitalises ("How AI Reduced…", "Open Banking"). */
const NOT_A_COMPANY_EN =
  /^[A-Z0-9.-]{2,4}$|\b(?:Banking|Adoption|Computing|Marketing|Automation|Intelligence|Analytics|Security|Data|Cloud|Learning|Transformation|Technology|Innovation|Payments|Pricing|Software)$/;
/** A change a case title reports ("30% Less Operational Cost", "3x Faster"), not an offer ("20% off"). */
const CHANGE_IN_TITLE_EN =
  /\b(?:less|more|faster|fewer|lower|higher|cut|cuts|reduced|reduces|saved|saves|increase|decrease|improved|growth|reduction|uptime)\b/i;
const OFFER_IN_TITLE_EN = /\b(?:off|discount|free|trial|plans?|pricing|per\s(?:month|year|user|seat))\b/i;

/** "based in San Mateo, CA, is …": the state after a city is a place, not a company. */
const PLACE_BEFORE_EN = /\b(?:based|headquartered|located)\s(?:in|out of)\s[A-Z][\w .]{0,30},\s$/;

/** "a segment of", "a subsidiary of", "owned by": what follows owns the business, it does not buy from it. */
const PARENT_BEFORE_EN =
  /\b(?:segment|division|subsidiary|unit|part|member|arm|brand)\s(?:of|within)\s$|\b(?:owned|acquired|backed)\sby\s$/;

/** "… for finance teams", "for Finance & Ops teams", "for mid-size manufacturers": the market a seller serves. */
const FOR_SEGMENT_EN = compile(
  String.raw`\bfor\s[A-Za-z&\s-]{0,40}?\b${alt([...CUSTOMER_NOUNS_EN, 'leaders', 'professionals', 'departments', 'startups'])}\b`,
);

/**
 * Words that end an organisation's name ("Acme Logistics", "China Telecom", "Keller ISD", "Northern
 * Lebanon School District").
 */
const ORG_WORDS_EN =
  'Inc|Ltd|GmbH|LLC|Group|Bank|Hospital|Health|Logistics|Motors|Energy|Pharma|Foods|AG|SA|plc|Corp|Corporation|Airlines|Airways|Insurance|University|Telecom|Financial|Railways|Retail|Stores|Union|Bancorp|Holdings|Dairy|Haulage|Hotels|Clinic|Transit|Steel|Chemicals|Brewing|District|ISD|County|College|Authority';
/** A name that ends in a company suffix ("Royal Bank", "Northwind Health"). */
const ORG_WORD_EN = compile(`\\s(?:${ORG_WORDS_EN})$`);
/** Company suffixes, found anywhere in the text. */
const ORG_SUFFIX_EN = compile(`\\s(?:${ORG_WORDS_EN})\\b`, 'g');

/** The teams inside a company ("Marketing", "AP", "HR and IT"), which name no customer. */
const DEPARTMENT_WORDS_EN = new Set(
  `Marketing Sales Finance HR IT AP AR Engineering Operations Ops Legal Procurement Support Product Design
  RevOps DevOps SecOps Security Accounting Payroll Success Growth Data Analytics Research Admin Compliance
  Treasury Purchasing Logistics Service Services Customer People Talent Recruiting IT-Ops and &`.split(/\s+/),
);
function isDepartment(name: string): boolean {
  return name.split(/[\s,]+/).every((w) => DEPARTMENT_WORDS_EN.has(w));
}

/**
 * "Ledgerly saved Initech $1.2M", "Ledgerly was able to save Initech $1.2M", "Ledgerly cut Globex's close…", "Ledgerly recovered $2.3M … for Oakmont
 * Bank": the one who did it for a named company is the seller; that company is the customer.
 */
const DID_FOR_EN =
  /^\s(?:saved|helped|gave|earned|won|enabled|allowed|brought|got|(?:was|were)\sable\sto\s(?:save|help|give|earn|win|bring|get))\s(?=[A-Z])|^\s(?:cut|reduced|halved|shortened|sped up|trimmed|slashed)\s(?=[A-Z][\w.&-]*['’]s\s|[A-Z][\w.&-]*\s[A-Z][\w.&-]*['’]s\s)/;
const RESULT_FOR_EN =
  /^\s(?:recovered|saved|cut|reduced|prevented|collected|found|eliminated|delivered)\b[^;!?]{0,60}?\bfor\s(?=[A-Z])/;

/** "Foo saved us 40 hours a month": said of the product by its customer. */
const DID_FOR_US_EN = /^\s(?:saved|helped|gave|got|earned|brought|cut|won)\s(?:us|me|our)\b/;

/** The customer a seller's sentence did something for, from where the seller's name ends; else null. */
function didFor(text: string, end: number): string | null {
  const after = text.slice(end, end + 100);
  const m = DID_FOR_EN.exec(after) ?? RESULT_FOR_EN.exec(after);
  if (!m) return null;
  const other = readName(text, end + m[0].length);
  if (!other) return null;
  // "Initech's DSO" is Initech; "January's close", "Sales teams", "Enterprise customers" name no company.
  const cut = other.name.search(/['’]s\b/);
  const name = cut > 0 ? other.name.slice(0, cut) : other.name;
  return !READER_OR_SELLER_EN.test(name) && !notAnOrganisation(name) ? name : null;
}

/** Months, quarters, plan tiers, places and teams: capitalised, but no customer. */
const NOT_AN_ORGANISATION_EN =
  /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Q[1-4]|H[12]|FY\d{2,4}|Enterprise|Business|Pro|Premium|Starter|Free|Team|Teams|Growth|Plus|Europe|Asia|Africa|America|North America|South America|Latin America|EMEA|APAC|UK|US|EU|AI|B2B|B2C|HIPAA|GDPR|SOC|Black Friday|Cyber Monday|Christmas|Dr|Mr|Ms|Mrs|Prof|Zero|Healthcare|Finance|Retail|Manufacturing|Logistics|Education|Government|Insurance|Banking)$/;
/**
 * A trade show or a conference, where a team may deploy or demo something but which is no customer:
 * "At Dreamforce, the team deployed Foo", "At SaaStr Annual 2024…", "At the Hannover Messe…".
 */
const EVENT_EN =
  /^(?:Dreamforce|re:Invent|reInvent|CES|MWC|KubeCon|SXSW|INBOUND|Inbound|SaaStr|Money20\/20|HIMSS|NRF|Davos|Web Summit|Black Hat|DEF CON|Hannover Messe|Gartner Symposium|RSA Conference|RSAC|Google I\/O|WWDC)\b|\b(?:Summit|Conference|Expo|Forum|Festival|Fair|Messe|Congress|Symposium|Show|Awards|Week|Con|Annual)$|\b(?:19|20)\d{2}$/;
export function isEvent(name: string): boolean {
  return EVENT_EN.test(name);
}

/** "Rio Tinto's" → "Rio Tinto". */
function withoutPossessive(name: string): string {
  return name.replace(/['’]s$/, '');
}

function notAnOrganisation(name: string): boolean {
  return NOT_AN_ORGANISATION_EN.test(name) || isDepartment(name);
}

/** Names the English copy uses for the seller or its product, which never count as customers. */
export function vendorNamesEn(text: string): Set<string> {
  const vendors = new Set<string>();
  // Where a buyer's name starts, which is never the seller's: "By implementing Smart-size Packaging,
  // Staples also reduces…" (the one who adopted it), "won a contract with Poole Hospital" (the one who
  // awarded it, not a product used "with").
  const buyers = new Set<number>();
  for (const m of text.matchAll(ADOPTION_CLAUSE_EN)) buyers.add(m.index + m[0].length);
  for (const m of text.matchAll(CONTRACT_WITH_EN)) buyers.add(m.index + m[0].length);
  for (const m of text.matchAll(CLAUSE_STARTS)) {
    const start = m.index + m[0].length;
    const one =
      buyers.has(start) || PLACE_BEFORE_EN.test(text.slice(Math.max(0, start - 50), start))
        ? null
        : readName(text, start);
    if (!one) continue;
    const after = text.slice(one.end, one.end + 60);
    const v = verbAfter(text, one.end);
    if (VENDOR_VERBS_EN.has(v.verb) && !isCustomerVerb(v)) vendors.add(one.name);
    else if (LAUNCH_NEWS_EN.test(after)) vendors.add(one.name);
    else if (/^,\s(?:an?|the)\s/.test(after) && categoryFollows(after)) vendors.add(one.name);
    else if (didFor(text, one.end) || DID_FOR_US_EN.test(after)) vendors.add(one.name);
  }
  // Names right after "with", "using", "migrating to"… and appositives "TiDB, a … database".
  const anyName = /\b[A-Z][A-Za-z0-9&.-]*/g;
  for (let m = anyName.exec(text); m !== null; m = anyName.exec(text)) {
    const before = text.slice(Math.max(0, m.index - 14), m.index);
    const place = PLACE_BEFORE_EN.test(text.slice(Math.max(0, m.index - 50), m.index));
    const one = buyers.has(m.index) || place ? null : readName(text, m.index);
    if (!one) continue;
    anyName.lastIndex = Math.max(anyName.lastIndex, one.end);
    const after = text.slice(one.end, one.end + 60);
    const verb = verbAfter(text, one.end);
    // "provide cleaning services to Poole hospital": the one served, not a product moved to.
    if (VENDOR_BEFORE_EN.test(before) && !SERVED_BEFORE_EN.test(before)) vendors.add(one.name);
    else if (VENDOR_VERBS_EN.has(verb.verb) && !isCustomerVerb(verb)) vendors.add(one.name);
    else if (/^,\s(?:an?|the)\s/.test(after) && categoryFollows(after)) vendors.add(one.name);
    else if (/^['’]s\s[A-Z]/.test(after)) vendors.add(one.name); // "Cloudflare's Rate Limiting"
  }
  // "… enabled BSK Labs to save USD 12,000. … BSK now saves three minutes per sample": the one a product
  // helped is its customer, whatever verb follows its name later.
  for (const m of text.matchAll(ENABLED)) {
    const one = readName(text, m.index + m[0].length);
    if (!one || !text.startsWith(' to ', one.end)) continue;
    for (const v of vendors) if (one.name === v || one.name.startsWith(`${v} `)) vendors.delete(v);
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
  // One name read twice ("Royal Bank of Canada" from its start and "Royal Bank" before its suffix) is one.
  // Not two customers that share a first word ("Delta", "Delta Dental").
  const within = (long: string, short: string) =>
    long.startsWith(`${short} of `) || (long.startsWith(`${short} `) && ORG_WORD_EN.test(short));
  const sameName = (a: string, b: string) => a === b || within(a, b) || within(b, a);
  // "Pa.-based WellSpan Health" is WellSpan Health.
  const bare = (name: string) => name.replace(/^[A-Z][\w.]{0,20}-based\s(?=[A-Z])/, '');
  const add = (read: string | null) => {
    const name = read === null ? null : bare(read);
    if (
      name &&
      !isVendor(name, vendors) &&
      !isDepartment(name) &&
      !isEvent(name) &&
      !found.some((f) => sameName(f, name))
    )
      found.push(name);
  };
  /** A name read by one of the contract and partner forms: an organisation, not a place, a plan or an event. */
  const addOrganisation = (read: string | null) => {
    const name = withoutPossessive(read ?? '');
    if (name && !notAnOrganisation(name) && !isEvent(name)) add(name);
  };
  /** A name the vendor check would drop, kept because its position says it is the customer's. */
  const keep = (read: string) => {
    const name = bare(read);
    if (!found.includes(name)) found.push(name);
  };
  for (const m of text.matchAll(PRESS_ANNOUNCED_EN)) {
    const one = readName(text, m.index + m[0].length);
    if (one && PRESS_PICKS_EN.test(text.slice(one.end, one.end + 40))) keep(one.name);
  }
  for (const m of text.matchAll(PRESS_BY_EN)) add(readName(text, m.index + m[0].length)?.name ?? null);
  for (const re of [LIST_ANCHORS_EN, ROLE_AT_EN]) {
    for (const m of text.matchAll(re)) for (const n of readNames(text, m.index + m[0].length)) add(n);
  }
  for (const m of text.matchAll(OUR_CLIENT_IS_EN))
    if (!NOT_ONE_CLIENT_EN.test(m[0]))
      for (const n of readNames(text, m.index + m[0].length)) addOrganisation(n);
  // A name read after an anchor, kept when the words right after it say it is a customer.
  const nameThen = (anchor: RegExp, after: RegExp, span: number) => {
    for (const m of text.matchAll(anchor)) {
      const one = readName(text, m.index + m[0].length);
      if (one && after.test(text.slice(one.end, one.end + span))) add(one.name);
    }
  };
  nameThen(FOR_NAME_EN, FOR_NAME_RESULT_EN, 40);
  nameThen(AT_THE_EN, SITE_AFTER_EN, 30);
  if (ON_A_PARTNER_EN.test(text)) nameThen(OFFICER_OF_EN, SAID_AFTER_EN, 14);
  for (const m of text.matchAll(SUPPLIER_FOR_EN))
    addOrganisation(readName(text, m.index + m[0].length)?.name ?? null);
  if (CONTRACT_NEWS_EN.test(text))
    for (const m of text.matchAll(SUPPLIES_FOR_EN))
      if (!FOR_A_PLATFORM_EN.test(m[0])) addOrganisation(readName(text, m.index + m[0].length)?.name ?? null);
  for (const m of text.matchAll(ONE_OF_NAME_EN)) {
    const at = m.index + m[0].length;
    const name = withoutPossessive(readName(text, at)?.name ?? '');
    if (name && PROVIDERS_AFTER_EN.test(text.slice(at + name.length, at + name.length + 60)))
      addOrganisation(name);
  }
  for (const m of text.matchAll(LIST_INTRO_EN))
    for (const n of bulletNames(text, m.index + m[0].length)) add(n);
  const storyStarts: number[] = [];
  for (const m of text.matchAll(STORY_ANCHORS_EN)) storyStarts.push(m.index + m[0].length);
  const withStarts = new Set<number>();
  for (const m of text.matchAll(WITH_CLAUSE_EN)) {
    const start = afterWithClause(text, m.index + m[0].length);
    if (start !== null) {
      storyStarts.push(start);
      withStarts.add(start);
    }
  }
  for (const start of storyStarts) {
    const one = joinedName(text, readName(text, start), (name) => isVendor(name, vendors));
    if (!one) continue;
    const v = verbAfter(text, one.end);
    const titled = titleCaseSubject(one.name, v.sentence);
    if (isCustomerVerb(v) || (STORY_PRESENT_EN.has(v.verb) && v.number)) add(one.name);
    else if (titled) add(titled);
    // "How Pinterest Reduced Costs and Improved Data Consistency": a story title on what a company
    // achieved (past tense) is about a customer, numbers or not; not "How you cut costs", "How we
    // reduced…", nor a seller's present tense ("How Ledgerly Drives Faster Closes").
    else if (
      /[Hh]ow\s$|[Ww]hy\s$/.test(text.slice(Math.max(0, start - 4), start)) &&
      RESULT_VERBS_EN.has(v.verb) &&
      !READER_OR_SELLER_EN.test(v.sentence) &&
      !NOT_A_COMPANY_EN.test(one.name)
    )
      add(one.name);
    // "How ResearchGate tests product changes for over 25M users": a story about the one named; after
    // "Using the Yellowbrick Data Warehouse, Overstock now completes…" the product is already named.
    else if (
      /^[a-z]{3,}(?:s|ed)$/.test(v.verb) &&
      !VENDOR_VERBS_EN.has(v.verb) &&
      (v.number || usesNamedProduct(v.sentence) || withStarts.has(start))
    )
      add(one.name);
  }
  for (const m of text.matchAll(ADOPTION_CLAUSE_EN)) {
    const one = readName(text, m.index + m[0].length);
    if (one && /^[a-z]{3,}(?:ed|s)$/.test(verbAfter(text, one.end).verb)) add(one.name);
  }
  const doneFor: string[] = [];
  for (const m of text.matchAll(CLAUSE_STARTS)) {
    const start = m.index + m[0].length;
    // "located in Cleveland, Tennessee, has achieved…": the state after a city is a place.
    const one = PLACE_BEFORE_EN.test(text.slice(Math.max(0, start - 50), start))
      ? null
      : readName(text, start);
    if (!one) continue;
    const v = verbAfter(text, one.end);
    // A story that opens on someone's need and goes on to a product named elsewhere in the copy.
    if (isCustomerVerb(v) || (STORY_OPENERS_EN.has(v.verb) && vendors.size > 0)) add(one.name);
    // "Infobip, as a global CPaaS provider, uses Apache Kafka …": an appositive between name and verb.
    const app = APPOSITIVE_EN.exec(text.slice(one.end, one.end + 70));
    if (app && ADOPTION_VERBS_EN.has(verbAfter(text, one.end + app[0].length).verb)) add(one.name);
    // "HubSpot, a global leader in CRM, … HubSpot chose Qdrant": the appositive made it read as the seller.
    const chosen = CHOSE_PRODUCT_EN.exec(text.slice(one.end, one.end + 40));
    if (chosen && readName(text, one.end + chosen[0].length - 1)?.name !== one.name) keep(one.name);
    // "Ledgerly saved Initech $1.2M": the one it was done for.
    const other = didFor(text, one.end);
    if (other && other !== one.name) doneFor.push(other);
  }
  for (const name of doneFor) add(name);
  for (const m of text.matchAll(POSSESSIVE)) {
    const end = m.index + m[0].length;
    const next = text
      .slice(end, end + 40)
      .toLowerCase()
      .split(/[\s,]+/)
      .slice(0, 3);
    const verb = verbAfter(text, end);
    // "Maergo's codebase went from 730k lines to 95k": a thing of theirs, then their result.
    const resultNext = next.slice(1).some((w) => RESULT_VERBS_EN.has(w)) && verb.number;
    if (isCustomerVerb(verb) || resultNext) {
      const name = nameBefore(text, m.index);
      if (name) add(`${name}'s`); // "St. Catherine's cut their denial rate…"
    } else if (next.some((w) => CUSTOMER_SIDE_EN.has(w))) add(nameBefore(text, m.index));
  }
  for (const m of text.matchAll(CHOICE_FOR_EN)) add(readName(text, m.index + m[0].length)?.name ?? null);
  for (const m of text.matchAll(CONTRACT_WITH_EN)) {
    const name = readName(text, m.index + m[0].length)?.name ?? null;
    if (name && !notAnOrganisation(name)) add(name);
  }
  // A case title opening on a possessive: "JD.com's Exploration and Practice with Apache Doris" (title
  // case; not "Ledgerly's matching engine works with Salesforce").
  const owner = /^([^\s']{2,30})['’]s\s/.exec(text);
  const title = text.split(/[!?\n]|\.\s/)[0] ?? '';
  const titleWords = title.split(/\s+/);
  const titled = titleWords.filter((w) => /^[A-Z]/.test(w)).length >= titleWords.length * 0.6;
  if (owner?.[1] && titled && readName(owner[1], 0)?.name === owner[1] && usesNamedProduct(title))
    keep(owner[1]);
  // "the Lykke team", "the Acme engineers": a team named after its company.
  nameThen(THE_NAME, TEAM_AFTER, 14);
  // "enabled Casepoint to close faster", "helped Acme cut costs by 30%": the object is the customer.
  for (const m of text.matchAll(ENABLED)) {
    const one = readName(text, m.index + m[0].length);
    if (!one) continue;
    const v = verbAfter(text, one.end);
    const result = RESULT_VERBS_EN.has(v.verb) || STORY_PRESENT_EN.has(v.verb) || BASE_RESULT_EN.has(v.verb);
    if (v.verb === 'to' || (result && v.number)) add(one.name);
    // "A robotic palletizer helped Putter's Foods meet demand": helped to do anything, whoever helped.
    else if (/^\s[a-z]{3,}\b/.test(text.slice(one.end, one.end + 24))) {
      const name = one.name.replace(/['’]s$/, '');
      if (!READER_OR_SELLER_EN.test(name) && !notAnOrganisation(name)) add(name);
    }
  }
  // "Datadog's unified platform provides Orderbird with complete observability" (lower-case verb: a
  // title-case headline's "Provides Finance Teams With …" names no one).
  for (const m of text.matchAll(PROVIDES)) {
    const one = readName(text, m.index + m[0].length);
    if (one && verbAfter(text, one.end).verb === 'with') add(one.name);
  }
  for (const m of text.matchAll(AT_COMPANY_EN))
    if (!/\b(?:our|the)\s$/i.test(text.slice(Math.max(0, m.index - 4), m.index)))
      add(readName(text, m.index + m[0].length)?.name ?? null);
  for (const m of text.matchAll(AT_NAME_EN)) {
    const one = readName(text, m.index + m[0].length);
    if (!one || !AT_USES_EN.test(text.slice(one.end, one.end + 60))) continue;
    // "At mParticle we have deployed Druid": the company speaking; "At Ledgerly, the finance team cut …
    // using our own product": the seller about itself.
    const speaks = /^,?\s(?:we|our\s[a-z]+)\s/.test(text.slice(one.end, one.end + 30));
    if (speaks || !/\b(?:our own|we|our)\b/i.test(verbAfter(text, one.end).sentence)) add(one.name);
  }
  for (const m of text.matchAll(CASE_LABEL_EN)) {
    const one = readName(text, m.index + m[0].length);
    // The label says whose case it is, though "Acme reduces churn" reads like a seller's claim: a name
    // alone on its line, or one that goes on to a result ("Case study | Acme reduces churn by 20%"); not
    // a topic or a title word ("Success story: Zero downtime", "Case study | Healthcare: 40% faster").
    const after = one ? text.slice(one.end, one.end + 40) : '';
    const v = one ? verbAfter(text, one.end) : null;
    const alone = /^\s*(?:\n|$)/.test(after);
    const acts =
      v !== null && (RESULT_VERBS_EN.has(v.verb) || STORY_PRESENT_EN.has(v.verb) || isCustomerVerb(v));
    if (
      one &&
      (alone || acts) &&
      !READER_OR_SELLER_EN.test(one.name) &&
      !NOT_A_COMPANY_EN.test(one.name) &&
      !TITLE_WORD_EN.test(one.name) &&
      !notAnOrganisation(one.name)
    )
      keep(one.name);
  }
  for (const m of text.matchAll(THE_TEAM_AT_EN)) {
    const one = readName(text, m.index + m[0].length);
    // "…deployed Foo": a named product adopted, not "deployed a new pricing page" (the seller's own work).
    const v = one ? verbAfter(text, one.end) : null;
    if (
      one &&
      v &&
      ADOPTION_VERBS_EN.has(v.verb) &&
      /^\s[a-z]+\s[A-Z]/.test(text.slice(one.end, one.end + 40))
    )
      add(one.name);
  }
  const head = readName(text, 0);
  if (head && HEADING_SEP_EN.test(text.slice(head.end, head.end + 4)) && WE_USE_PRODUCT_EN.test(text))
    keep(head.name);
  // A case title: "BookMyShow.com: More Uptime, 30% Less Operational Cost with TiDB": a name, a colon, a
  // result in numbers with another named product.
  const headTitle = (text.split(/[!?\n]|\.\s/)[0] ?? '').slice(head?.end ?? 0);
  if (
    head &&
    /^:\s/.test(headTitle) &&
    /\d/.test(headTitle) &&
    CHANGE_IN_TITLE_EN.test(headTitle) &&
    !OFFER_IN_TITLE_EN.test(headTitle) &&
    usesNamedProduct(headTitle) &&
    !headTitle.includes(head.name) &&
    !READER_OR_SELLER_EN.test(headTitle) &&
    !NOT_A_COMPANY_EN.test(head.name)
  )
    add(head.name);
  // "WeBank is China's first … bank. … By using TiDB, they reduced …": the company the story is about,
  // though "is" made it read as the seller.
  if (head && /^\s(?:is|was)\s/.test(text.slice(head.end, head.end + 5)) && THEY_STORY_EN.test(text))
    keep(head.name);
  // A case title: "Workiva reduces the time … by 80%". A short text that opens on a name and a result in
  // numbers, speaking to no one ("you") and for no one ("we"), not saying how ("with AI matching") and not
  // whom it serves ("for finance teams"): a seller's claim speaks to the reader, tells what does it or
  // names its market.
  if (
    head &&
    text.length <= 160 &&
    !/\b(?:you|your|we|our|us)\b/i.test(text) &&
    !/\b(?:with|using|via|through)\s(?:[a-z]|AI\b)/.test(text) &&
    !FOR_SEGMENT_EN.test(text)
  ) {
    const v = verbAfter(text, head.end);
    if ((STORY_PRESENT_EN.has(v.verb) || RESULT_VERBS_EN.has(v.verb)) && v.number && !didFor(text, head.end))
      keep(head.name);
  }
  // A testimonial signed with the company's name on its own line or after the last sentence.
  add(signingNameEn(text));
  // In a title-case headline every word is capitalised: "a Tough Retail Climate" names no company.
  const words = text.split(/\s+/).filter((w) => /^[A-Za-z]{4,}/.test(w));
  // A short sentence may have most of its words in a name ("Deployed at 2,300 branches of Meridian
  // National Bank."): only a longer text is read as a headline by its capitals.
  const titleCase = words.length >= 6 && words.filter((w) => /^[A-Z]/.test(w)).length >= words.length * 0.7;
  if (!titleCase)
    for (const m of text.matchAll(ORG_SUFFIX_EN)) {
      const name = nameBefore(text, m.index);
      // "a segment of Synalloy Chemicals": the company a business belongs to is not its customer.
      const owner =
        name &&
        PARENT_BEFORE_EN.test(text.slice(Math.max(0, m.index - name.length - 30), m.index - name.length));
      if (name && !owner) add(`${name}${m[0]}`);
    }
  // The company on a testimonial's signature line, unless it is the seller's own name.
  for (const name of signedCompanies(text, 'en'))
    if (![...vendors].some((v) => name.startsWith(v))) keep(name);
  // A company every buyer knows, where the copy tells of its use: "teams at Netflix", "Walmart cut…".
  for (const m of text.matchAll(WELL_KNOWN_EN_RE)) {
    // The words just before the name, back to the clause's last comma (a list's other items are not read).
    const clause =
      text
        .slice(Math.max(0, m.index - 60), m.index)
        .split(/[.;!?\n,]/)
        .pop() ?? '';
    const before = clause.slice(-30).toLowerCase();
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 14);
    if (!NOT_USE_BEFORE_EN.test(before) && !NOT_USE_AFTER_EN.test(after)) add(m[0]);
  }
  return found;
}
