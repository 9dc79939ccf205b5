/**
 * The rerank call that runs before a model answer (prompts/rerank.md): one short structured call over
 * retrieval's top ten, whose order decides the sources the answer is written from; on any failure the
 * retrieval order is used and the answer goes on. Real client, real HTTP, the fake OpenAI server.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAnswerer } from '../src/core/answer/answerer.ts';
import { loadKnowledge } from '../src/core/knowledge/load.ts';
import { createRetriever } from '../src/core/retrieval/retriever.ts';
import { type FakeOpenAI, startFakeOpenAI } from './fakes/fake-openai.ts';
import { memoryLogger, testClient } from './support/llm-test-support.ts';

const kb = loadKnowledge('knowledge');
const retriever = createRetriever(kb);
const QUESTION = 'How do I convince a CFO to buy our data platform?';

let fake: FakeOpenAI;
beforeEach(async () => {
  fake = await startFakeOpenAI();
});
afterEach(async () => {
  await fake.close();
});

async function answer(opts: { rerankTimeoutMs?: number } = { rerankTimeoutMs: 2_000 }) {
  const mem = memoryLogger();
  const llm = testClient(fake.url, { logger: mem.logger, maxRetries: 2 });
  const answerer = createAnswerer({ retriever, llm, logger: mem.logger, ...opts });
  const result = await answerer.answer(QUESTION);
  return { result, events: mem.events(), lines: mem.lines() };
}

/** The numbered sources of the answer request, as entry ids in order. */
function sourcesOf(body: { messages?: Array<{ content: unknown }> }): string[] {
  const user = String(body.messages?.at(-1)?.content ?? '');
  return [...user.matchAll(/^\[\d+\] .*\(id: ([a-z0-9-]+)\)$/gm)].map((m) => m[1] ?? '');
}

describe('rerank before a model answer', () => {
  it('makes one short structured call over the top ten, whose order decides the sources, and logs its cost', async () => {
    fake.reply('{"ids": ["decision-chain", "key-decision-maker", "no-such-entry"]}');
    fake.reply('Map who signs at each step [1] and speak to the CFO in their own terms [2].');
    const { result, lines } = await answer();
    expect(fake.requests).toHaveLength(2);
    const call = fake.requests[0]?.body;
    expect(call?.stream).not.toBe(true);
    expect(call?.max_tokens).toBeLessThanOrEqual(120);
    expect(call?.temperature).toBe(0);
    expect(JSON.stringify(call?.response_format)).toContain('rerank');
    const prompt = String(call?.messages?.at(-1)?.content ?? '');
    expect(prompt).toContain(QUESTION);
    const candidates = prompt.match(/^[a-z0-9-]+: /gm) ?? [];
    expect(candidates.length).toBeGreaterThan(1);
    expect(candidates.length).toBeLessThanOrEqual(10);
    // The model's picks come first, unknown ids are ignored, the rest follow in retrieval order.
    const sources = sourcesOf(fake.requests[1]?.body ?? {});
    expect(sources.slice(0, 2)).toEqual(['decision-chain', 'key-decision-maker']);
    expect(result.citations.map((c) => c.id)).toEqual(['decision-chain', 'key-decision-maker']);
    // Its cost: a small prompt and a short answer, logged with the tokens the service reported.
    const done = lines.find((l) => l.event === 'rerank_done');
    expect(done).toMatchObject({ picked: 2 });
    expect(Number(done?.tokens_in)).toBeGreaterThan(0);
    expect(Number(done?.tokens_in)).toBeLessThan(800);
    expect(Number(done?.tokens_out)).toBeGreaterThan(0);
  });

  it('falls back to the retrieval order at once when the call fails: no retry, the answer goes on', async () => {
    fake.fail(500);
    fake.reply('Answer from the fake model [1].');
    const { result, events } = await answer();
    expect(fake.requests).toHaveLength(2);
    expect(events).toContain('rerank_failed');
    expect(sourcesOf(fake.requests[1]?.body ?? {})[0]).toBe('key-decision-maker');
    expect(result.mode).toBe('llm');
  });

  it('falls back when the call times out', async () => {
    fake.hang();
    fake.reply('Answer from the fake model [1].');
    const mem = memoryLogger();
    const llm = testClient(fake.url, { logger: mem.logger });
    const answerer = createAnswerer({ retriever, llm, logger: mem.logger, rerankTimeoutMs: 300 });
    const result = await answerer.answer(QUESTION);
    expect(mem.events()).toContain('rerank_failed');
    expect(result.mode).toBe('llm');
    expect(sourcesOf(fake.requests.at(-1)?.body ?? {})[0]).toBe('key-decision-maker');
  });

  it('falls back on output that is not the expected JSON, without a repair call', async () => {
    fake.reply('I think the best entry is the one about CFOs.');
    fake.reply('Answer from the fake model [1].');
    const { result, events } = await answer();
    expect(fake.requests).toHaveLength(2);
    expect(events).toContain('rerank_failed');
    expect(result.citations[0]?.id).toBe('key-decision-maker');
  });

  it('is off without a timeout setting (LLM_RERANK=off): one request only', async () => {
    fake.reply('Answer from the fake model [1].');
    await answer({});
    expect(fake.requests).toHaveLength(1);
  });
});
