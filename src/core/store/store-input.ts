import { CoachError } from '../errors.ts';

// Argument checks shared by the backends, so that both reject the same inputs the same way.

/** Epoch milliseconds of a valid Date; `input_invalid` otherwise. */
export function millis(date: Date, field: string): number {
  const ms = date instanceof Date ? date.getTime() : Number.NaN;
  if (Number.isNaN(ms)) invalid(`${field} must be a valid Date`);
  return ms;
}

/** A row limit: a whole number ≥ 0 (SQLite would read a negative LIMIT as "no limit"). */
export function count(limit: number): number {
  if (!Number.isInteger(limit) || limit < 0) invalid(`limit must be a whole number ≥ 0, got ${limit}`);
  return limit;
}

/** A subscription's local posting time, `HH:MM` (24 h). */
export function checkTime(time: string): string {
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(time)) invalid(`time must be HH:MM (24 h), got "${time}"`);
  return time;
}

/** A tip slot's local date, `YYYY-MM-DD`. */
export function checkLocalDate(localDate: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(localDate)) invalid(`localDate must be YYYY-MM-DD, got "${localDate}"`);
  return localDate;
}

/** A lease length: a positive, finite number of milliseconds. */
export function checkLease(leaseMs: number): number {
  if (typeof leaseMs !== 'number' || !Number.isFinite(leaseMs) || leaseMs <= 0) {
    invalid(`leaseMs must be a positive number of milliseconds, got ${leaseMs}`);
  }
  return Math.ceil(leaseMs);
}

/** A work payload as JSON text; `undefined` is stored as `null`. */
export function payloadJson(payload: unknown): string {
  let text: string | undefined;
  try {
    text = JSON.stringify(payload ?? null);
  } catch (err) {
    throw new CoachError('input_invalid', 'Store: the work payload cannot be saved as JSON', { cause: err });
  }
  if (text === undefined) invalid('the work payload cannot be saved as JSON');
  return text;
}

/** Throws `CoachError('input_invalid')`. */
export function invalid(message: string): never {
  throw new CoachError('input_invalid', `Store: ${message}`);
}
