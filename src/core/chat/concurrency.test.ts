import { describe, expect, it } from 'vitest';
import { createKeyedLock, createSemaphore } from './concurrency.ts';

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
