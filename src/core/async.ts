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
