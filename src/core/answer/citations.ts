import type { KnowledgeBase, KnowledgeEntry, Lang } from '../knowledge/types.ts';
import type { Citation } from './types.ts';

/** How an entry's source is cited: author, original title, date; a team passage: its file path or URL. */
export function sourceLabel(kb: KnowledgeBase, entry: KnowledgeEntry, lang: Lang): string {
  if (entry.team) return entry.team.link;
  const s = kb.sources.get(entry.source);
  if (!s) return entry.source;
  const title = lang === 'zh' ? `《${s.title}》` : `"${s.title_en}" (${s.title})`;
  return `${s.author}, ${title}, ${s.date}`;
}

/**
 * The citation of an entry in the given language. A team passage's is
 * `{ id: "team:…", title: "Document › Heading", source: <file path or URL>, team: true }`.
 */
export function citationOf(kb: KnowledgeBase, entry: KnowledgeEntry, lang: Lang): Citation {
  const citation: Citation = { id: entry.id, title: entry.title[lang], source: sourceLabel(kb, entry, lang) };
  if (entry.team) citation.team = true;
  return citation;
}

/** The label renderers put on a citation of the team's own documents (principles carry none). */
export const TEAM_DOC_LABEL: Readonly<Record<Lang, string>> = { en: 'team doc', zh: '团队文档' };

/** One line of a sources list, as plain text: `[1] Title (id) — source` or `[2] 📄 Title — link (team doc)`. */
export function citationLine(c: Citation, n: number, lang: Lang): string {
  return c.team
    ? `[${n}] 📄 ${c.title} — ${c.source} (${TEAM_DOC_LABEL[lang]})`
    : `[${n}] ${c.title} (${c.id}) — ${c.source}`;
}
