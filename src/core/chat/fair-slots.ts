/**
 * Model slots shared fairly between users. At most `limit` holders at once (`COACH_MAX_CONCURRENT_LLM`);
 * waiters queue per user, and a freed slot goes to the waiting user served least recently, so nobody
 * waits behind another user's queue however many messages that user sent.
 */
import type { Release } from './concurrency.ts';

/** The slots. */
export interface FairSlots {
  /** Waits for a slot for `user`; resolves with its release (idempotent). */
  acquire(user: string): Promise<Release>;
  readonly active: number;
  /** Waiters of every user. */
  readonly waiting: number;
}

/** Users remembered as served (older ones are forgotten: they simply count as not served lately). */
const MAX_REMEMBERED = 10_000;

/** Creates the slots. */
export function createFairSlots(limit: number): FairSlots {
  let active = 0;
  let waiting = 0;
  let turn = 0;
  const queues = new Map<string, (() => void)[]>();
  const lastServed = new Map<string, number>();

  const served = (user: string) => {
    turn += 1;
    lastServed.delete(user);
    lastServed.set(user, turn);
    if (lastServed.size > MAX_REMEMBERED) {
      const oldest = lastServed.keys().next().value;
      if (oldest !== undefined) lastServed.delete(oldest);
    }
  };

  const grantNext = () => {
    let pick: string | undefined;
    let pickTurn = Number.POSITIVE_INFINITY;
    for (const user of queues.keys()) {
      const t = lastServed.get(user) ?? 0;
      if (t < pickTurn) {
        pick = user;
        pickTurn = t;
      }
    }
    const queue = pick === undefined ? undefined : queues.get(pick);
    const start = queue?.shift();
    if (pick === undefined || !start) {
      active -= 1;
      return;
    }
    if (queue?.length === 0) queues.delete(pick);
    waiting -= 1;
    served(pick);
    start();
  };

  return {
    async acquire(user) {
      if (active < limit) {
        active += 1;
        served(user);
      } else {
        waiting += 1;
        await new Promise<void>((resolve) => {
          const queue = queues.get(user);
          if (queue) queue.push(resolve);
          else queues.set(user, [resolve]);
        });
      }
      let released = false;
      return () => {
        if (released) return;
        released = true;
        grantNext();
      };
    },
    get active() {
      return active;
    },
    get waiting() {
      return waiting;
    },
  };
}
