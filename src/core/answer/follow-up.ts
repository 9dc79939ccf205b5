import type { Lookup } from '../retrieval/lookup-types.ts';

/**
 * Whether a question reads as a follow-up that leans on the thread ("and for SaaS?", "那制造业呢？",
 * "how does that apply to us?") rather than a question of its own. Only such a question borrows the
 * thread's topic when it finds nothing alone: a full question the knowledge does not cover ("Who handles
 * customs for goods we ship to a trade fair?") is said to be not covered, not answered from the topic
 * of the question before it.
 */
const OPENS_FOLLOW_UP_EN =
  /^(?:and|but|also|so|then|what about|how about|same|what if|does that|does this|is that|is this|how does that|how would that|would that|for)\b/i;
const OPENS_FOLLOW_UP_ZH = /^(?:那|那么|如果是|换成|还有|另外|同样|这个|这种|这样|那如果|对于)/;
/** Words (Latin) or characters (Chinese) a short follow-up has at most. */
const SHORT_EN = 8;
const SHORT_ZH = 14;

export function readsAsFollowUp(question: string): boolean {
  const q = question.trim();
  if (OPENS_FOLLOW_UP_EN.test(q) || OPENS_FOLLOW_UP_ZH.test(q)) return true;
  const han = q.match(/[\u4e00-\u9fff]/g)?.length ?? 0;
  const words = q.replace(/[\u4e00-\u9fff]/g, ' ').match(/[A-Za-z0-9][\w'’-]*/g)?.length ?? 0;
  return han > 0 ? han + words <= SHORT_ZH : words <= SHORT_EN;
}

/**
 * Whether a question that found nothing on its own may be searched again with the thread's topic: it
 * reads as a follow-up and named no subject the knowledge does not cover.
 */
export function borrowsTopic(own: Pick<Lookup, 'hits' | 'missing'>, question: string): boolean {
  return own.hits.length === 0 && own.missing.length === 0 && readsAsFollowUp(question);
}
