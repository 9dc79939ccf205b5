/** The two languages every knowledge entry is written in. */
export type Lang = 'en' | 'zh';
export const LANGS: readonly Lang[] = ['en', 'zh'];

/** A text in both languages. */
export type Bilingual = Record<Lang, string>;

/** One curated idea from the source articles (`knowledge/*.md`). */
export interface KnowledgeEntry {
  /** Stable kebab-case id; citations, rules and tips refer to it. */
  id: string;
  title: Bilingual;
  /** Search terms in both languages (synonyms, abbreviations). */
  tags: string[];
  /** Key of the article in `knowledge/sources.json`. */
  source: string;
  /** Ids of entries worth reading next. */
  related: string[];
  /** The idea, written in our own words, per language (Markdown). */
  body: Bilingual;
  /** A short actionable tip built on the idea, per language, for the daily tip. */
  tip: Bilingual;
  /** Questions marketers ask that this entry answers (indexed for search, shown as suggestions). */
  questions: Record<Lang, string[]>;
  /** The file it came from, relative to the knowledge folder. */
  file: string;
  /** Set on a passage of the team's own documents (then `id` is `team:…`); absent on curated entries. */
  team?: TeamRef;
}

/** Where a team passage comes from, for its citation and its scope. */
export interface TeamRef {
  sourceId: string;
  /** '' for team-wide; else the one chat (`<platform>:<chat id>`) that may see it. */
  chat: string;
  /** The document's title. */
  docTitle: string;
  /** Its heading path (`Results › Q3`), '' at the top of the document. */
  heading: string;
  /** The file path or URL, with the anchor of its place. */
  link: string;
  /** SHA-256 of its text (the key of its cached embedding). */
  hash: string;
}

/** A source article, as cited to users. */
export interface Source {
  key: string;
  title: string;
  title_en: string;
  author: string;
  publisher?: string;
  date: string;
}

/** A glossary term: an abbreviation or phrase, its aliases, and the entries that explain it. */
export interface GlossaryTerm {
  term: string;
  aliases: string[];
  ids: string[];
  definition: Bilingual;
}

/**
 * A concept of `concepts.json`: the words people use for one idea and the entries that answer it
 * (`topic`, weights 0–1), or the words of a question the knowledge does not cover (`out`).
 */
export interface Concept {
  id: string;
  kind: 'topic' | 'out';
  /** What it is about, to name it to the user ("ad benchmarks such as…"). */
  label: Bilingual;
  terms: Record<Lang, string[]>;
  entries: Record<string, number>;
  /**
   * Out-of-scope concepts only: the entries that answer whether it is worth doing at all ("is a TV
   * campaign worth it for B2B?" → what advertising buys in B2B). Such a question is partly covered.
   */
  worthIt?: Record<string, number>;
  /**
   * Out-of-scope concepts only: the entries nearest to the subject, which touch it without answering it
   * (analyst relations → what third-party voices add). A question about it is partly covered: the answer
   * says what is not covered and offers these.
   */
  near?: Record<string, number>;
}

/** Everything loaded from the knowledge folder. */
export interface KnowledgeBase {
  entries: KnowledgeEntry[];
  byId: Map<string, KnowledgeEntry>;
  sources: Map<string, Source>;
  glossary: GlossaryTerm[];
  concepts: Concept[];
  /** Example questions the knowledge does not answer (`out-questions.json`; optional). */
  outQuestions?: OutQuestion[];
}

/** A question marketers ask that the knowledge does not answer, under its out-of-scope concept. */
export interface OutQuestion {
  lang: 'en' | 'zh';
  /** The id of an `out` concept, or "other". */
  topic: string;
  q: string;
}
