/**
 * Spaces out requests to a rate-limited API (Notion: 3 requests a second on average; Feishu's document
 * APIs: a few a second): each `wait()` resolves at the next free slot, slots `1000 / perSecond` ms apart,
 * and `pause(ms)` pushes every later slot back (a 429 with `Retry-After`). Clock and sleep come in, so
 * tests run without waiting.
 */

/** See the module comment. */
export interface Spacer {
  /** Resolves when the next request may go. */
  wait(): Promise<void>;
  /** No request before `ms` from now. */
  pause(ms: number): void;
}

/** Options of {@link createSpacer}. */
export interface SpacerOptions {
  /** Requests per second on average; 0 or less: no spacing. */
  perSecond: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/** Creates a spacer. */
export function createSpacer(opts: SpacerOptions): Spacer {
  const now = opts.now ?? Date.now;
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const gap = opts.perSecond > 0 ? 1_000 / opts.perSecond : 0;
  let nextAt = Number.NEGATIVE_INFINITY;
  return {
    async wait() {
      const t = now();
      const at = Math.max(t, nextAt);
      nextAt = at + gap;
      if (at > t) await sleep(at - t);
    },
    pause(ms) {
      nextAt = Math.max(nextAt, now() + ms);
    },
  };
}
