/**
 * Writes assets/jieba-dict.txt: the segmenter's dictionary trimmed to the words Coach needs. The full
 * jieba dictionary (349,000 words) costs about 55 MB of resident memory once loaded; this one keeps
 * the most frequent words (TOP) plus every dictionary word that occurs in knowledge/.
 * Run it after editing the knowledge (`npx tsx scripts/jieba-dict.ts`); a test checks it is current.
 *
 * TOP 50,000 rather than 100,000: the service's footprint after 1,000 answers fell from 203 to 193 MB
 * (mean of repeated `bench/memory.ts` runs; goal under 200), while every retrieval figure of the dev
 * questions and the existing sets stayed the same except one question's first citation (in@1 63 → 62 %).
 * Rarer words still split by jieba's HMM.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

export const TOP = 50_000;

/** Every text file of the knowledge folder, concatenated. */
function corpus(dir: string): string {
  return readdirSync(dir, { withFileTypes: true })
    .map((e) =>
      e.isDirectory()
        ? corpus(join(dir, e.name))
        : /\.(md|json)$/.test(e.name)
          ? readFileSync(join(dir, e.name), 'utf8')
          : '',
    )
    .join('\n');
}

/**
 * The Chinese names the knowledge tags its entries with ("自嗨锅", "元气森林") that jieba's dictionary
 * lacks: without them "自嗨锅是怎么做起来的" splits into 自 / 嗨 / 锅 and finds nothing. Sorted, one each.
 */
function tagNames(knowledgeDir: string, known: Set<string>): string[] {
  const jieba = Jieba.withDict(dict);
  // Only a name the segmenter would shatter into single characters; "规避风险" → 规避 / 风险 is fine.
  const shattered = (name: string) => jieba.cut(name, true).filter((w) => w.length === 1).length >= 2;
  const names = new Set<string>();
  for (const file of readdirSync(knowledgeDir).filter((f) => f.endsWith('.md'))) {
    const tags = /^tags:\s*\[(.*)\]\s*$/m.exec(readFileSync(join(knowledgeDir, file), 'utf8'))?.[1] ?? '';
    for (const tag of tags.split(',')) {
      const name = tag.trim();
      if (/^[\u4e00-\u9fff]{2,8}$/.test(name) && !known.has(name) && shattered(name)) names.add(name);
    }
  }
  return [...names].sort();
}

/** Frequency given to the knowledge's own names: a common word's, so the segmenter keeps them whole. */
const NAME_FREQ = 1000;

export function trimmedDict(knowledgeDir = 'knowledge'): string {
  const rows = Buffer.from(dict).toString('utf8').split('\n').filter(Boolean);
  const freq = (row: string) => Number(row.split(' ')[1]);
  const top = [...rows].sort((a, b) => freq(b) - freq(a)).slice(0, TOP);
  const kept = new Set(top);
  const used = new Set(Jieba.withDict(dict).cutAll(corpus(knowledgeDir)));
  for (const row of rows) if (used.has(row.split(' ')[0] ?? '')) kept.add(row);
  const names = tagNames(knowledgeDir, new Set(rows.map((r) => r.split(' ')[0] ?? '')));
  // The dictionary's own order, so the file only changes where the words do; the knowledge's names last.
  return `${[...rows.filter((r) => kept.has(r)), ...names.map((n) => `${n} ${NAME_FREQ} nz`)].join('\n')}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const text = trimmedDict();
  writeFileSync('assets/jieba-dict.txt', text);
  console.log(`assets/jieba-dict.txt: ${text.split('\n').length - 1} words, ${text.length} chars`);
}
