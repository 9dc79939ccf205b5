import type { z } from 'zod';

/** A chat message sent to the model. */
export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/**
 * What the core needs from a language model. `src/llm/` implements it over any OpenAI-compatible
 * API; the core never imports `openai`, so tests can pass a fake.
 */
export interface LlmPort {
  readonly model: string;
  /** Text deltas as the model writes; throws `CoachError('llm_unavailable' | 'llm_bad_output')`. */
  stream(
    messages: ChatMessage[],
    opts?: { signal?: AbortSignal; temperature?: number; maxTokens?: number },
  ): AsyncIterable<string>;
  /** A structured answer validated by `schema`; throws `CoachError('llm_bad_output')` keeping the raw text. */
  json<T>(
    messages: ChatMessage[],
    schema: z.ZodType<T>,
    opts: { name: string; temperature?: number; maxTokens?: number },
  ): Promise<{ value: T; raw: string }>;
}
