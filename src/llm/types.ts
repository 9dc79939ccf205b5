import type { LlmPort } from '../core/llm-port.ts';
import type { Logger } from '../core/logger.ts';

export type { ChatMessage, JsonOptions, StreamOptions, TokenUsage } from '../core/llm-port.ts';

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
  /** Model name sent with every request (`COACH_MODEL`). */
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
  /**
   * Output tokens allowed when a call does not set its own (`LLM_MAX_TOKENS`): every request carries a
   * limit, so no answer can run on and on.
   */
  maxTokens: number;
  /**
   * The request field for that limit (`LLM_TOKENS_PARAM`): `max_tokens`, or `max_completion_tokens` for
   * OpenAI's reasoning models, which refuse the first.
   */
  tokensParam?: 'max_tokens' | 'max_completion_tokens';
}

/** The chat model, whatever the OpenAI-compatible service behind it: the core's port. */
export type LlmClient = LlmPort;

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
