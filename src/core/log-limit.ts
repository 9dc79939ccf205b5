/**
 * Log lines that a flood could multiply (aborted requests, refused bodies): at most `perMinute` lines of
 * one event a minute; the ones dropped are counted and reported in the next line of that event.
 */
import type { Logger } from './logger.ts';

/** Logs at warn level, rate-limited per event name. */
export type LimitedLog = (event: string, fields: Record<string, unknown>, message: string) => void;

/** Creates a rate-limited warn logger. */
export function limitedWarn(logger: Logger, perMinute = 10, now: () => number = Date.now): LimitedLog {
  const windows = new Map<string, { start: number; count: number; dropped: number }>();
  return (event, fields, message) => {
    const t = now();
    let w = windows.get(event);
    if (!w || t - w.start >= 60_000) {
      const dropped = w?.dropped ?? 0;
      w = { start: t, count: 0, dropped: 0 };
      windows.set(event, w);
      if (dropped > 0) fields = { ...fields, suppressed: dropped };
    }
    if (w.count >= perMinute) {
      w.dropped += 1;
      return;
    }
    w.count += 1;
    logger.warn({ event, ...fields }, message);
  };
}
