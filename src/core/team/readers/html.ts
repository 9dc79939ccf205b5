/**
 * HTML → Markdown: linkedom parses the page, Readability keeps the article when the page has site chrome
 * around it (navigation, footers), and turndown writes Markdown with `#` headings, so the heading-aware
 * splitter works on HTML, DOCX (through mammoth's HTML) and Markdown alike. Scripts, styles and forms are
 * dropped; nothing in the page is run.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import TurndownService from 'turndown';

/** Below this much article text, Readability's pick is ignored and the whole body is used. */
const MIN_ARTICLE_CHARS = 200;

let turndown: TurndownService | undefined;

function converter(): TurndownService {
  if (!turndown) {
    turndown = new TurndownService({ headingStyle: 'atx', codeBlockStyle: 'fenced', bulletListMarker: '-' });
    turndown.remove([
      'script',
      'style',
      'noscript',
      'iframe',
      'object',
      'embed',
      'form',
      'button',
      'template',
    ]);
  }
  return turndown;
}

/** An HTML fragment (e.g. mammoth's output) as Markdown. */
export function htmlFragmentToMarkdown(html: string): string {
  return converter().turndown(html);
}

/** A whole HTML page as Markdown, with its `<title>`. */
export function htmlPageToMarkdown(html: string): { title?: string; markdown: string } {
  const { document } = parseHTML(html);
  const title = document.title?.trim() || undefined;
  const body = document.body?.innerHTML ?? html;
  let content = body;
  try {
    const article = new Readability(
      document as unknown as ConstructorParameters<typeof Readability>[0],
    ).parse();
    if (article?.content && (article.textContent ?? '').trim().length >= MIN_ARTICLE_CHARS)
      content = article.content;
  } catch {
    content = body; // Readability gives up on some pages: the whole body is still worth reading
  }
  const markdown = htmlFragmentToMarkdown(content);
  return title ? { title, markdown } : { markdown };
}
