/**
 * Who signs a testimonial. `signingNameEn`/`signingNameZh`: a last line that is only a company's name
 * ("… improved. Hua Xia Bank", "…安全。 去哪儿网"). `signedCompanies`: the company on a signature line: "Jane Doe\nCFO, Northwind", "— John Smith, Head of Data
 * at Contoso", "张三\n青松物流 CTO". Testimonial blocks on vendor sites put the quote first and the
 * speaker's name, role and company on the lines after it; the company is the named customer.
 * Read only in a testimonial (quote marks or a first-person text), on short lines that hold a role.
 * Linear: each line is split and scanned once; no regex here nests a quantifier.
 */
import type { ReviewLang } from '../types.ts';
import { readName } from './english-names.ts';
import { GENERIC_NAME_PARTS_ZH } from './proof-lexicons.ts';
import { compile } from './regex-source.ts';

/** Roles that sign a testimonial. */
const ROLE_WORDS_EN = String.raw`\b(?:CEO|CTO|CIO|CFO|COO|CMO|CISO|CPO|CRO|CDO|VP|SVP|EVP|Director|Head|Manager|Engineer|Architect|Founder|Co-founder|Cofounder|Lead|Officer|President|Chief|Analyst|Developer|Owner|Partner|Principal|Scientist|Administrator|Controller|Consultant)\b`;
const ROLE_EN = compile(ROLE_WORDS_EN);
/** `ROLE_EN` in any case, for a signature written in capitals. */
const ROLE_EN_ANY_CASE = compile(ROLE_WORDS_EN, 'i');
const ROLE_ZH =
  /CEO|CTO|CIO|CFO|COO|CMO|VP|总监|总经理|副总裁|总裁|董事长|经理|负责人|架构师|工程师|创始人|主管|专家|主任|首席|部长|厂长|科长|处长|院长|行长|站长|店长/;
/** Department words between a company and a role ("青松物流技术总监"). */
const DEPT_ZH =
  /(?:技术|研发|数据|运维|信息|产品|平台|IT|业务|部门|中心|团队|部|财务|仓储|采购|运营|生产|人力资源|人力|人事|行政|销售|质量|品质|客服|法务|设备|安全|工程|计划|质检|合规|风控|审计|市场|车间)$/;

/** A testimonial: quoted words, or a customer speaking in the first person. */
const TESTIMONIAL = /[“”"「」]|\b(?:[Ww]e|[Oo]ur|us|I)\b|我们|我/;
/** A seller speaking of its work for customers: its own people sign such copy. */
const SELLER_VOICE = /我们(?:帮助|为客户|为企业|致力)|帮助企业|\bwe help\b|\bour (?:customers|clients)\b/i;

const MAX_LINE = 90;

/** The company a signature line names, or null. */
function companyOnLineEn(line: string): string | null {
  const text = line.replace(/^[—–-]\s?/, '').trim();
  // A signature in capitals ("BEN TYLER, PRINCIPAL DEVELOPER AT BOOKING.COM") reads as one in any case.
  const caps = !/[a-z]/.test(text);
  if (text.length > MAX_LINE || !(caps ? ROLE_EN_ANY_CASE : ROLE_EN).test(text)) return null;
  const at = (caps ? /\s(?:at|@)\s/i : /\s(?:at|@)\s/).exec(text);
  if (at) return leadingName(text.slice(at.index + at[0].length), caps);
  const parts = text.split(/,\s/);
  const roleAt = parts.findIndex((p) => ROLE_EN.test(p));
  const after = parts[roleAt + 1];
  return roleAt >= 0 && after ? leadingName(after) : null;
}

/** The capitalised words that open `text` and make up all of it ("Contoso Labs"), or null. */
function leadingName(text: string, caps = false): string | null {
  const name = text.trim().replace(/[.。]$/, '');
  const words = name.split(' ');
  if (words.length > 5 || !words.every((w) => /^(?:[A-Z0-9]|[a-z]{1,2}[A-Z])[\w&.'’-]*$/.test(w)))
    return null;
  return (caps ? ROLE_EN_ANY_CASE : ROLE_EN).test(name) ? null : name;
}

function companyOnLineZh(line: string): string | null {
  const text = line.replace(/^[—–-]{1,2}\s?/, '').trim();
  if (text.length > 40) return null;
  const role = ROLE_ZH.exec(text);
  if (!role) return null;
  const tokens = text
    .slice(0, role.index)
    .split(/[\s，,、|｜·]/)
    .filter(Boolean);
  let name = tokens[tokens.length - 1] ?? '';
  for (let i = 0; i < 3 && DEPT_ZH.test(name); i++) name = name.replace(DEPT_ZH, '');
  // "王立群，浙江恒远机械 财务总监": the department stood alone; the company is the token before it.
  if (name === '' && tokens.length >= 2) name = tokens[tokens.length - 2] ?? '';
  // Not a rank or a unit before the role ("资深 财务总监", "集团 财务总监").
  if (/^(?:资深|高级|首席|集团|公司|总部|副|区域)$/.test(name)) return null;
  // "面向财务总监", "各行业 CIO": a line about roles the copy speaks to, not a signature.
  if (/^(?:面向|专为|适合|帮助|为|给|让|各|每|某)/.test(name) || GENERIC_NAME_PARTS_ZH.test(name))
    return null;
  return name.length >= 2 && /\p{Script=Han}|[A-Za-z]{2}/u.test(name) ? name : null;
}

/** True when a signature names a role that signs testimonials ("CFO", "Head of RevOps", "财务总监"), in any case. */
export function namesSignerRole(signature: string): boolean {
  return ROLE_EN_ANY_CASE.test(signature) || ROLE_ZH.test(signature);
}

/** True when `line` reads as a testimonial's signature (a short line holding a role). */
export function isSignatureLine(line: string, lang: ReviewLang): boolean {
  return (lang === 'zh' ? companyOnLineZh : companyOnLineEn)(line) !== null;
}

/**
 * The name that signs a testimonial: a last line or last sentence of one to four capitalised words
 * after a quote, or of two or more after a first-person text ("… our time to market has improved.
 * Hua Xia Bank").
 */
export function signingNameEn(text: string): string | null {
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

/**
 * The name that signs a testimonial: a short last line or last sentence of Chinese copy that is only
 * a name ("……保障了业务数据的安全。 去哪儿网").
 */
export function signingNameZh(text: string): string | null {
  const trimmed = text.trim();
  const cut = Math.max(trimmed.lastIndexOf('。'), trimmed.lastIndexOf('\n'), trimmed.lastIndexOf('”'));
  if (cut < 10) return null;
  // A signature stands apart from the quote ("…”——张三，青松物流"); words run on from a closing quote
  // belong to the sentence ("点亮“万家灯火”社区生态").
  if (trimmed[cut] === '”' && !/^[\s—–\-－，,：:]/.test(trimmed.slice(cut + 1))) return null;
  const tail = trimmed
    .slice(cut + 1)
    .replace(/^[\s—–\-－，,：:]+/, '')
    .trim();
  // A feature bullet ends lists too ("辅助应用程序优化"); a name has none of these verbs.
  if (/优化|导入|导出|降低|提升|减少|支持|实现|管理|分析|监控|部署|查询|存储|发现|定位/.test(tail))
    return null;
  // A person by surname and title ("张经理", "李总", "王老师") signs for no company the buyer could check.
  if (/^[\u4e00-\u9fa5]{1,2}(?:经理|总监|总|老师|先生|女士|小姐|工|主任|老板|部长|厂长)$/.test(tail))
    return null;
  return tail.length >= 2 && tail.length <= 12 && /^[\p{Script=Han}A-Za-z0-9]+$/u.test(tail) ? tail : null;
}

/** Companies named on the signature lines of a testimonial (the lines after its first). */
export function signedCompanies(text: string, lang: ReviewLang): string[] {
  if (!TESTIMONIAL.test(text) || SELLER_VOICE.test(text)) return [];
  const all = text.split('\n');
  // The signature may come first ("Zeno Rocha, CEO, Resend\n…the quote…"): a short first line of several.
  const lines = all.length > 1 && (all[0] ?? '').length <= 60 ? all : all.slice(1);
  // A signature after the quote on the same line: "…never looked back.” — John Smith, CTO at Contoso".
  const dash = /[”"]\s?[—–]\s?/.exec(text.split('\n')[0] ?? '');
  if (dash) lines.unshift((text.split('\n')[0] ?? '').slice(dash.index + dash[0].length));
  const read = lang === 'zh' ? companyOnLineZh : companyOnLineEn;
  const out: string[] = [];
  lines.forEach((line, i) => {
    // "Sergey Ivanov\nStaff ML Engineer\nCanva": a line with only the role, then the company alone.
    const next = lines[i + 1]?.trim() ?? '';
    const name =
      read(line) ??
      (lang === 'en' && line.length <= 40 && ROLE_EN.test(line) && !/[.!?]$/.test(line.trim())
        ? leadingName(next)
        : null);
    if (name && !out.includes(name)) out.push(name);
  });
  return out;
}
