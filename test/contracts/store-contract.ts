import { afterEach, beforeEach, describe, expect, it, type TestContext } from 'vitest';
import { isCoachError } from '../../src/core/errors.ts';
import {
  type ChatRef,
  type FeedbackRecord,
  type Store,
  TIP_SLOT_LEASE_MS,
} from '../../src/core/store/types.ts';
import { describeInsightsContract } from './store-contract-insights.ts';
import { describeUpkeepContract } from './store-contract-upkeep.ts';
import { describeWorkContract } from './store-contract-work.ts';
import { describeTeamContract } from './team-store-contract.ts';

/** What a backend gives the contract: a fresh, empty store per test. */
export interface ContractFixture {
  store: Store;
  /** Opens another Store on the same database (the first may still be open); absent for private databases. */
  reopen?: () => Promise<Store>;
  /** Removes the database; runs after every store the test opened was closed. */
  cleanup: () => Promise<void>;
}

const T0 = new Date('2025-03-01T08:00:00.000Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const CHAT: ChatRef = { platform: 'slack', workspace: 'T1', chatId: 'C1' };
const OTHER_CHAT: ChatRef = { platform: 'slack', workspace: 'T2', chatId: 'C1' };

async function expectCode(promise: Promise<unknown>, code: string): Promise<void> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isCoachError(err), `expected CoachError(${code}), got ${String(err)}`).toBe(true);
  expect((err as { code: string }).code).toBe(code);
}

/**
 * Registers the behaviour every `Store` backend must have. Each test calls `open` for a fresh, empty
 * database. Backends: `sqlite-store.test.ts` and `postgres-store.test.ts`.
 */
export function describeStoreContract(name: string, open: () => Promise<ContractFixture>): void {
  describe(`Store contract: ${name}`, () => {
    let fixture: ContractFixture;
    let opened: Store[];
    let store: Store;

    beforeEach(async () => {
      fixture = await open();
      store = fixture.store;
      opened = [store];
    });

    afterEach(async () => {
      for (const s of opened) await s.close();
      await fixture.cleanup();
    });

    /** A second store on the same database, or skips the test when the backend has none. */
    async function second(ctx: TestContext): Promise<Store> {
      if (!fixture.reopen) ctx.skip('backend cannot reopen its database');
      const reopen = fixture.reopen;
      if (!reopen) throw new Error('unreachable');
      const s = await reopen();
      opened.push(s);
      return s;
    }

    describe('claims', () => {
      it('grants a key to the first caller only', async () => {
        expect(await store.claim('evt-1', T0)).toBe(true);
        expect(await store.claim('evt-1', at(1))).toBe(false);
        expect(await store.claim('evt-2', at(1))).toBe(true);
      });

      it('keeps a claim across a reopen', async (ctx) => {
        expect(await store.claim('evt-1', T0)).toBe(true);
        await store.close();
        const again = await second(ctx);
        expect(await again.claim('evt-1', at(1))).toBe(false);
        expect(await again.claim('evt-2', at(1))).toBe(true);
      });

      it('grants a key once between two stores on one database', async (ctx) => {
        const other = await second(ctx);
        const results = await Promise.all([store.claim('k', T0), other.claim('k', T0)]);
        expect(results.filter(Boolean)).toHaveLength(1);
      });

      it('prunes claims older than the cut-off, after which the key can be claimed again', async () => {
        await store.claim('old', T0);
        await store.claim('edge', at(30));
        await store.claim('new', at(60));
        expect(await store.pruneClaims(at(30))).toBe(1);
        expect(await store.claim('old', at(61))).toBe(true);
        expect(await store.claim('edge', at(61))).toBe(false);
        expect(await store.claim('new', at(61))).toBe(false);
        expect(await store.pruneClaims(at(30))).toBe(0);
      });
    });

    describe('threads', () => {
      it('returns the last turns, oldest first, per thread', async () => {
        for (let i = 1; i <= 5; i++) {
          await store.appendTurn('A', { role: i % 2 ? 'user' : 'assistant', text: `a${i}`, at: at(i) });
        }
        await store.appendTurn('B', { role: 'user', text: 'b1', at: at(3) });
        expect((await store.history('A', 3)).map((t) => t.text)).toEqual(['a3', 'a4', 'a5']);
        expect((await store.history('A', 10)).map((t) => t.text)).toEqual(['a1', 'a2', 'a3', 'a4', 'a5']);
        expect((await store.history('B', 10)).map((t) => t.text)).toEqual(['b1']);
        expect(await store.history('A', 0)).toEqual([]);
        expect(await store.history('none', 5)).toEqual([]);
      });

      it('appends several turns in one call, in order', async () => {
        await store.appendTurns('P', [
          { role: 'user', text: 'question', at: at(1), userId: 'U1', kind: 'answer' },
          { role: 'assistant', text: 'answer', at: at(1), kind: 'answer' },
        ]);
        await store.appendTurns('P', []);
        const turns = await store.history('P', 10);
        expect(turns.map((t) => [t.role, t.text])).toEqual([
          ['user', 'question'],
          ['assistant', 'answer'],
        ]);
        expect(turns[0]?.userId).toBe('U1');
      });

      it('keeps every field and orders by append, not by time', async () => {
        await store.appendTurn('A', { role: 'user', text: 'hi 你好', at: at(5), userId: 'U1' });
        await store.appendTurn('A', { role: 'assistant', text: 'answer', at: at(4), kind: 'answer' });
        expect(await store.history('A', 5)).toEqual([
          { role: 'user', text: 'hi 你好', at: at(5), userId: 'U1' },
          { role: 'assistant', text: 'answer', at: at(4), kind: 'answer' },
        ]);
        const [first] = await store.history('A', 1);
        expect(first && 'userId' in first).toBe(false);
      });

      it('rejects a negative limit', async () => {
        await expectCode(store.history('A', -1), 'input_invalid');
      });
    });

    describe('reviews', () => {
      it("returns a user's reviews newest first, with their scores", async () => {
        const review = (minutes: number, overall: number, userKey = 'slack:T1:U1') =>
          store.saveReview({
            userKey,
            at: at(minutes),
            overall,
            scores: { clarity: overall, proof: 2.5 },
            mode: 'offline',
            excerpt: `text ${overall}`,
            lang: 'en',
          });
        await review(1, 1);
        await review(3, 3);
        await review(2, 2);
        await review(3, 4); // same time as an earlier one: the later save comes first
        await review(9, 9, 'slack:T1:U2');
        const list = await store.reviews('slack:T1:U1', 3);
        expect(list.map((r) => r.overall)).toEqual([4, 3, 2]);
        expect(list[0]).toEqual({
          userKey: 'slack:T1:U1',
          at: at(3),
          overall: 4,
          scores: { clarity: 4, proof: 2.5 },
          mode: 'offline',
          excerpt: 'text 4',
          lang: 'en',
        });
        expect(await store.reviews('nobody', 3)).toEqual([]);
      });
    });

    describe('tip subscriptions', () => {
      const sub = {
        ...CHAT,
        time: '09:30',
        timezone: 'Asia/Shanghai',
        enabled: true,
        createdBy: 'U1',
        lang: 'en' as const,
      };

      it('creates, reads back and updates, keeping the first creator', async () => {
        expect(await store.subscription(CHAT)).toBeUndefined();
        expect(await store.upsertSubscription(sub, T0)).toEqual({ ...sub, updatedAt: T0 });
        expect(await store.subscription(CHAT)).toEqual({ ...sub, updatedAt: T0 });
        const updated = await store.upsertSubscription(
          { ...sub, time: '18:05', timezone: 'Europe/Berlin', createdBy: 'U2' },
          at(5),
        );
        expect(updated).toEqual({ ...sub, time: '18:05', timezone: 'Europe/Berlin', updatedAt: at(5) });
        const chinese = await store.upsertSubscription({ ...sub, lang: 'zh' }, at(6));
        expect(chinese.lang).toBe('zh');
        expect((await store.subscription(CHAT))?.lang).toBe('zh');
        expect(await store.subscription(OTHER_CHAT)).toBeUndefined();
      });

      it('lists enabled subscriptions only', async () => {
        await store.upsertSubscription(sub, T0);
        await store.upsertSubscription({ ...OTHER_CHAT, time: '08:00', timezone: 'UTC', enabled: true }, T0);
        expect((await store.subscriptions()).map((s) => s.workspace).sort()).toEqual(['T1', 'T2']);
        await store.upsertSubscription({ ...sub, enabled: false }, at(1));
        expect((await store.subscriptions()).map((s) => s.workspace)).toEqual(['T2']);
        expect((await store.subscriptions())[0]).not.toHaveProperty('createdBy');
        expect(await store.subscription(CHAT)).toMatchObject({
          enabled: false,
          createdBy: 'U1',
          updatedAt: at(1),
        });
      });

      it('rejects a time that is not HH:MM', async () => {
        await expectCode(store.upsertSubscription({ ...sub, time: '9:30' }, T0), 'input_invalid');
        await expectCode(store.upsertSubscription({ ...sub, time: '24:00' }, T0), 'input_invalid');
      });
    });

    describe('tip slots', () => {
      it('grants a chat and date to the first claimer only', async () => {
        expect(await store.claimTipSlot(CHAT, '2025-03-01', 'e1', T0)).toBe(true);
        expect(await store.claimTipSlot(CHAT, '2025-03-01', 'e2', at(1))).toBe(false);
        expect(await store.claimTipSlot(CHAT, '2025-03-02', 'e2', at(1))).toBe(true);
        expect(await store.claimTipSlot(OTHER_CHAT, '2025-03-01', 'e3', at(1))).toBe(true);
        expect(await store.lastTipSlot(CHAT)).toEqual({
          localDate: '2025-03-02',
          entryId: 'e2',
          status: 'claimed',
        });
      });

      it('grants a slot once between two stores on one database', async (ctx) => {
        const other = await second(ctx);
        const results = await Promise.all([
          store.claimTipSlot(CHAT, '2025-03-01', 'e1', T0),
          other.claimTipSlot(CHAT, '2025-03-01', 'e2', T0),
        ]);
        expect(results.filter(Boolean)).toHaveLength(1);
        const winner = results[0] ? 'e1' : 'e2';
        expect(await other.lastTipSlot(CHAT)).toEqual({
          localDate: '2025-03-01',
          entryId: winner,
          status: 'claimed',
        });
        expect(await other.claimTipSlot(CHAT, '2025-03-01', 'e3', at(1))).toBe(false);
      });

      it('marks a posted slot and adds its entry to the rotation; a posted slot stays taken', async () => {
        await store.claimTipSlot(CHAT, '2025-03-01', 'e1', T0);
        expect(await store.sentTipIds(CHAT)).toEqual([]);
        await store.finishTipSlot(CHAT, '2025-03-01', 'posted');
        expect(await store.lastTipSlot(CHAT)).toEqual({
          localDate: '2025-03-01',
          entryId: 'e1',
          status: 'posted',
        });
        expect(await store.sentTipIds(CHAT)).toEqual(['e1']);
        expect(await store.sentTipIds(OTHER_CHAT)).toEqual([]);
        expect(await store.claimTipSlot(CHAT, '2025-03-01', 'e2', at(60 * 24))).toBe(false);
        await store.finishTipSlot(CHAT, '2025-03-01', 'released'); // too late: it was posted
        expect(await store.lastTipSlot(CHAT)).toMatchObject({ status: 'posted' });
        expect(await store.claimTipSlot(CHAT, '2025-03-01', 'e2', at(60 * 24))).toBe(false);
      });

      it('lets a released slot be claimed again, with the new entry', async () => {
        await store.claimTipSlot(CHAT, '2025-03-01', 'e1', T0);
        await store.finishTipSlot(CHAT, '2025-03-01', 'released');
        expect(await store.lastTipSlot(CHAT)).toEqual({
          localDate: '2025-03-01',
          entryId: 'e1',
          status: 'released',
        });
        expect(await store.sentTipIds(CHAT)).toEqual([]);
        expect(await store.claimTipSlot(CHAT, '2025-03-01', 'e2', at(1))).toBe(true);
        expect(await store.claimTipSlot(CHAT, '2025-03-01', 'e3', at(2))).toBe(false);
        expect(await store.lastTipSlot(CHAT)).toEqual({
          localDate: '2025-03-01',
          entryId: 'e2',
          status: 'claimed',
        });
        await store.finishTipSlot(CHAT, '2025-03-01', 'posted');
        expect(await store.sentTipIds(CHAT)).toEqual(['e2']);
      });

      it('lets a slot whose claim lapsed be taken over', async () => {
        await store.claimTipSlot(CHAT, '2025-03-01', 'e1', T0);
        expect(await store.claimTipSlot(CHAT, '2025-03-01', 'e2', at(10))).toBe(false);
        const lapsed = new Date(T0.getTime() + TIP_SLOT_LEASE_MS + 1_000);
        expect(await store.claimTipSlot(CHAT, '2025-03-01', 'e2', lapsed)).toBe(true);
        expect(await store.claimTipSlot(CHAT, '2025-03-01', 'e3', lapsed)).toBe(false);
        expect(await store.lastTipSlot(CHAT)).toMatchObject({ entryId: 'e2', status: 'claimed' });
      });

      it('ignores finishing a slot that was never claimed', async () => {
        await store.finishTipSlot(CHAT, '2025-03-01', 'posted');
        await store.finishTipSlot(CHAT, '2025-03-01', 'released');
        expect(await store.lastTipSlot(CHAT)).toBeUndefined();
        expect(await store.sentTipIds(CHAT)).toEqual([]);
        expect(await store.claimTipSlot(CHAT, '2025-03-01', 'e1', T0)).toBe(true);
      });

      it('keeps the rotation in posting order until it is reset', async () => {
        const post = async (date: string, entry: string) => {
          expect(await store.claimTipSlot(CHAT, date, entry, T0)).toBe(true);
          await store.finishTipSlot(CHAT, date, 'posted');
        };
        await post('2025-03-01', 'e3');
        await post('2025-03-02', 'e1');
        await post('2025-03-03', 'e2');
        await post('2025-03-04', 'e1'); // already in the rotation: listed once
        expect(await store.sentTipIds(CHAT)).toEqual(['e3', 'e1', 'e2']);
        await store.resetTipRotation(CHAT);
        expect(await store.sentTipIds(CHAT)).toEqual([]);
        expect(await store.lastTipSlot(CHAT)).toEqual({
          localDate: '2025-03-04',
          entryId: 'e1',
          status: 'posted',
        });
        await post('2025-03-05', 'e1');
        expect(await store.sentTipIds(CHAT)).toEqual(['e1']);
      });

      it('reports the slot with the latest local date, whatever the claim order', async () => {
        await store.claimTipSlot(CHAT, '2025-03-02', 'late', T0);
        await store.claimTipSlot(CHAT, '2025-03-01', 'early', at(1));
        expect(await store.lastTipSlot(CHAT)).toMatchObject({ localDate: '2025-03-02', entryId: 'late' });
        expect(await store.lastTipSlot(OTHER_CHAT)).toBeUndefined();
      });

      it('rejects a local date that is not YYYY-MM-DD', async () => {
        await expectCode(store.claimTipSlot(CHAT, '2025-3-1', 'e1', T0), 'input_invalid');
      });
    });

    describe('feedback', () => {
      const vote = (
        messageRef: string,
        userId: string,
        value: 'up' | 'down',
        minutes: number,
        chat = CHAT,
      ) => {
        const fb: FeedbackRecord = {
          ...chat,
          messageRef,
          userId,
          value,
          about: { kind: 'answer', ref: `q-${messageRef}` },
          at: at(minutes),
        };
        return fb;
      };

      it('returns votes newest first; a user re-voting on a message replaces the vote', async () => {
        await store.saveFeedback(vote('m1', 'U1', 'up', 1));
        const withSummary = {
          ...vote('m2', 'U1', 'down', 2),
          about: { kind: 'review' as const, ref: 'r1', summary: 's' },
        };
        await store.saveFeedback(withSummary);
        await store.saveFeedback(vote('m1', 'U2', 'up', 3));
        await store.saveFeedback(vote('m1', 'U9', 'up', 4, OTHER_CHAT));
        expect(await store.feedback(CHAT, 10)).toEqual([
          vote('m1', 'U2', 'up', 3),
          withSummary,
          vote('m1', 'U1', 'up', 1),
        ]);
        await store.saveFeedback(vote('m1', 'U1', 'down', 5));
        const list = await store.feedback(CHAT, 2);
        expect(list).toEqual([vote('m1', 'U1', 'down', 5), vote('m1', 'U2', 'up', 3)]);
        expect(await store.feedback(CHAT, 10)).toHaveLength(3);
        expect(await store.feedback(OTHER_CHAT, 10)).toEqual([vote('m1', 'U9', 'up', 4, OTHER_CHAT)]);
      });
    });

    describeWorkContract({ store: () => store, second });
    describeUpkeepContract({ store: () => store, second });
    describeInsightsContract({ store: () => store, second });
    describeTeamContract({ store: () => store, second });

    describe('lifecycle', () => {
      it('answers ping while open, and fails cleanly once closed', async () => {
        expect(await store.ping()).toBe(true);
        await store.close();
        await store.close();
        expect(await store.ping()).toBe(false);
        await expectCode(store.claim('k', T0), 'store_unavailable');
        await expectCode(store.history('A', 1), 'store_unavailable');
      });

      it('rejects an invalid date instead of storing it', async () => {
        await expectCode(store.claim('k', new Date('nope')), 'input_invalid');
        expect(await store.claim('k', T0)).toBe(true);
      });
    });
  });
}
