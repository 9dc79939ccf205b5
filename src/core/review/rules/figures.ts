/**
 * Concrete figures in copy, whatever they measure: "2,000+ employees", "£1bn", "100,000个边缘节点",
 * "RTO≤6秒", "近5w/s", "10万+/天". Experts credit any such figure as some evidence in numbers (on the
 * dev copy their results-in-numbers rating rises with the count of figures: about 1 with none, 2.8
 * with one, 3.4 with two, 4.4 with three or more), while the result rules read only the forms they
 * know. Years, versions, model names ("V8R6", "4C8G"), phone numbers, standards' numbers ("ISO 27001")
 * and a bare 0–2 are not figures.
 * A linear scan; the few regexes read short windows beside a number, so hostile input of any shape is
 * read once.
 */

/** Units and marks kept with a figure ("30%", "10+", "3x", "5w", "2万"). */
const SUFFIXES = ['%', '％', '+', '＋', 'x', '×', '倍', 'k', 'K', 'M', 'B', 'w', '万', '亿', '千', '百'];
/** Latin unit words allowed right after the digits ("1bn", "10ms", "50TB"). */
const LATIN_UNITS = new Set(['k', 'K', 'M', 'B', 'bn', 'm', 'x', 'w', 'ms', 's', 'TB', 'PB', 'GB', 'h']);

const isDigit = (ch: string | undefined) => ch !== undefined && ch >= '0' && ch <= '9';
const isLatin = (ch: string | undefined) => ch !== undefined && /[A-Za-z]/.test(ch);

/** A Latin word and one space right before a number: a product's name ("Spring Boot 2.7", "iOS 17"). */
const VERSIONED_BEFORE = /(?:^|[^A-Za-z])([A-Za-z][A-Za-z]{1,20}) $/;
/** Languages and platforms whose whole-number versions are common ("Java 17", "Windows 11"). */
const WHOLE_VERSIONS = new Set(
  'Java JDK Python Vue React Angular Node PHP Windows Android iOS Ubuntu CentOS Debian MySQL PostgreSQL'.split(
    ' ',
  ),
);
/**
 * What may follow a version: the end, punctuation, a CJK character, "and"/"or", or a capitalised name
 * ("Spring Boot 2.7、", "SAML 2.0/OpenID", "Java 17 and Vue 3"). A unit or a lower-case word makes it an
 * amount ("Saved 4.2 hours", "Storage 1.5 PB", "2.4 times faster", "Uptime 99.95 percent").
 */
const AFTER_VERSION = /^(?:$|\s?[、，,;；:：)）/+。.!?！？]|\s?[\u4e00-\u9fff]|\s(?:and|or)\b|\s[A-Z][a-z])/;
/**
 * Units and magnitudes after a number ("1.5 PB", "2.5 Million Dollars" in a title-case headline): an
 * amount, whatever comes before.
 */
const UNIT_AFTER =
  /^\s(?:PB|TB|GB|MB|KB|QPS|TPS|ms|MW|kW|kWh|[Mm]illion|[Bb]illion|[Tt]housand|[Pp]ercent|[Tt]imes|[Hh]ours?|[Dd]ays?|[Ww]eeks?|[Mm]onths?|[Yy]ears?|[Mm]inutes?|[Ss]econds?|[Dd]ollars?|[Uu]sers?|[Cc]ustomers?)\b/;

function isVersion(text: string, from: number, end: number, dots: number): boolean {
  const name = VERSIONED_BEFORE.exec(text.slice(Math.max(0, from - 24), from))?.[1];
  const after = text.slice(end, end + 8);
  if (!name || !/^[A-Z]|^iOS$/.test(name) || UNIT_AFTER.test(after) || !AFTER_VERSION.test(after))
    return false;
  return dots === 1 || (end - from <= 2 && WHOLE_VERSIONS.has(name));
}

/** A standard's body or name right before its number ("ISO 27001", "GB/T 20272-2019"): not an amount. */
const STANDARD_BEFORE = /(?:^|[^A-Za-z])(?:ISO|IEC|GB|GB\/T|JR\/T|YY\/T|DL\/T|SOC|PCI DSS|NIST SP|RFC)\s?$/;

/** Round figures in words: "thousands of QPS", "数百家", "上万个" (not "数十个": a handful). */
const WORD_FIGURES =
  /\b(?:hundreds|thousands|millions|billions) of\b|[数几](?:十万|百万|千万|[百千万亿])|上[千万亿]/g;

/** The figures of `text`, in order (digits first, then figures in words; at most 20). */
export function findFigures(text: string): string[] {
  const out = digitFigures(text);
  for (const m of text.matchAll(WORD_FIGURES)) if (out.length < 20) out.push(m[0]);
  return out;
}

function digitFigures(text: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < text.length && out.length < 20) {
    const ch = text[i];
    if (!isDigit(ch) || isDigit(text[i - 1])) {
      i += 1;
      continue;
    }
    // Digits inside a word ("python3.10", "S3", "V8R6"): the whole token is a name, skipped with its dots.
    if (isLatin(text[i - 1])) {
      while (
        i < text.length &&
        (isDigit(text[i]) || isLatin(text[i]) || (text[i] === '.' && isDigit(text[i + 1])))
      )
        i += 1;
      continue;
    }
    let end = i;
    let dots = 0;
    while (end < text.length) {
      const c = text[end] as string;
      if (isDigit(c)) end += 1;
      else if ((c === ',' || c === '.') && isDigit(text[end + 1])) {
        if (c === '.') dots += 1;
        end += 1;
      } else break;
    }
    // A phone number ("4000-460-365", "010-12345678", "1-800-555-0100"): groups of digits joined by
    // hyphens, ten digits and more, or four groups. A range has fewer ("3-5 years", "1000-5000 users",
    // "120-150-180 per week").
    let run = end;
    let groups = 1;
    let total = end - i;
    while (text[run] === '-' && isDigit(text[run + 1])) {
      let g = run + 1;
      while (isDigit(text[g])) g += 1;
      total += g - run - 1;
      groups += 1;
      run = g;
    }
    const standard = STANDARD_BEFORE.test(text.slice(Math.max(0, i - 8), i));
    // A country code before a phone number ("+86 138-…") belongs to it.
    const countryCode = text[i - 1] === '+' && text[end] === ' ' && isDigit(text[end + 1]);
    if ((groups >= 2 && total >= 10) || groups >= 4 || standard || countryCode) {
      i = run;
      continue;
    }
    const from = i;
    const digits = text.slice(from, end);
    let latin = end;
    while (latin < text.length && isLatin(text[latin]) && latin - end < 3) latin += 1;
    const word = text.slice(end, latin);
    i = Math.max(latin, end);
    // "V8R6", "4C8G", "S3", "2FA": a model name or a spec, not a figure.
    if (word !== '' && (!LATIN_UNITS.has(word) || isLatin(text[latin]) || isDigit(text[latin]))) continue;
    // A version ("2.3.1") or a run of digits no one reads as an amount (an id, a phone number).
    if (dots > 1 || digits.length > 16) continue;
    let unit = word;
    const next = text[end];
    if (unit === '' && next !== undefined && SUFFIXES.includes(next)) unit = next;
    // A phone number written in one run ("订购热线:13373681062", "4004601234"): ten digits or more, no
    // separator, no unit, nor a Chinese measure word after it (not "年营收10000000000元").
    if (unit === '' && /^\d{10,}$/.test(digits) && !/^\p{Script=Han}/u.test(next ?? '')) continue;
    if (unit === '' && /^(?:19|20)\d\d$/.test(digits)) continue;
    // A version after a product's name: "Spring Boot 2.7", "Java 17", "Vue 3" (not "Serving 3.5 million").
    if (unit === '' && isVersion(text, from, end, dots)) continue;
    if (unit === '' && /^[0-2]$/.test(digits)) continue;
    out.push(`${digits}${unit}`);
  }
  return out;
}
