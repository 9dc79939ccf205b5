/**
 * Search over the knowledge, scored by how much of the question's meaning an entry covers:
 * - BM25 (MiniSearch) over both languages of every entry (titles, tags, example questions, bodies and
 *   glossary aliases), Chinese segmented by jieba, English stemmed, Traditional folded to Simplified;
 * - scaled by coverage: the share of the question's known words (weighted by rarity) that the entry
 *   matches, so that one ambiguous word ("platform") cannot carry a match on its own;
 * - plus the concept layer (`concepts.json`): the everyday words and roles marketers use ("CFO",
 *   "老总", "stand out", "差异化"), each pointing to the entries that answer it;
 * - the example questions (the entries' own and `out-questions.json`): when a question's nearest ones
 *   are clearly out of scope, it is not covered, whatever words it shares with the entries;
 * - and three outcomes: `covered`, `partial` (a nearby idea, but not what was asked, e.g. a question
 *   about ad benchmarks that touches trust), `not_covered` (no citation).
 * Pure and synchronous: a query takes well under a millisecond.
 */
import MiniSearch from 'minisearch';
import type { Coverage } from '../answer/types.ts';
import type { Concept, GlossaryTerm, KnowledgeBase, KnowledgeEntry } from '../knowledge/types.ts';
import { type ConceptMatches, createConceptMatcher } from './concept-match.ts';
import { createExampleVote } from './example-vote.ts';
import type { Lookup, RetrievalParams, SearchHit } from './lookup-types.ts';
import { askedSubject, namedSubjects } from './named-subject.ts';
import { normalize } from './normalize.ts';
import { withoutSoldProduct } from './sold-product.ts';
import type { TeamIndex } from './team-index.ts';
import { lookupTeam, mergeTeam, type SemanticRank } from './team-search.ts';
import { tokenize } from './tokenize.ts';
import { asksWorthIt } from './worth-it.ts';

export type { Lookup, RetrievalParams, SearchHit } from './lookup-types.ts';

/** The defaults (see the README for how they were chosen). */
export const DEFAULT_PARAMS: RetrievalParams = {
  boost: { title: 3, tags: 4, body: 1, glossary: 3, questions: 2 },
  conceptPoints: 12,
  conceptWordBoost: 0.5,
  glossaryBonus: 1.5,
  coverageFloor: 0.2,
  coverageFull: 0.5,
  singleWord: 0.4,
  coverScore: 8,
  strongScore: 20,
  partialScore: 8,
};

/**
 * How much more an out-of-scope term ("CAC", "归因", "CTR") says about what a question asks than a
 * topic term: a question naming a metric the knowledge does not cover is mostly about that metric,
 * whatever marketing words surround it. 1.5 on the dev questions: out-of-scope said so 70 → 77%,
 * in-scope citations unchanged (2 reached 80% but lost in-scope citations).
 */
const OUT_WEIGHT = 1.5;

/** A name held by more entries than this is no one entry's subject ("trust"): see `lookupCurated`. */
const MAX_NAME_ENTRIES = 3;

/** Options of one search: how many hits, and the chat asking (it sees team-wide passages and its own). */
export interface SearchOptions {
  k?: number;
  /** `<platform>:<chat id>` of the asking chat; '' or absent: team-wide passages only. */
  chat?: string;
}

/** Semantic search over the team's passages (embeddings), when configured. */
export interface SemanticSearch {
  /** The passages nearest in meaning to the question, visible in `chat`, nearest first. */
  ranks(query: string, chat: string): Promise<Map<string, SemanticRank>>;
}

/** Search over the knowledge base. */
export interface Retriever {
  /** Best entries first; empty when the question is not covered at all (partly covered keeps its hits). */
  search(query: string, opts?: SearchOptions): SearchHit[];
  /** The hits with the outcome, the concepts found and what is not covered. */
  lookup(query: string, opts?: SearchOptions): Lookup;
  /**
   * Gets the team's passages ready for a question: brings the index up to the database's revision and,
   * with embeddings, finds the passages nearest in meaning (used by the next `lookup` of that question).
   * Never throws: on failure the last loaded passages and keyword search are used.
   */
  prepare(query: string, opts?: { chat?: string }): Promise<void>;
  /**
   * Keyword matches among the team's passages alone (no coverage judgement), visible in `chat`, best
   * first, each with the question's words it contains: for a review looking for proof the draft could use.
   */
  teamPassages(query: string, opts?: SearchOptions): (SearchHit & { terms: string[] })[];
  /** True for a word (an index term) the curated entries use. */
  knowsTerm(term: string): boolean;
  /**
   * Scores pieces of text (sentences of entries) by how well they answer the question: the
   * rarity-weighted words each shares with the question, plus the terms of the question's concepts it
   * contains. The question is read once; texts of the knowledge are read once per process.
   */
  sentenceScorer(query: string): (text: string) => number;
  /** The knowledge it searches. */
  readonly kb: KnowledgeBase;
}

/** The question's weight counts as at least this much (a one-word question is not inflated). */
const MIN_WEIGHT = 6;

interface Doc {
  id: string;
  title: string;
  tags: string;
  body: string;
  glossary: string;
  questions: string;
}

/** The team's side of retrieval (see `team-index.ts`, `team-search.ts`). */
export interface TeamRetrieval {
  index: TeamIndex;
  semantic?: SemanticSearch;
  /** Told about a failed refresh or semantic search (they fall back, never fail the question). */
  onError?: (err: unknown) => void;
}

/** Builds the index (tens of milliseconds for the curated entries). */
export function createRetriever(
  kb: KnowledgeBase,
  params: Partial<RetrievalParams> = {},
  team?: TeamRetrieval,
): Retriever {
  const p: RetrievalParams = { ...DEFAULT_PARAMS, ...params };
  const index = new MiniSearch<Doc>({
    fields: ['title', 'tags', 'body', 'glossary', 'questions'],
    idField: 'id',
    tokenize,
    processTerm: (t) => t,
    searchOptions: { boost: p.boost, combineWith: 'OR', prefix: false, fuzzy: false },
  });
  const docs = kb.entries.map((e) => toDoc(e, kb.glossary));
  index.addAll(docs);
  const rarity = termRarity(docs);
  const examples = createExampleVote(kb);
  const domain = domainVocabulary(kb);
  const names = namedSubjects(kb);
  const concepts = createConceptMatcher(kb.concepts);
  const conceptById = new Map(kb.concepts.map((c) => [c.id, c]));
  const glossary = kb.glossary.map((t) => ({
    ids: t.ids,
    needles: [t.term, ...t.aliases].map(normalize).filter((n) => n.length >= 2),
  }));

  /** The words and concepts of recent questions: an answer reads its question several times. */
  const readQueries = new Map<string, { terms: string[]; found: ConceptMatches }>();
  const readQuery = (query: string) => {
    let read = readQueries.get(query);
    if (!read) {
      read = { terms: [...new Set(tokenize(query))], found: concepts.match(query) };
      if (readQueries.size >= 256) readQueries.delete(readQueries.keys().next().value ?? '');
      readQueries.set(query, read);
    }
    return read;
  };
  /** Concept term → its index words. */
  const termWords = new Map<string, string[]>();
  const wordsOfTerm = (term: string) => {
    let words = termWords.get(term);
    if (!words) {
      words = tokenize(term);
      termWords.set(term, words);
    }
    return words;
  };

  /** Semantic ranks found by `prepare`, per chat and question (a few recent ones). */
  const semanticRanks = new Map<string, Map<string, SemanticRank>>();

  function lookup(query: string, { k = 5, chat = '' }: SearchOptions = {}): Lookup {
    const curated = lookupCurated(query, k);
    if (!team || team.index.size === 0) return curated;
    const found = lookupTeam(team.index, readQuery(query).terms, {
      chat,
      params: p,
      curatedKnows: (t) => rarity.has(t),
      semantic: semanticRanks.get(`${chat}\u0000${query}`),
    });
    return mergeTeam(curated, found, k);
  }

  async function prepare(query: string, { chat = '' } = {}): Promise<void> {
    if (!team) return;
    try {
      await team.index.refresh();
      if (!team.semantic || team.index.size === 0) return;
      const key = `${chat}\u0000${query}`;
      if (semanticRanks.has(key)) return;
      const ranks = await team.semantic.ranks(query, chat);
      if (semanticRanks.size >= 64) semanticRanks.delete(semanticRanks.keys().next().value ?? '');
      semanticRanks.set(key, ranks);
    } catch (err) {
      team.onError?.(err);
    }
  }

  /**
   * A question that asks what or who one thing the knowledge names is ("What is smarketing?", "蔡红亮是谁",
   * "特赞是做什么的"), refused for being short (its one rare word weighs little against the question),
   * is answered from the entries that hold that name, when at most three do and no out-of-scope subject
   * was found. A name many entries share ("trust") is left to the ranking.
   */
  function lookupCurated(asked: string, k: number): Lookup {
    const ranked = lookupRanked(asked, k);
    if (ranked.coverage !== 'not_covered' || ranked.missing.length > 0) return ranked;
    const subject = askedSubject(asked);
    const ids = subject === null ? undefined : names.get(subject);
    if (!ids || ids.length > MAX_NAME_ENTRIES) return ranked;
    const hits = ids.flatMap((id, i) => {
      const entry = kb.byId.get(id);
      return entry ? [{ entry, score: p.coverScore - i }] : [];
    });
    return hits.length > 0 ? { ...ranked, coverage: 'covered', hits: hits.slice(0, k) } : ranked;
  }

  function lookupRanked(asked: string, k: number): Lookup {
    // What the question sells ("our data platform") is not what it asks about.
    const query = withoutSoldProduct(asked);
    const { terms, found } = readQuery(query);
    const topicTerms = found.topics.reduce((n, t) => n + t.terms.length, 0);
    const outTerms = found.out.reduce((n, t) => n + t.terms.length, 0);
    const topics = found.topics.map((t) => t.concept);
    const missing = found.out.map((t) => t.concept);
    const norm = normalize(query);
    const bonus = new Map<string, number>();
    let glossaryTerms = 0;
    for (const g of glossary) {
      if (g.needles.some((n) => containsTerm(norm, n))) {
        glossaryTerms += 1;
        for (const id of g.ids) bonus.set(id, (bonus.get(id) ?? 0) + p.glossaryBonus);
      }
    }
    // Off-topic gate: a question with none of the coach's subject words and no concept is not about
    // B2B marketing, however many everyday words it shares with the entries' prose.
    if (!terms.some((t) => domain.has(t)) && topics.length === 0) {
      return (
        nearestLookup(query, missing, k) ?? { coverage: 'not_covered', hits: [], concepts: topics, missing }
      );
    }
    const totalWeight = terms.reduce((n, t) => n + (rarity.get(t) ?? 0), 0);
    // Words that name a concept found in the question ("CFO", "老总") count through the concept, which
    // points to the entries that answer it; as plain words they would lift any entry that mentions them.
    const owned = new Set(found.topics.flatMap((t) => t.terms.flatMap(wordsOfTerm)));
    const scores = new Map<string, number>();
    const boostTerm = (term: string) => (owned.has(term) ? p.conceptWordBoost : 1);
    for (const r of index.search(terms.join(' '), { tokenize: (s) => s.split(' '), boostTerm })) {
      const matched = new Set(r.queryTerms);
      const weight = [...matched].reduce((n, t) => n + (rarity.get(t) ?? 0), 0);
      const coverage = totalWeight > 0 ? weight / totalWeight : 0;
      // BM25 summed over the matched words, per unit of the question's weight: comparable across short
      // and long questions.
      let lexical = r.score / Math.max(totalWeight, MIN_WEIGHT);
      lexical *= p.coverageFloor + (1 - p.coverageFloor) * Math.min(1, coverage / p.coverageFull);
      // One word carrying a question of several words is a weak match; a one-word question is not.
      if (matched.size <= 1 && terms.length >= 3) lexical *= p.singleWord;
      scores.set(String(r.id), lexical);
    }
    for (const c of topics) {
      for (const [id, w] of Object.entries(c.entries))
        scores.set(id, (scores.get(id) ?? 0) + w * p.conceptPoints);
    }
    for (const [id, b] of bonus) scores.set(id, (scores.get(id) ?? 0) + b);
    for (const [id, w] of nearestWeights(query, missing)) {
      scores.set(id, (scores.get(id) ?? 0) + w * p.conceptPoints);
    }
    const ranked: SearchHit[] = [];
    for (const [id, score] of scores) {
      const entry = kb.byId.get(id);
      if (entry) ranked.push({ entry, score: Math.round(score * 1000) / 1000 });
    }
    ranked.sort((a, b) => b.score - a.score || a.entry.id.localeCompare(b.entry.id));
    const best = ranked[0]?.score ?? 0;
    const supported = topics.length > 0 || glossaryTerms > 0;
    let coverage: Coverage;
    if (missing.length > 0) {
      // The question asks about something the knowledge does not cover. Only when it says more about
      // what the knowledge does cover is it worth offering the nearest idea.
      // A term of the knowledge's glossary ("ABM", "USP") names what the question is about as surely as
      // a topic term does.
      const about = topicTerms + glossaryTerms;
      coverage = about > OUT_WEIGHT * outTerms && best >= p.partialScore ? 'partial' : 'not_covered';
    } else if ((supported && best >= p.coverScore) || best >= p.strongScore) coverage = 'covered';
    else if (best >= p.partialScore) coverage = 'partial';
    else coverage = 'not_covered';
    // The questions nearest to this one are clearly of the kind the knowledge does not answer: say so,
    // naming their topics, rather than cite an entry that shares a few words.
    if (coverage !== 'not_covered') {
      const out = examples.outTopics(terms);
      if (out) {
        coverage = 'not_covered';
        for (const id of out) {
          const c = conceptById.get(id);
          if (c && !missing.includes(c)) missing.push(c);
        }
      }
    }
    if (coverage === 'not_covered') {
      return nearestLookup(query, missing, k, topics) ?? { coverage, hits: [], concepts: topics, missing };
    }
    // Weak company for the best hit is dropped: no citation should ride on a passing word.
    const floor = Math.max(p.partialScore / 2, best * 0.25);
    return { coverage, hits: ranked.filter((h) => h.score >= floor).slice(0, k), concepts: topics, missing };
  }

  /**
   * A question not covered whose out-of-scope subject has entries near it: partly covered by them, with
   * what is not covered still named. Those are the subject's `near` entries (analyst relations → what
   * third-party voices add), and, when the question asks whether the thing is worth doing at all ("is a
   * TV campaign worth it for us?"), its `worthIt` entries (what such a thing buys in B2B). Null when the
   * question's subjects have none.
   */
  function nearestLookup(
    query: string,
    missing: Concept[],
    k: number,
    topics: Concept[] = [],
  ): Lookup | null {
    const weights = nearestWeights(query, missing);
    if (weights.size === 0) return null;
    const hits: SearchHit[] = [];
    for (const [id, w] of weights) {
      const entry = kb.byId.get(id);
      if (entry) hits.push({ entry, score: w * p.conceptPoints });
    }
    hits.sort((a, b) => b.score - a.score || a.entry.id.localeCompare(b.entry.id));
    return { coverage: 'partial', hits: hits.slice(0, k), concepts: topics, missing };
  }

  /** The entries nearest to the question's out-of-scope subjects (`near`, and `worthIt` when it asks that), weighted. */
  function nearestWeights(query: string, missing: Concept[]): Map<string, number> {
    const weights = new Map<string, number>();
    const worthIt = missing.some((c) => c.worthIt) && asksWorthIt(query);
    for (const c of missing) {
      for (const [id, w] of [
        ...Object.entries(c.near ?? {}),
        ...Object.entries(worthIt ? (c.worthIt ?? {}) : {}),
      ])
        weights.set(id, Math.max(weights.get(id) ?? 0, w));
    }
    return weights;
  }

  /** Words and concepts of texts already read (the knowledge's sentences: a bounded set). */
  const readTexts = new Map<string, { words: Set<string>; topics: Map<string, number> }>();
  const readText = (text: string) => {
    let read = readTexts.get(text);
    if (!read) {
      const topicsFound = concepts.match(text).topics;
      read = {
        words: new Set(tokenize(text)),
        topics: new Map(topicsFound.map((t) => [t.concept.id, t.terms.length])),
      };
      if (readTexts.size >= 50_000) readTexts.clear();
      readTexts.set(text, read);
    }
    return read;
  };

  function sentenceScorer(query: string): (text: string) => number {
    const read = readQuery(query);
    // Words only the team's documents use (a customer's name) weigh by their rarity there.
    const teamWeight = (t: string) => {
      const share = team?.index.documentFrequency(t) ?? 0;
      return share > 0 ? Math.log(1 + 1 / share) : 0;
    };
    const words = read.terms.map((t) => [t, rarity.get(t) ?? teamWeight(t)] as const);
    const asked = read.found.topics.map((t) => t.concept.id);
    return (text) => {
      const sentence = readText(text);
      let score = 0;
      for (const [t, w] of words) if (sentence.words.has(t)) score += w;
      for (const id of asked) score += 1.5 * (sentence.topics.get(id) ?? 0);
      return score;
    };
  }

  return {
    kb,
    lookup,
    prepare,
    teamPassages: (query, { k = 5, chat = '' } = {}) =>
      (team?.index.match(readQuery(query).terms, chat, k) ?? []).map((m) => ({
        entry: m.entry,
        score: m.score,
        terms: m.terms,
      })),
    knowsTerm: (term) => rarity.has(term),
    sentenceScorer,
    search: (query, opts) => lookup(query, opts).hits,
  };
}

/**
 * How much a word tells about the topic: `ln(1 + N / (entries containing it + 0.5))`. Words that are in
 * no entry weigh nothing (they neither help nor hurt an entry's coverage).
 */
function termRarity(docs: Doc[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const d of docs) {
    const seen = new Set(tokenize([d.title, d.tags, d.body, d.glossary, d.questions].join('\n')));
    for (const t of seen) df.set(t, (df.get(t) ?? 0) + 1);
  }
  const n = docs.length;
  return new Map([...df].map(([t, c]) => [t, Math.log(1 + n / (c + 0.5))]));
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

/**
 * A retriever built on its first use: a service whose coaching runs in the pool's threads (or that has
 * no question yet) does not hold a second index and segmenter dictionary in its main thread.
 */
export function lazyRetriever(
  kb: KnowledgeBase,
  build: () => Retriever,
  onBuilt?: (ms: number) => void,
): Retriever & { built(): boolean } {
  let built: Retriever | undefined;
  const get = (): Retriever => {
    if (!built) {
      const at = performance.now();
      built = build();
      onBuilt?.(performance.now() - at);
    }
    return built;
  };
  return {
    search: (query, opts) => get().search(query, opts),
    lookup: (query, opts) => get().lookup(query, opts),
    prepare: (query, opts) => get().prepare(query, opts),
    teamPassages: (query, opts) => get().teamPassages(query, opts),
    knowsTerm: (term) => get().knowsTerm(term),
    sentenceScorer: (query) => get().sentenceScorer(query),
    kb,
    /** True once the index is built (a question or a search came). */
    built: () => built !== undefined,
  };
}
