import type { z } from 'zod';

/** A chat message sent to the model. */
export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** Tokens a call used, as the service reported them. */
export interface TokenUsage {
  input: number;
  output: number;
}

/** Options of {@link LlmPort.stream}. */
export interface StreamOptions {
  /** Aborting stops the request; the iteration then rejects with `signal.reason` (not a CoachError). */
  signal?: AbortSignal;
  temperature?: number;
  maxTokens?: number;
}

/** Options of {@link LlmPort.json}. */
export interface JsonOptions {
  /** Name of the schema sent to the service (letters, digits, `_`, `-`). */
  name: string;
  temperature?: number;
  maxTokens?: number;
  /** A tighter timeout for this call, in ms; set, the call is also not retried. */
  timeoutMs?: number;
  /** Ask once more with the validation error when the output is invalid (default true). */
  repair?: boolean;
  /** Called with the tokens each request used. */
  onUsage?: (usage: TokenUsage) => void;
}

/**
 * What the core needs from a language model. `src/llm/` implements it over any OpenAI-compatible
 * API; the core never imports `openai`, so tests can pass a fake.
 */
export interface LlmPort {
  readonly model: string;
  /**
   * Streams the answer as text deltas. Throws CoachError('llm_unavailable') before the first delta on
   * failure; a failure after some deltas throws CoachError('llm_unavailable', …, { details: { partial: true } }).
   * An empty answer throws CoachError('llm_bad_output').
   */
  stream(messages: ChatMessage[], opts?: StreamOptions): AsyncIterable<string>;
  /**
   * Non-streaming structured output validated by the zod schema (with zod 4, optional fields must also
   * be `.nullable()`). Invalid output gets one repair attempt, then CoachError('llm_bad_output') with
   * `details.raw` holding the model's last text.
   */
  json<T>(
    messages: ChatMessage[],
    schema: z.ZodType<T>,
    opts: JsonOptions,
  ): Promise<{ value: T; raw: string }>;
}
