import { stripVTControlCharacters } from 'node:util';
import { CoachError } from '../errors.ts';
import { detectLang } from './text-measure.ts';
import type { ReviewLang } from './types.ts';

/** Longest draft reviewed, in characters (code points); longer drafts are cut to fit. */
export const MAX_DRAFT_CHARS = 2000;

// Control characters except tab/newline, plus zero-width and bidi controls that can hide text.
const INVISIBLE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is this regex's job.
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

/**
 * A chat platform's mention or link token pasted with the draft ("<!here>", "<!channel>", "<@U123>",
 * "<#C123|general>"): not copy. Left in, "<!channel> Ignore…" would leave a stray "<" in the rewrite.
 */
const CHAT_MENTION = /<[!@#][^<>\s]{1,80}>/g;

/** A draft ready for review. */
export interface PreparedDraft {
  draft: string;
  /** Messages for the user, in the draft's language (e.g. that the draft was cut). */
  notes: string[];
  lang: ReviewLang;
}

/**
 * Cleans a pasted draft: normalises line ends, strips terminal escape sequences, control and invisible characters, trims, and
 * keeps at most {@link MAX_DRAFT_CHARS} characters, cut at a sentence or word boundary (with a note).
 * @throws CoachError `input_empty` when nothing readable is left.
 */
export function prepareDraft(raw: string, opts: { lang?: ReviewLang } = {}): PreparedDraft {
  // Terminal escape sequences go whole: "\u001b[0m" would leave "[0m", read as a figure.
  const cleaned = stripVTControlCharacters(String(raw ?? ''))
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(INVISIBLE, '')
    .replace(CHAT_MENTION, '')
    .replace(/\t/g, ' ')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  if (!cleaned) {
    throw new CoachError(
      'input_empty',
      'The draft is empty: paste the tagline, claim or email opener you want reviewed. / 草稿是空的：请贴上要点评的标语、卖点或邮件开头。',
    );
  }
  const lang = opts.lang ?? detectLang(cleaned);
  const chars = Array.from(cleaned);
  if (chars.length <= MAX_DRAFT_CHARS) return { draft: cleaned, notes: [], lang };
  const draft = cutAtBoundary(chars.slice(0, MAX_DRAFT_CHARS).join(''));
  return { draft, notes: [truncationNote(Array.from(draft).length, chars.length, lang)], lang };
}

function cutAtBoundary(head: string): string {
  const sentenceEnd = Math.max(...['。', '！', '？', '!', '?', '\n', '. '].map((m) => head.lastIndexOf(m)));
  if (sentenceEnd >= head.length * 0.6) return head.slice(0, sentenceEnd + 1).trimEnd();
  const space = head.search(/\s\S*$/);
  if (space >= head.length * 0.8) return head.slice(0, space).trimEnd();
  return head.trimEnd();
}

function truncationNote(kept: number, total: number, lang: ReviewLang): string {
  const fmt = (n: number) => n.toLocaleString('en-US');
  return lang === 'zh'
    ? `草稿较长，只点评了前 ${fmt(kept)} 个字符（全文 ${fmt(total)} 个，上限 ${fmt(MAX_DRAFT_CHARS)}）。`
    : `Reviewed the first ${fmt(kept)} characters of ${fmt(total)} (the limit is ${fmt(MAX_DRAFT_CHARS)}).`;
}

const EN_QUESTION_START =
  /^(?:what|how|why|when|where|which|who|whom|whose|should|shall|can|could|would|will|is|are|do|does|did|may|might)\b/i;
const EN_ASK =
  /^(?:how (?:do|can|should|would) (?:i|we)|can you|could you|please explain|explain|tell me|help me)\b/i;
const ZH_QUESTION_START =
  /^(?:请问|怎么|怎样|如何|为什么|为何|什么是|什么叫|啥是|哪些|哪个|哪种|是否|能不能|能否|可不可以|可以|有没有|要不要|该不该|该怎么|应该怎么|帮我)/;
const ZH_QUESTION_WORD = /怎么|如何|为什么|什么|哪|吗|呢|是否|能否/;

/**
 * True when the text reads as a question to the coach ("what is a UVP?", "怎么写价值主张？") rather
 * than copy to review, so the caller can offer `ask` instead. Rhetorical hooks written to the
 * buyer ("Is your plant still losing 3 days a month?", "还在为回款发愁？") are treated as copy.
 */
export function looksLikeQuestion(text: string): boolean {
  const t = text.trim();
  if (!t || Array.from(t).length > 200) return false;
  const endsWithQ = /[?？]\s*$/.test(t);
  if (/[\u4e00-\u9fff]/.test(t) && detectLang(t) === 'zh') {
    if (/^(?:您|你的|贵)/.test(t)) return false;
    if (ZH_QUESTION_START.test(t)) return true;
    return endsWithQ && ZH_QUESTION_WORD.test(t) && /我/.test(t) && !/您/.test(t);
  }
  if (/^what if\b/i.test(t)) return false;
  if (EN_ASK.test(t)) return true;
  if (!endsWithQ || !EN_QUESTION_START.test(t)) return false;
  const asksForSelf = /\b(?:i|my|me|we|our|us)\b/i.test(t);
  const speaksToBuyer = /\b(?:you|your|you're|yours)\b/i.test(t);
  return asksForSelf || !speaksToBuyer;
}
