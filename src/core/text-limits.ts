/**
 * Linear text helpers for what regular expressions did quadratically on long runs of one character, and
 * the caps applied to every text before any pattern runs over it.
 */

/** The most characters of a chat message an adapter reads (before mark-up is parsed). */
export const MAX_INBOUND_CHARS = 8_000;
/** The most characters of a model's answer Coach keeps. */
export const MAX_MODEL_CHARS = 60_000;

/** The first `max` characters (not splitting a surrogate pair), or the text itself. */
export function capText(text: string, max: number): string {
  if (text.length <= max) return text;
  const end = text.charCodeAt(max - 1) >= 0xd800 && text.charCodeAt(max - 1) <= 0xdbff ? max - 1 : max;
  return text.slice(0, end);
}

/**
 * Collapses runs of spaces and tabs to one space and removes spaces and tabs around line breaks: what
 * `.replace(/[ \t]+/g, ' ').replace(/ *\n * /g, '\n')` did, in one pass.
 */
export function tidySpaces(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .join('\n');
}

/** The non-empty lines of a text, each trimmed, joined with `sep` (one pass, no backtracking). */
export function joinLines(text: string, sep: string): string {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .join(sep);
}

/** The text without the given characters at its end (`trimEndChars('a///', '/')` → `a`). */
export function trimEndChars(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && chars.includes(text.charAt(end - 1))) end -= 1;
  return text.slice(0, end);
}
