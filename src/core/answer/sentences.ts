/**
 * An entry's body as the sentences an offline answer can quote: paragraphs split into sentences, list
 * items as sentences of their own (their markers dropped, so no "… 1." is left dangling, and each
 * remembering the line that introduced its list, which is not quoted on its own), tables left out, and
 * the "Apply it" line kept apart.
 */
import type { Lang } from '../knowledge/types.ts';
import { splitSentences } from '../review/text-measure.ts';
import { joinLines } from '../text-limits.ts';

/** One quotable sentence of a body, in order. */
export interface BodySentence {
  text: string;
  /** Index of its paragraph (sentences of one paragraph read together). */
  paragraph: number;
  /**
   * For a list item, the line that introduced its list ("What they want most after buying:"): an item
   * quoted alone ("Case studies of customers served: 9%") means little without it.
   */
  intro?: string;
}

/** The sentences of a body and its "Apply it" advice. */
export interface BodySentences {
  sentences: BodySentence[];
  apply?: string;
}

const APPLY = /^\s*\*\*(apply it|怎么用)[:：]?\*\*[:：]?\s*/i;
const LIST_ITEM = /^\s*(?:[-*+•]|\d{1,2}[.)、])\s+/;
const SENTENCE_EN = /(?<=[.!?]["”)]?)\s+(?=[A-Z"“(*])/;

/** Splits a body (Markdown of one language) into sentences. */
export function bodySentences(body: string, lang: Lang): BodySentences {
  const out: BodySentence[] = [];
  let apply: string | undefined;
  const join = lang === 'zh' ? '' : ' ';
  // The last line that introduced what follows (it ends in a colon), for the list after it.
  let intro: string | undefined;
  body.split(/\n\s*\n/).forEach((para, paragraph) => {
    const trimmed = para.trim();
    if (!trimmed || /^[#|]/.test(trimmed)) {
      intro = undefined;
      return;
    }
    if (APPLY.test(trimmed)) {
      apply = joinLines(trimmed, join);
      intro = undefined;
      return;
    }
    const lines = trimmed.split('\n');
    if (lines.some((l) => LIST_ITEM.test(l))) {
      // A list: each item (with its continuation lines) is one unit.
      const items: string[] = [];
      for (const line of lines) {
        if (LIST_ITEM.test(line)) items.push(line.replace(LIST_ITEM, '').trim());
        else if (items.length > 0)
          items[items.length - 1] = `${items[items.length - 1]}${join}${line.trim()}`;
        else items.push(line.trim());
      }
      // Its own first line may introduce it ("They want, in order:\n- …"); else the paragraph before does,
      // when the list starts right away.
      const first = lines[0] ?? '';
      const listIntro = !LIST_ITEM.test(first)
        ? /[:：]$/.test(items[0] ?? '')
          ? items[0]
          : undefined
        : intro;
      for (const item of items) push(item, paragraph, listIntro);
      intro = undefined;
      return;
    }
    // A paragraph that is a line of its own without a full stop ("**need → solution → … → renewal**")
    // ends as a sentence does, so the sentence quoted after it does not run on from it.
    const text = endsAsSentence(lines.map((l) => l.trim()).join(join), lang);
    const parts = lang === 'zh' ? splitSentences(text, { bold: true }) : text.split(SENTENCE_EN);
    for (const s of parts) push(s, paragraph);
    const last = (parts[parts.length - 1] ?? '').trim();
    intro = /[:：]$/.test(last) ? last : undefined;
  });
  return { sentences: out, ...(apply ? { apply } : {}) };

  function push(text: string, paragraph: number, listIntro?: string) {
    // A Chinese clause split at its semicolon is quoted as a sentence of its own: it ends as one.
    const s = text.trim().replace(/；$/, '。');
    // A line that only introduces what follows says nothing on its own.
    if (!s || /[:：]$/.test(s)) return;
    out.push(listIntro ? { text: s, paragraph, intro: listIntro } : { text: s, paragraph });
  }
}

/** Marks that may close a sentence after its full stop: bold, quotes, brackets, spaces. */
const CLOSING = new Set(['*', '_', '”', '"', '’', ')', '）', '」', '』', ' ', '\t', '\n']);

/** `text` with a full stop added when it ends without one (nor a colon, which introduces what follows). */
function endsAsSentence(text: string, lang: Lang): string {
  let end = text.length;
  while (end > 0 && CLOSING.has(text[end - 1] as string)) end -= 1;
  const bare = text.slice(0, end);
  // A dash or a colon at the end leads on to what follows: no full stop after it.
  if (bare === '' || /[.!?。！？:：;；…—–-]$/.test(bare)) return text;
  return `${text}${lang === 'zh' ? '。' : '.'}`;
}
