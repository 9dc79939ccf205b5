import type { KnowledgeBase } from '../knowledge/types.ts';
import { normalize } from './normalize.ts';

/**
 * "What is X?", "Who is X?", "X 是谁", "什么是 X", "X 是做什么的": a question that asks what or who one thing
 * is. The subject is captured; each pattern has one lazy group between fixed words, so it stays linear.
 */
const ASKS_WHAT_EN =
  /^(?:so\s|and\s|ok\s)?(?:what|who)(?:\s(?:is|are|was|were)|'s|’s)\s(?:a\s|an\s|the\s)?(.{2,48}?)\s?[?？.!]*$/i;
const ASKS_MEANING_EN = /^(?:what\sdoes|what\sdo)\s(.{2,48}?)\s(?:mean|stand\sfor)\s?[?？.!]*$/i;
const ASKS_WHAT_ZH_BEFORE = /^(?:请问)?(?:什么是|啥是|谁是|何谓)\s?(.{1,24}?)\s?[？?。！!]*$/;
const ASKS_WHAT_ZH_AFTER =
  /^(?:请问)?(.{1,24}?)\s?(?:是什么意思|是什么|是谁|是做什么的|是干什么的|是干嘛的|指的是什么|指什么|什么意思)\s?[？?。！!]*$/;

/** The thing a question asks to have defined or introduced, normalised; null when it asks something else. */
export function askedSubject(question: string): string | null {
  const q = question.trim();
  for (const re of [ASKS_WHAT_EN, ASKS_MEANING_EN, ASKS_WHAT_ZH_BEFORE, ASKS_WHAT_ZH_AFTER]) {
    const m = re.exec(q);
    const subject = m?.[1]?.trim().replace(/^["'“‘「]|["'”’」]$/g, '');
    if (subject) return normalize(subject);
  }
  return null;
}

/**
 * The names the knowledge holds (every entry's tags, every glossary term and alias), normalised, each
 * with the entries that hold it, in the knowledge's order (for a glossary term, its own order of ids).
 */
export function namedSubjects(kb: KnowledgeBase): Map<string, string[]> {
  const names = new Map<string, string[]>();
  const add = (name: string, id: string) => {
    const key = normalize(name).trim();
    if (key.length < 2) return;
    const ids = names.get(key) ?? [];
    if (!ids.includes(id)) ids.push(id);
    names.set(key, ids);
  };
  for (const t of kb.glossary)
    for (const name of [t.term, ...t.aliases]) for (const id of t.ids) add(name, id);
  for (const e of kb.entries) for (const tag of e.tags) add(tag, e.id);
  return names;
}
