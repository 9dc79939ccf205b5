import { sourceLabel } from '../answer/citations.ts';
import type { KnowledgeBase, KnowledgeEntry, Lang } from '../knowledge/types.ts';

/** A daily tip: a short actionable line built on one entry, with its source. */
export interface Tip {
  id: string;
  title: string;
  text: string;
  source: string;
  lang: Lang;
}

/** The tip of an entry in a language. */
export function tipOf(kb: KnowledgeBase, entry: KnowledgeEntry, lang: Lang): Tip {
  return {
    id: entry.id,
    title: entry.title[lang],
    text: entry.tip[lang],
    source: sourceLabel(kb, entry, lang),
    lang,
  };
}

/**
 * Chooses the next entry for a chat: the first entry (in a stable order shuffled by `seed`, so that
 * chats don't all get the same tip the same day) that was not sent yet in this rotation. Returns
 * `restart: true` when every entry was sent and the rotation starts over.
 */
export function nextTipEntry(
  kb: KnowledgeBase,
  sentIds: readonly string[],
  seed: string,
): { entry: KnowledgeEntry; restart: boolean } {
  const order = tipRotation(kb, seed);
  const sent = new Set(sentIds);
  const fresh = order.find((e) => !sent.has(e.id));
  if (fresh) return { entry: fresh, restart: false };
  const first = order[0];
  if (!first) throw new Error('the knowledge base is empty');
  return { entry: first, restart: true };
}

/** The rotation order for a seed: a deterministic shuffle (FNV-1a of seed + id), stable across restarts and replicas. */
export function tipRotation(kb: KnowledgeBase, seed: string): KnowledgeEntry[] {
  const entries = kb.entries;
  const key = (id: string) => {
    let h = 0x811c9dc5;
    for (const ch of `${seed}:${id}`) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
    return h;
  };
  return [...entries].sort((a, b) => key(a.id) - key(b.id) || a.id.localeCompare(b.id));
}
