import { describe, expect, it } from 'vitest';
import {
  collect,
  engineWith,
  msg,
  recordingAnswerer,
  replyTo,
  setupEngineFixture,
} from '../../../test/support/engine-fixture.ts';

setupEngineFixture();

describe('thread follow-ups', () => {
  it('answers an unaddressed follow-up in a Coach thread, with the earlier turns as history', async () => {
    const { answerer, calls } = recordingAnswerer();
    const { engine } = engineWith({ answerer });
    const mention = msg({ text: 'What is a UVP?' });
    await replyTo(engine, mention);

    const followUp = msg({ threadId: mention.messageId, addressed: false, text: 'And for SaaS companies?' });
    expect(await engine.inThread(followUp)).toBe(true);
    const reply = await replyTo(engine, followUp);
    expect(reply.sections[0]).toBe('Answer to: And for SaaS companies?');

    expect(calls).toHaveLength(2);
    expect(calls[0]?.history).toEqual([]);
    expect(calls[1]?.history).toEqual([
      { role: 'user', text: 'What is a UVP?' },
      { role: 'assistant', text: 'Answer to: What is a UVP?' },
    ]);

    // A third turn sees all four earlier turns, oldest first.
    await replyTo(engine, msg({ threadId: mention.messageId, addressed: false, text: 'Give me an example' }));
    expect(calls[2]?.history.map((t) => t.text)).toEqual([
      'What is a UVP?',
      'Answer to: What is a UVP?',
      'And for SaaS companies?',
      'Answer to: And for SaaS companies?',
    ]);
  });

  it('bounds the history by historyTurns', async () => {
    const { answerer, calls } = recordingAnswerer();
    const { engine } = engineWith({ answerer, historyTurns: 2 });
    const mention = msg({ text: 'q1' });
    await replyTo(engine, mention);
    await replyTo(engine, msg({ threadId: mention.messageId, text: 'q2' }));
    await replyTo(engine, msg({ threadId: mention.messageId, text: 'q3' }));
    expect(calls[2]?.history).toEqual([
      { role: 'user', text: 'q2' },
      { role: 'assistant', text: 'Answer to: q2' },
    ]);
  });

  it('does not mix threads or chats', async () => {
    const { engine } = engineWith();
    const mention = msg();
    await replyTo(engine, mention);
    expect(await collect(engine.handle(msg({ threadId: 'other-thread', addressed: false })))).toEqual([]);
    expect(
      await collect(engine.handle(msg({ chatId: 'C2', threadId: mention.messageId, addressed: false }))),
    ).toEqual([]);
  });
});
