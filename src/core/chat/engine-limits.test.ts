import { describe, expect, it } from 'vitest';
import {
  clock,
  collect,
  engineWith,
  finals,
  gatedAnswerer,
  msg,
  setupEngineFixture,
  until,
} from '../../../test/support/engine-fixture.ts';
import type { Answerer } from '../answer/answerer.ts';

setupEngineFixture();

const limits = (over: Partial<{ userPerMinute: number; chatPerMinute: number; userQueue: number }> = {}) => ({
  limits: { userPerMinute: 0, chatPerMinute: 0, userQueue: 1_000, ...over },
});

describe('flood limits', () => {
  it("keeps one user's flood to its queue, and another user's question goes next", async () => {
    const gated = gatedAnswerer(true);
    const { engine } = engineWith({
      answerer: gated.answerer,
      maxConcurrentLlm: 1,
      ...limits({ userQueue: 3 }),
    });
    const flood = Array.from({ length: 10 }, (_, i) =>
      collect(engine.handle(msg({ userId: 'UFLOOD', text: `flood question ${i}` }))),
    );
    await until(() => gated.waiting().length === 1, 'the first flood question to reach the model');
    const other = collect(engine.handle(msg({ userId: 'UOTHER', chatId: 'C2', text: 'other question' })));
    // Let every message reach its place (claimed, then waiting for a model slot or told to wait).
    for (let i = 0; i < 50; i += 1) await new Promise<void>((r) => setImmediate(r));
    expect(gated.state.active).toBe(1);
    gated.open('flood question 0');
    await until(() => gated.waiting().includes('other question'), 'the other user to get the next slot');
    gated.open('other question');
    expect(finals(await other)[0]?.sections[0]).toBe('Answer to: other question');
    for (const q of ['flood question 1', 'flood question 2']) {
      await until(() => gated.waiting().includes(q), q);
      gated.open(q);
    }
    const replies = (await Promise.all(flood)).flatMap(finals);
    expect(replies.filter((r) => r.sections[0]?.startsWith('Answer to'))).toHaveLength(3);
    expect(replies.filter((r) => /try again in a minute/.test(r.sections[0] ?? ''))).toHaveLength(7);
  });

  it('allows a user so many questions a minute, then asks them to wait, then allows again', async () => {
    const { engine } = engineWith(limits({ userPerMinute: 2 }));
    const ask = async () =>
      finals(await collect(engine.handle(msg({ text: 'What is a UVP?' }))))[0]?.sections[0] ?? '';
    expect(await ask()).not.toMatch(/try again/);
    expect(await ask()).not.toMatch(/try again/);
    expect(await ask()).toMatch(/try again in a minute/);
    // Commands that cost nothing are never limited.
    expect(finals(await collect(engine.handle(msg({ text: 'help' }))))[0]?.kind).toBe('help');
    clock.current = new Date(clock.current.getTime() + 60_000);
    expect(await ask()).not.toMatch(/try again/);
  });
});

describe('daily token budget', () => {
  it("answers offline with a note once a workspace has spent today's budget, and again with the model the next day", async () => {
    const asked: boolean[] = [];
    const answerer: Answerer = {
      online: true,
      async *ask(question, opts) {
        asked.push(opts?.offline === true);
        yield {
          type: 'done',
          answer: {
            answer: `answer to ${question}`,
            citations: [],
            mode: opts?.offline ? 'offline' : 'llm',
            lang: 'en',
            notes: [],
            ...(opts?.offline ? {} : { usage: { input: 60, output: 20 } }),
          },
        };
      },
      async answer() {
        throw new Error('unused');
      },
    };
    const { engine, store } = engineWith({ answerer, dailyTokenBudget: 100 });
    const ask = async () => finals(await collect(engine.handle(msg({ text: 'How do I win a CFO?' }))))[0];
    await ask();
    await ask(); // 80 then 160 tokens: the budget is now spent
    const third = await ask();
    expect(asked).toEqual([false, false, true]);
    expect(third?.notes[0]).toMatch(/used today's AI budget/);
    expect(await store.tokensUsed('T1', '2025-03-10')).toBe(160);
    clock.current = new Date(clock.current.getTime() + 86_400_000);
    await ask();
    expect(asked.at(-1)).toBe(false);
  });
});
