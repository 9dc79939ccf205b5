import MiniSearch from 'minisearch';
import type { GlossaryTerm, KnowledgeBase, KnowledgeEntry } from '../knowledge/types.ts';
import { normalize, tokenize } from './tokenize.ts';

/** One search result. `score` is comparable across questions (see `minScore`). */
export interface SearchHit {
  entry: KnowledgeEntry;
  score: number;
}

/** Options of `createRetriever`. */
export interface RetrieverOptions {
  /**
   * Hits scoring below this are dropped, so an off-topic question gets nothing instead of weak
   * matches. Chosen from `eval/retrieval.jsonl` (see `npm run eval` and the README).
   */
  minScore?: number;
  /** Field weights of the BM25 ranking. */
  boost?: { title: number; tags: number; body: number; glossary: number; questions: number };
}

/** Search over the knowledge base. */
export interface Retriever {
  /** Best entries first; empty when nothing clears the relevance threshold. */
  search(query: string, opts?: { k?: number }): SearchHit[];
  /** The knowledge it searches. */
  readonly kb: KnowledgeBase;
}

/**
 * Default threshold on the normalised score (BM25 with field boosts, divided by the square root of the
 * number of query terms, at least 3). Chosen from eval/retrieval.jsonl: the highest-scoring off-topic
 * question that passes the subject-word gate scores 14.5 ("a bat and a ball cost…"), while recall@3
 * on the on-topic questions stays the same up to 20. See README "Retrieval".
 */
export const DEFAULT_MIN_SCORE = 16;
const DEFAULT_BOOST = { title: 3, tags: 4, body: 1, glossary: 3, questions: 2 };
/** Scores are divided by √(number of query terms), counting at least this many, so one- and two-word questions are not inflated. */
const MIN_TERMS = 3;
/** Extra score, per query term, for an entry named by a glossary term found in the question. */
const GLOSSARY_BONUS = 1.5;

interface Doc {
  id: string;
  title: string;
  tags: string;
  body: string;
  glossary: string;
  questions: string;
}

/**
 * Builds an in-memory BM25 index over both languages of every entry: titles, tags, bodies and
 * the glossary's aliases. Chinese and English questions go through the same tokenizer, so an idea
 * ranks the same whichever language it is asked in. Pure and synchronous: a query takes
 * microseconds. Embeddings could later be mixed in by adding a second score in `search`.
 */
export function createRetriever(kb: KnowledgeBase, opts: RetrieverOptions = {}): Retriever {
  const minScore = opts.minScore ?? DEFAULT_MIN_SCORE;
  const boost = opts.boost ?? DEFAULT_BOOST;
  const index = new MiniSearch<Doc>({
    fields: ['title', 'tags', 'body', 'glossary', 'questions'],
    idField: 'id',
    tokenize,
    processTerm: (t) => t,
    searchOptions: { boost, combineWith: 'OR', prefix: false, fuzzy: false },
  });
  index.addAll(kb.entries.map((e) => toDoc(e, kb.glossary)));
  const domain = domainVocabulary(kb);
  const glossary = kb.glossary.map((t) => ({
    ids: t.ids,
    needles: [t.term, ...t.aliases].map(normalize).filter((n) => n.length >= 2),
  }));

  return {
    kb,
    search(query, { k = 5 } = {}) {
      const terms = tokenize(query);
      // Off-topic gate: a question that uses none of the coach's subject words (see domainVocabulary) is
      // not about B2B marketing, however many everyday words it shares with the entries' prose.
      if (!terms.some((t) => domain.has(t))) return [];
      const norm = normalize(query);
      const bonus = new Map<string, number>();
      for (const g of glossary) {
        if (g.needles.some((n) => containsTerm(norm, n))) {
          for (const id of g.ids) bonus.set(id, (bonus.get(id) ?? 0) + GLOSSARY_BONUS);
        }
      }
      const scores = new Map<string, number>();
      for (const r of index.search(terms.join(' '), { tokenize: (s) => s.split(' ') })) {
        scores.set(String(r.id), r.score / Math.sqrt(Math.max(terms.length, MIN_TERMS)));
      }
      for (const [id, b] of bonus) scores.set(id, (scores.get(id) ?? 0) + b);
      const hits: SearchHit[] = [];
      for (const [id, score] of scores) {
        const entry = kb.byId.get(id);
        if (entry && score >= minScore) hits.push({ entry, score: Math.round(score * 1000) / 1000 });
      }
      hits.sort((a, b) => b.score - a.score || a.entry.id.localeCompare(b.entry.id));
      return hits.slice(0, k);
    },
  };
}

/**
 * The subject words of the knowledge: every tag and glossary term, tokenized like questions. These are
 * curated search terms; titles, prose and example questions are left out on purpose: they are full
 * of everyday words (capital, long, see, rain) that off-topic questions share.
 */
function domainVocabulary(kb: KnowledgeBase): Set<string> {
  const words = new Set<string>();
  const add = (text: string) => {
    for (const t of tokenize(text)) if (t.length > 1 && !GENERIC.has(t)) words.add(t);
  };
  for (const e of kb.entries) for (const tag of e.tags) add(tag);
  for (const t of kb.glossary) for (const a of [t.term, ...t.aliases]) add(a);
  return words;
}

/** Tag words too everyday to mark a question as being about marketing on their own. */
const GENERIC = new Set(
  'time place right first new good high low big small second three five long see term end side day year'.split(
    ' ',
  ),
);

/** Matches a glossary needle as a whole word for Latin text, anywhere for Chinese. */
function containsTerm(haystack: string, needle: string): boolean {
  if (/^[ -~]+$/.test(needle)) {
    const at = haystack.indexOf(needle);
    if (at < 0) return false;
    const before = haystack[at - 1];
    const after = haystack[at + needle.length];
    return !(before && /[a-z0-9]/.test(before)) && !(after && /[a-z0-9]/.test(after));
  }
  return haystack.includes(needle);
}

function toDoc(e: KnowledgeEntry, glossary: GlossaryTerm[]): Doc {
  return {
    id: e.id,
    title: `${e.title.en}\n${e.title.zh}`,
    tags: e.tags.join('\n'),
    body: `${e.body.en}\n${e.body.zh}`,
    glossary: glossary
      .filter((t) => t.ids.includes(e.id))
      .flatMap((t) => [t.term, ...t.aliases])
      .join('\n'),
    questions: [...e.questions.en, ...e.questions.zh].join('\n'),
  };
}
