/** Small helpers for waiting. */

/** Waits for `work` at most `ms`; true when it settled in time (either way), false on timeout. */
export async function within(ms: number, work: Promise<unknown>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
    timer.unref();
  });
  try {
    return await Promise.race([
      work.then(
        () => true as const,
        () => true as const,
      ),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** Resolves after `ms`. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** How long a queued piece of work waits at most for a burst of deliveries to be acknowledged. */
export const ACK_PRIORITY_MS = 400;

/**
 * A burst is taken to be over when no delivery has arrived for this long: connections of a burst that
 * the kernel already holds reach the event loop a few at a time, between pieces of other work.
 */
const BURST_QUIET_MS = 5;

/**
 * Starts queued functions one per event-loop turn (after the pending I/O of each turn): a burst of work
 * whose first steps are synchronous then never holds the requests that arrive meanwhile behind it all.
 * While platform deliveries arrive and are acknowledged ({@link ackInProgress}), the next piece waits
 * until the burst is over, at most `ackPriorityMs` ({@link ACK_PRIORITY_MS}) from when it was queued:
 * acks first, then the work they started.
 */
export function createTurnQueue(opts: { ackPriorityMs?: number } = {}): (start: () => void) => void {
  const ackPriorityMs = opts.ackPriorityMs ?? ACK_PRIORITY_MS;
  const queued: { start: () => void; at: number }[] = [];
  let pumping = false;
  const pump = () => {
    const next = queued[0];
    if (!next) {
      pumping = false;
      return;
    }
    const now = performance.now();
    const left = ackPriorityMs - (now - next.at);
    if (left > 0 && acking > 0) {
      afterAcks(left, pump);
      return;
    }
    const quiet = BURST_QUIET_MS - (now - lastDeliveryAt);
    if (left > 0 && quiet > 0) {
      setTimeout(pump, Math.min(left, quiet));
      return;
    }
    queued.shift();
    next.start();
    setImmediate(pump);
  };
  return (start) => {
    queued.push({ start, at: performance.now() });
    if (!pumping) {
      pumping = true;
      setImmediate(pump);
    }
  };
}

/** Platform deliveries being read, verified, claimed and acknowledged right now. */
let acking = 0;
/** When the last delivery arrived (`performance.now()`). */
let lastDeliveryAt = Number.NEGATIVE_INFINITY;
/** Called once when no delivery is being acknowledged any more (or at their deadline). */
const quietWaiters = new Set<() => void>();

/** Calls `fn` on the turn after the last ack in progress is sent, or after `maxMs`, whichever is first. */
function afterAcks(maxMs: number, fn: () => void): void {
  let called = false;
  const once = () => {
    if (called) return;
    called = true;
    clearTimeout(timer);
    quietWaiters.delete(once);
    setImmediate(fn);
  };
  const timer = setTimeout(once, maxMs);
  quietWaiters.add(once);
}

/**
 * Counts one platform delivery until its acknowledgement is sent: an event route calls it first and calls
 * the returned function (once is enough; more calls do nothing) when the response is done. Upkeep that
 * may block the event loop for milliseconds (SQLite's WAL checkpoints) waits while any is counted.
 */
export function ackInProgress(): () => void {
  acking += 1;
  lastDeliveryAt = performance.now();
  let done = false;
  return () => {
    if (done) return;
    done = true;
    acking -= 1;
    if (acking === 0) for (const waiter of [...quietWaiters]) waiter();
  };
}

/** Deliveries counted by {@link ackInProgress} and not acknowledged yet. */
export function acksInProgress(): number {
  return acking;
}
