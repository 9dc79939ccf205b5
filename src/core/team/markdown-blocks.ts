/**
 * Markdown → blocks, with remark's parser (`mdast-util-from-markdown`): headings keep their level and a
 * GitHub-style anchor (`## Results in Q3` → `results-in-q3`), every other top-level node becomes one text
 * block (lists as `- item` lines, code as it is). Front matter is read by the one guarded YAML reader.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import { parseFrontMatter } from '../knowledge/front-matter.ts';
import type { DocBlock } from './types.ts';

/** The part of an mdast node this module reads. */
interface MdNode {
  type: string;
  value?: string;
  alt?: string | null;
  depth?: number;
  ordered?: boolean | null;
  children?: MdNode[];
}

/** A Markdown document: its title (front matter `title`, else the first heading) and blocks. */
export function markdownBlocks(text: string): { title?: string; blocks: DocBlock[] } {
  const { data, content } = text.startsWith('---') ? parseFrontMatter(text) : { data: {}, content: text };
  const root = fromMarkdown(content) as MdNode;
  const slugs = new Map<string, number>();
  const blocks: DocBlock[] = [];
  for (const node of root.children ?? []) {
    if (node.type === 'heading') {
      const heading = inline(node).trim();
      if (heading)
        blocks.push({ heading: node.depth ?? 1, text: heading, anchor: uniqueSlug(heading, slugs) });
      continue;
    }
    if (node.type === 'html' || node.type === 'definition' || node.type === 'thematicBreak') continue;
    const body = flow(node).trim();
    if (body) blocks.push({ text: body });
  }
  const fmTitle = typeof data.title === 'string' ? data.title.trim() : undefined;
  const title = fmTitle || blocks.find((b) => b.heading)?.text;
  return title ? { title, blocks } : { blocks };
}

/** Plain text blocks (a `.txt` file): paragraphs separated by blank lines. */
export function textBlocks(text: string): DocBlock[] {
  return text
    .split(/\n[ \t]*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => ({ text: p }));
}

/** Text of a block-level node: list items on their own lines, paragraphs separated by a blank line. */
function flow(node: MdNode): string {
  switch (node.type) {
    case 'list':
      return (node.children ?? [])
        .map((item, i) => `${node.ordered ? `${i + 1}.` : '-'} ${flow(item).replace(/\n+/g, ' ')}`)
        .join('\n');
    case 'code':
      return node.value ?? '';
    case 'paragraph':
    case 'heading':
    case 'tableCell':
      return inline(node);
    case 'tableRow':
      return (node.children ?? []).map(inline).join(' | ');
    default:
      return (node.children ?? []).map(flow).filter(Boolean).join('\n\n');
  }
}

/** Text of inline content: link text, image alt text, code spans; hard breaks become new lines. */
function inline(node: MdNode): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value ?? '';
  if (node.type === 'image') return node.alt ?? '';
  if (node.type === 'break') return '\n';
  if (node.type === 'html') return '';
  return (node.children ?? []).map(inline).join('');
}

/**
 * GitHub's heading anchor: lower case, punctuation dropped, spaces to hyphens; letters of any script kept,
 * so `## 客户案例` anchors at `客户案例`. Repeated headings get `-1`, `-2`.
 */
export function uniqueSlug(heading: string, seen: Map<string, number>): string {
  const base = heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .trim()
    .replace(/\s/g, '-');
  const n = seen.get(base) ?? 0;
  seen.set(base, n + 1);
  return n === 0 ? base : `${base}-${n}`;
}
