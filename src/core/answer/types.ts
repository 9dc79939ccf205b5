import type { Lang } from '../knowledge/types.ts';
import type { TokenUsage } from '../llm-port.ts';

/** A knowledge entry an answer relies on, as shown to users. */
export interface Citation {
  id: string;
  /** The entry's title in the answer's language. */
  title: string;
  /** The source article, e.g. `digoal, B2B营销的第一性原理 (2021-09-06)`. */
  source: string;
  /** The number the answer's text uses for it ([1], [2]…), when it differs from the list order. */
  n?: number;
  /** A passage of the team's own documents (`source` is then its file path or URL), not a principle. */
  team?: true;
}

/**
 * How much of a question the knowledge answers: `covered` (an entry answers it), `partial` (the
 * knowledge has a nearby idea but not what was asked: the answer says so first), `not_covered` (no
 * citation; the answer says what Coach does cover).
 */
export type Coverage = 'covered' | 'partial' | 'not_covered';

/** A finished answer. `mode` says whether an LLM wrote it or the offline composer did. */
export interface Answer {
  answer: string;
  citations: Citation[];
  mode: 'offline' | 'llm';
  lang: Lang;
  /** How much of the question the knowledge covers (see {@link Coverage}). */
  coverage?: Coverage;
  /** Model tokens the answer used (reported by the service, or estimated for a streamed answer). */
  usage?: TokenUsage;
  /** One-line notices for the user: truncated input, AI model unavailable, … */
  notes: string[];
}

/** An earlier turn of the conversation, oldest first. */
export interface HistoryTurn {
  role: 'user' | 'assistant';
  text: string;
}
