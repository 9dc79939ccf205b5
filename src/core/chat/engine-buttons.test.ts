import { describe, expect, it } from 'vitest';
import {
  CHAT,
  collect,
  engineWith,
  finals,
  msg,
  replyTo,
  setupEngineFixture,
} from '../../../test/support/engine-fixture.ts';

setupEngineFixture();

describe('buttons', () => {
  it('stores 👍/👎 feedback on an answer, one vote per user and message', async () => {
    const { engine, store } = engineWith();
    const answer = await replyTo(engine, msg());
    const up = answer.buttons.find((b) => b.action === 'feedback_up');
    expect(up?.value).toBe(`answer|${answer.ref}`);
    const input = { chat: CHAT, userId: 'U1', messageRef: '1700000000.999', action: 'feedback_up' as const };
    const thanks = finals(await collect(engine.action({ ...input, value: up?.value ?? '' })));
    expect(thanks[0]?.sections[0]).toContain('Thanks');

    let stored = await store.feedback(CHAT, 10);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      ...CHAT,
      messageRef: '1700000000.999',
      userId: 'U1',
      value: 'up',
      about: { kind: 'answer', ref: answer.ref },
    });

    await collect(engine.action({ ...input, action: 'feedback_down', value: up?.value ?? '' }));
    stored = await store.feedback(CHAT, 10);
    expect(stored).toHaveLength(1);
    expect(stored[0]?.value).toBe('down');
  });

  it('stores feedback on a review as about a review, and reviews again on request', async () => {
    const { engine, store } = engineWith();
    const review = await replyTo(engine, msg({ text: 'review Cut energy costs 30% for mid-size plants.' }));
    const down = review.buttons.find((b) => b.action === 'feedback_down');
    await collect(
      engine.action({
        chat: CHAT,
        userId: 'U2',
        messageRef: 'm-review',
        action: 'feedback_down',
        value: down?.value ?? '',
      }),
    );
    expect((await store.feedback(CHAT, 10))[0]).toMatchObject({
      value: 'down',
      about: { kind: 'review', ref: review.ref },
    });

    const again = review.buttons.find((b) => b.action === 'review_again');
    const [reply] = finals(
      await collect(
        engine.action({
          chat: CHAT,
          userId: 'U1',
          messageRef: 'm-review',
          action: 'review_again',
          value: again?.value ?? '',
        }),
      ),
    );
    expect(reply).toMatchObject({ kind: 'review' });
    expect(reply?.review?.overall).toBe(review.review?.overall);
    expect(await store.reviews('slack:T1:U1', 10)).toHaveLength(2);
  });
});
