/**
 * Token buckets per key (a user, a chat): each holds up to `perMinute` tokens and refills at that rate.
 * A message takes one token; a key without a token is told to wait, and the flood costs nothing more.
 * Keys idle long enough to be full again are forgotten, so memory stays bounded.
 */

/** A set of buckets. */
export interface RateLimiter {
  /** Takes a token for `key`; false when its bucket is empty. */
  take(key: string): boolean;
  /** Keys remembered (for tests and /healthz). */
  readonly size: number;
}

/** Creates buckets of `perMinute` tokens (0 or less: no limit). */
export function createRateLimiter(perMinute: number, now: () => number = Date.now): RateLimiter {
  const buckets = new Map<string, { tokens: number; at: number }>();
  const perMs = perMinute / 60_000;
  let lastSweep = 0;
  const sweep = (t: number) => {
    if (t - lastSweep < 60_000) return;
    lastSweep = t;
    for (const [key, b] of buckets) if (b.tokens + (t - b.at) * perMs >= perMinute) buckets.delete(key);
  };
  return {
    take(key) {
      if (perMinute <= 0) return true;
      const t = now();
      sweep(t);
      const b = buckets.get(key) ?? { tokens: perMinute, at: t };
      b.tokens = Math.min(perMinute, b.tokens + (t - b.at) * perMs);
      b.at = t;
      buckets.set(key, b);
      if (b.tokens < 1) return false;
      b.tokens -= 1;
      return true;
    },
    get size() {
      return buckets.size;
    },
  };
}
