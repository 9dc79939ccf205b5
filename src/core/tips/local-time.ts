/** A moment seen in a time zone: its local date and minutes since local midnight. */
export interface LocalTime {
  date: string;
  minutes: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The local date (YYYY-MM-DD) and time of `at` in the IANA time zone `tz`. */
export function localTime(at: Date, tz: string): LocalTime {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone: tz,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(tz, f);
  }
  const parts = Object.fromEntries(f.formatToParts(at).map((p) => [p.type, p.value]));
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    minutes: Number(parts.hour) * 60 + Number(parts.minute),
  };
}

/** Minutes since midnight of an `HH:MM` string. */
export function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** The canonical zone names (cheap to read: a formatter for a zone loads about 6 MB of ICU data). */
let zones: Set<string> | undefined;

/** True when `tz` is an IANA time zone that Intl knows. */
export function isTimeZone(tz: string): boolean {
  // Most settings name a canonical zone: checked without a formatter, so that a service that posts no
  // tip yet does not load the time-zone data at start-up. Aliases (UTC, Asia/Kolkata) take the long way.
  zones ??= new Set(Intl.supportedValuesOf('timeZone'));
  if (zones.has(tz)) return true;
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch (err) {
    if (err instanceof RangeError) return false;
    throw err;
  }
}
