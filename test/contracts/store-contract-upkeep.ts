import { describe, expect, it, type TestContext } from 'vitest';
import { isCoachError } from '../../src/core/errors.ts';
import type { Store } from '../../src/core/store/types.ts';

/** What the upkeep scenarios need from `describeStoreContract`. */
export interface UpkeepContractContext {
  store: () => Store;
  second: (ctx: TestContext) => Promise<Store>;
}

const chat = { platform: 'slack', workspace: 'T1', chatId: 'C1' };
const day = (d: number) => new Date(Date.UTC(2025, 2, d, 12));

/** Registers the token-count and retention scenarios. */
export function describeUpkeepContract(c: UpkeepContractContext): void {
  describe('token usage', () => {
    it('adds tokens per workspace and day atomically, and reads them back', async () => {
      const store = c.store();
      expect(await store.tokensUsed('T1', '2025-03-01')).toBe(0);
      expect(await store.addTokens('T1', '2025-03-01', 1_200)).toBe(1_200);
      await Promise.all(Array.from({ length: 20 }, () => store.addTokens('T1', '2025-03-01', 10)));
      expect(await store.tokensUsed('T1', '2025-03-01')).toBe(1_400);
      expect(await store.tokensUsed('T1', '2025-03-02')).toBe(0);
      expect(await store.tokensUsed('T2', '2025-03-01')).toBe(0);
    });

    it('counts what two processes add to the same day', async (ctx) => {
      const other = await c.second(ctx);
      await Promise.all([c.store().addTokens('T1', '2025-03-01', 5), other.addTokens('T1', '2025-03-01', 7)]);
      expect(await c.store().tokensUsed('T1', '2025-03-01')).toBe(12);
    });

    it('refuses a bad day or a negative count', async () => {
      const store = c.store();
      await expect(store.addTokens('T1', 'yesterday', 1)).rejects.toSatisfy((e) =>
        isCoachError(e, 'input_invalid'),
      );
      await expect(store.addTokens('T1', '2025-03-01', -5)).rejects.toSatisfy((e) =>
        isCoachError(e, 'input_invalid'),
      );
    });
  });

  describe('retention', () => {
    it('deletes turns, reviews, feedback, tip slots and token days older than the cut-off, and nothing newer', async () => {
      const store = c.store();
      for (const d of [1, 20]) {
        await store.appendTurn('t1', { role: 'user', text: `day ${d}`, at: day(d) });
        await store.saveReview({
          userKey: 'u',
          at: day(d),
          overall: 50,
          scores: {},
          mode: 'offline',
          excerpt: 'x',
          lang: 'en',
        });
        await store.saveFeedback({
          ...chat,
          messageRef: `m${d}`,
          userId: 'U1',
          value: 'up',
          about: { kind: 'answer', ref: 'r' },
          at: day(d),
        });
        const date = `2025-03-${String(d).padStart(2, '0')}`;
        await store.claimTipSlot(chat, date, 'entry', day(d));
        await store.finishTipSlot(chat, date, 'posted');
        await store.addTokens('T1', date, 100);
      }
      const result = await store.pruneBefore(day(10), '2025-03-10');
      expect(result).toEqual({ turns: 1, reviews: 1, feedback: 1, tipSlots: 1, tokenDays: 1 });
      expect((await store.history('t1', 10)).map((t) => t.text)).toEqual(['day 20']);
      expect(await store.reviews('u', 10)).toHaveLength(1);
      expect(await store.feedback(chat, 10)).toHaveLength(1);
      expect((await store.lastTipSlot(chat))?.localDate).toBe('2025-03-20');
      expect(await store.tokensUsed('T1', '2025-03-01')).toBe(0);
      expect(await store.tokensUsed('T1', '2025-03-20')).toBe(100);
      expect(await store.pruneBefore(day(10), '2025-03-10')).toEqual({
        turns: 0,
        reviews: 0,
        feedback: 0,
        tipSlots: 0,
        tokenDays: 0,
      });
    });
  });
}
