/**
 * Finds named customers in copy, and the vendor's own product name, in either language (see
 * customer-names-en.ts and customer-names-zh.ts): one regex cannot tell the seller's name from a
 * customer's, so the finders read names in code around regex anchors.
 */
import type { ReviewLang } from '../types.ts';
import { listedCustomers } from './customer-lists.ts';
import { namedCustomersEn, vendorNamesEn } from './customer-names-en.ts';
import { namedCustomersZh, vendorNamesZh } from './customer-names-zh.ts';
import { STOP_EN } from './english-names.ts';
import { RANKING_THIRD_PARTIES, STANDARD_NAMES_EN } from './proof-lexicons.ts';
import { compile, trimEndChars } from './regex-source.ts';

/** A kind of technology or system, not a name ("AI", "AI-powered", "MES"): the rewrite would open "AI, the …". */
const KIND_NOT_NAME = /^(?:AI|GenAI|ML|IoT|SaaS|MES|ERP|CRM|WMS|TMS|HRIS|API|B2B|B2C)(?:$|[-\s])/;
/** A standard or its body where a name starts ("ISO 27001", "SOC 2"): what the product meets, never the product. */
const STANDARD_AT = compile(
  String.raw`^(?:${STANDARD_NAMES_EN}|(?:ISO|IEC|SOC|NIST)\s?\d|FedRAMP|HITRUST|CMMI)\b`,
);

/**
 * In Chinese copy, what the product follows or is built with, not the product: "遵循MIT开源协议",
 * "基于 FastAPI 框架" (a name after 遵循/兼容/适配, or before 框架/协议/许可). After 基于 alone the name is
 * often the product itself ("基于 Ledgerly 平台，企业可以…", "青松科技基于 Ledgerly 打造…"), so it stays.
 */
const FOLLOWS_BEFORE_ZH = /(?:遵循|兼容|适配)\s?$/;
const BASE_AFTER_ZH = /^\s?(?:框架|开源协议|协议|许可|License)/;

/** True when `name` at `at` is what the Chinese copy follows or is built with, not its product. */
function isBaseZh(text: string, name: string, at: number): boolean {
  return (
    FOLLOWS_BEFORE_ZH.test(text.slice(Math.max(0, at - 4), at)) ||
    BASE_AFTER_ZH.test(text.slice(at + name.length, at + name.length + 6))
  );
}

/** Named customers in the copy, in its language. */
export function findNamedCustomers(text: string, lang: ReviewLang): string[] {
  // One review asks twice (the credibility rule, and the segment rule that skips customers' names).
  if (last && last.text === text && last.lang === lang) return [...last.found];
  const found = lang === 'zh' ? namedCustomersZh(text) : namedCustomersEn(text);
  for (const name of listedCustomers(text, lang)) if (!found.includes(name)) found.push(name);
  last = { text, lang, found };
  return [...found];
}

/** The last text read and its names. */
let last: { text: string; lang: ReviewLang; found: string[] } | undefined;

/**
 * The product or vendor the copy is about ("Sentry", "OceanBase"): the earliest name the copy uses
 * for the seller, or null when it names none.
 */
export function findProductName(text: string, lang: ReviewLang): string | null {
  // "#1 rated on G2": the review site is not the seller.
  // Nor is a customer the copy names ("Terasek Supply 案例研究：…", "Teable 通过 Sealos…").
  const customers = findNamedCustomers(text, lang);
  const vendors = [...(lang === 'zh' ? vendorNamesZh(text) : vendorNamesEn(text))].filter(
    (v) => !RANKING_THIRD_PARTIES.has(v) && !customers.some((c) => c.includes(v)),
  );
  const first = vendors
    .map((v) => ({ v, at: text.indexOf(v) }))
    .filter(
      (x) =>
        x.at >= 0 &&
        !STANDARD_AT.test(text.slice(x.at)) &&
        !KIND_NOT_NAME.test(x.v) &&
        !(lang === 'zh' && isBaseZh(text, x.v, x.at)),
    )
    .sort((a, b) => a.at - b.at)[0];
  if (!first) return null;
  // Join a following capitalised word: "Apache Doris", "EMQ X".
  const next = /^ ([A-Z][A-Za-z0-9.+-]*)/.exec(text.slice(first.at + first.v.length))?.[1];
  const name = next && !STOP_EN.has(next) ? `${first.v} ${next}` : first.v;
  return trimEndChars(name, ',.:;，。：；');
}
