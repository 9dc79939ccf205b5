import { z } from 'zod';
import type { ChatMessage } from './types.ts';

/** The outcome of reading model text as JSON for a schema. */
export type JsonTextResult<T> = { ok: true; value: T } | { ok: false; error: string };

/**
 * Reads model text as JSON validated by `schema`. Tolerates what models add around JSON: code
 * fences and a sentence before or after the object.
 */
export function parseJsonText<T>(raw: string, schema: z.ZodType<T>): JsonTextResult<T> {
  const json = readJson(raw);
  if (!json.ok) return json;
  const result = schema.safeParse(json.value);
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, error: `The JSON does not match the schema:\n${z.prettifyError(result.error)}` };
}

function readJson(raw: string): { ok: true; value: unknown } | { ok: false; error: string } {
  const text = stripFences(raw);
  if (text === '') return { ok: false, error: 'The answer was empty; a JSON value was expected.' };
  const first = tryJson(text);
  if (first.ok) return first;
  // A model in JSON mode may still wrap the object in prose: try the outermost braces.
  const start = text.search(/[{[]/);
  const end = Math.max(text.lastIndexOf('}'), text.lastIndexOf(']'));
  if (start >= 0 && end > start && (start > 0 || end < text.length - 1)) {
    const inner = tryJson(text.slice(start, end + 1));
    if (inner.ok) return inner;
  }
  return { ok: false, error: `The answer is not valid JSON (${first.error}).` };
}

function tryJson(text: string): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}

/** Removes a Markdown code fence (```json … ```) around the whole text. */
export function stripFences(raw: string): string {
  const text = raw.trim();
  if (!text.startsWith('```') || !text.endsWith('```') || text.length < 6) return text;
  // The opening fence runs to the end of its line (it may name a language); the closing one is ```.
  const firstBreak = text.indexOf('\n');
  const body = firstBreak < 0 ? text.slice(3, -3) : text.slice(firstBreak + 1, -3);
  return body.trim();
}

/**
 * In JSON mode the service does not know the schema, so the prompt carries it. It is added to the
 * first system message (some services accept only one, and only first).
 */
export function withSchemaInstruction(messages: ChatMessage[], jsonSchema: unknown): ChatMessage[] {
  const instruction =
    'Reply with only one JSON object, without code fences or any other text. ' +
    `It must match this JSON Schema:\n${JSON.stringify(jsonSchema)}`;
  const [first, ...rest] = messages;
  if (first?.role === 'system')
    return [{ role: 'system', content: `${first.content}\n\n${instruction}` }, ...rest];
  return [{ role: 'system', content: instruction }, ...messages];
}

/** The conversation for the one repair attempt: the model sees its output and what was wrong with it. */
export function repairMessages(messages: ChatMessage[], raw: string, error: string): ChatMessage[] {
  return [
    ...messages,
    { role: 'assistant', content: raw },
    {
      role: 'user',
      content:
        `Your previous answer could not be used. ${error}\n\n` +
        'Reply again with only the corrected JSON, without code fences or any other text.',
    },
  ];
}
