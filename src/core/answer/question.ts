import { stripVTControlCharacters } from 'node:util';
import { CoachError } from '../errors.ts';
import { capText, MAX_INBOUND_CHARS } from '../text-limits.ts';

/** Longest question Coach reads; the rest is cut with a note (a 100 KB paste must not hurt). */
export const MAX_QUESTION_CHARS = 2_000;

/** A question ready for retrieval, with any notice to show the user. */
export interface PreparedQuestion {
  text: string;
  truncated: boolean;
  originalLength: number;
}

/**
 * Cleans a user's question: drops terminal escape sequences, control characters and surplus white space, rejects an empty
 * one (`input_empty`), and cuts one over `MAX_QUESTION_CHARS` at a word boundary.
 */
export function prepareQuestion(raw: string, max = MAX_QUESTION_CHARS): PreparedQuestion {
  // Patterns below read at most a bounded prefix; the length reported is the original one.
  // Terminal escape sequences go whole ("\u001b[31m" would otherwise leave "[31m" behind).
  const cleaned = stripVTControlCharacters(capText(raw, Math.max(max * 4, MAX_INBOUND_CHARS)))
    // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .replace(/[ \t]+/g, ' ')
    .trim();
  if (!cleaned) throw new CoachError('input_empty', 'The question is empty.');
  if (cleaned.length <= max && raw.length <= max * 4) {
    return { text: cleaned, truncated: false, originalLength: cleaned.length };
  }
  let cut = cleaned.slice(0, max);
  const space = cut.lastIndexOf(' ');
  if (space > max * 0.8) cut = cut.slice(0, space);
  return { text: cut, truncated: true, originalLength: Math.max(cleaned.length, raw.trim().length) };
}

/** The note shown when a question was cut. */
export function truncationNote(q: PreparedQuestion, lang: 'en' | 'zh'): string {
  return lang === 'zh'
    ? `问题太长（${q.originalLength} 字），只读取了前 ${q.text.length} 字。`
    : `Your message was long (${q.originalLength} characters); Coach read the first ${q.text.length}.`;
}

/** The question as lookups see it (see {@link prepareQuestion}); the raw text when it is empty (answering then says so). */
export function cleanedOrRaw(question: string): string {
  try {
    return prepareQuestion(question).text;
  } catch {
    return question;
  }
}
