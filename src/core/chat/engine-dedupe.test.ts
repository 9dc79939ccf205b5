import { describe, expect, it } from 'vitest';
import {
  collect,
  engineWith,
  finals,
  msg,
  setupEngineFixture,
} from '../../../test/support/engine-fixture.ts';

setupEngineFixture();

describe('duplicate deliveries', () => {
  it('answers a message delivered twice (same messageId) once', async () => {
    const { engine } = engineWith();
    const m = msg();
    expect(finals(await collect(engine.handle(m)))).toHaveLength(1);
    expect(await collect(engine.handle({ ...m }))).toEqual([]);
  });

  it('answers once when both copies arrive at the same time', async () => {
    const { engine } = engineWith();
    const m = msg({ eventId: 'Ev1' });
    const [a, b] = await Promise.all([collect(engine.handle(m)), collect(engine.handle({ ...m }))]);
    expect(finals([...a, ...b])).toHaveLength(1);
  });

  it('drops a retried delivery with the same eventId', async () => {
    const { engine } = engineWith();
    const m = msg({ eventId: 'Ev2' });
    expect(finals(await collect(engine.handle(m)))).toHaveLength(1);
    expect(await collect(engine.handle({ ...m }))).toEqual([]);
    // The event id alone is enough to recognise the delivery.
    expect(await collect(engine.handle({ ...m, messageId: `${m.messageId}-copy` }))).toEqual([]);
  });

  it('still drops the duplicate after a restart (store reopened on the same file)', async () => {
    const first = engineWith();
    const m = msg({ eventId: 'Ev3' });
    expect(finals(await collect(first.engine.handle(m)))).toHaveLength(1);
    await first.store.close();

    const second = engineWith();
    expect(await collect(second.engine.handle({ ...m }))).toEqual([]);
    expect(await collect(second.engine.handle({ ...m, eventId: 'Ev3-retry' }))).toEqual([]);
    // The reopened store works: a new message is answered.
    expect(finals(await collect(second.engine.handle(msg())))).toHaveLength(1);
  });
});
