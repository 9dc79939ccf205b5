/**
 * Answers without a model: the best entries for the question, composed in the question's language.
 * The answer leads with the sentences of the best entry that match the question (and its "Apply it"
 * advice when the question asks how), then one matching line from each other entry, with numbered
 * citations. A partly covered question first says what the knowledge does not cover; a question it
 * does not cover gets what Coach can help with, and no citations.
 */
import type { KnowledgeEntry, Lang } from '../knowledge/types.ts';
import type { Lookup, Retriever } from '../retrieval/retriever.ts';
import { detectLang } from '../retrieval/tokenize.ts';
import { citationOf, TEAM_DOC_LABEL } from './citations.ts';
import { borrowsTopic, lookupFollowUp } from './follow-up.ts';
import { prepareQuestion, truncationNote } from './question.ts';
import { bodySentences } from './sentences.ts';
import type { Answer } from './types.ts';

/** How many entries an offline answer draws on. */
const MAX_SOURCES = 3;
/** Sentences quoted from the lead entry. */
const LEAD_SENTENCES = 2;

const TEXT = {
  en: {
    offline: '_Offline answer from the knowledge base (no AI model configured)._',
    also: 'Also relevant:',
    partial: 'The knowledge does not answer this directly. The nearest idea it has:',
    missing: (what: string) => `The knowledge does not cover ${what}. The nearest idea it has:`,
    outside: (what: string) => `That is outside what I know: ${what}.`,
    offTopic:
      "I'm Coach, a B2B marketing coach, and I couldn't find that in my knowledge. I can help with: earning buyers' trust, " +
      'the 4T model (category label, testimony and evidence, high touch, thought leadership), USP vs UVP, results in numbers, ' +
      'pricing vs value, the decision chain and key decision makers, content across the buyer journey, and the maturity of a ' +
      'B2B marketing team. Try: "How do I win a CFO\'s trust?" or `review <your tagline>`.',
  },
  zh: {
    offline: '_离线回答：来自知识库（未配置 AI 模型）。_',
    also: '相关阅读：',
    partial: '知识库没有直接回答这个问题。最接近的思路是：',
    missing: (what: string) => `知识库没有覆盖${what}。最接近的思路是：`,
    outside: (what: string) => `这超出了我的知识范围：${what}。`,
    offTopic:
      '我是 Coach，B2B 营销教练，知识库里没有找到与这个问题相关的内容。我可以帮你：建立客户信任、4T 模型（品类标签、证词和确据、高接触性、思想主张）、' +
      'USP 与 UVP、用数据说话、价格与价值、决策链与关键决策人、贯穿客户旅程的内容、B2B 市场部的成熟度。' +
      '可以试试：“怎么赢得 CFO 的信任？”或 `review 你的广告语`。',
  },
} as const;

/** A question that asks what to do ("how", "should we", 怎么, 要不要…): the answer adds the advice. */
const ASKS_HOW = {
  en: /\b(how|what should|what can|what do (?:i|we)|should (?:i|we)|ways? to|tips?|advice|fix|improve)\b/i,
  zh: /怎么|如何|怎样|咋|该|应该|要不要|办法|方法|建议|改/,
};

/** Answers a question from the knowledge alone. */
export function answerOffline(
  retriever: Retriever,
  question: string,
  opts: { topic?: string; latest?: string; chat?: string } = {},
): Answer {
  const q = prepareQuestion(question);
  const lang = detectLang(q.text);
  const notes = q.truncated ? [truncationNote(q, lang)] : [];
  // A follow-up that finds nothing on its own ("and for SaaS?") is searched with the thread (see
  // `lookupFollowUp`); a question of its own, or one naming a subject the knowledge does not cover, is not.
  const chat = opts.chat ?? '';
  let found = retriever.lookup(q.text, { k: MAX_SOURCES, chat });
  if (opts.topic && borrowsTopic(found, q.text)) {
    const thread = { topic: opts.topic, ...(opts.latest ? { latest: opts.latest } : {}) };
    found = lookupFollowUp(retriever, q.text, thread, { k: MAX_SOURCES, chat }) ?? found;
  }
  if (found.coverage === 'not_covered' || found.hits.length === 0) {
    const what = labels(found, lang);
    const answer = what ? `${TEXT[lang].outside(what)}\n\n${TEXT[lang].offTopic}` : TEXT[lang].offTopic;
    return { answer, citations: [], mode: 'offline', lang, notes, coverage: 'not_covered' };
  }
  const entries = found.hits.map((h) => h.entry);
  return {
    answer: composeAnswer(retriever, q.text, found, lang),
    citations: entries.map((e) => citationOf(retriever.kb, e, lang)),
    mode: 'offline',
    lang,
    notes,
    coverage: found.coverage,
  };
}

/** The answer's text: partial preface, lead entry's matching sentences (+ advice), then the others. */
export function composeAnswer(retriever: Retriever, question: string, found: Lookup, lang: Lang): string {
  const [lead, ...rest] = found.hits.map((h) => h.entry);
  if (!lead) return '';
  const parts: string[] = [];
  if (found.coverage === 'partial') {
    const what = labels(found, lang);
    parts.push(what ? TEXT[lang].missing(what) : TEXT[lang].partial);
  }
  const score = retriever.sentenceScorer(question);
  const { text, apply } = quote(score, lead, lang, LEAD_SENTENCES);
  parts.push(`**${titleOf(lead, lang)}** [1]`, text);
  if (apply && ASKS_HOW[lang].test(question)) parts.push(apply);
  if (rest.length > 0) {
    parts.push(
      [
        TEXT[lang].also,
        ...rest.map((e, i) => `• **${titleOf(e, lang)}** [${i + 2}]: ${quote(score, e, lang, 1).text}`),
      ].join('\n'),
    );
  }
  parts.push(TEXT[lang].offline);
  return parts.join('\n\n');
}

/**
 * The `n` sentences of the entry's body that best match the question, in the body's order (the opening
 * sentences when none shares a word with it), and its "Apply it" advice.
 */
function quote(
  score: (text: string) => number,
  entry: KnowledgeEntry,
  lang: Lang,
  n: number,
): { text: string; apply?: string } {
  const { sentences, apply } = bodySentences(entry.body[lang], lang);
  const scored = sentences.map((s, i) => ({ ...s, i, score: score(s.text) }));
  const best = [...scored].sort((a, b) => b.score - a.score || a.i - b.i).slice(0, n);
  const chosen = (best[0]?.score ?? 0) > 0 ? best.sort((a, b) => a.i - b.i) : scored.slice(0, n);
  const join = lang === 'zh' ? '' : ' ';
  // A list item is quoted after the line that introduced its list, once per list.
  const text = chosen
    .map((s, k) => (s.intro && chosen[k - 1]?.intro !== s.intro ? `${s.intro}${join}${s.text}` : s.text))
    .join(join);
  return { text, ...(apply ? { apply } : {}) };
}

/** An entry's title in the answer; a team passage's says it is from the team's documents. */
function titleOf(entry: KnowledgeEntry, lang: Lang): string {
  return entry.team ? `📄 ${entry.title[lang]} (${TEAM_DOC_LABEL[lang]})` : entry.title[lang];
}

/** The labels of what the question asks that the knowledge does not cover, in `lang`. */
function labels(found: Lookup, lang: Lang): string {
  return found.missing.map((c) => c.label[lang]).join(lang === 'zh' ? '、' : '; ');
}
