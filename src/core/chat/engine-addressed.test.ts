import { describe, expect, it } from 'vitest';
import {
  collect,
  engineWith,
  msg,
  replyTo,
  setupEngineFixture,
} from '../../../test/support/engine-fixture.ts';

setupEngineFixture();

describe('which messages are for Coach', () => {
  it('ignores an unaddressed group message without claiming it (decide before claiming)', async () => {
    const { engine } = engineWith();
    const m = msg({ addressed: false });
    expect(await collect(engine.handle(m))).toEqual([]);
    // Slack sends `message` and `app_mention` for one post: the addressed copy must still be answered.
    const reply = await replyTo(engine, { ...m, addressed: true, eventId: 'Ev-mention' });
    expect(reply.kind).toBe('answer');
  });

  it('ignores an unaddressed message in a thread Coach is not part of', async () => {
    const { engine } = engineWith();
    const m = msg({ addressed: false, threadId: '1699999999.000100' });
    expect(await collect(engine.handle(m))).toEqual([]);
    expect(await engine.inThread(m)).toBe(false);
    expect((await replyTo(engine, { ...m, addressed: true })).kind).toBe('answer');
  });

  it('answers direct messages without a mention', async () => {
    const { engine } = engineWith();
    expect((await replyTo(engine, msg({ direct: true, addressed: false, chatId: 'D1' }))).kind).toBe(
      'answer',
    );
  });

  it('treats an empty mention as a request for help', async () => {
    const { engine } = engineWith();
    expect((await replyTo(engine, msg({ text: '   ' }))).kind).toBe('help');
  });
});
