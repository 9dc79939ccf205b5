/**
 * A file's bytes → blocks, by its extension: Markdown (YAML front matter only), plain text, HTML, PDF
 * (pdf.js) and DOCX (mammoth), the last two in a child process after size checks. Unsupported types and
 * unreadable files throw `input_invalid` with a reason meant for the person who owns the file.
 */
import { extname } from 'node:path';
import { CoachError, isCoachError } from '../../errors.ts';
import { markdownBlocks, textBlocks } from '../markdown-blocks.ts';
import type { DocBlock, TeamLimits } from '../types.ts';
import { parseIsolated } from './isolated-parse.ts';
import { checkZip } from './zip-guard.ts';

/** The file types a folder source reads. */
export const DOCUMENT_TYPES: readonly string[] = [
  '.md',
  '.markdown',
  '.txt',
  '.html',
  '.htm',
  '.pdf',
  '.docx',
];

/** A DOCX may unpack to this many times the file-size limit. */
const UNZIP_FACTOR = 10;

/** True when a file of this name is read (by extension). */
export function isDocumentFile(name: string): boolean {
  return DOCUMENT_TYPES.includes(extname(name).toLowerCase());
}

/** Reads one document file; `title` is absent when the file names none (the caller uses the file name). */
export async function readDocument(
  name: string,
  data: Buffer,
  limits: TeamLimits,
): Promise<{ title?: string; blocks: DocBlock[] }> {
  const ext = extname(name).toLowerCase();
  if (data.length > limits.fileBytes) {
    throw new CoachError(
      'input_invalid',
      `refused: ${mb(data.length)} is over the ${mb(limits.fileBytes)} limit per file`,
    );
  }
  try {
    switch (ext) {
      case '.md':
      case '.markdown':
        return markdownBlocks(utf8(data));
      case '.txt':
        return { blocks: textBlocks(utf8(data)) };
      case '.html':
      case '.htm': {
        const { htmlPageToMarkdown } = await html();
        const page = htmlPageToMarkdown(utf8(data));
        const md = markdownBlocks(page.markdown);
        const title = page.title ?? md.title;
        return title ? { title, blocks: md.blocks } : { blocks: md.blocks };
      }
      case '.pdf': {
        const parsed = await parseIsolated('pdf', data, { maxPages: limits.pdfPages });
        const pages = 'pages' in parsed ? parsed.pages : [];
        const blocks = pages.flatMap((text, i) => (text ? [{ text, anchor: `page=${i + 1}` }] : []));
        return parsed.title ? { title: parsed.title, blocks } : { blocks };
      }
      case '.docx': {
        await checkZip(data, limits.fileBytes * UNZIP_FACTOR);
        const parsed = await parseIsolated('docx', data, { maxPages: limits.pdfPages });
        const { htmlFragmentToMarkdown } = await html();
        return markdownBlocks(htmlFragmentToMarkdown('html' in parsed ? parsed.html : ''));
      }
      default:
        throw new CoachError('input_invalid', `unsupported file type "${ext || name}"`);
    }
  } catch (err) {
    if (isCoachError(err, 'input_invalid')) throw err;
    if (isCoachError(err)) throw new CoachError('input_invalid', err.message, { cause: err });
    throw new CoachError(
      'input_invalid',
      `cannot be read: ${(err as Error).message?.split('\n')[0] ?? String(err)}`,
      {
        cause: err,
      },
    );
  }
}

/** The HTML readers (about 200 ms to load): loaded by the first HTML or DOCX file, not at start-up. */
function html() {
  return import('./html.ts');
}

function utf8(data: Buffer): string {
  return data.toString('utf8').replace(/^\uFEFF/, '');
}

/** Bytes as MB for messages. */
export function mb(bytes: number): string {
  return `${(bytes / 1_048_576).toFixed(bytes < 10_485_760 ? 1 : 0)} MB`;
}
