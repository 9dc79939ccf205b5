import { describe, expect, it } from 'vitest';
import { ackInProgress, acksInProgress, createTurnQueue } from './async.ts';

/** Lets `n` event-loop turns pass (each with its pending I/O and timers that are due). */
async function turns(n: number): Promise<void> {
  for (let i = 0; i < n; i += 1) await new Promise((r) => setImmediate(r));
}

/** Resolves when `cond()` holds, checking once a turn; rejects after `max` turns. */
async function untilTrue(cond: () => boolean, max = 10_000): Promise<void> {
  for (let i = 0; i < max; i += 1) {
    if (cond()) return;
    await new Promise((r) => setImmediate(r));
  }
  throw new Error('condition never held');
}

describe('createTurnQueue', () => {
  it('starts queued work in order, one piece a turn', async () => {
    const queue = createTurnQueue();
    const started: number[] = [];
    for (const n of [1, 2, 3]) queue(() => started.push(n));
    expect(started).toEqual([]); // nothing runs in the caller's turn
    await untilTrue(() => started.length === 3);
    expect(started).toEqual([1, 2, 3]);
  });

  it('holds work while a delivery is being acknowledged, and starts it once the ack is sent', async () => {
    const queue = createTurnQueue({ ackPriorityMs: 60_000 });
    const acked = ackInProgress();
    expect(acksInProgress()).toBe(1);
    let started = false;
    queue(() => {
      started = true;
    });
    await turns(50);
    expect(started).toBe(false);
    acked();
    acked(); // a second call changes nothing
    expect(acksInProgress()).toBe(0);
    await untilTrue(() => started);
  });

  it('starts work anyway once it has waited its limit: a steady stream of acks cannot starve replies', async () => {
    const queue = createTurnQueue({ ackPriorityMs: 0 });
    const acked = ackInProgress();
    let started = false;
    queue(() => {
      started = true;
    });
    try {
      await untilTrue(() => started);
      expect(acksInProgress()).toBe(1);
    } finally {
      acked();
    }
  });
});
