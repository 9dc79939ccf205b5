/**
 * Finds customer counts: "140 mid-size distributors", "4,000+ businesses", "thousands of companies",
 * "80% of the Fortune 100", "28家券商", "数百家客户". A count of one customer's sites ("12 plants of
 * one customer", "某集团的12家工厂") is one customer, not twelve, and is left out.
 */
import type { ReviewLang } from '../types.ts';
import { DIGITS, NUM_EN } from './lexicons.ts';
import {
  COUNT_WORDS_EN,
  COUNT_WORDS_ZH,
  CUSTOMER_NOUNS_EN,
  CUSTOMER_NOUNS_ZH,
  SITE_NOUNS_EN,
} from './proof-lexicons.ts';
import { alt, compile } from './regex-source.ts';

const NOUNS_EN = alt(CUSTOMER_NOUNS_EN);

/** "<number> <up to 30 letters> <customer noun>" ("4,000+", "3,000-odd"); the words between are checked in code. */
const NUMERIC_EN = compile(String.raw`${NUM_EN}(?:\+|-odd|-plus)?\s[a-zA-Z'’ -]{0,30}?${NOUNS_EN}`, 'gi');
/** Prepositions that show the number counts something else ("4 for 140 distributors"). */
const BETWEEN_STOP_EN =
  /\b(?:for|to|from|in|at|of|by|with|per|than|over|across|since|after|a|the|and|internal|in-house)\b/i;
/** What follows a count of one customer's sites. */
const ONE_CUSTOMER_EN =
  /^\s(?:of|at|for|across|in|belonging to)\s(?:one|a single|a|the same|one of our|our|a large|a global)\s(?:customer|client|company|manufacturer|retailer|bank|group|enterprise)\b/i;
const SITE_EN = compile(String.raw`\b(?:${SITE_NOUNS_EN})$`, 'i');
/** Sites or teams inside one named company: "in 7 plants across the U.S.", "4 teams within Khan Academy". */
const IN_ONE_COMPANY_EN = /^\s(?:within|inside|at)\s(?=[A-Z])/;
const SITES_OR_TEAMS_EN = compile(String.raw`\b(?:${SITE_NOUNS_EN}|teams)$`, 'i');
/**
 * Before a count of sites: "in", "across", "at" (where the one customer runs it), or machines serving
 * them ("200 servers serving 69 sites"); "Serving 500 stores nationwide" still counts stores served.
 */
const IN_BEFORE_EN =
  /\b(?:in|across|at)\s$|\b(?:servers|machines|nodes|instances|hosts|devices)\s(?:serving|connecting|linking|spanning)\s$/i;

const OFFER_OR_GOAL_BEFORE_EN =
  /\b(?:the\sfirst|the\snext|goal:?\s(?:is\s)?(?:to\s)?(?:help|reach|serve)|mission:?\s(?:is\s)?(?:to\s)?(?:help|reach|serve)|aim\sto\s(?:help|reach|serve)|want\sto\s(?:help|reach|serve)|to\sreach|will\shelp|plan\sto\s(?:help|reach|serve))\s$/i;

const OTHER_EN: readonly RegExp[] = [
  // "more than 450 of the world's biggest brands"
  compile(
    String.raw`${DIGITS}\+?\sof\s(?:the\s)?(?:world|country|industry|nation)['’]s\s(?:biggest|largest|leading|top|best-known)\s${NOUNS_EN}`,
    'gi',
  ),
  compile(`${COUNT_WORDS_EN}[a-z -]{0,25}?${NOUNS_EN}`, 'gi'),
  /\b(?:over|more than|nearly|almost)\s(?:a|one)\s(?:hundred|thousand|million)\s(?:customers|companies|businesses|teams|organizations|organisations)\b/gi,
  compile(
    String.raw`(?:${DIGITS}\s?%|half|most|a third|a quarter|two-thirds)\s(?:of\s)?(?:all\s|the\s)?Fortune\s?\d{2,4}`,
    'gi',
  ),
  // Contracts signed with customers: "has signed 11 new agreements with its large industrial customers".
  compile(
    String.raw`\b(?:signed|won|secured|awarded)\s${DIGITS}\s(?:new\s)?(?:agreements|contracts|deals)\swith\b`,
    'gi',
  ),
];

/** Not right after "one customer's" ("一家客户的", "某集团的"): those are one customer's sites. */
const NOT_ONE_CUSTOMER_ZH = String.raw`(?<!(?:一家|某|同一|一个)[\u4e00-\u9fa5]{0,8}的\s?)`;

/**
 * Not before the stores or branches of one chain ("管理全国 88 家门店" is one customer's stores): their
 * number is a usage scale, not a count of customers.
 */
const SITES_AFTER_ZH = String.raw`(?!\s?(?:门店|門店|分店|网点|網點|分公司|子公司|分行|支行))`;

/** A count before 家 (companies), and counts of customers, projects or sites. */
const ZH: readonly RegExp[] = [
  compile(
    String.raw`${NOT_ONE_CUSTOMER_ZH}(?:${DIGITS}|${COUNT_WORDS_ZH}|[两三四五六七八九十百千万数]{1,4})\s?[多余]?家${SITES_AFTER_ZH}`,
    'g',
  ),
  compile(String.raw`(?:服务|服务了|服务过|覆盖|累计)\s?(?:超过|逾)?\s?${DIGITS}\s?[多余]?[家个位所]`, 'g'),
  compile(
    String.raw`${NOT_ONE_CUSTOMER_ZH}${DIGITS}\s?[多余]?[个位所](?:客户|项目|工厂|园区|医院|门店|企业)`,
    'g',
  ),
  compile(`${COUNT_WORDS_ZH}[家个所]?${alt(CUSTOMER_NOUNS_ZH)}`, 'g'),
  // "500+ 金融客户", "300＋企业", "300+产业数字化标杆应用": a count with a plus before the customers (or
  // the customers' deployments) it counts.
  compile(
    String.raw`${NOT_ONE_CUSTOMER_ZH}${DIGITS}\s?[+＋]\s?[\u4e00-\u9fa5]{0,6}?(?:客户|企业|机构|银行|医院|券商|(?:标杆应用|标杆案例|落地案例|应用案例)(?!模板|模版))`,
    'g',
  ),
  // Projects counted after their noun: "参与全球创新药的药物发现项目795个", "完成交付项目超过 300 项",
  // "接收管理各类项目综合维保近300个".
  compile(
    String.raw`(?:参与|完成|交付|承担|实施|管理|运维|维保)[^，。；！？]{0,20}?(?:项目|案例)[^，。；！？\d]{0,6}?(?:超过|逾|达|近)?\s?${DIGITS}\s?[多余]?[个项]`,
    'g',
  ),
  // "服务超过300万企业客户", "累计 2.5 万家企业": counts in 万/千/亿.
  compile(
    String.raw`(?:服务|服务了|服务过|覆盖|累计|超过|逾)\s?(?:超过|逾|近)?\s?${DIGITS}\s?[多余]?[万千亿]\s?[多余]?[家个位]?${alt(CUSTOMER_NOUNS_ZH)}`,
    'g',
  ),
];

function all(re: RegExp, text: string, keep: (m: RegExpExecArray) => boolean = () => true): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(re)) {
    if (m[0] !== '' && keep(m)) out.push(m[0].trim());
  }
  return out;
}

/** Customer counts in the copy, in its language. */
export function findCustomerCounts(text: string, lang: ReviewLang): string[] {
  if (lang === 'zh') return ZH.flatMap((re) => all(re, text));
  const numeric = all(NUMERIC_EN, text, (m) => {
    // An amount of money counts no one: "a £13m five-year facilities contract".
    if (/^[$€£¥]/.test(m[0])) return false;
    const words = m[0]
      .replace(/^\S+\s/, '')
      .split(' ')
      .slice(0, -1)
      .join(' ');
    if (BETWEEN_STOP_EN.test(words) || words.split(' ').length > 3) return false;
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 40);
    const before = text.slice(Math.max(0, m.index - 24), m.index);
    if (SITES_OR_TEAMS_EN.test(m[0]) && (IN_ONE_COMPANY_EN.test(after) || IN_BEFORE_EN.test(before)))
      return false;
    // An offer's limit ("40% off for the first 100 customers") or a goal ("our goal: help 10,000 teams")
    // counts no one who bought.
    if (OFFER_OR_GOAL_BEFORE_EN.test(before)) return false;
    // A list's name is no count: "Fortune 500 companies", "Global 2000 firms", "Inc. 5000 companies"
    // ("80% of the Fortune 100" is counted below).
    if (/\b(?:Fortune|Global|Inc\.?|Forbes)\s$/.test(before)) return false;
    return !(SITE_EN.test(m[0]) && ONE_CUSTOMER_EN.test(after));
  });
  return [...numeric, ...OTHER_EN.flatMap((re) => all(re, text))];
}
