/**
 * Chinese customer stories told around the customer's name (customer-names-zh.ts reads the rest):
 * - a team adopting a product: "芝士网团队目前已经开始使用 Foo";
 * - a verdict for the customer: "对汉得汇金链来说，Foo 切实解决了……";
 * - the seller building for a named customer: "我们为 SKODA 打造了统一的运维平台";
 * - a product's work at the customer: "Apache Foo 在金山办公主要负责……";
 * - a contract signed with a named counterpart: "与中国香港船东 Chellship 签订两艘散货船订单".
 * Each anchor is a literal found with indexOf; the name is read in code, so no regex here scans a
 * variable-length gap.
 */
import { isGenericZh, zhNameBefore } from './zh-name-reading.ts';

/** After "<name>团队" and its adverbs (see `ADVERB`): adopting. */
const TEAM_ADOPTS = /^(?:使用|采用|引入|部署|上线|接入)/;
/** "目前", "已经", "开始"…: skipped one at a time before the verb. */
const ADVERB = /^(?:目前|现在|已经|已|正在|开始|全面|也)/;

/** `text` without the adverbs it opens with (at most four). */
function skipAdverbs(text: string): string {
  let rest = text;
  for (let i = 0; i < 4; i++) {
    const m = ADVERB.exec(rest);
    if (!m) break;
    rest = rest.slice(m[0].length);
  }
  return rest;
}
/** What the seller does for a named customer after "为 <name>". */
const BUILDS_FOR = ['打造', '提供', '部署', '搭建', '定制', '实施', '建设'];
/** Where a product's work at a customer is told after "在 <name>". */
const WORKS_AT = ['主要', '负责', '内部', '中', '的生产', '的核心', '的业务', '上线'];
/** What is signed or reached with a named counterpart ("与 X 签订两艘散货船订单", "与 X 达成多年协议"). */
const SIGNS_WITH = ['签订', '签署', '签约', '达成'];
/** Within a few characters after the verb: what was signed, an order, a contract or an agreement. */
const SIGNED = /订单|合同|协议|合约|框架|大单/;
/** Words that make the name general or a pronoun ("为客户打造", "为其提供"), not one customer. */
const NOT_ONE = /[其您你我他她它各某每本贵该]|客户|用户|企业|行业|大家|广大|伙伴|员工|职工|个人/;

function nameAhead(text: string, from: number, ends: readonly string[], max: number): string | null {
  const window = text.slice(from, from + max + 4);
  let best = -1;
  for (const e of ends) {
    const at = window.indexOf(e);
    if (at >= 2 && at <= max && (best < 0 || at < best)) best = at;
  }
  if (best < 0) return null;
  const name = window.slice(0, best).trim();
  return /[，。；！？,;\n]/.test(name) ? null : name;
}

function keepName(name: string | null): name is string {
  // A list read as one name ("招行、华润和宇通") is its items, which the list readers find one by one.
  return (
    name !== null && name.length >= 2 && !isGenericZh(name) && !NOT_ONE.test(name) && !name.includes('、')
  );
}

/**
 * Customers named in the story forms above. `direct`: the seller speaks ("我们为 SKODA 打造"), so the name
 * is a customer even where it heads the copy and would otherwise read as the seller's.
 */
export function storyCustomersZh(text: string): { name: string; direct: boolean }[] {
  const out: { name: string; direct: boolean }[] = [];
  const add = (name: string | null, direct = false) => {
    if (keepName(name) && !out.some((o) => o.name === name)) out.push({ name, direct });
  };
  for (let at = text.indexOf('团队'); at >= 0; at = text.indexOf('团队', at + 2))
    if (TEAM_ADOPTS.test(skipAdverbs(text.slice(at + 2, at + 20)))) add(zhNameBefore(text, at));
  for (let at = text.indexOf('对'); at >= 0; at = text.indexOf('对', at + 1)) {
    const name = nameAhead(text, at + 1, ['来说', '而言'], 12);
    const after = name ? text.slice(at + 1 + name.length + 2, at + name.length + 8) : '';
    if (name && /^[，,]\s?(?:[A-Za-z]|我们)/.test(after)) add(name);
  }
  for (let at = text.indexOf('为'); at >= 0; at = text.indexOf('为', at + 1)) {
    const before = text.slice(Math.max(0, at - 3), at);
    const clauseStart = /^$/.test(before.replace(/^.*[，。；！？\n]/, ''));
    if (/我们\s?$/.test(before)) add(nameAhead(text, at + 1, BUILDS_FOR, 14), true);
    else if (clauseStart) add(nameAhead(text, at + 1, BUILDS_FOR, 14));
  }
  for (let at = text.indexOf('与'); at >= 0; at = text.indexOf('与', at + 1)) {
    const name = nameAhead(text, at + 1, SIGNS_WITH, 40);
    const end = name ? text.indexOf(name, at + 1) + name.length : -1;
    if (name && SIGNED.test(text.slice(end, end + 24))) add(name);
  }
  for (let at = text.indexOf('在'); at >= 0; at = text.indexOf('在', at + 1))
    if (/[A-Za-z0-9]\s?$/.test(text.slice(Math.max(0, at - 2), at)))
      add(nameAhead(text, at + 1, WORKS_AT, 10));
  return out;
}
