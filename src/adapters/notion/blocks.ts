/**
 * Notion blocks → Coach's document blocks: `heading_1`–`heading_3` keep their level, text-like blocks
 * (paragraphs, list items, to-dos, toggles, quotes, callouts, code, table rows) become paragraphs, and
 * every block keeps its id (without dashes) as its anchor: Notion opens `<page url>#<block id>` at it.
 */
import type { DocBlock } from '../../core/team/types.ts';

/** The parts of a Notion block Coach reads. */
export interface NotionBlock {
  id: string;
  type: string;
  has_children?: boolean;
  [field: string]: unknown;
}

interface RichText {
  plain_text?: string;
}

const PREFIX: Record<string, string> = {
  bulleted_list_item: '- ',
  numbered_list_item: '1. ',
  to_do: '- ',
  quote: '> ',
};

/** Plain text of a rich-text array. */
export function plainText(rich: unknown): string {
  return Array.isArray(rich)
    ? (rich as RichText[])
        .map((r) => r.plain_text ?? '')
        .join('')
        .trim()
    : '';
}

/** One block as a document block, or undefined for blocks without text (images, dividers…). */
export function notionBlock(b: NotionBlock): DocBlock | undefined {
  const anchor = b.id.replace(/-/g, '');
  const body = b[b.type] as { rich_text?: unknown; cells?: unknown[] } | undefined;
  const heading = /^heading_([123])$/.exec(b.type)?.[1];
  if (heading) {
    const text = plainText(body?.rich_text);
    return text ? { heading: Number(heading), text, anchor } : undefined;
  }
  if (b.type === 'table_row') {
    const text = (body?.cells ?? []).map(plainText).join(' | ');
    return text.trim() ? { text, anchor } : undefined;
  }
  const text = plainText(body?.rich_text);
  return text ? { text: `${PREFIX[b.type] ?? ''}${text}`, anchor } : undefined;
}
