import type { KnowledgeBase, Lang } from '../knowledge/types.ts';
import type { ChatMessage } from '../llm-port.ts';
import { fillPrompt, type PromptTemplate } from '../prompts.ts';
import type { SearchHit } from '../retrieval/retriever.ts';
import { trimEndChars } from '../text-limits.ts';
import { citationOf } from './citations.ts';
import type { Answer, Citation, Coverage, HistoryTurn } from './types.ts';

/** Longest body excerpt per source in the prompt (characters): the top of each entry is the idea. */
const SOURCE_CHARS = 900;
/** Longest history turn in the prompt. */
const TURN_CHARS = 600;

/** Builds the chat messages for a grounded answer: numbered sources, history and the question as data. */
export function buildAnswerMessages(
  prompt: PromptTemplate,
  input: {
    question: string;
    hits: SearchHit[];
    history: HistoryTurn[];
    lang: Lang;
    kb: KnowledgeBase;
    /** How much of the question the knowledge covers (retrieval's outcome); default covered. */
    coverage?: Coverage;
    /** What the question asks that the knowledge does not cover, in the answer's language. */
    missing?: string[];
  },
): ChatMessage[] {
  const { question, history, lang } = input;
  const hits = input.coverage === 'not_covered' ? [] : input.hits;
  const coverage =
    input.coverage === 'partial'
      ? `PARTLY COVERED: the knowledge base does not cover ${input.missing?.length ? input.missing.join('; ') : 'what is asked directly'}. Say so plainly in your first sentence, then offer the nearest idea from SOURCES.`
      : input.coverage === 'not_covered'
        ? 'NOT COVERED: the knowledge base has nothing on this question.'
        : 'COVERED.';
  const sources = hits.length
    ? hits
        .map((h, i) => {
          const e = h.entry;
          // The team's own documents are marked, so the answer can say which facts are theirs.
          const head = e.team
            ? `[${i + 1}] ${e.title[lang]} (id: ${e.id}) — TEAM DOCUMENT (${e.team.link})`
            : `[${i + 1}] ${e.title[lang]} (id: ${e.id})`;
          return `${head}\n${trim(e.body[lang], SOURCE_CHARS)}`;
        })
        .join('\n\n')
    : '(none matched)';
  const turns = history.length
    ? history.map((t) => `${t.role === 'user' ? 'User' : 'Coach'}: ${trim(t.text, TURN_CHARS)}`).join('\n')
    : '(none)';
  const language = lang === 'zh' ? 'Chinese (简体中文)' : 'English';
  return [
    { role: 'system', content: fillPrompt(prompt.system, { language }) },
    {
      role: 'user',
      content: fillPrompt(prompt.user, { sources, history: turns, question, language, coverage }),
    },
  ];
}

/**
 * Turns the model's text into an answer: `[n]` markers that point to a source that was given
 * become citations (listed once, in order of first use); markers for sources that were not given
 * are removed. A reply that quotes the system prompt's canary is discarded (`leaked`).
 */
export function finishLlmAnswer(
  text: string,
  hits: SearchHit[],
  lang: Lang,
  kb: KnowledgeBase,
  canary?: string,
): Answer & { leaked: boolean } {
  if (canary && text.includes(canary)) {
    return { answer: '', citations: [], mode: 'llm', lang, notes: [], leaked: true };
  }
  const used: number[] = [];
  const cleaned = cleanMarkers(text, hits.length, used).trim();
  const citations: Citation[] = used.flatMap((n) => {
    const hit = hits[n - 1];
    return hit ? [{ ...citationOf(kb, hit.entry, lang), n }] : [];
  });
  return { answer: cleaned, citations, mode: 'llm', lang, notes: [], leaked: false };
}

/** Characters a citation marker may hold between its brackets: digits, separators, spaces. */
const MARKER_CHARS = /^[\d\s,，]*$/;

/**
 * Keeps the markers of sources 1…`given` (`[1]`, `[1, 2]`, `[1，2]`; noting their numbers in `used`,
 * first use first) and removes the others together with the spaces and tabs before them, so "fact [9]."
 * becomes "fact.". A single pass over the text: no pattern can backtrack on a long run of spaces.
 */
function cleanMarkers(text: string, given: number, used: number[] = []): string {
  let out = '';
  let at = 0;
  for (;;) {
    const open = text.indexOf('[', at);
    if (open < 0) return out + text.slice(at);
    // Only a short window is searched: on a long run of `[` without `]` a search to the end of the
    // text for every `[` would be quadratic.
    const within = text.slice(open + 1, open + 41).indexOf(']');
    const close = within < 0 ? -1 : open + 1 + within;
    const inner = close > open ? text.slice(open + 1, close) : undefined;
    const numbers = inner !== undefined ? markerNumbers(inner) : undefined;
    if (!numbers) {
      out += text.slice(at, open + 1);
      at = open + 1;
      continue;
    }
    const valid = numbers.filter((n) => n >= 1 && n <= given);
    for (const n of valid) if (!used.includes(n)) used.push(n);
    let before = text.slice(at, open);
    if (valid.length === 0) before = trimEndChars(before, ' \t');
    out += before + valid.map((n) => `[${n}]`).join('');
    if (valid.length === 0 && before === '') out = trimEndChars(out, ' \t');
    at = close + 1;
  }
}

/** The numbers of a marker's inside (`1, 2`), or undefined when it is not a citation marker. */
function markerNumbers(inner: string): number[] | undefined {
  if (!MARKER_CHARS.test(inner)) return undefined;
  const parts = inner.split(/[,，]/).map((p) => p.trim());
  if (parts.some((p) => !/^\d{1,2}$/.test(p))) return undefined;
  return parts.map((p) => Number.parseInt(p, 10));
}

/** Most spaces and tabs held back before a possible marker (a longer run is shown as it comes). */
const MAX_HELD_SPACES = 64;

/**
 * Length of the end of a streamed text that may still grow into a marker: spaces and tabs (at most
 * {@link MAX_HELD_SPACES}, so that a long run is not rescanned on every delta), then maybe an opening
 * `[` with up to 16 digits, separators or spaces after it.
 */
function openMarkerLength(text: string): number {
  const bracket = text.lastIndexOf('[');
  let start = text.length;
  if (bracket >= 0 && text.length - bracket <= 17 && MARKER_CHARS.test(text.slice(bracket + 1)))
    start = bracket;
  const floor = Math.max(0, start - MAX_HELD_SPACES);
  while (start > floor && (text[start - 1] === ' ' || text[start - 1] === '\t')) start -= 1;
  return text.length - start;
}

/** Filters the model's deltas on their way to the user; see {@link createDeltaFilter}. */
export interface DeltaFilter {
  /** The part of the text so far that can be shown now ('' when nothing can). */
  push(delta: string): string;
  /** The rest, once the model has stopped ('' after a leak). */
  flush(): string;
  /** True once the canary was seen: nothing more is shown. */
  readonly leaked: boolean;
}

/**
 * Makes the streamed text match the final answer ({@link finishLlmAnswer}): markers for sources
 * that were not given are removed, leading white space is dropped, and nothing is shown from the
 * canary on. A tail that could still become a marker or the canary is held back until the next
 * delta settles it.
 */
export function createDeltaFilter(given: number, canary?: string): DeltaFilter {
  let held = '';
  let started = false;
  let leaked = false;
  const show = (text: string): string => {
    const out = cleanMarkers(started ? text : text.trimStart(), given);
    if (out) started = true;
    return out;
  };
  return {
    push(delta) {
      if (leaked) return '';
      held += delta;
      if (canary && held.includes(canary)) {
        leaked = true;
        held = '';
        return '';
      }
      const keep = Math.max(openMarkerLength(held), canaryStart(held, canary));
      const ready = held.slice(0, held.length - keep);
      held = held.slice(held.length - keep);
      return show(ready);
    },
    flush() {
      const rest = leaked ? '' : show(held);
      held = '';
      return rest;
    },
    get leaked() {
      return leaked;
    },
  };
}

/** Length of the longest end of `text` that is the beginning of the canary. */
function canaryStart(text: string, canary: string | undefined): number {
  if (!canary) return 0;
  for (let k = Math.min(canary.length - 1, text.length); k > 0; k--) {
    if (text.endsWith(canary.slice(0, k))) return k;
  }
  return 0;
}

/** The latest question of the thread (trimmed), which a follow-up leans on first; '' when none. */
export function latestOf(history: HistoryTurn[]): string {
  const last = history.filter((t) => t.role === 'user').at(-1);
  return last ? trim(last.text, 200) : '';
}

/** The user's recent turns, as a short retrieval hint for follow-ups. */
export function topicOf(history: HistoryTurn[]): string {
  return history
    .filter((t) => t.role === 'user')
    .slice(-2)
    .map((t) => trim(t.text, 200))
    .join('\n');
}

function trim(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const stop = Math.max(cut.lastIndexOf('\n'), cut.lastIndexOf('. '), cut.lastIndexOf('。'));
  return `${stop > max * 0.6 ? cut.slice(0, stop + 1) : cut}…`;
}
