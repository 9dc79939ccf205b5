import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type FakeOpenAI, startFakeOpenAI } from '../../test/fakes/fake-openai.ts';
import { coachErrorOf, drain, memoryLogger, testClient } from '../../test/support/llm-test-support.ts';
import { withBreaker } from './breaker.ts';

let fake: FakeOpenAI;
beforeEach(async () => {
  fake = await startFakeOpenAI();
});
afterEach(async () => {
  await fake.close();
});

const ask = [{ role: 'user' as const, content: 'hello' }];

describe('the model circuit breaker', () => {
  it('opens after three outages in a row, then refuses at once without calling the service', async () => {
    const t = 0;
    const mem = memoryLogger();
    const llm = withBreaker(testClient(fake.url, { maxRetries: 0 }), {
      failures: 3,
      cooldownMs: 30_000,
      logger: mem.logger,
      now: () => t,
    });
    fake.failTimes(3, 500);
    for (let i = 0; i < 3; i += 1) expect((await drain(llm.stream(ask))).error).toBeDefined();
    expect(llm.breaker()).toBe('open');
    const requests = fake.requests.length;
    const refused = await drain(llm.stream(ask));
    expect((refused.error as { details?: { reason?: string } }).details?.reason).toBe('circuit_open');
    const json = await coachErrorOf(llm.json(ask, z.object({ ok: z.boolean() }), { name: 'x' }));
    expect(json.details.reason).toBe('circuit_open');
    expect(fake.requests.length).toBe(requests);
    expect(mem.events()).toContain('llm_breaker_open');
  });

  it('lets one probe through after the cool-down: success closes it, failure opens it again', async () => {
    let t = 0;
    const llm = withBreaker(testClient(fake.url, { maxRetries: 0 }), {
      failures: 2,
      cooldownMs: 10_000,
      logger: memoryLogger().logger,
      now: () => t,
    });
    fake.failTimes(3, 503);
    await drain(llm.stream(ask));
    await drain(llm.stream(ask));
    expect(llm.breaker()).toBe('open');
    t += 10_000;
    expect(llm.breaker()).toBe('half_open');
    expect((await drain(llm.stream(ask))).error).toBeDefined(); // the probe fails: open again
    expect(llm.breaker()).toBe('open');
    t += 10_000;
    fake.reply('the model is back');
    expect((await drain(llm.stream(ask))).deltas.join('')).toBe('the model is back');
    expect(llm.breaker()).toBe('closed');
  });

  it('does not count a request the service refused as an outage (bad request, bad output)', async () => {
    const llm = withBreaker(testClient(fake.url, { maxRetries: 0 }), {
      failures: 1,
      cooldownMs: 10_000,
      logger: memoryLogger().logger,
    });
    fake.fail(400);
    await drain(llm.stream(ask));
    expect(llm.breaker()).toBe('closed');
  });
});
