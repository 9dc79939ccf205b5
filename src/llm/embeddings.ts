/**
 * The embeddings client for semantic search over the team's documents: any OpenAI-compatible
 * `/embeddings` endpoint (`EMBEDDINGS_MODEL`, `EMBEDDINGS_BASE_URL`, `EMBEDDINGS_API_KEY`). Retries are
 * the SDK's (429, 5xx, with `retry-after`); a failure becomes `llm_unavailable`, and search falls back to
 * keywords.
 */
import OpenAI from 'openai';
import { CoachError } from '../core/errors.ts';
import type { Logger } from '../core/logger.ts';
import type { EmbeddingsPort } from '../core/retrieval/semantic.ts';
import { classifyFailure, redactor } from './failure.ts';

/** Options of {@link createEmbeddingsClient}. */
export interface EmbeddingsOptions {
  apiKey: string;
  baseURL?: string;
  model: string;
  timeoutMs: number;
  maxRetries?: number;
  logger: Logger;
}

/** Creates the client. */
export function createEmbeddingsClient(opts: EmbeddingsOptions): EmbeddingsPort {
  const redact = redactor(opts.apiKey);
  const openai = new OpenAI({
    apiKey: opts.apiKey,
    baseURL: opts.baseURL ?? 'https://api.openai.com/v1',
    organization: null,
    project: null,
    webhookSecret: null,
    timeout: Math.max(1, Math.round(opts.timeoutMs)),
    maxRetries: opts.maxRetries ?? 2,
    logLevel: 'off',
  });
  return {
    model: opts.model,
    async embed(texts) {
      if (texts.length === 0) return [];
      try {
        const res = await openai.embeddings.create({
          model: opts.model,
          input: texts,
          encoding_format: 'float',
        });
        const byIndex = [...res.data].sort((a, b) => a.index - b.index);
        if (byIndex.length !== texts.length)
          throw new Error(`${byIndex.length} vectors for ${texts.length} texts`);
        return byIndex.map((d) => Float32Array.from(d.embedding));
      } catch (err) {
        const { reason, status } = classifyFailure(err);
        const message = redact(err instanceof Error ? err.message : String(err));
        opts.logger.warn(
          { event: 'embeddings_failed', reason, status, model: opts.model },
          'embeddings request failed',
        );
        throw new CoachError('llm_unavailable', `Embeddings (${opts.model}) failed: ${message}`, {
          cause: err,
          details: { reason },
        });
      }
    },
  };
}
