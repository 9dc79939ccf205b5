import type { Lang } from '../knowledge/types.ts';

/** A knowledge entry an answer relies on, as shown to users. */
export interface Citation {
  id: string;
  /** The entry's title in the answer's language. */
  title: string;
  /** The source article, e.g. `digoal, B2B营销的第一性原理 (2021-09-06)`. */
  source: string;
  /** The number the answer's text uses for it ([1], [2]…), when it differs from the list order. */
  n?: number;
}

/** A finished answer. `mode` says whether an LLM wrote it or the offline composer did. */
export interface Answer {
  answer: string;
  citations: Citation[];
  mode: 'offline' | 'llm';
  lang: Lang;
  /** One-line notices for the user: truncated input, AI model unavailable, … */
  notes: string[];
}

/** An earlier turn of the conversation, oldest first. */
export interface HistoryTurn {
  role: 'user' | 'assistant';
  text: string;
}
