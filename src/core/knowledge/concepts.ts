/**
 * The concept layer (`knowledge/concepts.json`): how marketers ask, mapped to the entries that answer.
 * A `topic` concept lists the everyday words and roles people use for one idea ("CFO", "老总", "stand
 * out", "差异化"…) and the entries it points to, with weights; an `out` concept lists words of questions
 * the knowledge does not cover (ad benchmarks, attribution, budgets…), with a label that says so, and
 * may name the entries nearest to it (`near`) or those that say whether it is worth doing (`worthIt`).
 * Curated data, validated like the entries: every id exists, and no term belongs to two concepts.
 */
import { z } from 'zod';
import { isCjk, normalize } from '../retrieval/normalize.ts';
import { stem } from '../retrieval/stem.ts';
import type { Concept, KnowledgeEntry } from './types.ts';

const termList = z.array(z.string().trim().min(1)).default([]);

const conceptSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case'),
    kind: z.enum(['topic', 'out']),
    label: z.object({ en: z.string().trim().min(1), zh: z.string().trim().min(1) }),
    terms: z.object({ en: termList, zh: termList }),
    entries: z.record(z.string(), z.number().gt(0).max(1)).default({}),
    worthIt: z.record(z.string(), z.number().gt(0).max(1)).optional(),
    near: z.record(z.string(), z.number().gt(0).max(1)).optional(),
  })
  .refine((c) => c.terms.en.length + c.terms.zh.length > 0, { message: 'has no terms' })
  .refine((c) => c.kind === 'out' || (c.worthIt === undefined && c.near === undefined), {
    message: 'only an out-of-scope concept has worthIt or near entries',
  })
  .refine(
    (c) => (c.kind === 'topic' ? Object.keys(c.entries).length > 0 : Object.keys(c.entries).length === 0),
    {
      message: 'a topic must point to entries; an out-of-scope concept to none',
    },
  );

/**
 * A term as the matcher reads it, to compare terms for duplicates: NFKC, lower case, Traditional folded
 * to Simplified and Chinese without spaces ("續約" is "续约", "B2B 品牌" is "b2b品牌"); a Latin term word
 * by word, stemmed ("renew" and "renewal", "buyer's journey" and "buyer’s journey", "follow-up" and
 * "follow–up" are one term).
 */
export function termKey(term: string): string {
  const key = normalize(term).replace(/\s+/g, ' ').trim();
  if ([...key].some(isCjk)) return key.replace(/\s+/g, '');
  return (key.match(/[a-z0-9]+/g) ?? []).map(stem).join(' ');
}

/** Validates the parsed `concepts.json`; problems are appended. */
export function parseConcepts(
  raw: unknown,
  byId: Map<string, KnowledgeEntry>,
  problems: string[],
): Concept[] {
  const parsed = z.array(conceptSchema).safeParse(raw);
  if (!parsed.success) {
    problems.push(
      `concepts.json: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
    return [];
  }
  const ids = new Set<string>();
  const owner = new Map<string, { id: string; term: string }>();
  for (const c of parsed.data) {
    if (ids.has(c.id)) problems.push(`concepts.json: duplicate concept id "${c.id}"`);
    ids.add(c.id);
    for (const id of [
      ...Object.keys(c.entries),
      ...Object.keys(c.worthIt ?? {}),
      ...Object.keys(c.near ?? {}),
    ]) {
      if (!byId.has(id)) problems.push(`concepts.json: concept "${c.id}" points to unknown id "${id}"`);
    }
    const keys = new Map([...c.terms.en, ...c.terms.zh].map((term) => [termKey(term), term]));
    for (const [key, term] of keys) {
      const other = owner.get(key);
      if (other && other.id !== c.id) {
        const spelled = other.term === term ? `"${term}"` : `"${other.term}" / "${term}"`;
        problems.push(`concepts.json: term ${spelled} is in both "${other.id}" and "${c.id}" (pick one)`);
      }
      owner.set(key, { id: c.id, term });
    }
  }
  return parsed.data;
}
