/** A release function: call it once when the work is done. */
export type Release = () => void;

/**
 * One lock per key (a thread): messages of one thread are handled in arrival order, different
 * threads in parallel. Keys with nobody waiting are forgotten, so the map does not grow.
 */
export function createKeyedLock() {
  const tails = new Map<string, Promise<void>>();
  return {
    async acquire(key: string): Promise<Release> {
      const prev = tails.get(key) ?? Promise.resolve();
      let release!: Release;
      const mine = new Promise<void>((resolve) => {
        release = resolve;
      });
      const tail = prev.then(() => mine);
      tails.set(key, tail);
      await prev;
      return () => {
        release();
        if (tails.get(key) === tail) tails.delete(key);
      };
    },
    /** Threads with work queued or running. */
    get size() {
      return tails.size;
    },
  };
}

/** Bounds how many holders run at once (LLM calls). */
export function createSemaphore(limit: number) {
  let active = 0;
  const waiting: (() => void)[] = [];
  return {
    async acquire(): Promise<Release> {
      if (active < limit) active += 1;
      else await new Promise<void>((resolve) => waiting.push(resolve));
      let done = false;
      return () => {
        if (done) return;
        done = true;
        const next = waiting.shift();
        if (next) next();
        else active -= 1;
      };
    },
    get active() {
      return active;
    },
    get waiting() {
      return waiting.length;
    },
  };
}
