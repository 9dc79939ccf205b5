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

/** A non-capturing alternation of literal terms, longest first so longer phrases win. */
export function alt(terms: readonly string[]): string {
  const sorted = [...terms].sort((a, b) => b.length - a.length);
  return `(?:${sorted.map(termSource).join('|')})`;
}
