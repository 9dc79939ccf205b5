import { describe, expect, it } from 'vitest';
import {
  CHAT,
  collect,
  doneAnswer,
  engineWith,
  finals,
  msg,
  openStore,
  replyTo,
  setupEngineFixture,
  textOf,
} from '../../../test/support/engine-fixture.ts';
import { memoryLogger } from '../../../test/support/memory-logger.ts';
import type { Answerer } from '../answer/answerer.ts';
import type { Store } from '../store/types.ts';

setupEngineFixture();

describe('failures', () => {
  it('a failing answerer gets a friendly error reply and the engine keeps working', async () => {
    const log = memoryLogger();
    let calls = 0;
    const answerer: Answerer = {
      online: true,
      async *ask(question) {
        calls += 1;
        if (calls === 1) throw new Error('model exploded');
        yield { type: 'done', answer: doneAnswer(`Answer to: ${question}`) };
      },
      async answer() {
        throw new Error('not used');
      },
    };
    // One LLM slot and one thread: a leaked slot or lock would hang the second message.
    const { engine } = engineWith({ answerer, logger: log.logger, maxConcurrentLlm: 1 });
    const first = await replyTo(engine, msg({ threadId: 'T1' }));
    expect(first.kind).toBe('error');
    expect(textOf(first)).toContain('Sorry, something went wrong');
    expect(textOf(first)).not.toContain('model exploded');
    expect(log.lines().filter((l) => l.event_type === 'handle_failed')).toHaveLength(1);

    const second = await replyTo(engine, msg({ threadId: 'T1', text: 'Second question' }));
    expect(second).toMatchObject({ kind: 'answer', sections: ['Answer to: Second question'] });

    const zh = await replyTo(engine, msg({ text: '什么是价值主张？' }));
    expect(zh.kind).toBe('answer');
  });

  it('a failing answerer replies in Chinese to a Chinese question', async () => {
    const answerer: Answerer = {
      online: false,
      // biome-ignore lint/correctness/useYield: it fails before answering
      async *ask() {
        throw new Error('boom');
      },
      async answer() {
        throw new Error('not used');
      },
    };
    const { engine } = engineWith({ answerer });
    const reply = await replyTo(engine, msg({ text: '什么是价值主张？' }));
    expect(reply).toMatchObject({ kind: 'error', lang: 'zh' });
    expect(textOf(reply)).toContain('抱歉');
  });

  it('a failing turn write still delivers the answer, logs a warning and does not throw', async () => {
    const log = memoryLogger();
    const real = openStore();
    const store: Store = {
      ...real,
      appendTurn: async () => {
        throw new Error('disk full');
      },
      appendTurns: async () => {
        throw new Error('disk full');
      },
    };
    const { engine } = engineWith({ store, logger: log.logger });
    const reply = await replyTo(engine, msg());
    expect(reply.kind).toBe('answer');
    expect(textOf(reply)).not.toContain('disk full');
    const warning = log.lines().find((l) => l.event_type === 'remember_failed');
    expect(warning?.message).toContain('disk full');
    expect(
      (await replyTo(engine, msg({ text: 'review Cut energy costs 30% for mid-size plants.' }))).kind,
    ).toBe('review');
    // The engine goes on.
    expect((await replyTo(engine, msg({ text: 'tip' }))).kind).toBe('tip');
  });

  it('an unavailable store gets a friendly error reply', async () => {
    const store = openStore();
    const { engine } = engineWith({ store });
    await store.close();
    const reply = await replyTo(engine, msg());
    expect(reply.kind).toBe('error');
  });

  it('a failing feedback write gets a friendly reply', async () => {
    const real = openStore();
    const store: Store = {
      ...real,
      saveFeedback: async () => {
        throw new Error('locked');
      },
    };
    const { engine } = engineWith({ store });
    const [reply] = finals(
      await collect(
        engine.action({
          chat: CHAT,
          userId: 'U1',
          messageRef: 'm',
          action: 'feedback_up',
          value: 'answer|x',
        }),
      ),
    );
    expect(reply?.kind).toBe('error');
  });
});
