/**
 * Semantic search over the team's passages (optional, `EMBEDDINGS_MODEL`): every passage gets a vector
 * from an OpenAI-compatible embeddings endpoint, cached in the database by the hash of its text, so an
 * unchanged passage is embedded once whatever the number of syncs and replicas. A question's vector is
 * compared with the passages' by cosine similarity: in PostgreSQL when it has the `vector` extension
 * (`store.team.nearest`), else in this process. The ranks are fused with the keyword ranks
 * (`team-search.ts`). Without embeddings, keyword search alone.
 */
import type { KnowledgeEntry } from '../knowledge/types.ts';
import type { Logger } from '../logger.ts';
import type { TeamKnowledgeStore } from '../store/team-types.ts';
import type { SemanticSearch } from './retriever.ts';
import type { TeamIndex } from './team-index.ts';
import type { SemanticRank } from './team-search.ts';

/** An embeddings endpoint (`src/llm/embeddings.ts`). */
export interface EmbeddingsPort {
  readonly model: string;
  /** One vector per text, in order. Throws `llm_unavailable` when the endpoint fails. */
  embed(texts: string[]): Promise<Float32Array[]>;
}

/** Passages embedded per request. */
const BATCH = 32;
/** Characters of a passage that are embedded (its title and the start of its text). */
const EMBED_CHARS = 6_000;
/** Nearest passages considered for a question. */
const NEAREST = 50;
/** How often passages without a cached vector are looked up again. */
const ABSENT_RETRY_MS = 30_000;

/** Semantic search plus the upkeep of its vectors. */
export interface SemanticIndex extends SemanticSearch {
  /** Embeds the passages that have no vector yet (in the cache or here); returns how many were embedded. */
  indexVectors(): Promise<number>;
}

/** Creates the semantic search over `index` (it follows the index's updates). */
export function createSemanticSearch(deps: {
  store: TeamKnowledgeStore;
  index: TeamIndex;
  embeddings: EmbeddingsPort;
  logger: Logger;
}): SemanticIndex {
  const { store, index, embeddings, logger } = deps;
  const model = embeddings.model;
  /** Unit vectors of passages, by passage id. */
  const vectors = new Map<string, Float32Array>();
  /** Passages whose vector has not been looked up in the cache yet: id → text hash. */
  const pending = new Map<string, string>();
  /** Passages the cache had no vector for yet (another replica may embed them): looked up again later. */
  const absent = new Map<string, string>();
  let absentCheckedAt = 0;
  const questions = new Map<string, Float32Array>();

  index.onUpdate = (added, removed) => {
    for (const id of removed) {
      vectors.delete(id);
      pending.delete(id);
      absent.delete(id);
    }
    for (const e of added) {
      vectors.delete(e.id);
      pending.set(e.id, hashOf(e));
    }
  };

  /** Looks the pending passages up in the cache. */
  async function loadPending(): Promise<void> {
    if (absent.size > 0 && Date.now() - absentCheckedAt >= ABSENT_RETRY_MS) {
      absentCheckedAt = Date.now();
      for (const [id, hash] of absent) if (index.get(id)) pending.set(id, hash);
      absent.clear();
    }
    const ids = [...pending.keys()];
    for (let i = 0; i < ids.length; i += 500) {
      const slice = ids.slice(i, i + 500);
      const byHash = new Map(slice.map((id) => [pending.get(id) ?? '', id]));
      for (const v of await store.vectors(model, [...byHash.keys()])) {
        const id = byHash.get(v.hash);
        if (id) vectors.set(id, unit(v.vector));
      }
      for (const id of slice) {
        if (!vectors.has(id)) absent.set(id, pending.get(id) ?? '');
        pending.delete(id);
      }
    }
  }

  async function questionVector(query: string): Promise<Float32Array> {
    let v = questions.get(query);
    if (!v) {
      const [raw] = await embeddings.embed([query.slice(0, EMBED_CHARS)]);
      if (!raw) throw new Error('the embeddings endpoint returned no vector');
      v = unit(raw);
      if (questions.size >= 256) questions.delete(questions.keys().next().value ?? '');
      questions.set(query, v);
    }
    return v;
  }

  return {
    async ranks(query, chat) {
      const q = await questionVector(query);
      const ranks = new Map<string, SemanticRank>();
      if (store.nearest) {
        const near = await store.nearest(model, q, chat, NEAREST);
        near.forEach((n, i) => {
          ranks.set(n.id, { rank: i + 1, similarity: n.similarity });
        });
        return ranks;
      }
      await loadPending();
      const scored: { id: string; similarity: number }[] = [];
      for (const e of index.visible(chat)) {
        const v = vectors.get(e.id);
        if (v && v.length === q.length) scored.push({ id: e.id, similarity: dot(q, v) });
      }
      scored.sort((a, b) => b.similarity - a.similarity);
      scored.slice(0, NEAREST).forEach((s, i) => {
        ranks.set(s.id, { rank: i + 1, similarity: s.similarity });
      });
      return ranks;
    },

    async indexVectors() {
      await loadPending();
      const missing = index.all().filter((e) => !vectors.has(e.id));
      let embedded = 0;
      for (let i = 0; i < missing.length; i += BATCH) {
        const batch = missing.slice(i, i + BATCH);
        const got = await embeddings.embed(
          batch.map((e) => `${e.title.en}\n${e.body.en}`.slice(0, EMBED_CHARS)),
        );
        const rows = batch.flatMap((e, j) => {
          const v = got[j];
          return v ? [{ hash: hashOf(e), vector: v, id: e.id }] : [];
        });
        await store.saveVectors(
          model,
          rows.map(({ hash, vector }) => ({ hash, vector })),
        );
        for (const r of rows) {
          vectors.set(r.id, unit(r.vector));
          absent.delete(r.id);
        }
        embedded += rows.length;
      }
      if (embedded > 0)
        logger.info({ event: 'team_vectors_indexed', model, embedded }, 'team passages embedded');
      return embedded;
    },
  };
}

/** The key a passage's vector is cached under: the hash of its text. */
function hashOf(e: KnowledgeEntry): string {
  return e.team?.hash ?? e.id;
}

function unit(v: Float32Array): Float32Array {
  let n = 0;
  for (const x of v) n += x * x;
  const norm = Math.sqrt(n) || 1;
  return v.map((x) => x / norm);
}

function dot(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] ?? 0) * (b[i] ?? 0);
  return s;
}
