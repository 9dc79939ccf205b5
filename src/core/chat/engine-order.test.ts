import { describe, expect, it } from 'vitest';
import {
  collect,
  engineWith,
  gatedAnswerer,
  handleInBackground,
  msg,
  setupEngineFixture,
  until,
} from '../../../test/support/engine-fixture.ts';

setupEngineFixture();

describe('ordering and concurrency', () => {
  it('handles the messages of one thread in order while another thread runs in parallel', async () => {
    const timeline: string[] = [];
    const gated = gatedAnswerer(false, timeline);
    const { engine } = engineWith({ answerer: gated.answerer });
    const a1 = handleInBackground(engine, msg({ threadId: 'TA', text: 'a1' }), 'a1', timeline);
    const a2 = handleInBackground(engine, msg({ threadId: 'TA', text: 'a2' }), 'a2', timeline);
    const b1 = handleInBackground(engine, msg({ threadId: 'TB', text: 'b1' }), 'b1', timeline);

    await until(() => gated.waiting().length === 2, 'a1 and b1 started');
    expect(gated.waiting().sort()).toEqual(['a1', 'b1']);

    // The other thread finishes while a1 is still running: threads are independent.
    gated.open('b1');
    await b1;
    expect(timeline).toContain('final:b1:answer');
    expect(timeline).not.toContain('start:a2');

    gated.open('a1');
    await until(() => gated.waiting().includes('a2'), 'a2 started');
    gated.open('a2');
    await Promise.all([a1, a2]);
    const at = (s: string) => timeline.indexOf(s);
    expect(at('final:a1:answer')).toBeGreaterThanOrEqual(0);
    expect(at('start:a2')).toBeGreaterThan(at('final:a1:answer'));
    expect(at('final:a2:answer')).toBeGreaterThan(at('start:a2'));
  });

  it('keeps arrival order when the first message of a thread needs more checks than the second', async () => {
    const timeline: string[] = [];
    const gated = gatedAnswerer(false, timeline);
    const { engine } = engineWith({ answerer: gated.answerer });
    const mention = msg({ text: 'root' });
    const root = handleInBackground(engine, mention, 'root', timeline);
    await until(() => gated.waiting().includes('root'));
    gated.open('root');
    await root;

    // An unaddressed follow-up (Coach must look at the thread) and then an addressed one.
    const first = handleInBackground(
      engine,
      msg({ threadId: mention.messageId, addressed: false, text: 'first' }),
      'first',
      timeline,
    );
    const second = handleInBackground(
      engine,
      msg({ threadId: mention.messageId, text: 'second' }),
      'second',
      timeline,
    );
    await until(() => gated.waiting().length > 0, 'one of them started');
    expect(gated.waiting()).toEqual(['first']);
    gated.open('first');
    await until(() => gated.waiting().includes('second'), 'second started');
    gated.open('second');
    await Promise.all([first, second]);
    expect(timeline.filter((t) => t.startsWith('final:'))).toEqual([
      'final:root:answer',
      'final:first:answer',
      'final:second:answer',
    ]);
  });

  it('answers an unaddressed follow-up that arrives while Coach is still answering the mention', async () => {
    const timeline: string[] = [];
    const gated = gatedAnswerer(false, timeline);
    const { engine } = engineWith({ answerer: gated.answerer });
    const mention = msg({ text: 'root' });
    const root = handleInBackground(engine, mention, 'root', timeline);
    await until(() => gated.waiting().includes('root'));

    const followUp = handleInBackground(
      engine,
      msg({ threadId: mention.messageId, addressed: false, text: 'follow-up' }),
      'follow-up',
      timeline,
    );
    gated.open('root');
    await root;
    await until(() => gated.waiting().includes('follow-up'), 'follow-up started');
    gated.open('follow-up');
    await followUp;
    expect(timeline.filter((t) => t.startsWith('final:'))).toEqual([
      'final:root:answer',
      'final:follow-up:answer',
    ]);
  });

  it('runs at most maxConcurrentLlm online answers at once across threads', async () => {
    const gated = gatedAnswerer(true);
    const { engine } = engineWith({ answerer: gated.answerer, maxConcurrentLlm: 2 });
    const timeline: string[] = [];
    const runs = [1, 2, 3, 4, 5].map((i) =>
      handleInBackground(engine, msg({ threadId: `T${i}`, text: `q${i}` }), `q${i}`, timeline),
    );
    await until(() => gated.waiting().length === 2, 'two answers started');
    // Give the others every chance to start too: they must not.
    for (let i = 0; i < 20; i += 1) await new Promise<void>((resolve) => setImmediate(resolve));
    expect(gated.state.active).toBe(2);

    let answered = 0;
    while (answered < 5) {
      await until(() => gated.waiting().length > 0, 'a waiting answer');
      expect(gated.state.active).toBeLessThanOrEqual(2);
      gated.open(gated.waiting()[0] as string);
      answered += 1;
    }
    await Promise.all(runs);
    expect(timeline.filter((t) => t.endsWith(':answer'))).toHaveLength(5);
    expect(gated.state.maxActive).toBe(2);
  });

  it('does not bound an offline answerer by the LLM slots', async () => {
    const gated = gatedAnswerer(false);
    const { engine } = engineWith({ answerer: gated.answerer, maxConcurrentLlm: 1 });
    const runs = [1, 2, 3].map((i) => collect(engine.handle(msg({ threadId: `T${i}`, text: `q${i}` }))));
    await until(() => gated.waiting().length === 3, 'all three started');
    for (const q of gated.waiting()) gated.open(q);
    await Promise.all(runs);
  });
});
