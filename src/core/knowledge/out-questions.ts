/**
 * Example questions the knowledge does NOT answer (`knowledge/out-questions.json`): how marketers ask
 * about ad accounts, pay, SEO tools, budgets… in their own words. Retrieval compares a question with
 * these and with the entries' own example questions; when its nearest neighbours are clearly out of
 * scope, Coach says so instead of citing a loosely matching entry. Written, like `concepts.json`'s
 * out-of-scope vocabulary, by someone who read only the knowledge, never the eval sets.
 * Validated like the rest of the knowledge: each names an out-of-scope concept (or "other"), none
 * repeats, and none is one of the entries' own questions.
 */
import { z } from 'zod';
import type { Concept, KnowledgeEntry, OutQuestion } from './types.ts';

const schema = z.array(
  z.object({
    lang: z.enum(['en', 'zh']),
    topic: z.string().trim().min(1),
    q: z.string().trim().min(3).max(300),
  }),
);

const key = (q: string) => q.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

/** Validates the parsed `out-questions.json`; problems are appended. */
export function parseOutQuestions(
  raw: unknown,
  entries: readonly KnowledgeEntry[],
  concepts: readonly Concept[],
  problems: string[],
): OutQuestion[] {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    problems.push(
      `out-questions.json: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
    return [];
  }
  const outIds = new Set(concepts.filter((c) => c.kind === 'out').map((c) => c.id));
  const inScope = new Set(entries.flatMap((e) => [...e.questions.en, ...e.questions.zh]).map(key));
  const seen = new Set<string>();
  for (const [i, o] of parsed.data.entries()) {
    if (o.topic !== 'other' && !outIds.has(o.topic))
      problems.push(`out-questions.json: item ${i} names unknown out-of-scope concept "${o.topic}"`);
    if (seen.has(key(o.q))) problems.push(`out-questions.json: item ${i} repeats "${o.q}"`);
    if (inScope.has(key(o.q))) problems.push(`out-questions.json: item ${i} is an entry's own question`);
    seen.add(key(o.q));
  }
  return parsed.data;
}
