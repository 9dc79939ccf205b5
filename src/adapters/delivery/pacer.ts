/**
 * Paces optional updates (streaming edits) per key, e.g. per Slack workspace, across every reply in
 * flight: a token bucket per key, and a pause when the platform answered "rate limited". Final replies
 * are never paced: only the cosmetic in-between updates are skipped (coalesced into a later one).
 */

/** A shared pacer. */
export interface Pacer {
  /** Takes one update slot for `key` now; false when the key is out of slots or paused. */
  take(key: string): boolean;
  /** The platform said "slow down" for `key`: no slots until `ms` from now. */
  pause(key: string, ms: number): void;
}

/** Options of {@link createPacer}. */
export interface PacerOptions {
  /** Sustained updates per minute per key (Slack `chat.update`, Tier 3: about 50). */
  perMinute: number;
  /** Updates allowed at once after a quiet spell. */
  burst: number;
  now?: () => number;
  /** Keys remembered at most (oldest forgotten first). */
  maxKeys?: number;
}

/** Creates a pacer. */
export function createPacer(opts: PacerOptions): Pacer {
  const now = opts.now ?? Date.now;
  const maxKeys = opts.maxKeys ?? 10_000;
  const perMs = opts.perMinute / 60_000;
  const buckets = new Map<string, { tokens: number; at: number; pausedUntil: number }>();

  function bucket(key: string) {
    let b = buckets.get(key);
    const t = now();
    if (!b) {
      b = { tokens: opts.burst, at: t, pausedUntil: 0 };
      buckets.set(key, b);
      if (buckets.size > maxKeys) {
        const oldest = buckets.keys().next().value;
        if (oldest !== undefined) buckets.delete(oldest);
      }
    }
    b.tokens = Math.min(opts.burst, b.tokens + (t - b.at) * perMs);
    b.at = t;
    return b;
  }

  return {
    take(key) {
      const b = bucket(key);
      if (now() < b.pausedUntil || b.tokens < 1) return false;
      b.tokens -= 1;
      return true;
    },
    pause(key, ms) {
      const b = bucket(key);
      b.pausedUntil = Math.max(b.pausedUntil, now() + ms);
      b.tokens = 0;
    },
  };
}
