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

/**
 * Starts queued functions one per event-loop turn (after the pending I/O of each turn): a burst of work
 * whose first steps are synchronous then never holds the requests that arrive meanwhile behind it all.
 */
export function createTurnQueue(): (start: () => void) => void {
  const queued: (() => void)[] = [];
  let pumping = false;
  const pump = () => {
    const next = queued.shift();
    if (!next) {
      pumping = false;
      return;
    }
    next();
    setImmediate(pump);
  };
  return (start) => {
    queued.push(start);
    if (!pumping) {
      pumping = true;
      setImmediate(pump);
    }
  };
}

/** Platform deliveries being read, verified, claimed and acknowledged right now. */
let acking = 0;

/**
 * Counts one platform delivery until its acknowledgement is sent: an event route calls it first and calls
 * the returned function (once is enough; more calls do nothing) when the response is done. Upkeep that
 * may block the event loop for milliseconds (SQLite's WAL checkpoints) waits while any is counted.
 */
export function ackInProgress(): () => void {
  acking += 1;
  let done = false;
  return () => {
    if (done) return;
    done = true;
    acking -= 1;
  };
}

/** Deliveries counted by {@link ackInProgress} and not acknowledged yet. */
export function acksInProgress(): number {
  return acking;
}
