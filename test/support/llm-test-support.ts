import { CoachError } from '../../src/core/errors.ts';
import { silentLogger } from '../../src/core/logger.ts';
import { createLlmClient } from '../../src/llm/client.ts';
import type { LlmClient, LlmClientOptions } from '../../src/llm/types.ts';

export { memoryLogger } from './memory-logger.ts';

/** A client pointed at a fake server, with fast test defaults. */
export function testClient(baseURL: string, overrides: Partial<LlmClientOptions> = {}): LlmClient {
  return createLlmClient({
    apiKey: 'sk-test-key',
    baseURL,
    model: 'fake-model',
    timeoutMs: 5_000,
    maxRetries: 2,
    maxTokens: 1_500,
    logger: silentLogger(),
    ...overrides,
  });
}

/** Reads a stream to the end, keeping the deltas received before any error. */
export async function drain(stream: AsyncIterable<string>): Promise<{ deltas: string[]; error?: unknown }> {
  const deltas: string[] = [];
  try {
    for await (const delta of stream) deltas.push(delta);
    return { deltas };
  } catch (error) {
    return { deltas, error };
  }
}

/** The CoachError a promise rejects with; fails the test if it resolves or rejects with anything else. */
export async function coachErrorOf(promise: Promise<unknown>): Promise<CoachError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof CoachError) return err;
    throw err;
  }
  throw new Error('expected a CoachError, but the call succeeded');
}
