/**
 * Feishu docx blocks → Coach's document blocks. The block list comes flat, in document order; headings
 * (block types 3–11) keep their level, text-like blocks (text, lists, code, quote, to-do) become
 * paragraphs, and every block keeps its `block_id` as its anchor, so a citation opens the document at
 * that block (`…/docx/<token>#<block_id>`).
 */
import type { DocBlock } from '../../core/team/types.ts';

/** The parts of a docx block Coach reads. */
export interface DocxBlock {
  block_id?: string;
  block_type?: number;
  [field: string]: unknown;
}

interface TextElement {
  text_run?: { content?: string };
  mention_doc?: { title?: string };
  mention_user?: unknown;
  equation?: { content?: string };
}

/** The field holding each text-like block type's elements, with how it is written. */
const TEXT_FIELDS: Record<number, { field: string; prefix?: string }> = {
  2: { field: 'text' },
  12: { field: 'bullet', prefix: '- ' },
  13: { field: 'ordered', prefix: '1. ' },
  14: { field: 'code' },
  15: { field: 'quote', prefix: '> ' },
  17: { field: 'todo', prefix: '- ' },
};

/** The text of a block's `elements`. */
function textOf(value: unknown): string {
  const elements = (value as { elements?: TextElement[] } | undefined)?.elements ?? [];
  return elements
    .map((e) => e.text_run?.content ?? e.mention_doc?.title ?? e.equation?.content ?? '')
    .join('')
    .trim();
}

/** The document's blocks; the page block (type 1) gives the title. */
export function docxBlocks(items: DocxBlock[]): { title?: string; blocks: DocBlock[] } {
  const blocks: DocBlock[] = [];
  let title: string | undefined;
  for (const b of items) {
    const type = b.block_type ?? 0;
    const anchor = b.block_id;
    if (type === 1) {
      title = textOf(b.page) || title;
      continue;
    }
    if (type >= 3 && type <= 11) {
      const text = textOf(b[`heading${type - 2}`]);
      if (text) blocks.push({ heading: Math.min(type - 2, 6), text, ...(anchor ? { anchor } : {}) });
      continue;
    }
    const kind = TEXT_FIELDS[type];
    if (!kind) continue; // tables, images, dividers: their text blocks come as children in the list
    const text = textOf(b[kind.field]);
    if (text) blocks.push({ text: `${kind.prefix ?? ''}${text}`, ...(anchor ? { anchor } : {}) });
  }
  return title ? { title, blocks } : { blocks };
}
