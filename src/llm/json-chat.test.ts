import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type FakeOpenAI, startFakeOpenAI } from '../../test/fakes/fake-openai.ts';
import { coachErrorOf, memoryLogger, testClient } from '../../test/support/llm-test-support.ts';
import type { ChatMessage } from './types.ts';

const messages: ChatMessage[] = [
  { role: 'system', content: 'You review B2B marketing copy.' },
  { role: 'user', content: 'Review: "We are the leading synergy platform."' },
];

const Review = z.object({
  score: z.number().int().min(1).max(5),
  issues: z.array(z.string()),
  rewrite: z.string().optional().nullable(),
});
const good = { score: 2, issues: ['vague claim'], rewrite: null };

describe('LlmClient.json', () => {
  let fake: FakeOpenAI;
  beforeEach(async () => {
    fake = await startFakeOpenAI();
  });
  afterEach(async () => {
    await fake.close();
  });

  it('uses structured outputs when the service supports them', async () => {
    fake.reply(JSON.stringify(good));
    const result = await testClient(fake.url).json(messages, Review, { name: 'review', temperature: 0 });
    expect(result).toEqual({ value: good, raw: JSON.stringify(good) });
    const body = fake.requests[0]?.body;
    expect(body).toMatchObject({ model: 'fake-model', messages, temperature: 0 });
    expect(body?.stream).toBeUndefined();
    expect(body?.response_format).toMatchObject({
      type: 'json_schema',
      json_schema: { name: 'review', strict: true },
    });
  });

  it('falls back to JSON mode when json_schema is rejected, and remembers it', async () => {
    fake
      .rejectJsonSchema()
      .reply(JSON.stringify(good))
      .reply(JSON.stringify({ ...good, score: 4 }));
    const client = testClient(fake.url);

    expect((await client.json(messages, Review, { name: 'review' })).value).toEqual(good);
    expect(fake.requests.map((r) => r.body.response_format?.type)).toEqual(['json_schema', 'json_object']);
    const system = fake.requests[1]?.body.messages?.[0];
    expect(system?.role).toBe('system');
    expect(system?.content).toContain('You review B2B marketing copy.');
    expect(system?.content).toContain('JSON Schema');
    expect(system?.content).toContain('"score"');

    expect((await client.json(messages, Review, { name: 'review' })).value.score).toBe(4);
    expect(fake.requests.map((r) => r.body.response_format?.type)).toEqual([
      'json_schema',
      'json_object',
      'json_object',
    ]);
  });

  it('does not fall back when json_schema is required', async () => {
    fake.rejectJsonSchema();
    const error = await coachErrorOf(
      testClient(fake.url, { structuredOutputs: 'json_schema' }).json(messages, Review, { name: 'review' }),
    );
    expect(error).toMatchObject({ code: 'llm_unavailable', details: { reason: 'bad_request', status: 400 } });
    expect(fake.requests).toHaveLength(1);
  });

  it('uses JSON mode from the start when configured so', async () => {
    fake.reply(JSON.stringify(good));
    await testClient(fake.url, { structuredOutputs: 'json_object' }).json(messages, Review, {
      name: 'review',
    });
    expect(fake.requests[0]?.body.response_format).toEqual({ type: 'json_object' });
  });

  it('accepts JSON inside a code fence', async () => {
    fake.reply(`\`\`\`json\n${JSON.stringify(good, null, 2)}\n\`\`\``);
    const { value } = await testClient(fake.url).json(messages, Review, { name: 'review' });
    expect(value).toEqual(good);
  });

  it('repairs invalid JSON once, showing the model its output and the error', async () => {
    fake.reply('Sure! Here is the review: score 2').reply(JSON.stringify(good));
    const { value, raw } = await testClient(fake.url).json(messages, Review, { name: 'review' });
    expect(value).toEqual(good);
    expect(raw).toBe(JSON.stringify(good));
    const repair = fake.requests[1]?.body.messages ?? [];
    expect(repair.slice(0, 2)).toEqual(messages);
    expect(repair[2]).toEqual({ role: 'assistant', content: 'Sure! Here is the review: score 2' });
    expect(repair[3]?.role).toBe('user');
    expect(repair[3]?.content).toContain('not valid JSON');
  });

  it('repairs JSON that does not match the schema', async () => {
    fake.reply(JSON.stringify({ score: 9, issues: [] })).reply(JSON.stringify(good));
    const { value } = await testClient(fake.url).json(messages, Review, { name: 'review' });
    expect(value).toEqual(good);
    expect(fake.requests[1]?.body.messages?.[3]?.content).toContain('score');
  });

  it('fails with llm_bad_output and keeps the raw text when the repair fails too', async () => {
    const logs = memoryLogger();
    fake.reply('not json').reply('{"score": "two"}');
    const error = await coachErrorOf(
      testClient(fake.url, { logger: logs.logger }).json(messages, Review, { name: 'review' }),
    );
    expect(error.code).toBe('llm_bad_output');
    expect(error.details.raw).toBe('{"score": "two"}');
    expect(fake.requests).toHaveLength(2);
    expect(logs.text()).not.toContain('synergy');
  });

  it('lets the SDK retry a 429, then succeeds', async () => {
    fake.fail(429).reply(JSON.stringify(good));
    const { value } = await testClient(fake.url).json(messages, Review, { name: 'review' });
    expect(value).toEqual(good);
    expect(fake.requests).toHaveLength(2);
  });

  it('lets the SDK retry a 500, then succeeds', async () => {
    fake.fail(500).reply(JSON.stringify(good));
    const { value } = await testClient(fake.url).json(messages, Review, { name: 'review' });
    expect(value).toEqual(good);
    expect(fake.requests).toHaveLength(2);
  });

  it('fails with server_error once the retries are used up', async () => {
    fake.failTimes(2, 503);
    const error = await coachErrorOf(
      testClient(fake.url, { maxRetries: 1 }).json(messages, Review, { name: 'review' }),
    );
    expect(error).toMatchObject({
      code: 'llm_unavailable',
      details: { reason: 'server_error', status: 503 },
    });
  });

  it('fails with timeout when the service never answers', async () => {
    fake.hang();
    const client = testClient(fake.url, { timeoutMs: 300, maxRetries: 0 });
    const error = await coachErrorOf(client.json(messages, Review, { name: 'review' }));
    expect(error).toMatchObject({ code: 'llm_unavailable', details: { reason: 'timeout' } });
  });

  it('fails with llm_unavailable when the response body is not JSON', async () => {
    fake.malformed();
    const error = await coachErrorOf(testClient(fake.url).json(messages, Review, { name: 'review' }));
    expect(error.code).toBe('llm_unavailable');
  });

  it('rejects a schema the service cannot express as a programming error', async () => {
    const Loose = z.object({ note: z.string().optional() });
    const error = await coachErrorOf(testClient(fake.url).json(messages, Loose, { name: 'loose' }));
    expect(error.code).toBe('internal');
    expect(fake.requests).toHaveLength(0);
  });
});
