/**
 * Customers named one per line under a heading that says who they are: an adopters file ("Linkerd
 * adopters", "Known end users include:", "the following organizations are officially using Argo CD:"),
 * a Chinese user wall ("谁在使用 X？", "用户", "已接入的公司包括：", numbered "84、360金融"), or lines that
 * each end in "：用户案例". A list under any other heading (integrations, features, partners) names no
 * customer. Linear: each line is read once; no regex here nests a quantifier.
 */
import type { ReviewLang } from '../types.ts';
import { readName } from './english-names.ts';
import { SEGMENTS_ZH } from './lexicons.ts';
import { ORG_SUFFIXES_ZH, WELL_KNOWN_ZH } from './proof-lexicons.ts';
import { alt, compile } from './regex-source.ts';

/**
 * A heading line that introduces the customers listed below it: it ends on one of these words or on what
 * may follow them (see `REST_EN`): "Linkerd 2.x adopters", "Known end users include:", "the following
 * organizations are officially using Argo CD:"; or speaks of a list of them ("an alphabetical list of
 * known adopters of Vitess. …"). "Our users love it:" introduces praise, not names.
 */
const INTRO_WORD_EN =
  /\b(?:adopters|end users|users|customers|clients|organizations|organisations|companies)\b/gi;
const USING_WORD_EN = /\b(?:who uses|who's using|officially using|are using|is used by|in production at)\b/gi;
/** After an intro word: nothing, a colon, "include(s)", or "of <product>". */
const REST_EN: readonly RegExp[] = [
  /^[:?]?$/,
  /^includ(?:e|es|ing):?$/i,
  /^(?:of|using)\s[^.!;:?]{1,40}[:?.]?$/i,
];
/** After a using phrase: the product's name, then a colon or a question mark. */
const REST_USING_EN: readonly RegExp[] = [/^[^.!;:?]{0,40}[:?]$/];
const INTRO_START_EN = /^(?:known\s)?(?:users|customers|adopters|companies using)\b/i;
const INTRO_LIST_EN = /\b(?:list of|known)\s(?:adopters|users|end users|customers)\b/i;
const NOT_CUSTOMERS_EN =
  /\b(?:integrat|partner|feature|plugin|connector|sponsor|investor|contributor|maintainer)/i;
/**
 * Chinese: a heading that ends on one of these words or on what may follow them (see `REST_ZH`):
 * "用户", "已接入的公司包括不限于：", "客户名单"; or asks who uses the product ("谁在使用 X？").
 */
const INTRO_WORD_ZH =
  /使用者|用户|客户|已接入的公司|接入的公司|使用的公司|在使用的企业|采用的企业|用户案例|客户案例/g;
const REST_ZH: readonly RegExp[] = [/^(?:包括|包括但不限于|包括不限于|有|名单|列表|案例)?[：:？?]?$/];
const WHO_USES_ZH = /^(?:谁在使用|谁在用)[^，。；！]{0,20}$/;
const NOT_CUSTOMERS_ZH = /集成|对接|合作伙伴|伙伴|功能|特性|插件|投资|赞助/;
/** "84、", "1.", "- ", "• ": a list item's marker. */
const MARKER = /^(?:\d{1,4}\s?[、.)）]\s?|[-*•·]\s?)/;
const CASE_SUFFIX_ZH = /[：:]\s?用户案例$/;
const ORG_ZH = compile(
  `${alt(ORG_SUFFIXES_ZH)}|${alt(WELL_KNOWN_ZH)}|网$|金服$|科技$|数科$|公司$|汽车$|金融$`,
);
/** Words of a feature, a sentence or a count ("共计 219 家公司"), which a company's name does not hold. */
const SENTENCE_ZH = /[，。；！]|支持|提供|实现|可以|能够|通过|使用|用于|共计|共有|合计|\d\s?[家个位]/;

const MAX_ITEMS = 40;

/** `item` without an alias in brackets at its end ("360金融 (360)", "珍爱网（…）"). */
function withoutAlias(item: string): string {
  if (!/[）)]$/.test(item)) return item;
  const open = Math.max(item.lastIndexOf('('), item.lastIndexOf('（'));
  return open > 0 && item.length - open <= 32 ? item.slice(0, open).trim() : item;
}

function cleanItem(line: string): string {
  const item = line
    .trim()
    .replace(MARKER, '')
    .replace(/[；;，,。.]$/, '');
  return withoutAlias(item.replace(CASE_SUFFIX_ZH, '')).trim();
}

/** True when `line` is a heading that introduces a list of customers (see `INTRO_WORD_EN`/`_ZH`). */
function isIntro(line: string, lang: ReviewLang): boolean {
  if (lang === 'zh') return WHO_USES_ZH.test(line) || restAfter(line, INTRO_WORD_ZH, REST_ZH);
  return (
    INTRO_START_EN.test(line) ||
    INTRO_LIST_EN.test(line) ||
    restAfter(line, INTRO_WORD_EN, REST_EN) ||
    restAfter(line, USING_WORD_EN, REST_USING_EN)
  );
}

/** True when what follows one of `words` in `line` (trimmed) is what `rest` allows. */
function restAfter(line: string, words: RegExp, rest: readonly RegExp[]): boolean {
  for (const m of line.matchAll(words)) {
    const after = line.slice(m.index + m[0].length).trim();
    if (rest.some((r) => r.test(after))) return true;
  }
  return false;
}

function nameItemEn(item: string): string | null {
  if (item.length < 2 || item.length > 40) return null;
  const one = readName(item, 0);
  return one && one.name.length >= item.length - 1 ? one.name : null;
}

/** Sector headings inside a user wall ("银行", "电信", "基础软件"). */
const SECTOR_ZH =
  /^(?:电信|通信|能源|制造|互联网|政府|政务|教育|医疗|交通|证券|保险|零售|电商|游戏|汽车|金融|基础软件|软件|云计算|物流)$/;

function nameItemZh(item: string): string | null {
  if (item.length < 2 || item.length > 24 || SENTENCE_ZH.test(item)) return null;
  // Generic words are common inside names in a list ("明略数据"); only a bare kind or sector is no name.
  if (
    SECTOR_ZH.test(item) ||
    SEGMENTS_ZH.includes(item) ||
    /^(?:医院|银行|公司|集团|企业|工厂|学校)$/.test(item)
  )
    return null;
  return /^[\p{Script=Han}A-Za-z0-9][\p{Script=Han}A-Za-z0-9 .&·-]*$/u.test(item) ? item : null;
}

/** The items of the list that starts after line `from`, while they read as names (at least two). */
function itemsAfter(lines: readonly string[], from: number, read: (item: string) => string | null): string[] {
  const out: string[] = [];
  // Up to two lines between the heading and its list ("共计 219 家公司。", a sector heading).
  let skipped = 0;
  for (let i = from + 1; i < lines.length && out.length < MAX_ITEMS; i++) {
    const line = lines[i] ?? '';
    if (!line.trim()) continue;
    const name = read(cleanItem(line));
    if (name) out.push(name);
    else if (out.length === 0 && skipped < 2) skipped += 1;
    else break;
  }
  return out.length >= 2 ? out : [];
}

/** Customers listed one per line under a heading that names them as users, in either language. */
export function listedCustomers(text: string, lang: ReviewLang): string[] {
  const lines = text.split('\n');
  const found = new Set<string>();
  const not = lang === 'zh' ? NOT_CUSTOMERS_ZH : NOT_CUSTOMERS_EN;
  const read = lang === 'zh' ? nameItemZh : nameItemEn;
  lines.forEach((line, i) => {
    if (line.length <= 240 && isIntro(line.trim(), lang) && !not.test(line))
      for (const n of itemsAfter(lines, i, read)) found.add(n);
  });
  if (lang === 'zh') {
    // "中国农业银行：用户案例" lines, and numbered lists whose items are mostly companies.
    const cases = lines.filter((l) => CASE_SUFFIX_ZH.test(l.trim())).map(cleanItem);
    const numbered = lines.filter((l) => /^\d{1,4}\s?、/.test(l.trim())).map(cleanItem);
    const items = cases.length >= 2 ? lines.map(cleanItem) : numbered;
    const names = items.map(nameItemZh).filter((n): n is string => n !== null);
    if (
      cases.length >= 2 ||
      (names.length >= 3 && names.filter((n) => ORG_ZH.test(n)).length * 2 >= names.length)
    )
      for (const n of names) found.add(n);
  }
  return [...found];
}
