/**
 * Finds the concepts of `concepts.json` a question mentions. Latin terms match as whole stemmed words in
 * order ("decision makers" finds "decision maker"; "it" never matches inside "with"); terms with
 * Chinese characters match as substrings of the normalised text (Chinese has no spaces to anchor on).
 */
import type { Concept } from '../knowledge/types.ts';
import { isCjk, normalize } from './normalize.ts';
import { stem } from './tokenize.ts';

/** Latin words of normalised text, stemmed like the index. */
export function latinWords(norm: string): string[] {
  return (norm.match(/[a-z0-9]+/g) ?? []).map(stem);
}

/** What a question mentions. */
export interface ConceptMatches {
  /** Topic concepts, with the terms that were found. */
  topics: { concept: Concept; terms: string[] }[];
  /** Out-of-scope concepts, with the terms that were found. */
  out: { concept: Concept; terms: string[] }[];
}

/** Matches questions against a list of concepts. */
export interface ConceptMatcher {
  match(text: string): ConceptMatches;
}

/** Builds the matcher once per knowledge base. */
export function createConceptMatcher(concepts: Concept[]): ConceptMatcher {
  const cjkTerms: { concept: Concept; term: string; needle: string }[] = [];
  /** First stemmed word → the word sequences that start with it. */
  const byFirst = new Map<string, { concept: Concept; term: string; words: string[] }[]>();
  for (const concept of concepts) {
    for (const term of new Set([...concept.terms.en, ...concept.terms.zh])) {
      const norm = normalize(term);
      if ([...norm].some(isCjk)) {
        cjkTerms.push({ concept, term, needle: norm.replace(/\s+/g, '') });
        continue;
      }
      const words = latinWords(norm);
      const first = words[0];
      if (!first) continue;
      const list = byFirst.get(first) ?? [];
      list.push({ concept, term, words });
      byFirst.set(first, list);
    }
  }
  return {
    match(text) {
      const norm = normalize(text);
      const compact = norm.replace(/\s+/g, '');
      const found = new Map<Concept, Set<string>>();
      const note = (concept: Concept, term: string) => {
        const set = found.get(concept) ?? new Set<string>();
        set.add(term);
        found.set(concept, set);
      };
      for (const t of cjkTerms) if (compact.includes(t.needle)) note(t.concept, t.term);
      const words = latinWords(norm);
      for (let i = 0; i < words.length; i += 1) {
        for (const cand of byFirst.get(words[i] ?? '') ?? []) {
          if (cand.words.every((w, j) => words[i + j] === w)) note(cand.concept, cand.term);
        }
      }
      const out: ConceptMatches = { topics: [], out: [] };
      for (const [concept, terms] of found) {
        (concept.kind === 'out' ? out.out : out.topics).push({ concept, terms: [...terms] });
      }
      return out;
    },
  };
}
