/**
 * The one place that turns the engine's reply events into platform messages, for every platform:
 * a placeholder on the first progress event, updates of it while the answer streams (at most one per
 * `updateIntervalMs`, one at a time, skipped while the platform's pacer says so: the latest text wins),
 * then the final reply with retries, and a visible notice when it cannot be delivered.
 *
 * The engine's rule: work is complete when the consumer asks for the next event after the final reply.
 * `deliverReply` asks for it only once the final reply is out; when it is not, the loop ends there, the
 * work stays claimed, and a takeover answers it later.
 */
import { describeError } from '../../core/errors.ts';
import type { Lang } from '../../core/knowledge/types.ts';
import type { Logger } from '../../core/logger.ts';
import type { ReplyEvent, RichReply } from '../../core/reply/types.ts';
import type { Pacer } from './pacer.ts';
import type { ProgressView, ReplySink } from './sink.ts';

/** Options of one delivery. */
export interface DeliverOptions {
  log: Logger;
  /** Least time between two updates of the placeholder. */
  updateIntervalMs: number;
  /** Shared pacing of updates, with the key this reply counts against (e.g. the workspace). */
  pacer?: { pacer: Pacer; key: string };
  /** A placeholder already posted (by a replica that died): updated and replaced like our own. */
  placeholder?: string;
  /** Attempts at the final reply before giving up, at least (default 4). */
  finalAttempts?: number;
  /**
   * How long the final reply is retried, at least, while the platform fails (an outage, rate limits):
   * attempts go on until both `finalAttempts` and this time (from the first failure) are used up.
   * `COACH_DELIVERY_RETRY_MS`, default 600000 (10 minutes); 0 for `finalAttempts` only.
   */
  retryWindowMs?: number;
  /** First pause between final attempts, doubled each time (default 1000 ms)… */
  retryBaseMs?: number;
  /** …up to this pause (default 30000 ms), or the platform's Retry-After when longer. */
  maxBackoffMs?: number;
  /**
   * Aborted when the process stops: retries end at once, without the failure notice, and the work stays
   * claimed, so that it is handed to another replica (or answered after a restart).
   */
  signal?: AbortSignal;
  /** Counts of replies being retried and given up, for `/healthz`. */
  stats?: DeliveryStats;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/** The settings a platform gives every delivery. */
export type DeliverySettings = Pick<DeliverOptions, 'updateIntervalMs'> &
  Partial<
    Pick<
      DeliverOptions,
      'retryBaseMs' | 'finalAttempts' | 'retryWindowMs' | 'maxBackoffMs' | 'signal' | 'stats'
    >
  >;

/** How a delivery ended. */
export interface DeliveryResult {
  /** The final reply is out. */
  delivered: boolean;
  /** The final reply the engine produced, if it got that far. */
  reply?: RichReply;
  /** Stopped by `signal` while retrying: the work is left for another replica. */
  aborted?: boolean;
}

/** Replies whose final delivery is being retried now, and those given up since start. */
export interface DeliveryStats {
  retrying: number;
  undelivered: number;
}

export function createDeliveryStats(): DeliveryStats {
  return { retrying: 0, undelivered: 0 };
}

/** Default of {@link DeliverOptions.retryWindowMs}. */
export const DELIVERY_RETRY_MS = 600_000;

const DEFAULT_RATE_PAUSE_MS = 30_000;

/** Delivers one reply stream through `sink`. Never throws. */
export async function deliverReply(
  events: AsyncIterable<ReplyEvent>,
  sink: ReplySink,
  opts: DeliverOptions,
): Promise<DeliveryResult> {
  const { log } = opts;
  const now = opts.now ?? Date.now;
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  let placeholder = opts.placeholder;
  let started = placeholder !== undefined;
  let updatesOff = false;
  let lastUpdate = started ? now() : 0;
  let inFlight: Promise<void> | undefined;
  const view: ProgressView = { lang: 'en', status: '', text: '' };
  let reply: RichReply | undefined;

  const update = () => {
    if (placeholder === undefined || updatesOff || inFlight) return;
    if (now() - lastUpdate < opts.updateIntervalMs) return;
    if (opts.pacer && !opts.pacer.pacer.take(opts.pacer.key)) return;
    lastUpdate = now();
    const target = placeholder;
    inFlight = sink
      .update(target, { ...view })
      .catch((err: unknown) => {
        const f = sink.classify(err);
        if (f.kind === 'rate_limited' && opts.pacer) {
          opts.pacer.pacer.pause(opts.pacer.key, f.retryAfterMs ?? DEFAULT_RATE_PAUSE_MS);
        }
        if (f.kind === 'gone') updatesOff = true;
        log.warn({ event: 'reply_update_failed', failure: f.kind, ...describeError(err) }, 'update skipped');
      })
      .finally(() => {
        inFlight = undefined;
      });
  };

  try {
    for await (const ev of events) {
      if (ev.type === 'final') {
        reply = ev.reply;
        await inFlight;
        const sent = await sendFinal(ev.reply);
        if (sent === 'aborted') return { delivered: false, reply, aborted: true };
        if (!sent) {
          await notifyFailure(ev.reply.lang);
          return { delivered: false, reply };
        }
        continue; // ask for the next event: the engine records the work as done
      }
      view.lang = ev.lang;
      if (ev.type === 'status') view.status = ev.text;
      else view.text += ev.text;
      if (!started) {
        started = true;
        try {
          placeholder = await sink.start({ ...view });
          lastUpdate = now();
        } catch (err) {
          // Keep going: the final reply is posted as a new message.
          log.warn({ event: 'reply_placeholder_failed', ...describeError(err) }, 'placeholder not posted');
        }
      } else update();
    }
    return { delivered: reply !== undefined, ...(reply ? { reply } : {}) };
  } catch (err) {
    log.error({ event: 'reply_stream_failed', ...describeError(err) }, 'reply stream failed');
    await inFlight;
    await notifyFailure(view.lang);
    return { delivered: false, ...(reply ? { reply } : {}) };
  }

  async function sendFinal(final: RichReply): Promise<boolean | 'aborted'> {
    const attempts = opts.finalAttempts ?? 4;
    const base = opts.retryBaseMs ?? 1_000;
    const maxBackoff = opts.maxBackoffMs ?? 30_000;
    const window = opts.retryWindowMs ?? DELIVERY_RETRY_MS;
    let firstFailure: number | undefined;
    let attempt = 0;
    try {
      for (;;) {
        attempt += 1;
        try {
          await sink.final(final, placeholder);
          if (firstFailure !== undefined)
            log.info({ event: 'reply_delivered_late', attempt }, 'reply delivered');
          return true;
        } catch (err) {
          const f = sink.classify(err);
          log.warn(
            { event: 'reply_final_failed', attempt, failure: f.kind, ...describeError(err) },
            'final reply not delivered',
          );
          if (f.kind === 'gone') placeholder = undefined;
          if (firstFailure === undefined) {
            firstFailure = now();
            if (opts.stats) opts.stats.retrying += 1;
          }
          const backoff = Math.min(base * 2 ** Math.min(attempt - 1, 30), maxBackoff);
          const wait = f.kind === 'rate_limited' ? Math.max(f.retryAfterMs ?? 0, backoff) : backoff;
          // A reply too large is split finer by the sink; retrying it for minutes would not help.
          const inWindow = f.kind !== 'too_large' && now() + wait - firstFailure <= window;
          if (attempt >= attempts && !inWindow) break;
          if (opts.signal?.aborted) return 'aborted';
          await abortable(wait);
          if (opts.signal?.aborted) return 'aborted';
        }
      }
    } finally {
      if (firstFailure !== undefined && opts.stats) opts.stats.retrying -= 1;
    }
    if (opts.stats) opts.stats.undelivered += 1;
    log.error(
      { event: 'reply_undelivered', attempts: attempt, retriedMs: now() - (firstFailure ?? now()) },
      'the reply could not be delivered',
    );
    return false;
  }

  /** `sleep`, cut short when the signal aborts. */
  function abortable(ms: number): Promise<void> {
    const signal = opts.signal;
    if (!signal) return sleep(ms);
    return new Promise<void>((resolve) => {
      const done = () => {
        signal.removeEventListener('abort', done);
        resolve();
      };
      signal.addEventListener('abort', done, { once: true });
      void sleep(ms).then(done);
    });
  }

  async function notifyFailure(lang: Lang): Promise<void> {
    try {
      await sink.failed(lang, placeholder);
    } catch (err) {
      log.warn({ event: 'reply_failure_notice_failed', ...describeError(err) }, 'failure notice not sent');
    }
  }
}

/** The final reply of a stream, for callers that show nothing until the end. */
export async function finalReplyOf(events: AsyncIterable<ReplyEvent>): Promise<RichReply | undefined> {
  let final: RichReply | undefined;
  for await (const ev of events) if (ev.type === 'final') final = ev.reply;
  return final;
}
