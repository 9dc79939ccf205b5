/**
 * The in-memory index of the team's passages, one per process, kept in step with the database: `refresh`
 * reads the revision counter (a one-row query, at most every `refreshMs`) and, when it moved, loads only
 * the documents written since and drops the ones removed. Search uses the same tokenizer as the curated
 * entries (jieba for Chinese, stemming for English, Traditional folded to Simplified) and BM25, and never
 * returns a passage scoped to another chat.
 */
import type { KnowledgeEntry } from '../knowledge/types.ts';
import type { TeamChanges } from '../store/team-types.ts';
import type { Scope, TeamPassage } from '../team/types.ts';
import { createBm25Index } from './team-bm25.ts';
import { tokenize } from './tokenize.ts';

/** Where the index loads passages from (`store.team`). */
export interface TeamPassageSource {
  revision(): Promise<number>;
  changes(since: number): Promise<TeamChanges>;
}

/** A raw keyword match of one passage. */
export interface TeamMatch {
  entry: KnowledgeEntry;
  /** BM25 over title and body. */
  score: number;
  /** The question's terms it contains. */
  terms: string[];
}

/** See the module comment. */
export interface TeamIndex {
  /** Passages held. */
  readonly size: number;
  /** Connects the index to the database (until then it is empty and `refresh` does nothing). */
  connect(source: TeamPassageSource): void;
  /** Loads what changed in the database; `force` skips the `refreshMs` pause. Concurrent calls share one load. */
  refresh(force?: boolean): Promise<void>;
  /** Passages matching any of `terms`, visible in `chat` ('' sees team-wide passages only), best first. */
  match(terms: string[], chat: Scope, limit: number): TeamMatch[];
  /** Share of passages holding a term (0 when none does). */
  documentFrequency(term: string): number;
  /** A passage by id. */
  get(id: string): KnowledgeEntry | undefined;
  /** Every passage visible in `chat` (for scoring vectors in process). */
  visible(chat: Scope): KnowledgeEntry[];
  /** Every passage held. */
  all(): KnowledgeEntry[];
  /** Called with the passages added and removed by each refresh (the vector cache follows it). */
  onUpdate?: (added: KnowledgeEntry[], removed: string[]) => void;
}

/** Options of {@link createTeamIndex}. */
export interface TeamIndexOptions {
  /** Shortest pause between two revision checks (ms); default 1000. 0 checks on every refresh. */
  refreshMs?: number;
  now?: () => number;
}

/** A passage as a searchable entry: one language (its own), titled by document and heading. */
export function passageEntry(p: TeamPassage): KnowledgeEntry {
  // A document whose first heading is its title ("# Acme case study") does not say it twice.
  const own =
    p.heading === p.title
      ? ''
      : p.heading.startsWith(`${p.title} › `)
        ? p.heading.slice(p.title.length + 3)
        : p.heading;
  const title = own ? `${p.title} › ${own}` : p.title;
  return {
    id: p.id,
    title: { en: title, zh: title },
    tags: [],
    source: 'team',
    related: [],
    body: { en: p.text, zh: p.text },
    tip: { en: '', zh: '' },
    questions: { en: [], zh: [] },
    file: p.link,
    team: {
      sourceId: p.sourceId,
      chat: p.chat,
      docTitle: p.title,
      heading: p.heading,
      link: p.link,
      hash: p.hash,
    },
  };
}

/** Creates an empty index. */
export function createTeamIndex(opts: TeamIndexOptions = {}): TeamIndex {
  const refreshMs = opts.refreshMs ?? 1_000;
  const clock = opts.now ?? Date.now;
  const bm25 = createBm25Index();
  const entries = new Map<string, KnowledgeEntry>();
  /** Passage id → its slot in the BM25 index, and slot → passage. */
  const slotOf = new Map<string, number>();
  const atSlot: (KnowledgeEntry | undefined)[] = [];
  /** Chat scope → its number in the BM25 index (0: team-wide). */
  const scopeIds = new Map<string, number>([['', 0]]);
  /** Document (`source id` + NUL + key) → its version and passage ids. */
  const docs = new Map<string, { version: number; ids: string[] }>();
  let source: TeamPassageSource | undefined;
  let seen = -1;
  let checkedAt = Number.NEGATIVE_INFINITY;
  let loading: Promise<void> | undefined;

  const termsOf = (e: KnowledgeEntry) => ({ title: tokenize(e.title.en), body: tokenize(e.body.en) });
  const scopeOf = (chat: string) => {
    let id = scopeIds.get(chat);
    if (id === undefined) {
      id = scopeIds.size;
      scopeIds.set(chat, id);
    }
    return id;
  };
  const add = (e: KnowledgeEntry) => {
    const t = termsOf(e);
    const slot = bm25.add(t.title, t.body, scopeOf(e.team?.chat ?? ''));
    slotOf.set(e.id, slot);
    atSlot[slot] = e;
    entries.set(e.id, e);
  };
  const drop = (id: string) => {
    const e = entries.get(id);
    const slot = slotOf.get(id);
    if (!e || slot === undefined) return;
    const t = termsOf(e);
    bm25.remove(slot, t.title, t.body);
    atSlot[slot] = undefined;
    slotOf.delete(id);
    entries.delete(id);
  };

  function apply(changes: TeamChanges): void {
    const current = new Map(changes.docs.map((d) => [`${d.sourceId}\u0000${d.key}`, d.version]));
    const removed: string[] = [];
    for (const [key, doc] of docs) {
      const version = current.get(key);
      if (version === undefined || version > doc.version) {
        for (const id of doc.ids) {
          drop(id);
          removed.push(id);
        }
        docs.delete(key);
      }
    }
    const added: KnowledgeEntry[] = [];
    for (const p of changes.passages) {
      const key = `${p.sourceId}\u0000${p.docKey}`;
      const version = current.get(key) ?? 0;
      const doc = docs.get(key) ?? { version, ids: [] };
      if (entries.has(p.id)) drop(p.id);
      const entry = passageEntry(p);
      add(entry);
      doc.ids.push(p.id);
      docs.set(key, doc);
      added.push(entry);
    }
    seen = changes.revision;
    if (added.length > 0 || removed.length > 0) index.onUpdate?.(added, removed);
  }

  const index: TeamIndex = {
    get size() {
      return entries.size;
    },
    connect(s) {
      source = s;
      checkedAt = Number.NEGATIVE_INFINITY;
    },
    refresh(force = false) {
      if (!source) return Promise.resolve();
      if (loading) return loading;
      const at = clock();
      if (!force && at - checkedAt < refreshMs) return Promise.resolve();
      checkedAt = at;
      const from = source;
      loading = (async () => {
        const revision = await from.revision();
        if (revision === seen) return;
        apply(await from.changes(Math.max(0, seen)));
      })().finally(() => {
        loading = undefined;
      });
      return loading;
    },
    match(terms, chat, limit) {
      if (entries.size === 0 || terms.length === 0) return [];
      // An unknown chat has no passages of its own: -1 matches only team-wide ones.
      const scope = chat ? (scopeIds.get(chat) ?? -1) : 0;
      return bm25.search(terms, scope, limit).flatMap((h) => {
        const entry = atSlot[h.slot];
        return entry ? [{ entry, score: h.score, terms: h.terms }] : [];
      });
    },
    documentFrequency: (term) => (entries.size === 0 ? 0 : bm25.frequency(term) / entries.size),
    get: (id) => entries.get(id),
    all: () => [...entries.values()],
    visible: (chat) =>
      [...entries.values()].filter((e) => (e.team?.chat ?? '') === '' || e.team?.chat === chat),
  };
  return index;
}
