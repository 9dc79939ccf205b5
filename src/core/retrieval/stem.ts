import { stemmer } from 'stemmer';

/** The stem of a Latin word as the index keeps it (`decisions` → `decis`); short words stay whole. */
export function stem(word: string): string {
  return /^[a-z]{4,}$/.test(word) ? stemmer(word) : word;
}
