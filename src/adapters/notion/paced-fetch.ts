/**
 * The `fetch` the Notion client uses: every request waits for its slot (Notion allows about three
 * requests a second on average), and an answer 429 (rate limited) or 503 pauses all requests for the
 * `Retry-After` it names (else a backoff of 1, 2, 4… seconds) before the same request is sent again,
 * at most {@link MAX_ATTEMPTS} times.
 */
import type { Logger } from '../../core/logger.ts';
import type { Spacer } from '../../core/team/spacer.ts';

/** Attempts of one request, the first included. */
export const MAX_ATTEMPTS = 5;
/** Longest pause a `Retry-After` may ask for (a bigger one is capped). */
const MAX_PAUSE_MS = 120_000;

type FetchInit = { body?: string | FormData; headers?: Record<string, string>; method?: string };

/** A fetch that paces and retries; see the module comment. */
export function pacedFetch(opts: { spacer: Spacer; logger: Logger; now?: () => number }) {
  const now = opts.now ?? Date.now;
  return async (url: string, init?: FetchInit): Promise<Response> => {
    for (let attempt = 1; ; attempt++) {
      await opts.spacer.wait();
      const res = await fetch(url, init as RequestInit);
      if ((res.status !== 429 && res.status !== 503) || attempt >= MAX_ATTEMPTS) return res;
      const pause = Math.min(
        MAX_PAUSE_MS,
        retryAfterMs(res.headers.get('retry-after'), now()) ?? 1_000 * 2 ** (attempt - 1),
      );
      await res.body?.cancel().catch(() => undefined);
      opts.logger.warn(
        { event: 'notion_rate_limited', status: res.status, pauseMs: pause, attempt },
        'Notion asked to slow down',
      );
      opts.spacer.pause(pause);
    }
  };
}

/** `Retry-After` in ms: delta seconds or an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(value: string | null, now: number): number | undefined {
  if (!value) return undefined;
  if (/^\d+(?:\.\d+)?$/.test(value.trim())) return Math.ceil(Number(value) * 1_000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
