import type OpenAI from 'openai';
import type { Logger } from '../core/logger.ts';

/** What the stream and json calls share: the SDK client and settings fixed at creation. */
export interface LlmContext {
  openai: OpenAI;
  model: string;
  log: Logger;
  idleTimeoutMs: number;
  /** The output limit of a call that sets none, and the field it is sent in. */
  maxTokens: number;
  tokensParam: 'max_tokens' | 'max_completion_tokens';
  /** Removes the API key from texts headed for logs and error messages. */
  redact: (text: string) => string;
}
