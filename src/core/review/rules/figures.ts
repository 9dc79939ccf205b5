/**
 * Concrete figures in copy, whatever they measure: "2,000+ employees", "£1bn", "100,000个边缘节点",
 * "RTO≤6秒", "近5w/s", "10万+/天". Experts credit any such figure as some evidence in numbers (on the
 * dev copy their results-in-numbers rating rises with the count of figures: about 1 with none, 2.8
 * with one, 3.4 with two, 4.4 with three or more), while the result rules read only the forms they
 * know. Years, versions, model names ("V8R6", "4C8G") phone numbers and a bare 0–2 are not figures.
 * A linear scan, no regex: hostile input of any shape is read once.
 */

/** Units and marks kept with a figure ("30%", "10+", "3x", "5w", "2万"). */
const SUFFIXES = ['%', '％', '+', '＋', 'x', '×', '倍', 'k', 'K', 'M', 'B', 'w', '万', '亿', '千', '百'];
/** Latin unit words allowed right after the digits ("1bn", "10ms", "50TB"). */
const LATIN_UNITS = new Set(['k', 'K', 'M', 'B', 'bn', 'm', 'x', 'w', 'ms', 's', 'TB', 'PB', 'GB', 'h']);

const isDigit = (ch: string | undefined) => ch !== undefined && ch >= '0' && ch <= '9';
const isLatin = (ch: string | undefined) => ch !== undefined && /[A-Za-z]/.test(ch);

/** A capitalised Latin word and one space right before a number: a product name with its version. */
const VERSIONED_BEFORE = /(?:^|[^A-Za-z])([A-Z][A-Za-z]{1,20}) $/;
/** Names whose whole-number versions are common ("Java 17", "Windows 11"). */
const WHOLE_VERSIONS = new Set(
  'Java JDK Python Vue React Angular Node PHP Windows Android iOS Office Excel Kubernetes MySQL Redis PostgreSQL Postgres Oracle Elasticsearch Kafka Spark Flink Hadoop Ubuntu CentOS Debian Boot Cloud Framework'.split(
    ' ',
  ),
);
/** Magnitudes that make "3.5" an amount, not a version. */
const MAGNITUDE_AFTER = /^\s?(?:million|billion|thousand|trillion|[万亿千百倍xX×%％+])/;

function isVersion(text: string, from: number, end: number, dots: number): boolean {
  const name = VERSIONED_BEFORE.exec(text.slice(Math.max(0, from - 24), from))?.[1];
  if (!name || MAGNITUDE_AFTER.test(text.slice(end, end + 10))) return false;
  return dots === 1 || (end - from <= 2 && WHOLE_VERSIONS.has(name));
}

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
    // A phone number ("4000-460-365", "010-12345678"): groups of digits joined by hyphens, three or more
    // groups or seven digits and more. A range ("2-3 years") has two short groups.
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
    if (groups >= 3 || (groups === 2 && total >= 7)) {
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
    if (unit === '' && /^(?:19|20)\d\d$/.test(digits)) continue;
    // A version after a product's name: "Spring Boot 2.7", "Java 17", "Vue 3" (not "Serving 3.5 million").
    if (unit === '' && isVersion(text, from, end, dots)) continue;
    if (unit === '' && /^[0-2]$/.test(digits)) continue;
    out.push(`${digits}${unit}`);
  }
  return out;
}
