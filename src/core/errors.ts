/** Machine-readable reasons a Coach operation can fail; adapters map them to chat replies. */
export type CoachErrorCode =
  | 'config_invalid'
  | 'knowledge_invalid'
  | 'input_empty'
  | 'input_too_long'
  | 'input_invalid'
  | 'llm_unavailable'
  | 'llm_bad_output'
  | 'store_unavailable'
  | 'platform_error'
  | 'internal';

/**
 * The one error type Coach throws. Core code throws it; adapters catch it at the edge and turn it
 * into a friendly message plus one structured log line.
 */
export class CoachError extends Error {
  override readonly name = 'CoachError';
  readonly code: CoachErrorCode;
  /** Extra facts for the log (never secrets or whole user texts). */
  readonly details: Record<string, unknown>;

  constructor(
    code: CoachErrorCode,
    message: string,
    options: { cause?: unknown; details?: Record<string, unknown> } = {},
  ) {
    super(message, { cause: options.cause });
    this.code = code;
    this.details = options.details ?? {};
  }
}

/** True when `err` is a CoachError, optionally with the given code. */
export function isCoachError(err: unknown, code?: CoachErrorCode): err is CoachError {
  return err instanceof CoachError && (code === undefined || err.code === code);
}

/** A short description of any thrown value, for log lines. */
export function describeError(err: unknown): { code: string; message: string } {
  if (err instanceof CoachError) return { code: err.code, message: err.message };
  if (err instanceof Error) return { code: err.name, message: err.message };
  return { code: 'unknown', message: String(err) };
}
