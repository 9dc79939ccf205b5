import type { z } from 'zod';
import type { Logger } from '../core/logger.ts';

/** How `json()` asks the service for JSON. */
export type StructuredOutputsMode = 'auto' | 'json_schema' | 'json_object';

/** Options of {@link LlmClient}; config.ts fills them from the environment. */
export interface LlmClientOptions {
  /** API key of the service (`OPENAI_API_KEY`). Never logged. */
  apiKey: string;
  /**
   * Base URL of any OpenAI-compatible API (`OPENAI_BASE_URL`), e.g. DeepSeek, DashScope, Moonshot,
   * a local Ollama/vLLM, or a test fake. Default `https://api.openai.com/v1`.
   */
  baseURL?: string;
  /** Model name sent with every request (`OPENAI_MODEL`). */
  model: string;
  /**
   * Per-attempt timeout until the response starts, in ms (`LLM_TIMEOUT_MS`). While streaming it is also
   * the longest wait between two chunks, unless `idleTimeoutMs` is set.
   */
  timeoutMs: number;
  /**
   * Retries the SDK makes on 408/409/429/5xx and connection errors, with exponential backoff and
   * honouring `retry-after` (`LLM_MAX_RETRIES`).
   */
  maxRetries: number;
  logger: Logger;
  /**
   * `json_schema`: structured outputs; `json_object`: JSON mode plus the schema in the prompt;
   * `auto` (default): `json_schema`, switching to `json_object` for good once the service rejects it
   * (`LLM_STRUCTURED_OUTPUTS`).
   */
  structuredOutputs?: StructuredOutputsMode;
  /** Longest wait between two streamed chunks, in ms. Default: `timeoutMs`. */
  idleTimeoutMs?: number;
}

/** One chat message sent to the model. */
export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** Options of {@link LlmClient.stream}. */
export interface StreamOptions {
  /** Aborting stops the request; the iteration then rejects with `signal.reason` (not a CoachError). */
  signal?: AbortSignal;
  temperature?: number;
  maxTokens?: number;
}

/** Options of {@link LlmClient.json}. */
export interface JsonOptions {
  /** Name of the schema sent to the service (letters, digits, `_`, `-`). */
  name: string;
  temperature?: number;
  maxTokens?: number;
}

/** The chat model, whatever the OpenAI-compatible service behind it. */
export interface LlmClient {
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

/** Why a call to the model failed, in `CoachError.details.reason`. */
export type LlmFailureReason =
  | 'timeout'
  | 'rate_limited'
  | 'server_error'
  | 'connection'
  | 'model_not_found'
  | 'auth'
  | 'bad_request'
  | 'unknown';
