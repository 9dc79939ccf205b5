/**
 * Compiles a regex source built from the lexicons. This is the only place the review code builds a
 * RegExp at run time (the rule engine and the finders call it), so that one reason covers them all:
 * every source is composed of literal terms and fragments of star height one — no quantified group
 * holds a quantifier, no alternation repeats (regex-safety.test.ts checks every pattern built) — and
 * the text it runs on is capped at 2,000 characters (`MAX_DRAFT_CHARS`), so none can backtrack
 * exponentially and the worst polynomial case stays in milliseconds.
 */
export function compile(source: string, flags = ''): RegExp {
  return new RegExp(source, flags);
}

/** `text` without the trailing characters in `chars` (a loop: `/[…]+$/` is quadratic on long runs). */
export function trimEndChars(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && chars.includes(text[end - 1] as string)) end--;
  return text.slice(0, end);
}

/** Escapes a literal for use inside a RegExp source. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * RegExp source for one literal term: ASCII edges get word-boundary guards (so "API" does not
 * match inside "rapid"), spaces match any run of whitespace. Chinese terms match anywhere.
 */
export function termSource(term: string): string {
  const body = escapeRegExp(term.trim()).replace(/\s+/g, '\\s+');
  const head = /^[A-Za-z0-9]/.test(term) ? '(?<![A-Za-z0-9])' : '';
  const tail = /[A-Za-z0-9]$/.test(term) ? '(?![A-Za-z0-9])' : '';
  return head + body + tail;
}

/**
 * A non-capturing alternation of literal terms, longest first so longer phrases win. Word terms share
 * one pair of boundary guards (see {@link lexiconSource}): a guard per term made every position of the
 * text pay for every term.
 */
export function alt(terms: readonly string[]): string {
  return `(?:${lexiconSource(terms) ?? '(?!)'})`;
}

/**
 * One RegExp source for a whole lexicon. Terms that start and end with a letter or digit share a
 * single pair of word-boundary guards (far cheaper than one pair per term on long drafts); the others
 * (Chinese, or edged with punctuation) are matched as they are. Longest terms come first.
 */
export function lexiconSource(terms: readonly string[]): string | null {
  const sorted = [...terms].sort((a, b) => b.length - a.length);
  const word = sorted.filter((t) => /^[A-Za-z0-9].*[A-Za-z0-9]$|^[A-Za-z0-9]$/.test(t.trim()));
  const other = sorted.filter((t) => !word.includes(t));
  const parts: string[] = [];
  if (word.length) {
    const body = word.map((t) => escapeRegExp(t.trim()).replace(/\s+/g, '\\s+')).join('|');
    parts.push(`(?<![A-Za-z0-9])(?:${body})(?![A-Za-z0-9])`);
  }
  parts.push(...other.map(termSource));
  return parts.length ? parts.join('|') : null;
}

/**
 * A lexicon written as one block of text, terms separated by `|` or line breaks, so that long word
 * lists stay compact and readable in the rule files.
 */
export function termList(block: string): string[] {
  return block
    .split(/[|\n]/)
    .map((t) => t.trim().replace(/\s+/g, ' '))
    .filter(Boolean);
}
