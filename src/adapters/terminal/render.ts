import type { RichReply } from '../../core/reply/types.ts';

/** A reply as terminal text: title, sections, notes, numbered sources, and how to rate it. */
export function renderReply(reply: RichReply, opts: { bodyShown?: boolean } = {}): string {
  const parts: string[] = [];
  for (const n of reply.notes) parts.push(`(${n})`);
  if (reply.title) parts.push(reply.title);
  if (!opts.bodyShown) parts.push(...reply.sections.map((s) => s.replace(/\*\*(.+?)\*\*/g, '$1')));
  if (reply.citations.length > 0) {
    const head = reply.lang === 'zh' ? '来源：' : 'Sources:';
    parts.push(
      [head, ...reply.citations.map((c, i) => `  [${c.n ?? i + 1}] ${c.title} (${c.id}) — ${c.source}`)].join(
        '\n',
      ),
    );
  }
  if (reply.buttons.some((b) => b.action === 'feedback_up')) {
    parts.push(reply.lang === 'zh' ? '（评价这条回答：/good 或 /bad）' : '(Rate this: /good or /bad)');
  }
  return parts.join('\n\n');
}
