import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FakeOpenAI, startFakeOpenAI } from '../../test/fakes/fake-openai.ts';
import { drain, memoryLogger, testClient } from '../../test/support/llm-test-support.ts';
import { CoachError } from '../core/errors.ts';
import type { ChatMessage } from './types.ts';

const messages: ChatMessage[] = [
  { role: 'system', content: 'You coach B2B marketers.' },
  { role: 'user', content: 'How do I write a case study?' },
];

describe('LlmClient.stream', () => {
  let fake: FakeOpenAI;
  beforeEach(async () => {
    fake = await startFakeOpenAI();
  });
  afterEach(async () => {
    await fake.close();
  });

  it('yields the deltas in order', async () => {
    fake.reply(['Start ', 'with ', 'the ', 'customer', '.']);
    const { deltas, error } = await drain(testClient(fake.url).stream(messages));
    expect(error).toBeUndefined();
    expect(deltas).toEqual(['Start ', 'with ', 'the ', 'customer', '.']);
  });

  it('sends the model, the messages and the options', async () => {
    fake.reply('Hi');
    await drain(testClient(fake.url).stream(messages, { temperature: 0.2, maxTokens: 50 }));
    const request = fake.requests[0];
    expect(request?.path).toBe('/v1/chat/completions');
    expect(request?.headers.authorization).toBe('Bearer sk-test-key');
    expect(request?.body).toMatchObject({
      model: 'fake-model',
      messages,
      stream: true,
      temperature: 0.2,
      max_tokens: 50,
    });
  });

  it('yields each delta as soon as its chunk arrives', async () => {
    // The second chunk comes a minute later: a client that buffered would time the test out.
    fake.slowChunks(60_000, ['one ', 'two']);
    const stream = testClient(fake.url).stream(messages)[Symbol.asyncIterator]();
    expect(await stream.next()).toEqual({ done: false, value: 'one ' });
    await stream.return?.();
  });

  it('lets the SDK retry a 429, then succeeds', async () => {
    fake.fail(429).reply('Back again');
    const { deltas, error } = await drain(testClient(fake.url).stream(messages));
    expect(error).toBeUndefined();
    expect(deltas.join('')).toBe('Back again');
    expect(fake.requests).toHaveLength(2);
  });

  it('lets the SDK retry a 500, then succeeds', async () => {
    fake.fail(500).reply('Recovered');
    const { deltas } = await drain(testClient(fake.url).stream(messages));
    expect(deltas.join('')).toBe('Recovered');
    expect(fake.requests).toHaveLength(2);
  });

  it('fails with server_error once the retries are used up', async () => {
    fake.failTimes(3, 500);
    const { deltas, error } = await drain(testClient(fake.url, { maxRetries: 2 }).stream(messages));
    expect(deltas).toEqual([]);
    expect(error).toBeInstanceOf(CoachError);
    expect(error).toMatchObject({
      code: 'llm_unavailable',
      details: { reason: 'server_error', status: 500 },
    });
    expect((error as CoachError).details.partial).toBeUndefined();
    expect((error as CoachError).cause).toBeDefined();
    expect(fake.requests).toHaveLength(3);
  });

  it('fails with timeout when the service never answers', async () => {
    fake.hang();
    const { error } = await drain(testClient(fake.url, { timeoutMs: 300, maxRetries: 0 }).stream(messages));
    expect(error).toMatchObject({ code: 'llm_unavailable', details: { reason: 'timeout' } });
  });

  it('fails with timeout, partial, when the stream stalls between chunks', async () => {
    fake.slowChunks(60_000, ['first ', 'never arrives']);
    const client = testClient(fake.url, { timeoutMs: 5_000, idleTimeoutMs: 200, maxRetries: 0 });
    const { deltas, error } = await drain(client.stream(messages));
    expect(deltas).toEqual(['first ']);
    expect(error).toMatchObject({ code: 'llm_unavailable', details: { reason: 'timeout', partial: true } });
  });

  it('does not count the time the consumer holds a delta as idle', async () => {
    fake.reply(['slow ', 'consumer']);
    const client = testClient(fake.url, { idleTimeoutMs: 50 });
    const deltas: string[] = [];
    for await (const delta of client.stream(messages)) {
      deltas.push(delta);
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
    expect(deltas).toEqual(['slow ', 'consumer']);
  });

  it('fails with connection when nothing listens', async () => {
    const closed = await startFakeOpenAI();
    await closed.close();
    const { error } = await drain(testClient(closed.url, { maxRetries: 0 }).stream(messages));
    expect(error).toMatchObject({ code: 'llm_unavailable', details: { reason: 'connection' } });
  });

  it('fails with model_not_found on a 404', async () => {
    fake.fail(404);
    const { error } = await drain(testClient(fake.url).stream(messages));
    expect(error).toMatchObject({
      code: 'llm_unavailable',
      details: { reason: 'model_not_found', status: 404 },
    });
    expect(fake.requests).toHaveLength(1); // 4xx are not retried
  });

  it('fails with auth on a 401 and keeps the key and the prompt out of the logs', async () => {
    const logs = memoryLogger();
    fake.fail(401, {
      error: { message: 'Incorrect API key provided: sk-test-key', type: 'invalid_request_error' },
    });
    const { error } = await drain(testClient(fake.url, { logger: logs.logger }).stream(messages));
    expect(error).toMatchObject({ code: 'llm_unavailable', details: { reason: 'auth', status: 401 } });
    expect((error as Error).message).not.toContain('sk-test-key');
    expect(logs.text()).toContain('llm_stream_failed');
    expect(logs.text()).not.toContain('sk-test-key');
    expect(logs.text()).not.toContain('case study');
  });

  it('fails when the stream data is not JSON', async () => {
    fake.malformed();
    const { error } = await drain(testClient(fake.url).stream(messages));
    expect(error).toMatchObject({ code: 'llm_unavailable' });
  });

  it('marks a stream that breaks mid-way as partial, after yielding what came before', async () => {
    fake.streamThenBreak(['Half ', 'an ', 'answer']);
    const { deltas, error } = await drain(testClient(fake.url).stream(messages));
    expect(deltas).toEqual(['Half ', 'an ', 'answer']);
    expect(error).toMatchObject({
      code: 'llm_unavailable',
      details: { reason: 'connection', partial: true },
    });
    expect(fake.requests).toHaveLength(1); // a started stream is never retried
  });

  it('fails with llm_bad_output on an empty answer', async () => {
    fake.reply('');
    const { error } = await drain(testClient(fake.url).stream(messages));
    expect(error).toMatchObject({ code: 'llm_bad_output' });
  });

  it('rejects with the abort reason when the caller aborts', async () => {
    fake.slowChunks(100, ['a ', 'b ', 'c ', 'd']);
    const controller = new AbortController();
    const deltas: string[] = [];
    const reason = new Error('user sent a new message');
    const run = async () => {
      for await (const delta of testClient(fake.url).stream(messages, { signal: controller.signal })) {
        deltas.push(delta);
        controller.abort(reason);
      }
    };
    await expect(run()).rejects.toBe(reason);
    expect(deltas).toEqual(['a ']);
  });
});
