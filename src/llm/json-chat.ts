import { APIError } from 'openai';
import { zodResponseFormat } from 'openai/helpers/zod';
import type { ResponseFormatJSONSchema } from 'openai/resources/shared';
import type { z } from 'zod';
import { CoachError } from '../core/errors.ts';
import type { LlmContext } from './context.ts';
import { unavailableError } from './failure.ts';
import { parseJsonText, repairMessages, withSchemaInstruction } from './json-text.ts';
import type { ChatMessage, JsonOptions, StructuredOutputsMode } from './types.ts';

/** Which response format the next `json()` call uses; `auto` turns into `json_object` once rejected. */
export interface JsonModeState {
  readonly configured: StructuredOutputsMode;
  current: 'json_schema' | 'json_object';
}

/** Creates the mode state for a client. */
export function jsonModeState(configured: StructuredOutputsMode = 'auto'): JsonModeState {
  return { configured, current: configured === 'json_object' ? 'json_object' : 'json_schema' };
}

/**
 * One structured-output call: ask, validate with zod, and on failure ask once more with the error
 * shown to the model. `chat.completions.create` is used rather than `.parse()` because `.parse()`
 * throws on invalid output and loses the raw text that the repair attempt and the error need.
 */
export async function jsonChat<T>(
  ctx: LlmContext,
  state: JsonModeState,
  messages: ChatMessage[],
  schema: z.ZodType<T>,
  opts: JsonOptions,
): Promise<{ value: T; raw: string }> {
  const format = responseFormat(schema, opts.name);
  const first = await complete(ctx, state, messages, format, opts);
  const firstTry = parseJsonText(first, schema);
  if (firstTry.ok) return { value: firstTry.value, raw: first };
  if (opts.repair === false) {
    throw new CoachError('llm_bad_output', `LLM ${ctx.model} gave invalid JSON for ${opts.name}`, {
      details: { raw: first, schema: opts.name, error: firstTry.error },
    });
  }

  ctx.log.warn(
    { event: 'llm_json_invalid', schema: opts.name, attempt: 1, chars: first.length },
    'model JSON invalid, asking for a repair',
  );
  const second = await complete(ctx, state, repairMessages(messages, first, firstTry.error), format, opts);
  const secondTry = parseJsonText(second, schema);
  if (secondTry.ok) return { value: secondTry.value, raw: second };

  ctx.log.warn(
    { event: 'llm_json_invalid', schema: opts.name, attempt: 2, chars: second.length },
    'model JSON still invalid after repair',
  );
  throw new CoachError('llm_bad_output', `LLM ${ctx.model} gave invalid JSON for ${opts.name} twice`, {
    details: { raw: second, schema: opts.name, error: secondTry.error },
  });
}

function responseFormat(schema: z.ZodType, name: string): ResponseFormatJSONSchema {
  try {
    return zodResponseFormat(schema, name);
  } catch (err) {
    // A schema the SDK cannot express (e.g. optional without nullable): a bug in the caller.
    throw new CoachError('internal', `schema ${name} cannot be used for structured outputs`, { cause: err });
  }
}

/** Sends one request in the current mode and returns the text of the answer. */
async function complete(
  ctx: LlmContext,
  state: JsonModeState,
  messages: ChatMessage[],
  format: ResponseFormatJSONSchema,
  opts: JsonOptions,
): Promise<string> {
  if (state.current === 'json_schema') {
    try {
      return await request(ctx, messages, format, opts);
    } catch (err) {
      if (state.configured !== 'auto' || !isJsonSchemaRejection(err)) throw failed(ctx, err, opts);
      state.current = 'json_object';
      ctx.log.info(
        { event: 'llm_json_schema_unsupported', status: err.status },
        'service rejects json_schema; using JSON mode from now on',
      );
    }
  }
  try {
    return await request(
      ctx,
      withSchemaInstruction(messages, format.json_schema.schema),
      { type: 'json_object' },
      opts,
    );
  } catch (err) {
    throw failed(ctx, err, opts);
  }
}

async function request(
  ctx: LlmContext,
  messages: ChatMessage[],
  responseFormat: ResponseFormatJSONSchema | { type: 'json_object' },
  opts: JsonOptions,
): Promise<string> {
  const completion = await ctx.openai.chat.completions.create(
    {
      model: ctx.model,
      messages,
      response_format: responseFormat,
      ...(opts.temperature === undefined ? {} : { temperature: opts.temperature }),
      [ctx.tokensParam]: opts.maxTokens ?? ctx.maxTokens,
    },
    opts.timeoutMs === undefined ? undefined : { timeout: opts.timeoutMs, maxRetries: 0 },
  );
  if (completion.usage) {
    opts.onUsage?.({ input: completion.usage.prompt_tokens, output: completion.usage.completion_tokens });
  }
  const message = completion.choices[0]?.message;
  if (message?.refusal) {
    throw new CoachError('llm_bad_output', `LLM ${ctx.model} refused to answer`, {
      details: { raw: message.refusal, refusal: true },
    });
  }
  return message?.content ?? '';
}

/** A 400/422 that blames the response format: the service has no structured outputs. */
function isJsonSchemaRejection(err: unknown): err is APIError {
  if (!(err instanceof APIError) || (err.status !== 400 && err.status !== 422)) return false;
  const text = `${err.message} ${JSON.stringify(err.error ?? '')}`;
  return /response_format|json_schema|json schema|structured output/i.test(text);
}

function failed(ctx: LlmContext, err: unknown, opts: JsonOptions): CoachError {
  const error = err instanceof CoachError ? err : unavailableError(err, ctx);
  const { reason, status } = error.details;
  ctx.log.warn(
    { event: 'llm_json_failed', schema: opts.name, code: error.code, reason, status },
    ctx.redact(error.message),
  );
  return error;
}
