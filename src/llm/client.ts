import OpenAI from 'openai';
import type { Config } from '../config.ts';
import type { Logger } from '../core/logger.ts';
import type { LlmContext } from './context.ts';
import { redactor } from './failure.ts';
import { jsonChat, jsonModeState } from './json-chat.ts';
import { streamChat } from './stream-chat.ts';
import type { LlmClient, LlmClientOptions } from './types.ts';

export type {
  ChatMessage,
  JsonOptions,
  LlmClient,
  LlmClientOptions,
  LlmFailureReason,
  StreamOptions,
  StructuredOutputsMode,
} from './types.ts';

const DEFAULT_BASE_URL = 'https://api.openai.com/v1';

/** The client for the model configured in `.env` (`config.llm`): the service's and `npm run eval:model`'s. */
export function createConfiguredLlmClient(llm: NonNullable<Config['llm']>, logger: Logger): LlmClient {
  return createLlmClient({
    apiKey: llm.apiKey,
    baseURL: llm.baseURL,
    model: llm.model,
    timeoutMs: llm.timeoutMs,
    maxRetries: llm.maxRetries,
    maxTokens: llm.maxTokens,
    tokensParam: llm.tokensParam,
    structuredOutputs: llm.structuredOutputs,
    logger,
  });
}

/**
 * Creates the chat-model client for any OpenAI-compatible API. Retries (429, 5xx, connection errors,
 * with backoff and `retry-after`) are the SDK's, configured by `maxRetries`; failures come out as
 * CoachError `llm_unavailable` / `llm_bad_output` so that callers can fall back to offline answers.
 */
export function createLlmClient(opts: LlmClientOptions): LlmClient {
  const log = opts.logger.child({ component: 'llm', model: opts.model });
  const openai = new OpenAI({
    apiKey: opts.apiKey,
    // Every setting is passed explicitly: otherwise the SDK reads OPENAI_* variables itself, and
    // config.ts is meant to be the only reader of the environment.
    baseURL: opts.baseURL ?? DEFAULT_BASE_URL,
    organization: null,
    project: null,
    webhookSecret: null,
    timeout: Math.max(1, Math.round(opts.timeoutMs)),
    maxRetries: opts.maxRetries,
    logLevel: 'warn',
    logger: sdkLogger(log),
  });
  const ctx: LlmContext = {
    openai,
    model: opts.model,
    log,
    idleTimeoutMs: opts.idleTimeoutMs ?? opts.timeoutMs,
    maxTokens: opts.maxTokens,
    tokensParam: opts.tokensParam ?? 'max_tokens',
    redact: redactor(opts.apiKey),
  };
  const jsonMode = jsonModeState(opts.structuredOutputs);

  return {
    model: opts.model,
    stream: (messages, streamOpts) => streamChat(ctx, messages, streamOpts),
    json: (messages, schema, jsonOpts) => jsonChat(ctx, jsonMode, messages, schema, jsonOpts),
  };
}

/**
 * Routes the SDK's own messages to pino. Only the message is kept: the extra arguments can hold
 * request details or model text, which must not reach the logs.
 */
function sdkLogger(log: Logger) {
  const sdk = log.child({ source: 'openai-sdk' });
  return {
    error: (message: string) => sdk.error(message),
    warn: (message: string) => sdk.warn(message),
    info: (message: string) => sdk.info(message),
    debug: (message: string) => sdk.debug(message),
  };
}
