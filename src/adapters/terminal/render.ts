import { citationLine } from '../../core/answer/citations.ts';
import { trendBars } from '../../core/reply/trend.ts';
import type { RichReply } from '../../core/reply/types.ts';
import { plainLinks, terminalSafe } from '../delivery/safe-text.ts';

/**
 * A reply as terminal text: title, sections, notes, numbered sources, and how to rate it. What reaches
 * the terminal carries no control characters (no colour codes, OSC 8 links or clipboard writes).
 */
export function renderReply(reply: RichReply, opts: { bodyShown?: boolean } = {}): string {
  return terminalSafe(renderText(reply, opts));
}

function renderText(reply: RichReply, opts: { bodyShown?: boolean }): string {
  const parts: string[] = [];
  for (const n of reply.notes) parts.push(`(${n})`);
  if (reply.title) parts.push(reply.title);
  if (!opts.bodyShown)
    parts.push(...reply.sections.map((s) => plainLinks(s).replace(/\*\*(.+?)\*\*/g, '$1')));
  if (reply.trend) parts.push(`${reply.trend.title}\n${trendBars(reply.trend)}`);
  if (reply.citations.length > 0) {
    const head = reply.lang === 'zh' ? '来源：' : 'Sources:';
    parts.push(
      [head, ...reply.citations.map((c, i) => `  ${citationLine(c, c.n ?? i + 1, reply.lang)}`)].join('\n'),
    );
  }
  if (reply.buttons.some((b) => b.action === 'feedback_up')) {
    parts.push(reply.lang === 'zh' ? '（评价这条回答：/good 或 /bad）' : '(Rate this: /good or /bad)');
  }
  return parts.join('\n\n');
}
