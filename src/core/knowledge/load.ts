import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { CoachError } from '../errors.ts';
import { parseConcepts } from './concepts.ts';
import { parseFrontMatter } from './front-matter.ts';
import { parseOutQuestions } from './out-questions.ts';
import type { Bilingual, GlossaryTerm, KnowledgeBase, KnowledgeEntry, Lang, Source } from './types.ts';

/** Entry files are lower-case kebab-case Markdown; anything else in the folder (FORMAT.md) is documentation. */
const ENTRY_FILE = /^[a-z0-9][a-z0-9-]*\.md$/;
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const bilingualField = z.object({ en: z.string().trim().min(1), zh: z.string().trim().min(1) });

const frontMatterSchema = z.object({
  id: z.string().regex(ID, 'must be kebab-case'),
  title: bilingualField,
  lang: z.array(z.enum(['en', 'zh'])).refine((l) => l.includes('en') && l.includes('zh'), {
    message: 'must list both en and zh',
  }),
  tags: z.array(z.coerce.string().trim().min(1)).min(1),
  source: z.string().min(1),
  related: z.array(z.string()).optional().default([]),
  tip: bilingualField,
  questions: z
    .object({
      en: z.array(z.string().trim().min(1)).default([]),
      zh: z.array(z.string().trim().min(1)).default([]),
    })
    .optional()
    .default({ en: [], zh: [] }),
});

const sourcesSchema = z.record(
  z.string(),
  z.object({
    title: z.string().min(1),
    title_en: z.string().min(1),
    author: z.string().min(1),
    publisher: z.string().optional(),
    date: z.string().min(1),
  }),
);

const glossarySchema = z.array(
  z.object({
    term: z.string().min(1),
    aliases: z.array(z.string().min(1)).default([]),
    ids: z.array(z.string()).min(1),
    definition: bilingualField,
  }),
);

/** Result of reading the knowledge folder: what loaded, and every problem found. */
export interface KnowledgeLoad {
  kb: KnowledgeBase;
  problems: string[];
}

/** Splits a body into its `## en` and `## zh` sections. */
export function splitBody(content: string): Partial<Bilingual> {
  const out: Partial<Bilingual> = {};
  const parts = content.split(/^##[ \t]+(en|zh)[ \t]*$/m);
  for (let i = 1; i < parts.length; i += 2) {
    const lang = parts[i] as Lang;
    const text = (parts[i + 1] ?? '').trim();
    if (text) out[lang] = text;
  }
  return out;
}

/**
 * Reads every entry, `sources.json`, `glossary.json`, `concepts.json` and `out-questions.json` in `dir`
 * and validates them: missing fields, duplicate ids, an id that differs from its file name, unknown
 * sources, dangling `related` or glossary ids, empty bodies, an idea written in one language only, an
 * out-of-scope question under an unknown concept or repeating an entry's own. Never throws for bad
 * content: problems are returned so that `coach knowledge check` can list them all.
 */
export function readKnowledge(dir: string): KnowledgeLoad {
  const problems: string[] = [];
  let files: string[];
  try {
    files = readdirSync(dir)
      .filter((f) => ENTRY_FILE.test(f))
      .sort();
  } catch (err) {
    throw new CoachError('knowledge_invalid', `Cannot read the knowledge folder ${dir}`, { cause: err });
  }

  const sources = readSources(dir, problems);
  const entries: KnowledgeEntry[] = [];
  const byId = new Map<string, KnowledgeEntry>();
  for (const file of files) {
    const entry = readEntry(dir, file, problems);
    if (!entry) continue;
    if (byId.has(entry.id)) {
      problems.push(`${file}: duplicate id "${entry.id}" (also in ${byId.get(entry.id)?.file})`);
      continue;
    }
    if (!sources.has(entry.source)) {
      problems.push(`${file}: unknown source "${entry.source}" (known: ${[...sources.keys()].join(', ')})`);
    }
    byId.set(entry.id, entry);
    entries.push(entry);
  }
  for (const e of entries) {
    for (const r of e.related) {
      if (!byId.has(r)) problems.push(`${e.file}: related id "${r}" does not exist`);
      if (r === e.id) problems.push(`${e.file}: relates to itself`);
    }
  }
  const glossary = readGlossary(dir, byId, problems);
  // The concept layer is optional (a minimal knowledge folder works without it).
  const conceptsPath = join(dir, 'concepts.json');
  const rawConcepts = existsSync(conceptsPath) ? readJson(conceptsPath, problems) : undefined;
  const concepts = rawConcepts === undefined ? [] : parseConcepts(rawConcepts, byId, problems);
  const outPath = join(dir, 'out-questions.json');
  const rawOut = existsSync(outPath) ? readJson(outPath, problems) : undefined;
  const outQuestions = rawOut === undefined ? [] : parseOutQuestions(rawOut, entries, concepts, problems);
  if (entries.length === 0) problems.push(`${dir}: no knowledge entries found`);
  return { kb: { entries, byId, sources, glossary, concepts, outQuestions }, problems };
}

/** Reads the knowledge folder and throws `knowledge_invalid` listing the problems if there are any. */
export function loadKnowledge(dir: string): KnowledgeBase {
  const { kb, problems } = readKnowledge(dir);
  if (problems.length > 0) {
    throw new CoachError(
      'knowledge_invalid',
      `Knowledge in ${dir} has ${problems.length} problem(s):\n  ${problems.join('\n  ')}`,
      {
        details: { problems: problems.length },
      },
    );
  }
  return kb;
}

function readEntry(dir: string, file: string, problems: string[]): KnowledgeEntry | undefined {
  let parsed: { data: Record<string, unknown>; content: string };
  try {
    parsed = parseFrontMatter(readFileSync(join(dir, file), 'utf8'));
  } catch (err) {
    problems.push(`${file}: ${(err as Error).message}`);
    return undefined;
  }
  const fm = frontMatterSchema.safeParse(parsed.data);
  if (!fm.success) {
    for (const issue of fm.error.issues) {
      problems.push(`${file}: ${issue.path.join('.') || 'front matter'}: ${issue.message}`);
    }
    return undefined;
  }
  const { id, title, tags, source, related, tip, questions } = fm.data;
  if (`${id}.md` !== file) problems.push(`${file}: id "${id}" does not match the file name`);
  const body = splitBody(parsed.content);
  for (const lang of ['en', 'zh'] as const) {
    if (!body[lang]) problems.push(`${file}: the "## ${lang}" section is missing or empty`);
  }
  if (!body.en || !body.zh) return undefined;
  return { id, title, tags, source, related, tip, questions, body: { en: body.en, zh: body.zh }, file };
}

function readSources(dir: string, problems: string[]): Map<string, Source> {
  const map = new Map<string, Source>();
  const raw = readJson(join(dir, 'sources.json'), problems);
  if (raw === undefined) return map;
  const parsed = sourcesSchema.safeParse(raw);
  if (!parsed.success) {
    problems.push(
      `sources.json: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
    return map;
  }
  for (const [key, s] of Object.entries(parsed.data)) map.set(key, { key, ...s });
  return map;
}

function readGlossary(dir: string, byId: Map<string, KnowledgeEntry>, problems: string[]): GlossaryTerm[] {
  const raw = readJson(join(dir, 'glossary.json'), problems);
  if (raw === undefined) return [];
  const parsed = glossarySchema.safeParse(raw);
  if (!parsed.success) {
    problems.push(
      `glossary.json: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
    return [];
  }
  for (const t of parsed.data) {
    for (const id of t.ids)
      if (!byId.has(id)) problems.push(`glossary.json: term "${t.term}" points to unknown id "${id}"`);
  }
  return parsed.data;
}

function readJson(path: string, problems: string[]): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    problems.push(`${path}: missing`);
    return undefined;
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    problems.push(`${path}: not valid JSON (${(err as Error).message})`);
    return undefined;
  }
}
