import type { FiredRule } from './rule-engine.ts';
import type { Template } from './rules/index.ts';
import { trimEndChars } from './rules/regex-source.ts';
import type { Finding, ReviewLang, Severity } from './types.ts';

const SEVERITY_ORDER: Record<Severity, number> = { major: 0, minor: 1, strength: 2 };
const MAX_QUOTED = 3;
/** Hits read for quoting: a hostile draft can match thousands of times. */
const QUOTE_WINDOW = 50;
const MAX_QUOTE_CHARS = 48;

/** The severity a fired rule reports, escalated to `major` from `majorAt` hits. */
export function severityOf(f: FiredRule): Severity {
  const { severity, majorAt } = f.rule.effect;
  return severity === 'minor' && majorAt !== undefined && f.hits.length >= majorAt ? 'major' : severity;
}

/**
 * True for a rule that only publishes signals for other rules (a strength that moves no score, such
 * as "told as a case"): it says nothing on its own, so it gets no finding.
 */
export function isSignalOnly(f: FiredRule): boolean {
  return f.rule.effect.severity === 'strength' && f.rule.effect.delta === 0;
}

/**
 * Findings for the fired rules, in the draft's language: majors first, then minors, then strengths.
 * Every problem is reported; strengths are kept to one per dimension (the first rule in table order,
 * which is the strongest evidence) so that a good draft's card stays short.
 */
export function buildFindings(fired: readonly FiredRule[], lang: ReviewLang): Finding[] {
  const praised = new Set<string>();
  const findings: Finding[] = [];
  for (const f of fired) {
    if (isSignalOnly(f)) continue;
    const severity = severityOf(f);
    if (severity === 'strength') {
      if (praised.has(f.rule.dimension)) continue;
      praised.add(f.rule.dimension);
    }
    findings.push({
      dimension: f.rule.dimension,
      severity,
      message: fillTemplate(f.rule.message, f, lang),
      knowledge_ids: [...f.rule.knowledge],
    });
  }
  return findings.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}

/** Fills `{hits}` (the distinct matches, quoted) and `{count}` in a rule's template. */
export function fillTemplate(template: Template, f: FiredRule, lang: ReviewLang): string {
  return template[lang].replaceAll('{hits}', quoteHits(f.hits, lang)).replaceAll('{count}', String(f.count));
}

/** The first `max` characters, ending on a whole word when the text has spaces ("a big bet fo" → "a big bet"). */
function cutAtWord(text: string, max: number): string {
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return /\w/.test(text[max] ?? '') && space > max / 2 ? trimEndChars(cut.slice(0, space), ',;:') : cut;
}

/** Marks a quoted phrase does not end on: the draft's punctuation at the cut. */
const END_MARKS = ',.;:，。；：、';

function quoteHits(hits: readonly string[], lang: ReviewLang): string {
  const seen = new Set<string>();
  const picked: string[] = [];
  const read = hits.slice(0, QUOTE_WINDOW);
  // Two patterns may match one phrase ("万家" and "服务超过 2 万家企业"): the longer one is quoted alone.
  const lower = read.map((h) => h.toLowerCase());
  const within = (i: number) =>
    lower.some((o, j) => j !== i && o.length > (lower[i] ?? '').length && o.includes(lower[i] ?? ''));
  for (const [i, hit] of read.entries()) {
    if (within(i)) continue;
    // A match may run over a line break ("91%\nLess manual entry") or end on a comma: quoted on one line.
    const oneLine = hit
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean)
      .join(' / ');
    // An opening quote mark is the draft's, not the phrase's: two matches that differ by it are one.
    const opened = oneLine.replace(/^[—–:：“”"‘’'「-]+\s?/, '');
    // …and so is a closing one left without its opening.
    const h = trimEndChars(opened, /[“"‘「]/.test(opened) ? END_MARKS : `${END_MARKS}”"’」`);
    const shown = h.length > MAX_QUOTE_CHARS ? `${cutAtWord(h, MAX_QUOTE_CHARS - 1)}…` : h;
    // Two long matches from one start read the same once cut: quoted once.
    const key = shown.toLowerCase();
    if (!h || seen.has(key)) continue;
    seen.add(key);
    picked.push(shown);
    if (picked.length === MAX_QUOTED) break;
  }
  return lang === 'zh' ? picked.map((h) => `“${h}”`).join('、') : picked.map((h) => `"${h}"`).join(', ');
}
