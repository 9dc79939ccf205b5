/**
 * Knowledge gaps: unanswered questions grouped by similar wording. A question's key is the set of its
 * retrieval terms (the same tokenizer as search: jieba for Chinese, stems for English, no stop words),
 * so "How do I price SaaS?" and "how should we price our SaaS" share one key or nearly; keys whose term
 * sets overlap by at least {@link SIMILAR} (Jaccard) are one gap.
 */
import { tokenize } from '../retrieval/tokenize.ts';

/** Share of shared terms (Jaccard) from which two wordings are one gap. */
export const SIMILAR = 0.5;

/** The grouping key of a question: its distinct retrieval terms, sorted, space-separated. */
export function questionKey(text: string): string {
  const terms = [...new Set(tokenize(text))].sort();
  return terms.length > 0 ? terms.join(' ').slice(0, 500) : text.trim().toLowerCase().slice(0, 500);
}

/** One wording as counted by the store. */
export interface Wording {
  key: string;
  text: string;
  count: number;
  last: Date;
}

/** A gap: its most asked wording, how often any of its wordings was asked, and when last. */
export interface Gap {
  text: string;
  count: number;
  last: Date;
  wordings: number;
}

/** Groups wordings (most asked first is best) into gaps, most asked gap first. */
export function groupSimilar(wordings: readonly Wording[]): Gap[] {
  const groups: { terms: Set<string>; gap: Gap; top: number }[] = [];
  for (const w of wordings) {
    const terms = new Set(w.key.split(' ').filter(Boolean));
    const home = groups.find((g) => jaccard(g.terms, terms) >= SIMILAR);
    if (!home) {
      groups.push({ terms, gap: { text: w.text, count: w.count, last: w.last, wordings: 1 }, top: w.count });
      continue;
    }
    home.gap.count += w.count;
    home.gap.wordings += 1;
    if (w.last > home.gap.last) home.gap.last = w.last;
    if (w.count > home.top) {
      home.top = w.count;
      home.gap.text = w.text;
    }
  }
  return groups.map((g) => g.gap).sort((a, b) => b.count - a.count || b.last.getTime() - a.last.getTime());
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  for (const t of a) if (b.has(t)) shared += 1;
  return shared / (a.size + b.size - shared);
}
