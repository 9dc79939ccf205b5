/**
 * The child process that parses PDF (pdf.js, legacy build for Node 20) and DOCX (mammoth) files for
 * `isolated-parse.ts`. It runs with a small heap and is killed after a timeout, so a hostile or broken
 * file can exhaust only this process. It gets one message `{ kind, data, maxPages }`, answers
 * `{ ok, title, pages | html }` or `{ ok: false, reason }`, then exits.
 */
import mammoth from 'mammoth';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** The request the parent sends. */
export interface ParseRequest {
  kind: 'pdf' | 'docx';
  data: Uint8Array;
  maxPages: number;
}

/** The answer the child sends back. */
export type ParseAnswer =
  | { ok: true; title: string; pages: string[] }
  | { ok: true; title: string; html: string }
  | { ok: false; reason: string };

async function readPdf(data: Uint8Array, maxPages: number): Promise<ParseAnswer> {
  const task = getDocument({
    data: new Uint8Array(data),
    isEvalSupported: false, // no code generated from font data (CVE-2024-4367)
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  const doc = await task.promise;
  try {
    if (doc.numPages > maxPages) {
      return { ok: false, reason: `refused: it has ${doc.numPages} pages (the limit is ${maxPages})` };
    }
    const meta = (await doc.getMetadata().catch(() => undefined)) as
      | { info?: { Title?: unknown } }
      | undefined;
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      let text = '';
      for (const item of content.items) {
        if (!('str' in item)) continue;
        text += item.str;
        text += item.hasEOL ? '\n' : item.str.endsWith(' ') ? '' : ' ';
      }
      pages.push(text.replace(/[ \t]+/g, ' ').trim());
      page.cleanup();
    }
    const title = typeof meta?.info?.Title === 'string' ? meta.info.Title.trim() : '';
    return { ok: true, title, pages };
  } finally {
    await doc.destroy();
  }
}

async function readDocx(data: Uint8Array): Promise<ParseAnswer> {
  const result = await mammoth.convertToHtml({ buffer: Buffer.from(data) });
  return { ok: true, title: '', html: result.value };
}

process.once('message', async (msg: ParseRequest) => {
  let answer: ParseAnswer;
  try {
    answer = msg.kind === 'pdf' ? await readPdf(msg.data, msg.maxPages) : await readDocx(msg.data);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    answer = { ok: false, reason: `cannot be parsed: ${(reason.split('\n')[0] ?? '').slice(0, 200)}` };
  }
  process.send?.(answer, () => process.exit(0));
});
