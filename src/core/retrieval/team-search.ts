/**
 * The team's passages beside the curated entries. A question is scored against the passages with the
 * same tokenizer and BM25 as the entries, then judged by coverage: the share of the question's words a
 * passage matches, each word weighted by how rare it is among the passages (a word only the team's
 * documents use, such as a customer's name, weighs most), words the passages never use counting against
 * it. Optional semantic ranks (embeddings) are fused with the keyword ranks by reciprocal rank fusion.
 * The result is put on the curated scores' scale and merged, keeping a place for the team's best passage
 * when the question names something only the team's documents know.
 */
import type { Coverage } from '../answer/types.ts';
import type { Scope } from '../team/types.ts';
import type { Lookup, RetrievalParams, SearchHit } from './lookup-types.ts';
import type { TeamIndex } from './team-index.ts';

/** Thresholds of the team's outcomes (coverage of the question's weighted words). */
export const TEAM_COVERED = 0.5;
export const TEAM_PARTIAL = 0.35;
/** Weight of a question word the passages never use: known to the curated entries, or to nothing. */
const CURATED_WORD = 0.5;
const UNKNOWN_WORD = 0.3;
/** Reciprocal rank fusion's constant (the usual 60). */
const RRF_K = 60;
/** Lowest cosine similarity at which a passage found only by meaning counts as partly covering. */
export const MIN_SIMILARITY = 0.35;
/** Candidates read from the keyword search. */
const CANDIDATES = 50;

/** A passage's semantic rank for the question (1 = nearest). */
export interface SemanticRank {
  rank: number;
  similarity: number;
}

/** What the team's passages have for a question. */
export interface TeamResult {
  coverage: Coverage;
  /** Best first, scored on the curated scale. */
  hits: SearchHit[];
  /** The best passage matches a word the curated entries do not know (a name, a product): keep it. */
  specific: boolean;
}

const NONE: TeamResult = { coverage: 'not_covered', hits: [], specific: false };

/** Scores the passages for a question's terms. */
export function lookupTeam(
  index: TeamIndex,
  terms: string[],
  opts: {
    chat: Scope;
    params: RetrievalParams;
    /** True for words the curated entries use. */
    curatedKnows: (term: string) => boolean;
    semantic?: Map<string, SemanticRank>;
  },
): TeamResult {
  if (index.size === 0 || terms.length === 0) return NONE;
  const { params: p } = opts;
  const maxRarity = Math.log(1 + index.size / 0.5);
  const weight = new Map<string, number>();
  for (const t of terms) {
    const share = index.documentFrequency(t);
    weight.set(
      t,
      share > 0
        ? Math.log(1 + 1 / (share + 0.5 / index.size)) / maxRarity
        : opts.curatedKnows(t)
          ? CURATED_WORD
          : UNKNOWN_WORD,
    );
  }
  const total = [...weight.values()].reduce((a, b) => a + b, 0);
  const matches = index.match(terms, opts.chat, CANDIDATES);
  const best = matches[0]?.score ?? 0;
  type Candidate = { hit: SearchHit; coverage: number; outcome: Coverage; lexRank?: number; terms: string[] };
  const candidates = new Map<string, Candidate>();
  matches.forEach((m, i) => {
    const matched = m.terms.reduce((n, t) => n + (weight.get(t) ?? 0), 0);
    const coverage = total > 0 ? matched / total : 0;
    const enough = m.terms.length >= 2 || terms.length <= 2;
    const outcome: Coverage =
      enough && coverage >= TEAM_COVERED
        ? 'covered'
        : enough && coverage >= TEAM_PARTIAL
          ? 'partial'
          : 'not_covered';
    const rel = best > 0 ? m.score / best : 0;
    const base = outcome === 'covered' ? p.coverScore : p.partialScore;
    const score = base + (p.strongScore - p.coverScore) * coverage * rel;
    candidates.set(m.entry.id, {
      hit: { entry: m.entry, score },
      coverage,
      outcome,
      lexRank: i + 1,
      terms: m.terms,
    });
  });
  if (opts.semantic && opts.semantic.size > 0) fuse(candidates, opts.semantic, index, p);
  const kept = [...candidates.values()].filter((c) => c.outcome !== 'not_covered');
  kept.sort((a, b) => b.hit.score - a.hit.score || a.hit.entry.id.localeCompare(b.hit.entry.id));
  const top = kept[0];
  if (!top) return NONE;
  const specific = top.terms.some((t) => !opts.curatedKnows(t));
  return {
    coverage: kept.some((c) => c.outcome === 'covered') ? 'covered' : 'partial',
    hits: kept.map((c) => ({ entry: c.hit.entry, score: Math.round(c.hit.score * 1000) / 1000 })),
    specific,
  };

  /** Reciprocal rank fusion of keyword and semantic ranks; a passage found by meaning alone may join. */
  function fuse(
    all: Map<string, Candidate>,
    semantic: Map<string, SemanticRank>,
    idx: TeamIndex,
    params: RetrievalParams,
  ): void {
    for (const [id, s] of semantic) {
      if (all.has(id) || s.similarity < MIN_SIMILARITY) continue;
      const entry = idx.get(id);
      if (!entry) continue;
      const outcome: Coverage = s.rank === 1 && s.similarity >= 2 * MIN_SIMILARITY ? 'covered' : 'partial';
      all.set(id, { hit: { entry, score: 0 }, coverage: s.similarity, outcome, terms: [] });
    }
    const fused = [...all.entries()].map(([id, c]) => {
      const sem = semantic.get(id);
      const rrf = (c.lexRank ? 1 / (RRF_K + c.lexRank) : 0) + (sem ? 1 / (RRF_K + sem.rank) : 0);
      return { id, c, rrf };
    });
    const top = Math.max(...fused.map((f) => f.rrf));
    for (const f of fused) {
      // Near in meaning though short on shared words: at least partly covered.
      if (f.c.outcome === 'not_covered' && (semantic.get(f.id)?.similarity ?? 0) >= 2 * MIN_SIMILARITY) {
        f.c.outcome = 'partial';
      }
      const base = f.c.outcome === 'covered' ? params.coverScore : params.partialScore;
      f.c.hit = {
        entry: f.c.hit.entry,
        score: base + (params.strongScore - params.coverScore) * (f.rrf / top),
      };
    }
  }
}

/** Coverage outcomes, best first. */
const RANK: Record<Coverage, number> = { covered: 2, partial: 1, not_covered: 0 };

/**
 * The curated lookup with the team's result merged in: hits of both by score (the team's best keeps a
 * place when it covers the question, or names what only the team's documents know), the better outcome,
 * and nothing reported missing once a team passage covers the question.
 */
export function mergeTeam(curated: Lookup, team: TeamResult, k: number): Lookup {
  if (team.hits.length === 0) return curated;
  const coverage = RANK[team.coverage] > RANK[curated.coverage] ? team.coverage : curated.coverage;
  const curatedHits = curated.coverage === 'not_covered' ? [] : curated.hits;
  const teamHits = [...team.hits];
  const lead = teamHits[0];
  // A question that names what only the team's documents know (a customer, a product) and is covered by
  // them is about those documents: their best passage leads.
  if (lead && team.coverage === 'covered' && team.specific) {
    const top = curatedHits[0]?.score ?? 0;
    if (lead.score <= top) teamHits[0] = { entry: lead.entry, score: Math.round((top + 0.01) * 1000) / 1000 };
  }
  const pool = [...curatedHits, ...teamHits];
  pool.sort((a, b) => b.score - a.score || a.entry.id.localeCompare(b.entry.id));
  const hits = pool.slice(0, k);
  const bestTeam = teamHits[0];
  const keep = bestTeam && (team.coverage === 'covered' || team.specific || curated.coverage !== 'covered');
  if (keep && bestTeam && !hits.includes(bestTeam) && k > 0) {
    hits.splice(Math.max(0, Math.min(hits.length, k) - 1), 1, bestTeam);
    hits.sort((a, b) => b.score - a.score || a.entry.id.localeCompare(b.entry.id));
  }
  return {
    coverage,
    hits,
    concepts: curated.concepts,
    missing: team.coverage === 'covered' ? [] : curated.missing,
  };
}
