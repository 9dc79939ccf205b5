/**
 * The example-question vote: the entries' own example questions and the out-of-scope ones
 * (`knowledge/out-questions.json`) in one small inverted index. When a question's nearest examples are
 * clearly out of scope, retrieval says it is not covered, whatever words it shares with the entries.
 *
 * Scored exactly as MiniSearch scores a field (BM25+, k 1.2, b 0.7, d 0.5, times the number of query
 * terms matched), but held in typed arrays: the same index as a MiniSearch cost 3.6 MB of heap, which
 * pushed the service past its footprint goal (under 200 MB after 1,000 answers); this costs about a
 * tenth of that.
 */
import type { KnowledgeBase } from '../knowledge/types.ts';
import { tokenize } from './tokenize.ts';

/**
 * How many of a question's nearest example questions are weighed, and how much more the out-of-scope
 * ones must weigh than the entries' own. Chosen on the dev questions (K 3, 5, 10 × margin 0.5, 1, 2):
 * 3 and 2 kept every in-scope citation of all six dev collections and lifted out of scope said so on
 * three of them (dev5 44 → 64 %); smaller margins refused in-scope questions.
 */
const OUT_VOTE_K = 3;
const OUT_VOTE_MARGIN = 2;

const K1 = 1.2;
const B = 0.7;
const D = 0.5;

export interface ExampleVote {
  /**
   * When the nearest examples are out of scope by the margin: the topic two of them share (an empty
   * list when they share none, or it is "other"); else null.
   */
  outTopics(terms: readonly string[]): string[] | null;
}

/** Builds the vote once per knowledge base (a few milliseconds). */
export function createExampleVote(kb: KnowledgeBase): ExampleVote {
  const texts: string[] = [];
  const topics: string[] = [];
  for (const e of kb.entries) {
    for (const q of [...e.questions.en, ...e.questions.zh]) {
      texts.push(q);
      topics.push('');
    }
  }
  for (const o of kb.outQuestions ?? []) {
    texts.push(o.q);
    topics.push(o.topic);
  }
  const n = texts.length;
  if (!topics.some((t) => t !== '')) return { outTopics: () => null };

  const lengths = new Uint16Array(n);
  const build = new Map<string, number[]>();
  texts.forEach((text, doc) => {
    const tf = new Map<string, number>();
    for (const t of tokenize(text)) tf.set(t, (tf.get(t) ?? 0) + 1);
    // A field's length, as MiniSearch counts it: its distinct words.
    lengths[doc] = Math.min(tf.size, 65_535);
    for (const [t, f] of tf) {
      const list = build.get(t) ?? [];
      list.push(doc, f);
      build.set(t, list);
    }
  });
  /** Term → [doc, tf, doc, tf, …]. */
  const postings = new Map<string, Uint32Array>();
  for (const [t, list] of build) postings.set(t, Uint32Array.from(list));
  const avgLength = lengths.reduce((a, b) => a + b, 0) / Math.max(n, 1);
  const score = new Float64Array(n);
  const matched = new Uint32Array(n);

  return {
    outTopics(terms) {
      if (terms.length === 0) return null;
      score.fill(0);
      matched.fill(0);
      for (const t of new Set(terms)) {
        const list = postings.get(t);
        if (!list) continue;
        const df = list.length / 2;
        const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
        for (let i = 0; i < list.length; i += 2) {
          const doc = list[i] as number;
          const tf = list[i + 1] as number;
          const norm = 1 - B + (B * (lengths[doc] ?? 0)) / avgLength;
          score[doc] = (score[doc] ?? 0) + idf * (D + (tf * (K1 + 1)) / (tf + K1 * norm));
          matched[doc] = (matched[doc] ?? 0) + 1;
        }
      }
      // The K best: highest score first, the earlier example on a tie.
      const best: number[] = [];
      for (let doc = 0; doc < n; doc += 1) {
        if (matched[doc] === 0) continue;
        const s = (score[doc] as number) * (matched[doc] as number);
        let at = best.length;
        while (
          at > 0 &&
          s > (score[best[at - 1] as number] as number) * (matched[best[at - 1] as number] as number)
        )
          at -= 1;
        if (at < OUT_VOTE_K) {
          best.splice(at, 0, doc);
          if (best.length > OUT_VOTE_K) best.pop();
        }
      }
      let inside = 0;
      let outside = 0;
      const near: string[] = [];
      for (const doc of best) {
        const s = (score[doc] as number) * (matched[doc] as number);
        const topic = topics[doc] as string;
        if (topic) {
          outside += s;
          near.push(topic);
        } else inside += s;
      }
      if (!(outside > OUT_VOTE_MARGIN * inside)) return null;
      // Named only when two of the nearest out-of-scope examples agree on the topic: one may be near
      // for a word or two ("post" in a question about LinkedIn and one about 小红书).
      const named = near.find((t, i) => near.indexOf(t) !== i);
      return named ? [named] : [];
    },
  };
}
