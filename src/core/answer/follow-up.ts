import type { Lookup } from '../retrieval/lookup-types.ts';
import type { Retriever, SearchOptions } from '../retrieval/retriever.ts';

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

/**
 * A follow-up that found nothing alone, searched again with the thread: first with the latest question it
 * follows, then with the thread's topic (the last two questions). The latest question decides when it names
 * a subject the knowledge does not cover: "and for SaaS?" after "How do I stop webinar no-shows?" is not
 * covered either, and is not answered from the topic of an earlier question. Null when neither search finds
 * an entry or an uncovered subject.
 */
export function lookupFollowUp(
  retriever: Pick<Retriever, 'lookup'>,
  question: string,
  thread: { latest?: string; topic: string },
  opts: SearchOptions,
): Lookup | null {
  for (const context of [thread.latest, thread.topic]) {
    if (!context) continue;
    const found = retriever.lookup(`${question}\n${context}`, opts);
    if (found.hits.length > 0 || found.missing.length > 0) return found;
  }
  return null;
}
