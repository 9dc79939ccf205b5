/**
 * A linear scanner for claims told in steps within one clause ("if … longer than … free", "winner of
 * … award"). One regex with a bounded gap between the steps (`a[^.]{0,60}?b`) backtracks
 * quadratically on hostile input; this looks for each step after the previous one instead, so each
 * clause is read a bounded number of times whatever it holds.
 */
import { splitSentences } from '../text-measure.ts';
import { trimEndChars } from './regex-source.ts';

/** Sentence marks left off the end of a quoted hit. */
const END_MARKS = '.!?;。！？；';

/** The longest hit quoted in a finding. */
const QUOTE_MAX = 60;

/**
 * Clauses of `text` in which every step matches, each after the previous one and the whole within
 * `span` characters; returned as the text from the first step on (at most 60 characters). The steps
 * must be simple alternations (no nested quantifiers: they run once per clause from a given offset).
 */
export function findInOrder(text: string, steps: readonly RegExp[], span: number): string[] {
  const hits: string[] = [];
  // Sentences as the review reads them: a period ends one only before a space, not inside "99.9%".
  for (const clause of splitSentences(text)) {
    const first = steps[0]?.exec(clause);
    if (!first) continue;
    let at = first.index + first[0].length;
    let ok = true;
    for (const step of steps.slice(1)) {
      const m = step.exec(clause.slice(at));
      if (!m) {
        ok = false;
        break;
      }
      at += m.index + m[0].length;
    }
    if (ok && at - first.index <= span)
      hits.push(trimEndChars(clause.slice(first.index, first.index + QUOTE_MAX).trim(), END_MARKS));
  }
  return hits;
}
