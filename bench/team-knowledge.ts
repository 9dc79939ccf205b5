/**
 * Figures of the team's own knowledge (`npm run bench`, or `npx tsx bench/team-knowledge.ts` alone):
 * - ingest speed: a folder of 1,000 Markdown files synced into SQLite, then loaded into the index;
 * - query latency with the curated entries plus 20,000 team passages (goal: p99 under 10 ms);
 * - the process's memory with those 20,000 passages loaded;
 * - a re-sync of 1,000 sources where 10 changed: how many documents are read again.
 * Everything is local (temp folders, SQLite); nothing is asserted.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadKnowledge } from '../src/core/knowledge/load.ts';
import { silentLogger } from '../src/core/logger.ts';
import { loadRetrievalEval } from '../src/core/retrieval/retrieval-eval.ts';
import { createRetriever } from '../src/core/retrieval/retriever.ts';
import { createTeamIndex } from '../src/core/retrieval/team-index.ts';
import { openSqliteStore } from '../src/core/store/sqlite-store.ts';
import type { Store } from '../src/core/store/types.ts';
import { createFolderProvider } from '../src/core/team/folder-provider.ts';
import { splitPassages } from '../src/core/team/passages.ts';
import { createTeamKnowledge } from '../src/core/team/team-knowledge.ts';
import type { DocumentProvider, TeamLimits } from '../src/core/team/types.ts';
import { ms, percentile } from './stats.ts';

const LIMITS: TeamLimits = {
  fileBytes: 20 * 1_048_576,
  sourceBytes: 2_000 * 1_048_576,
  pdfPages: 500,
  passages: 100_000,
  documents: 10_000,
};
const line = (label: string, value: string) => console.log(`  ${label.padEnd(44)} ${value}`);

/** A small deterministic random generator, so every run measures the same text. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1_664_525 + 1_013_904_223) >>> 0;
    return s / 2 ** 32;
  };
}

const WORDS =
  'customer pipeline onboarding churn renewal pricing value proof case study plant manager CFO budget quote turnaround integration security audit certified rollout pilot region partner channel webinar trade fair campaign lead conversion deal buyer committee risk payback savings downtime forecast inventory freight carrier route warehouse analytics dashboard workflow approval contract support training adoption'.split(
    ' ',
  );
const ZH =
  '客户 案例 交付 验收 预算 采购 决策 风险 回本 工厂 设备 停机 效率 渠道 展会 线索 转化 培训 售后 合规'.split(
    ' ',
  );

/**
 * Everyday prose: 4,000 made-up words drawn with Zipf's law (as in real text, the most common words are
 * in most passages), a third of them replaced by marketing words.
 */
const PROSE = Array.from({ length: 4_000 }, (_, i) => `w${i.toString(36)}x`);
const ZIPF = (() => {
  const weights = PROSE.map((_, i) => 1 / (i + 1));
  const total = weights.reduce((a, b) => a + b, 0);
  let acc = 0;
  return weights.map((w) => {
    acc += w / total;
    return acc;
  });
})();

function proseWord(rand: () => number): string {
  if (rand() < 0.33) return WORDS[Math.floor(rand() * WORDS.length)] ?? 'value';
  const r = rand();
  let lo = 0;
  let hi = ZIPF.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((ZIPF[mid] ?? 1) < r) lo = mid + 1;
    else hi = mid;
  }
  return PROSE[lo] ?? 'value';
}

/** A paragraph of `n` words, with a company name and a number, sometimes in Chinese. */
function paragraph(rand: () => number, n: number, company: string): string {
  if (rand() < 0.15) {
    return `${company}${Array.from({ length: n / 2 }, () => ZH[Math.floor(rand() * ZH.length)]).join('')}，提升了${Math.floor(rand() * 90) + 5}%。`;
  }
  const words = Array.from({ length: n }, () => proseWord(rand));
  return `${company} ${words.join(' ')} by ${Math.floor(rand() * 90) + 5} %.`;
}

/** A Markdown document of three sections. */
function markdown(i: number, rand: () => number): string {
  const company = `Company${i}`;
  return [
    `# ${company} case study`,
    '## Situation',
    paragraph(rand, 120, company),
    '## Results',
    paragraph(rand, 150, company),
    '## Quote',
    paragraph(rand, 60, company),
  ].join('\n\n');
}

/** A provider that counts documents read. */
function counting(inner: DocumentProvider): DocumentProvider & { reads: number } {
  const p = {
    ...inner,
    reads: 0,
    read: (
      source: Parameters<DocumentProvider['read']>[0],
      doc: Parameters<DocumentProvider['read']>[1],
      ctx: Parameters<DocumentProvider['read']>[2],
    ) => {
      p.reads += 1;
      return inner.read(source, doc, ctx);
    },
  };
  return p;
}

/**
 * Writes `count` made-up passages (documents of ten sections, 100 per source, one source in three
 * scoped to `slack:CBENCH`) straight into a store: the 20,000-passage set of the query and pool benches.
 */
export async function seedPassages(big: Store, count: number): Promise<void> {
  const rand2 = random(7);
  let written = 0;
  for (let d = 0; written < count; d++) {
    const id = `s${Math.floor(d / 100)}`;
    if (d % 100 === 0)
      await big.team.addSource(
        {
          id,
          kind: 'folder',
          location: `/bench/${id}`,
          chat: d % 300 === 0 ? 'slack:CBENCH' : '',
          title: id,
        },
        new Date(),
      );
    const blocks = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].flatMap((k) => [
      { heading: 2, text: `Section ${k}`, anchor: `s${k}` },
      { text: paragraph(rand2, 180, `Company${d}`) },
    ]);
    const split = splitPassages(blocks, `bench/doc-${d}.md`).slice(0, count - written);
    await big.team.writeDocument(
      id,
      { key: `doc-${d}`, title: `Company${d} report`, link: `bench/doc-${d}.md`, revision: '1' },
      split,
      new Date(),
    );
    written += split.length;
  }
}

/** Runs the team-knowledge benchmark and prints its section. */
export async function runTeamKnowledgeBench(): Promise<void> {
  const logger = silentLogger();
  const root = mkdtempSync(join(tmpdir(), 'coach-bench-team-'));
  try {
    // ── Ingest: one folder of 1,000 Markdown files ─────────────────────────────
    const folder = join(root, 'docs');
    mkdirSync(folder);
    const rand = random(42);
    for (let i = 0; i < 1_000; i++) writeFileSync(join(folder, `case-${i}.md`), markdown(i, rand));
    const store = openSqliteStore(join(root, 'ingest.db'));
    const team = createTeamKnowledge({
      store: store.team,
      providers: [createFolderProvider()],
      limits: LIMITS,
      logger,
      owner: 'bench',
    });
    await team.add(folder);
    let t = performance.now();
    const [report] = await team.sync();
    const syncMs = performance.now() - t;
    const passages = report?.passages ?? 0;
    line(
      'ingest 1,000 Markdown files (sync)',
      `${passages} passages in ${ms(syncMs)}: ${Math.round(passages / (syncMs / 1000))} passages/s`,
    );
    const ingestIndex = createTeamIndex();
    ingestIndex.connect(store.team);
    t = performance.now();
    await ingestIndex.refresh(true);
    const loadMs = performance.now() - t;
    line(
      '  load them into a replica index',
      `${ms(loadMs)}: ${Math.round(passages / (loadMs / 1000))} passages/s`,
    );
    await store.close();

    // ── 20,000 passages: query latency and memory ──────────────────────────────
    const big = openSqliteStore(join(root, 'big.db'));
    await seedPassages(big, 20_000);
    const kb = loadKnowledge('knowledge');
    const rssBefore = process.memoryUsage().rss;
    const index = createTeamIndex({ refreshMs: 0 });
    index.connect(big.team);
    const retriever = createRetriever(kb, {}, { index });
    t = performance.now();
    await retriever.prepare('warm up');
    line(`load ${index.size} passages into the index`, ms(performance.now() - t));
    const rss = process.memoryUsage().rss;
    line(
      `RSS with ${index.size} passages`,
      `${Math.round(rss / 1_048_576)} MB (+${Math.round((rss - rssBefore) / 1_048_576)} MB for the passages)`,
    );
    const curated = loadRetrievalEval('eval/retrieval.jsonl').map((i) => i.q);
    const team2 = Array.from(
      { length: 200 },
      (_, i) => `What did Company${i * 37} achieve on onboarding and churn?`,
    );
    const mixed = curated.flatMap((q, i) => [q, team2[i % team2.length] ?? q]);
    for (const q of mixed.slice(0, 200)) retriever.lookup(q, { k: 5 }); // warm-up
    const lat: number[] = [];
    for (let i = 0; i < 2_000; i++) {
      const q = mixed[i % mixed.length] ?? '';
      const chat = i % 2 === 0 ? '' : 'slack:CBENCH';
      const s = performance.now();
      retriever.lookup(q, { k: 5, chat });
      lat.push(performance.now() - s);
    }
    line(`query p50 (curated + ${index.size} passages)`, ms(percentile(lat, 50)));
    line('query p99 (goal < 10 ms)', ms(percentile(lat, 99)));
    const checks: number[] = [];
    for (let i = 0; i < 500; i++) {
      const s = performance.now();
      await index.refresh(true); // revision unchanged: one one-row query
      checks.push(performance.now() - s);
    }
    line('revision check per question, p50 (SQLite)', ms(percentile(checks, 50)));
    await big.close();

    // ── Re-sync of 1,000 sources where 10 changed ───────────────────────────────
    const many = join(root, 'many');
    mkdirSync(many);
    const rand3 = random(3);
    for (let i = 0; i < 1_000; i++) writeFileSync(join(many, `source-${i}.md`), markdown(i, rand3));
    const store3 = openSqliteStore(join(root, 'resync.db'));
    const provider = counting(createFolderProvider());
    const team3 = createTeamKnowledge({
      store: store3.team,
      providers: [provider],
      limits: LIMITS,
      logger,
      owner: 'bench',
    });
    for (let i = 0; i < 1_000; i++) await team3.add(join(many, `source-${i}.md`));
    await team3.sync();
    for (let i = 0; i < 10; i++)
      writeFileSync(join(many, `source-${i * 97}.md`), markdown(10_000 + i, rand3));
    provider.reads = 0;
    t = performance.now();
    const reports = await team3.sync();
    line(
      're-sync 1,000 sources, 10 changed',
      `${provider.reads} documents read again of ${reports.length}, in ${ms(performance.now() - t)}`,
    );
    await store3.close();
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log("Team knowledge (the team's own documents)");
  await runTeamKnowledgeBench();
}
