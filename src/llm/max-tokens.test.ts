import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type FakeOpenAI, startFakeOpenAI } from '../../test/fakes/fake-openai.ts';
import { drain, testClient } from '../../test/support/llm-test-support.ts';

let fake: FakeOpenAI;
beforeEach(async () => {
  fake = await startFakeOpenAI();
});
afterEach(async () => {
  await fake.close();
});

describe('output limits on every model call', () => {
  it('sends max_tokens on streamed and structured calls, the call’s own or the client’s', async () => {
    const llm = testClient(fake.url, { maxTokens: 700 });
    fake.reply('streamed answer');
    await drain(llm.stream([{ role: 'user', content: 'hi' }]));
    fake.reply('{"ok": true}');
    await llm.json([{ role: 'user', content: 'hi' }], z.object({ ok: z.boolean() }), { name: 'x' });
    fake.reply('{"ok": true}');
    await llm.json([{ role: 'user', content: 'hi' }], z.object({ ok: z.boolean() }), {
      name: 'x',
      maxTokens: 90,
    });
    expect(fake.requests.map((r) => r.body.max_tokens)).toEqual([700, 700, 90]);
  });

  it('sends max_completion_tokens instead when configured (OpenAI reasoning models)', async () => {
    const llm = testClient(fake.url, { maxTokens: 800, tokensParam: 'max_completion_tokens' });
    fake.reply('streamed answer');
    await drain(llm.stream([{ role: 'user', content: 'hi' }]));
    expect(fake.requests[0]?.body.max_completion_tokens).toBe(800);
    expect(fake.requests[0]?.body.max_tokens).toBeUndefined();
  });
});
