/**
 * Splits text into chunks of at most `max` characters, preferring a paragraph break, then a line break,
 * then the end of a sentence, then a space, so that a word is never cut. Only a single "word" longer than
 * `max` (a huge URL) or a run of CJK text without spaces is cut at a character boundary.
 */
export function splitText(text: string, max: number): string[] {
  if (max < 10) throw new RangeError('max must be at least 10');
  const chunks: string[] = [];
  let rest = text.trim();
  while (rest.length > max) {
    const cut = cutIndex(rest, max);
    const head = rest.slice(0, cut).trimEnd();
    if (head) chunks.push(head);
    rest = rest.slice(cut).trimStart();
  }
  if (rest) chunks.push(rest);
  return chunks;
}

function cutIndex(text: string, max: number): number {
  const window = text.slice(0, max + 1);
  const floor = Math.floor(max * 0.3);
  const para = window.lastIndexOf('\n\n', max);
  if (para > floor) return para;
  const line = window.lastIndexOf('\n', max);
  if (line > floor) return line;
  let sentence = -1;
  for (const m of window.matchAll(/[.!?](?=\s)|[。！？；]/g)) {
    const end = m.index + m[0].length;
    if (end <= max) sentence = end;
  }
  if (sentence > floor) return sentence;
  const space = window.lastIndexOf(' ', max);
  if (space > 0) return space;
  // CJK text or one enormous token: cut at a character boundary (never between surrogate halves).
  const code = text.charCodeAt(max - 1);
  return code >= 0xd800 && code <= 0xdbff ? max - 1 : max;
}
