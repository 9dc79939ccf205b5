import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { docxEntries, makeDocx, makePdf, makeZip } from '../../../../test/support/make-docs.ts';
import { isCoachError } from '../../errors.ts';
import type { TeamLimits } from '../types.ts';
import { readDocument } from './read-document.ts';

const LIMITS: TeamLimits = {
  fileBytes: 1_000_000,
  sourceBytes: 10_000_000,
  pdfPages: 3,
  passages: 1_000,
  documents: 1_000,
};

async function refusal(p: Promise<unknown>): Promise<string> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isCoachError(err, 'input_invalid'), String(err)).toBe(true);
  return (err as Error).message;
}

describe('readDocument', () => {
  it('reads Markdown headings with anchors and the front matter title', async () => {
    const md =
      '---\ntitle: Acme case study\n---\n# Acme\n\nIntro.\n\n## Results in Q3\n\n- cut onboarding by 40 %\n- 3 plants\n\n## 客户 评价\n\n很好。';
    const doc = await readDocument('acme.md', Buffer.from(md), LIMITS);
    expect(doc.title).toBe('Acme case study');
    expect(doc.blocks).toEqual([
      { heading: 1, text: 'Acme', anchor: 'acme' },
      { text: 'Intro.' },
      { heading: 2, text: 'Results in Q3', anchor: 'results-in-q3' },
      { text: '- cut onboarding by 40 %\n- 3 plants' },
      { heading: 2, text: '客户 评价', anchor: '客户-评价' },
      { text: '很好。' },
    ]);
  });

  it('refuses front matter in any language but YAML, naming it', async () => {
    const reason = await refusal(
      readDocument('x.md', Buffer.from('---js\n{ title: "x" }\n---\nbody'), LIMITS),
    );
    expect(reason).toContain('only YAML front matter');
  });

  it('reads the article of an HTML page, without its navigation and scripts', async () => {
    const para = 'Our customers in logistics cut their planning time by a third within two months. '.repeat(
      6,
    );
    const html = `<html><head><title>Playbook</title><script>alert(1)</script></head><body>
      <nav><a href="/">Home</a> <a href="/pricing">Pricing</a></nav>
      <article><h1>Sales playbook</h1><p>${para}</p><h2>Objections</h2><p>${para}</p></article>
      <footer>© Example</footer></body></html>`;
    const doc = await readDocument('playbook.html', Buffer.from(html), LIMITS);
    expect(doc.title).toBe('Playbook');
    const text = doc.blocks.map((b) => b.text).join('\n');
    expect(doc.blocks.filter((b) => b.heading).map((b) => b.text)).toContain('Objections');
    expect(text).toContain('planning time by a third');
    expect(text).not.toContain('alert(1)');
    expect(text).not.toContain('Pricing');
  });

  it('reads PDF pages with page anchors and the document title', async () => {
    const pdf = makePdf(
      [['Acme case study', 'Onboarding fell by 40 percent.'], ['ISO 27001 certified since 2021.']],
      'Acme',
    );
    const doc = await readDocument('acme.pdf', pdf, LIMITS);
    expect(doc.title).toBe('Acme');
    expect(doc.blocks.map((b) => b.anchor)).toEqual(['page=1', 'page=2']);
    expect(doc.blocks[0]?.text).toContain('Onboarding fell by 40 percent.');
    expect(doc.blocks[1]?.text).toContain('ISO 27001');
  });

  it('refuses a PDF with more pages than allowed, and a broken one', async () => {
    const long = makePdf([['a'], ['b'], ['c'], ['d']]);
    expect(await refusal(readDocument('long.pdf', long, LIMITS))).toContain('4 pages (the limit is 3)');
    const broken = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF');
    expect(await refusal(readDocument('broken.pdf', broken, LIMITS))).toMatch(/cannot be parsed/);
  });

  it('reads DOCX headings and paragraphs', async () => {
    const docx = makeDocx([
      { style: 'Heading1', text: 'Messaging guide' },
      { text: 'We sell certainty to plant managers.' },
      { style: 'Heading2', text: 'Proof points' },
      { text: 'Used by 120 plants in 9 countries.' },
    ]);
    const doc = await readDocument('guide.docx', docx, LIMITS);
    expect(doc.title).toBe('Messaging guide');
    expect(doc.blocks).toEqual([
      { heading: 1, text: 'Messaging guide', anchor: 'messaging-guide' },
      { text: 'We sell certainty to plant managers.' },
      { heading: 2, text: 'Proof points', anchor: 'proof-points' },
      { text: 'Used by 120 plants in 9 countries.' },
    ]);
  });

  it('refuses zip bombs, lying or not, before any parser sees them', async () => {
    const huge = Buffer.alloc(12_000_000, 0x20); // 12 MB of spaces packs to a few KB
    const honest = makeZip([...docxEntries([]).slice(0, 4), { name: 'word/document.xml', data: huge }]);
    expect(honest.length).toBeLessThan(LIMITS.fileBytes);
    expect(await refusal(readDocument('bomb.docx', honest, LIMITS))).toMatch(/unpacks to more than/);
    const liar = makeZip([
      ...docxEntries([]).slice(0, 4),
      { name: 'word/document.xml', data: 'x', raw: deflateRawSync(huge), declaredSize: 10 },
    ]);
    expect(await refusal(readDocument('liar.docx', liar, LIMITS))).toMatch(/unpacks to more than allowed/);
  });

  it('refuses DOCX files that are not ZIPs or hold broken XML, and files over the size limit', async () => {
    expect(await refusal(readDocument('fake.docx', Buffer.from('not a zip at all'), LIMITS))).toContain(
      'not a ZIP',
    );
    const broken = makeZip(docxEntries([], '<?xml version="1.0"?><w:document xmlns:w="x"><w:body><w:p>'));
    expect(await refusal(readDocument('broken.docx', broken, LIMITS))).toMatch(/cannot be parsed/);
    const big = Buffer.alloc(LIMITS.fileBytes + 1, 0x61);
    expect(await refusal(readDocument('big.txt', big, LIMITS))).toMatch(/over the 1\.0 MB limit per file/);
    expect(await refusal(readDocument('sheet.xlsx', Buffer.from('x'), LIMITS))).toContain(
      'unsupported file type',
    );
  });
});
