import { describe, expect, it, type TestContext } from 'vitest';
import type { Store } from '../../src/core/store/types.ts';

const T0 = new Date('2025-03-01T08:00:00.000Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1_000);
const LEASE = 60_000;

/** What the work-lease scenarios need from `describeStoreContract`. */
export interface WorkContractContext {
  /** The test's fresh store. */
  store: () => Store;
  /** A second store on the same database (skips the test when the backend has none). */
  second: (ctx: TestContext) => Promise<Store>;
}

/** Registers the `claimWork` / `completeWork` / `renewWork` / `expiredWork` / `releaseOwner` scenarios. */
export function describeWorkContract(c: WorkContractContext): void {
  describe('work leases', () => {
    it('grants work to the first caller; others are busy while the lease runs, then take it over', async () => {
      const store = c.store();
      expect(await store.claimWork('m1', { text: 'hi' }, T0, LEASE, 'A')).toBe('claimed');
      expect(await store.claimWork('m1', { text: 'other' }, at(1), LEASE, 'B')).toBe('busy');
      expect(await store.claimWork('m1', { text: 'hi' }, at(59), LEASE, 'A')).toBe('busy');
      expect(await store.expiredWork(at(59), 10)).toEqual([]);
      expect(await store.claimWork('m1', { text: 'other' }, at(60), LEASE, 'B')).toBe('claimed');
      expect(await store.claimWork('m1', null, at(61), LEASE, 'C')).toBe('busy');
      expect(await store.expiredWork(at(119), 10)).toEqual([]);
      // The new owner holds it with the first payload.
      expect(await store.expiredWork(at(120), 10)).toEqual([
        { key: 'm1', payload: { text: 'hi' }, owner: 'B' },
      ]);
    });

    it('lists expired work oldest first, up to the limit, with payload and owner', async () => {
      const store = c.store();
      await store.claimWork('late', [1, 'two'], at(10), LEASE, 'A');
      await store.claimWork('early', { n: 1, s: '你好' }, T0, LEASE, 'B');
      await store.claimWork('live', {}, at(100), LEASE, 'A');
      await store.claimWork('done', {}, T0, LEASE, 'A');
      await store.completeWork('done', 'A', at(1));
      expect(await store.expiredWork(at(90), 10)).toEqual([
        { key: 'early', payload: { n: 1, s: '你好' }, owner: 'B' },
        { key: 'late', payload: [1, 'two'], owner: 'A' },
      ]);
      expect((await store.expiredWork(at(90), 1)).map((w) => w.key)).toEqual(['early']);
      expect(await store.expiredWork(at(90), 0)).toEqual([]);
    });

    it('keeps done work done, for every caller, even after the lease would have run out', async () => {
      const store = c.store();
      expect(await store.claimWork('m1', { text: 'hi' }, T0, LEASE, 'A')).toBe('claimed');
      await store.completeWork('m1', 'A', at(5));
      expect(await store.claimWork('m1', { text: 'hi' }, at(6), LEASE, 'A')).toBe('done');
      expect(await store.claimWork('m1', { text: 'hi' }, at(3_600), LEASE, 'B')).toBe('done');
      expect(await store.expiredWork(at(3_600), 10)).toEqual([]);
      await store.completeWork('m1', 'B', at(3_601)); // already done: nothing changes
      await store.completeWork('never-claimed', 'A', at(3_601));
      expect(await store.claimWork('never-claimed', {}, at(3_602), LEASE, 'A')).toBe('claimed');
      expect(await store.releaseOwner('A')).toBe(1); // only the open one
    });

    it('marks work done when its first owner finishes after a takeover', async () => {
      const store = c.store();
      await store.claimWork('m1', {}, T0, LEASE, 'A');
      expect(await store.claimWork('m1', {}, at(61), LEASE, 'B')).toBe('claimed');
      await store.completeWork('m1', 'A', at(62));
      expect(await store.claimWork('m1', {}, at(62), LEASE, 'C')).toBe('done');
    });

    it('keeps a renewed lease alive past its first expiry: no takeover, not listed as expired', async () => {
      const store = c.store();
      await store.claimWork('m1', { text: 'hi' }, T0, LEASE, 'A');
      expect(await store.renewWork('m1', 'A', at(40), LEASE)).toBe(true);
      // The first lease would have run out at 60 s; the renewed one runs until 100 s.
      expect(await store.expiredWork(at(99), 10)).toEqual([]);
      expect(await store.claimWork('m1', {}, at(99), LEASE, 'B')).toBe('busy');
      expect(await store.renewWork('m1', 'A', at(80), LEASE)).toBe(true);
      expect(await store.expiredWork(at(139), 10)).toEqual([]);
      expect(await store.claimWork('m1', {}, at(139), LEASE, 'B')).toBe('busy');
      // Without a further renewal it runs out as usual.
      expect(await store.expiredWork(at(140), 10)).toEqual([
        { key: 'm1', payload: { text: 'hi' }, owner: 'A' },
      ]);
      // Ran out but not taken over yet: still the owner's, and renewable.
      expect(await store.renewWork('m1', 'A', at(150), LEASE)).toBe(true);
      expect(await store.expiredWork(at(209), 10)).toEqual([]);
    });

    it('renews nothing for another owner, for done or unknown work, or after a takeover', async () => {
      const store = c.store();
      await store.claimWork('m1', {}, T0, LEASE, 'A');
      expect(await store.renewWork('m1', 'B', at(30), LEASE)).toBe(false);
      expect((await store.expiredWork(at(60), 10)).map((w) => [w.key, w.owner])).toEqual([['m1', 'A']]);

      await store.claimWork('m2', {}, T0, LEASE, 'A');
      await store.completeWork('m2', 'A', at(1));
      expect(await store.renewWork('m2', 'A', at(2), LEASE)).toBe(false);
      expect(await store.claimWork('m2', {}, at(3_600), LEASE, 'B')).toBe('done');
      expect(await store.renewWork('unknown', 'A', at(2), LEASE)).toBe(false);

      // m1 ran out and B took it over: A's renewal fails and leaves B's lease as it was.
      expect(await store.claimWork('m1', {}, at(61), LEASE, 'B')).toBe('claimed');
      expect(await store.renewWork('m1', 'A', at(62), LEASE)).toBe(false);
      expect(await store.expiredWork(at(120), 10)).toEqual([]);
      expect(await store.expiredWork(at(121), 10)).toEqual([{ key: 'm1', payload: {}, owner: 'B' }]);
      expect(await store.renewWork('m1', 'B', at(100), LEASE)).toBe(true);
    });

    it('does not renew a released lease, and rejects a bad lease or date', async () => {
      const store = c.store();
      await store.claimWork('m1', {}, T0, LEASE, 'A');
      expect(await store.releaseOwner('A')).toBe(1);
      expect(await store.renewWork('m1', 'A', at(1), LEASE)).toBe(false);
      expect((await store.expiredWork(at(1), 10)).map((w) => w.key)).toEqual(['m1']);
      const invalid = { code: 'input_invalid' };
      await expect(store.renewWork('m1', 'A', at(1), 0)).rejects.toMatchObject(invalid);
      await expect(store.renewWork('m1', 'A', new Date('nope'), LEASE)).rejects.toMatchObject(invalid);
    });

    it("ends an owner's leases at once on release, leaving other owners' and done work alone", async () => {
      const store = c.store();
      await store.claimWork('a1', { n: 1 }, T0, LEASE, 'A');
      await store.claimWork('a2', { n: 2 }, T0, LEASE, 'A');
      await store.claimWork('a3', { n: 3 }, T0, LEASE, 'A');
      await store.completeWork('a3', 'A', at(1));
      await store.claimWork('b1', {}, T0, LEASE, 'B');
      expect(await store.releaseOwner('A')).toBe(2);
      expect(await store.releaseOwner('A')).toBe(0);
      expect((await store.expiredWork(at(1), 10)).map((w) => w.key).sort()).toEqual(['a1', 'a2']);
      expect(await store.claimWork('a1', { n: 1 }, at(1), LEASE, 'B')).toBe('claimed');
      expect(await store.claimWork('b1', {}, at(1), LEASE, 'C')).toBe('busy');
      expect(await store.claimWork('a3', {}, at(1), LEASE, 'C')).toBe('done');
    });

    it('grants each key to exactly one of two stores racing on one database', async (ctx) => {
      const store = c.store();
      const other = await c.second(ctx);
      for (const key of ['k1', 'k2', 'k3', 'k4', 'k5']) {
        const results = await Promise.all([
          store.claimWork(key, { by: 'A' }, T0, LEASE, 'A'),
          other.claimWork(key, { by: 'B' }, T0, LEASE, 'B'),
        ]);
        expect(results.sort(), key).toEqual(['busy', 'claimed']);
      }
      // A lapsed lease, taken over by both at once: still one winner.
      const results = await Promise.all([
        store.claimWork('k1', {}, at(60), LEASE, 'C'),
        other.claimWork('k1', {}, at(60), LEASE, 'D'),
      ]);
      expect(results.sort()).toEqual(['busy', 'claimed']);
    });

    it('forgets done work once pruned with the claims, but not work still in progress', async () => {
      const store = c.store();
      await store.claimWork('old', {}, T0, LEASE, 'A');
      await store.completeWork('old', 'A', at(1));
      await store.claimWork('open', {}, T0, LEASE, 'A');
      await store.claimWork('recent', {}, at(100), LEASE, 'A');
      await store.completeWork('recent', 'A', at(200));
      expect(await store.pruneClaims(at(150))).toBe(1);
      expect(await store.claimWork('old', {}, at(300), LEASE, 'B')).toBe('claimed');
      expect(await store.claimWork('recent', {}, at(300), LEASE, 'B')).toBe('done');
      expect(await store.expiredWork(at(300), 10)).toEqual([{ key: 'open', payload: {}, owner: 'A' }]);
    });

    it('rejects a bad lease, date, limit or payload', async () => {
      const store = c.store();
      const invalid = { code: 'input_invalid' };
      await expect(store.claimWork('k', {}, T0, 0, 'A')).rejects.toMatchObject(invalid);
      await expect(store.claimWork('k', {}, T0, Number.NaN, 'A')).rejects.toMatchObject(invalid);
      await expect(store.claimWork('k', {}, new Date('nope'), LEASE, 'A')).rejects.toMatchObject(invalid);
      await expect(store.claimWork('k', { n: 1n }, T0, LEASE, 'A')).rejects.toMatchObject(invalid);
      await expect(store.expiredWork(T0, -1)).rejects.toMatchObject(invalid);
      expect(await store.claimWork('k', undefined, T0, LEASE, 'A')).toBe('claimed');
      expect(await store.expiredWork(at(60), 1)).toEqual([{ key: 'k', payload: null, owner: 'A' }]);
    });

    it('fails cleanly once closed', async () => {
      const store = c.store();
      await store.close();
      await expect(store.claimWork('k', {}, T0, LEASE, 'A')).rejects.toMatchObject({
        code: 'store_unavailable',
      });
      await expect(store.releaseOwner('A')).rejects.toMatchObject({ code: 'store_unavailable' });
      await expect(store.renewWork('k', 'A', T0, LEASE)).rejects.toMatchObject({ code: 'store_unavailable' });
    });
  });
}
