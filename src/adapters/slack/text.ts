/**
 * Text in and out of Slack: Slack's mark-up (`<@U1>`, `<!here>`, `<https://x|label>`, `&amp;`) to
 * plain text for the engine, and the engine's Markdown to Slack `mrkdwn`.
 */

import { tidySpaces } from '../../core/text-limits.ts';
import { plainLinks } from '../delivery/safe-text.ts';

/** True when the raw Slack text mentions the user `userId` (`<@U1>` or `<@U1|name>`). */
export function mentions(text: string, userId: string | undefined): boolean {
  if (!userId) return false;
  return text.includes(`<@${userId}>`) || text.includes(`<@${userId}|`);
}

/**
 * Slack message text → plain text: drops user mentions (another user's label is kept as `@name`) and the
 * broadcasts `<!here>`/`<!channel>`/`<!everyone>` (never echoed), turns `<https://x|label>` into
 * `label (https://x)` and `<#C1|general>` into `#general`, unescapes `&amp; &lt; &gt;`.
 */
export function slackToPlain(text: string): string {
  const out = text.replace(/<([^<>]*)>/g, (_all, inner: string) => {
    const bar = inner.indexOf('|');
    const target = bar >= 0 ? inner.slice(0, bar) : inner;
    const label = bar >= 0 ? inner.slice(bar + 1) : '';
    if (target.startsWith('@')) return label ? `@${label}` : '';
    if (target.startsWith('#')) return label ? `#${label}` : '';
    if (target.startsWith('!')) {
      // Broadcasts are dropped whatever their label; dates and user groups keep their readable fallback.
      if (/^!(here|channel|everyone)\b/.test(target)) return '';
      return label.replace(/^@(here|channel|everyone)\b/, '');
    }
    if (/^(https?|mailto|tel):/i.test(target)) {
      if (!label || label === target || `mailto:${label}` === target) return label || target;
      return `${label} (${target})`;
    }
    return label || target;
  });
  return tidySpaces(unescapeSlack(out)).trim();
}

/** Slack's three HTML entities back to characters (`&amp;` last, so `&amp;lt;` stays `&lt;`). */
export function unescapeSlack(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** Escapes `&`, `<`, `>` as Slack asks for text it should show literally. */
export function escapeSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const BOLD = '\u0001';

/**
 * Markdown (as the answerer and the replies write it) → Slack mrkdwn: `**b**` → `*b*`, `*i*` → `_i_`,
 * `~~s~~` → `~s~`, `# h` → `*h*`, `- item` → `• item`, `[label](url)` → `label (url)`, `> quote` kept.
 * `&`, `<`, `>` are escaped everywhere, so no mention (`<@U1>`), broadcast (`<!here>`) or labelled link
 * (`<url|label>`) can come out of it, whatever the text. Code is escaped and otherwise left alone.
 */
export function markdownToMrkdwn(md: string): string {
  const parts = withoutMarks(md).split(/(```[\s\S]*?```|`[^`\n]+`)/g);
  const code = parts.filter((_, i) => i % 2 === 1);
  // The prose is converted in one piece, each code span held by a CODE mark: converting every piece
  // of prose between two spans on its own was slow on text with thousands of spans.
  const prose = convertProse(parts.filter((_, i) => i % 2 === 0).join(CODE));
  return prose
    .split(CODE)
    .map((piece, i) => (i === 0 ? piece : escapeSlack(code[i - 1] ?? '') + piece))
    .join('')
    .trim();
}

/** Holds the place of a code span while the prose around it is converted. */
const CODE = '\u0003';

/** The text without the marks the conversion uses (they are control characters nobody types). */
function withoutMarks(text: string): string {
  return text.replaceAll(BOLD, '').replaceAll(QUOTE, '').replaceAll(CODE, '');
}

/** Marks a quoted line while the rest is converted (removed from the input first, like BOLD). */
const QUOTE = '\u0002';

/**
 * Converts prose (no code) with whole-text, line-anchored replacements: one pass per rule instead of
 * several per line, which kept a reply of many short lines from taking tens of milliseconds.
 */
function convertProse(text: string): string {
  // Everything is escaped: no mention, broadcast or Slack link can come out of user or model text.
  let s = escapeSlack(plainLinks(text));
  s = s.replace(/^[ \t]*&gt;[ \t]?/gm, QUOTE);
  s = s.replace(
    // biome-ignore lint/suspicious/noControlCharactersInRegex: \u0002 is the QUOTE mark
    /^(\u0002?)#{1,6}[ \t]+([^ \t\n][^\n]*)$/gm,
    (_all, quote: string, heading: string) => `${quote}**${heading.replace(/\*\*/g, '')}**`,
  );
  // biome-ignore lint/suspicious/noControlCharactersInRegex: \u0002 is the QUOTE mark
  s = s.replace(/^(\u0002?[ \t]*)[-*+][ \t]+/gm, '$1• ');
  s = s.replace(/\*\*(?=\S)([^*\n]*?\S)\*\*/g, `${BOLD}$1${BOLD}`);
  s = s.replace(/__(?=\S)([^_\n]*?\S)__/g, `${BOLD}$1${BOLD}`);
  s = s.replace(/(^|[^*\w])\*(?=\S)([^*\n]*?\S)\*(?![*\w])/gm, '$1_$2_');
  s = s.replace(/~~(?=\S)([^~\n]*?\S)~~/g, '~$1~');
  return s.replaceAll(BOLD, '*').replaceAll(QUOTE, '> ');
}

/**
 * Mrkdwn → the `text` fallback of a message (notifications, screen readers): formatting marks dropped,
 * Slack's escapes kept, so that nothing in it turns into a mention, a broadcast or a link.
 */
export function mrkdwnToFallback(text: string): string {
  return text.replace(/[*_~]/g, '');
}
