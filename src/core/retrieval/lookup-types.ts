/** The shapes of retrieval's results and knobs (shared by the curated and the team search). */
import type { Coverage } from '../answer/types.ts';
import type { Concept, KnowledgeEntry } from '../knowledge/types.ts';

/** One search result. `score` is comparable across questions (see the thresholds in {@link RetrievalParams}). */
export interface SearchHit {
  entry: KnowledgeEntry;
  score: number;
}

/** What the knowledge has for a question. */
export interface Lookup {
  coverage: Coverage;
  /** Best entries first; empty when not covered. */
  hits: SearchHit[];
  /** The topics of `concepts.json` the question mentions. */
  concepts: Concept[];
  /** What the question asks that the knowledge does not cover (out-of-scope concepts it mentions). */
  missing: Concept[];
}

/** Scoring knobs. The defaults were chosen on the dev sets (see README "Retrieval"). */
export interface RetrievalParams {
  /** Field weights of the BM25 ranking. */
  boost: { title: number; tags: number; body: number; glossary: number; questions: number };
  /** Points a mentioned concept gives an entry it points to with weight 1. */
  conceptPoints: number;
  /** Weight, in the lexical score, of a word that belongs to a concept found in the question. */
  conceptWordBoost: number;
  /** Points a glossary term found in the question gives each entry it names. */
  glossaryBonus: number;
  /** Share of the lexical score kept whatever the coverage (the rest scales with coverage). */
  coverageFloor: number;
  /** Coverage at which the lexical score counts in full. */
  coverageFull: number;
  /** Lexical score kept when an entry matches only one word of the question. */
  singleWord: number;
  /** At or above, with a concept or glossary term found in the question: covered. */
  coverScore: number;
  /** At or above, without concept support: covered all the same. */
  strongScore: number;
  /** At or above: at least partly covered. */
  partialScore: number;
}
