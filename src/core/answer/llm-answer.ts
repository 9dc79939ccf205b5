import type { KnowledgeBase, Lang } from '../knowledge/types.ts';
import type { ChatMessage } from '../llm-port.ts';
import { fillPrompt, type PromptTemplate } from '../prompts.ts';
import type { SearchHit } from '../retrieval/retriever.ts';
import { citationOf } from './citations.ts';
import type { Answer, Citation, HistoryTurn } from './types.ts';

/** Longest body excerpt per source in the prompt (characters): the top of each entry is the idea. */
const SOURCE_CHARS = 900;
/** Longest history turn in the prompt. */
const TURN_CHARS = 600;

/** Builds the chat messages for a grounded answer: numbered sources, history and the question as data. */
export function buildAnswerMessages(
  prompt: PromptTemplate,
  input: { question: string; hits: SearchHit[]; history: HistoryTurn[]; lang: Lang; kb: KnowledgeBase },
): ChatMessage[] {
  const { question, hits, history, lang } = input;
  const sources = hits.length
    ? hits
        .map((h, i) => {
          const e = h.entry;
          return `[${i + 1}] ${e.title[lang]} (id: ${e.id})\n${trim(e.body[lang], SOURCE_CHARS)}`;
        })
        .join('\n\n')
    : '(none matched)';
  const turns = history.length
    ? history.map((t) => `${t.role === 'user' ? 'User' : 'Coach'}: ${trim(t.text, TURN_CHARS)}`).join('\n')
    : '(none)';
  const language = lang === 'zh' ? 'Chinese (简体中文)' : 'English';
  return [
    { role: 'system', content: fillPrompt(prompt.system, { language }) },
    { role: 'user', content: fillPrompt(prompt.user, { sources, history: turns, question, language }) },
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
  const cleaned = text
    .replace(/\[(\d{1,2}(?:\s*[,，]\s*\d{1,2})*)\]/g, (_whole, list: string) => {
      const valid = list
        .split(/[,，]/)
        .map((n) => Number.parseInt(n.trim(), 10))
        .filter((n) => n >= 1 && n <= hits.length);
      for (const n of valid) if (!used.includes(n)) used.push(n);
      return valid.map((n) => `[${n}]`).join('');
    })
    .replace(/[ \t]+([.,;:!?。，；：！？])/g, '$1')
    .trim();
  const citations: Citation[] = used.flatMap((n) => {
    const hit = hits[n - 1];
    return hit ? [{ ...citationOf(kb, hit.entry, lang), n }] : [];
  });
  return { answer: cleaned, citations, mode: 'llm', lang, notes: [], leaked: false };
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
