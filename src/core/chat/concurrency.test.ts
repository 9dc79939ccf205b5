import { describe, expect, it } from 'vitest';
import { createKeyedLock, createSemaphore } from './concurrency.ts';
import { createFairSlots } from './fair-slots.ts';
import { createRateLimiter } from './rate-limit.ts';

describe('createKeyedLock', () => {
  it('serialises one key and lets other keys run', async () => {
    const lock = createKeyedLock();
    const order: string[] = [];
    const r1 = await lock.acquire('a');
    const second = lock.acquire('a').then((r) => {
      order.push('a2');
      r();
    });
    const other = await lock.acquire('b');
    order.push('b1');
    other();
    order.push('a1');
    r1();
    await second;
    expect(order).toEqual(['b1', 'a1', 'a2']);
    expect(lock.size).toBe(0);
  });
});

describe('createSemaphore', () => {
  it('never lets more than the limit in', async () => {
    const sem = createSemaphore(2);
    const a = await sem.acquire();
    await sem.acquire();
    let thirdIn = false;
    const third = sem.acquire().then((r) => {
      thirdIn = true;
      return r;
    });
    await Promise.resolve();
    expect(thirdIn).toBe(false);
    expect(sem.waiting).toBe(1);
    a();
    (await third)();
    expect(thirdIn).toBe(true);
    expect(sem.active).toBe(1);
  });
});

describe('createFairSlots', () => {
  it('gives a freed slot to the next user in turn, not to the user with the longest queue', async () => {
    const slots = createFairSlots(1);
    const order: string[] = [];
    const first = await slots.acquire('flooder');
    const waiter = (user: string, name: string) =>
      slots.acquire(user).then(async (release) => {
        order.push(name);
        await new Promise((r) => setImmediate(r));
        release();
      });
    const all = [
      waiter('flooder', 'f1'),
      waiter('flooder', 'f2'),
      waiter('flooder', 'f3'),
      waiter('other', 'o1'),
    ];
    expect(slots.waiting).toBe(4);
    first();
    await Promise.all(all);
    // The flooder was just served: the other user's one message goes first, not after the whole queue.
    expect(order).toEqual(['o1', 'f1', 'f2', 'f3']);
    expect(slots.active).toBe(0);
  });
});

describe('createRateLimiter', () => {
  it('allows a burst up to the rate, then one more per refill, per key', () => {
    let t = 0;
    const limit = createRateLimiter(3, () => t);
    expect([limit.take('a'), limit.take('a'), limit.take('a'), limit.take('a')]).toEqual([
      true,
      true,
      true,
      false,
    ]);
    expect(limit.take('b')).toBe(true);
    t += 20_000;
    expect([limit.take('a'), limit.take('a')]).toEqual([true, false]);
    expect(createRateLimiter(0).take('x')).toBe(true);
  });
});
