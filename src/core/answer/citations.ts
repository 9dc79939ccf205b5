import type { KnowledgeBase, KnowledgeEntry, Lang } from '../knowledge/types.ts';
import type { Citation } from './types.ts';

/** How an entry's source is cited: author, original title, date. */
export function sourceLabel(kb: KnowledgeBase, entry: KnowledgeEntry, lang: Lang): string {
  const s = kb.sources.get(entry.source);
  if (!s) return entry.source;
  const title = lang === 'zh' ? `《${s.title}》` : `"${s.title_en}" (${s.title})`;
  return `${s.author}, ${title}, ${s.date}`;
}

/** The citation of an entry in the given language. */
export function citationOf(kb: KnowledgeBase, entry: KnowledgeEntry, lang: Lang): Citation {
  return { id: entry.id, title: entry.title[lang], source: sourceLabel(kb, entry, lang) };
}
