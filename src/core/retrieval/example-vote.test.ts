import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../knowledge/load.ts';
import { createExampleVote } from './example-vote.ts';
import { tokenize } from './tokenize.ts';

const kb = loadKnowledge('knowledge');

/** The same vote over a MiniSearch index: the reference the compact index must agree with. */
function referenceVote(): (terms: string[]) => string[] | null {
  const rows = [
    ...kb.entries.flatMap((e) => [...e.questions.en, ...e.questions.zh].map((q) => ({ q, topic: '' }))),
    ...(kb.outQuestions ?? []).map((o) => ({ q: o.q, topic: o.topic })),
  ].map((r, id) => ({ id, ...r }));
  const index = new MiniSearch<(typeof rows)[number]>({
    fields: ['q'],
    storeFields: ['topic'],
    tokenize,
    processTerm: (t) => t,
  });
  index.addAll(rows);
  return (terms) => {
    const near = index.search(terms.join(' '), { tokenize: (s) => s.split(' ') }).slice(0, 3);
    const out = near.filter((h) => h.topic).reduce((n, h) => n + h.score, 0);
    const inside = near.filter((h) => !h.topic).reduce((n, h) => n + h.score, 0);
    const topics = near.filter((h) => h.topic).map((h) => String(h.topic));
    const named = topics.find((t, i) => topics.indexOf(t) !== i);
    return out > 2 * inside ? (named ? [named] : []) : null;
  };
}

describe('createExampleVote', () => {
  const vote = createExampleVote(kb);

  it('agrees with the same vote over a MiniSearch index, on questions that are none of the examples', () => {
    const reference = referenceVote();
    // Each example with its first word dropped: near an example, never equal to one.
    const queries = [
      ...(kb.outQuestions ?? []).map((o) => o.q),
      ...kb.entries.flatMap((e) => [...e.questions.en, ...e.questions.zh]).slice(0, 300),
    ].map((q) => [...new Set(tokenize(q))].slice(1));
    let outs = 0;
    for (const terms of queries) {
      const got = vote.outTopics(terms);
      expect(got).toEqual(reference(terms));
      if (got) outs += 1;
    }
    // The comparison is not vacuous: both kinds of decision occur.
    expect(outs).toBeGreaterThan(100);
    expect(outs).toBeLessThan(queries.length - 100);
  });

  it('votes for nothing without out-of-scope examples, or for an empty question', () => {
    expect(createExampleVote({ ...kb, outQuestions: [] }).outTopics(['linkedin', 'post'])).toBeNull();
    expect(vote.outTopics([])).toBeNull();
  });
});
