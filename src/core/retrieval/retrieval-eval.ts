import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Retriever } from './retriever.ts';

const itemSchema = z.object({ q: z.string().min(1), expect: z.array(z.string()) });
/** One evaluation question: the ids that should come back, or none for an off-topic question. */
export type RetrievalEvalItem = z.infer<typeof itemSchema>;

/** Figures of a retrieval evaluation run. */
export interface RetrievalEvalReport {
  questions: number;
  offTopic: number;
  recallAt1: number;
  recallAt3: number;
  mrr: number;
  offTopicRejected: number;
  misses: { q: string; expect: string[]; got: string[] }[];
  falseAccepts: { q: string; got: string[] }[];
}

/** Reads `eval/retrieval.jsonl`, validating each line. */
export function loadRetrievalEval(path: string): RetrievalEvalItem[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((line, i) => {
      const parsed = itemSchema.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`${path}:${i + 1}: ${parsed.error.message}`);
      return parsed.data;
    });
}

/**
 * recall@k: share of on-topic questions with an expected id in the top k; MRR: mean of 1/rank of the
 * first expected id (0 when absent from the top 10); off-topic rejection: share of off-topic
 * questions that get no hit at all.
 */
export function scoreRetrievalEval(items: RetrievalEvalItem[], retriever: Retriever): RetrievalEvalReport {
  const onTopic = items.filter((i) => i.expect.length > 0);
  const offTopic = items.filter((i) => i.expect.length === 0);
  let at1 = 0;
  let at3 = 0;
  let rr = 0;
  const misses: RetrievalEvalReport['misses'] = [];
  for (const item of onTopic) {
    const got = retriever.search(item.q, { k: 10 }).map((h) => h.entry.id);
    const rank = got.findIndex((id) => item.expect.includes(id));
    if (rank === 0) at1 += 1;
    if (rank >= 0 && rank < 3) at3 += 1;
    else misses.push({ q: item.q, expect: item.expect, got: got.slice(0, 3) });
    if (rank >= 0) rr += 1 / (rank + 1);
  }
  const falseAccepts: RetrievalEvalReport['falseAccepts'] = [];
  for (const item of offTopic) {
    const got = retriever.search(item.q, { k: 3 }).map((h) => h.entry.id);
    if (got.length > 0) falseAccepts.push({ q: item.q, got });
  }
  const share = (n: number, d: number) => (d === 0 ? 1 : Math.round((n / d) * 1000) / 1000);
  return {
    questions: onTopic.length,
    offTopic: offTopic.length,
    recallAt1: share(at1, onTopic.length),
    recallAt3: share(at3, onTopic.length),
    mrr: share(rr, onTopic.length),
    offTopicRejected: share(offTopic.length - falseAccepts.length, offTopic.length),
    misses,
    falseAccepts,
  };
}
