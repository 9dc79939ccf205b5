/**
 * Proof from the team's own documents for a draft: passages about what the draft is about that carry
 * something a buyer can check (a result in numbers, a named customer or case, a certification), quoted by
 * their best sentence. The critic names them in its suggestions ("you have a proof point for this in the
 * Acme case study: use it"), offline and with a model.
 */
import type { KnowledgeEntry } from '../knowledge/types.ts';
import type { Retriever } from '../retrieval/retriever.ts';
import type { ReviewLang, ReviewResult } from './types.ts';

/** One proof point the draft could use. */
export interface TeamProof {
  entry: KnowledgeEntry;
  /** The passage's sentence with the most proof in it (at most {@link QUOTE_CHARS} characters). */
  quote: string;
}

/** Most proof points offered for one draft. */
export const MAX_PROOF = 2;
const QUOTE_CHARS = 200;
/** Candidates read from the team's passages. */
const CANDIDATES = 12;

/** A change word ("cut", "grew"): with a number in the same sentence, a result. */
const CHANGE = /\b(?:from|cut|reduced|increased|saved|grew|raised)\b/i;

/** Signs of proof in a sentence, each a short pattern that runs in linear time (recheck). */
const PROOF_SIGNS: readonly ((s: string) => boolean)[] = [
  (s) => /(?<![\d.,])\d[\d.,]{0,12}\s?(?:%|percent|x\b|倍|个百分点)/i.test(s), // a result in numbers
  (s) => CHANGE.test(s) && /\d/.test(s),
  (s) => /(?<!\d)\d{1,9}\s?(?:customers|clients|plants|sites|companies|users|家|个客户|位客户)/i.test(s),
  (s) => /\b(?:case study|customer story|testimonial|reference customer)\b|案例|客户证言|标杆客户/i.test(s),
  (s) =>
    /\b(?:ISO\s?\d{4,5}|SOC\s?2|GDPR|HIPAA|certified|certification|award|audited)\b|等保|认证|获奖|审计/i.test(
      s,
    ),
];

/** How much proof a text holds: the number of kinds of sign in it. */
function proofScore(text: string): number {
  return PROOF_SIGNS.reduce((n, sign) => n + (sign(text) ? 1 : 0), 0);
}

/** The team passages (visible in `chat`) with proof about what the draft says, best first. */
export function findTeamProof(retriever: Retriever, draft: string, chat: string): TeamProof[] {
  const out: TeamProof[] = [];
  const seenDocs = new Set<string>();
  for (const hit of retriever.teamPassages(draft, { chat, k: CANDIDATES })) {
    // Two shared words, or one that only the team's documents use (a product or customer name).
    const specific = hit.terms.some((t) => !retriever.knowsTerm(t));
    if (hit.terms.length < 2 && !specific) continue;
    const quote = bestSentence(hit.entry.body.en);
    if (!quote) continue;
    const doc = `${hit.entry.team?.sourceId}:${hit.entry.team?.docTitle}`;
    if (seenDocs.has(doc)) continue;
    seenDocs.add(doc);
    out.push({ entry: hit.entry, quote });
    if (out.length >= MAX_PROOF) break;
  }
  return out;
}

/** The sentence with the most proof in it, or undefined when none has any. */
function bestSentence(text: string): string | undefined {
  let best: { s: string; score: number } | undefined;
  for (const s of sentencesOf(text)) {
    const score = proofScore(s);
    if (score > 0 && (!best || score > best.score)) best = { s, score };
  }
  if (!best) return undefined;
  const s = best.s.replace(/\s+/g, ' ').trim();
  return s.length <= QUOTE_CHARS ? s : `${s.slice(0, QUOTE_CHARS - 1)}…`;
}

function sentencesOf(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? '';
    if ('。！？\n'.includes(ch) || ('.!?'.includes(ch) && /\s/.test(text[i + 1] ?? ' '))) {
      out.push(text.slice(start, i + 1));
      start = i + 1;
    }
  }
  out.push(text.slice(start));
  return out.filter((s) => s.trim());
}

/** The suggestion naming a proof point: its words, the document and where it is. */
export function proofSuggestion(p: TeamProof, lang: ReviewLang): string {
  const title = p.entry.title[lang];
  const link = p.entry.team?.link ?? '';
  return lang === 'zh'
    ? `你们自己的文档里有证据，可以用上：“${p.quote}”（团队文档《${title}》：${link}）`
    : `You have proof for this in your own documents: "${p.quote}" (team doc "${title}": ${link}). Use it.`;
}

/** The placeholder the rewrites use where a customer's result belongs. */
const CUSTOMER_PLACEHOLDER: Readonly<Record<ReviewLang, string>> = { en: '[customer name]', zh: '[客户名]' };

/**
 * The rewrite with its placeholder result line ("[customer name] cut [metric] by [X%].") replaced by the
 * team's own proof, when a proof point in the review's language carries a number: the stronger version
 * then says what the team can prove instead of asking for it.
 */
function fillRewrite(rewrite: string | null, proofs: TeamProof[], lang: ReviewLang): string | null {
  if (!rewrite) return rewrite;
  const han = (s: string) => /\p{Script=Han}/u.test(s);
  const proof = proofs.find((p) => /\d/.test(p.quote) && han(p.quote) === (lang === 'zh'));
  if (!proof) return rewrite;
  const lines = rewrite.split('\n');
  const at = lines.findIndex((l) => l.includes(CUSTOMER_PLACEHOLDER[lang]));
  if (at < 0) return rewrite;
  lines[at] = proof.quote;
  return lines.join('\n');
}

/**
 * The review with its proof points named first among the suggestions (at most four suggestions in all),
 * unless a suggestion already names the document; a placeholder result line of the rewrite is filled
 * with the best of them.
 */
export function withTeamProof(result: ReviewResult, proofs: TeamProof[]): ReviewResult {
  if (proofs.length === 0) return result;
  const rewrite = fillRewrite(result.rewrite, proofs, result.lang);
  const missing = proofs.filter(
    (p) => !result.suggestions.some((s) => s.includes(p.entry.team?.docTitle ?? '\u0000')),
  );
  if (missing.length === 0) return { ...result, rewrite };
  const named = missing.map((p) => proofSuggestion(p, result.lang));
  return {
    ...result,
    rewrite,
    suggestions: [...named, ...result.suggestions].slice(0, Math.max(4, named.length)),
  };
}
