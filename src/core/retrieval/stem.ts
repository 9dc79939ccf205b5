import { stemmer } from 'stemmer';

/**
 * Words the Porter stemmer folds together though they mean different things: "customer" and "customs"
 * (border duties) both become "custom", so a question about trade-fair customs found the entries about
 * customers, and "custom fields" did too.
 */
const KEPT_APART: ReadonlyMap<string, string> = new Map([
  ['customer', 'customer'],
  ['customers', 'customer'],
  ['customs', 'customs'],
]);

/** The stem of a Latin word as the index keeps it (`decisions` → `decis`); short words stay whole. */
export function stem(word: string): string {
  return KEPT_APART.get(word) ?? (/^[a-z]{4,}$/.test(word) ? stemmer(word) : word);
}
