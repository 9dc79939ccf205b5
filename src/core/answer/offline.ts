import type { KnowledgeEntry, Lang } from '../knowledge/types.ts';
import type { Retriever } from '../retrieval/retriever.ts';
import { detectLang } from '../retrieval/tokenize.ts';
import { citationOf } from './citations.ts';
import { prepareQuestion, truncationNote } from './question.ts';
import type { Answer } from './types.ts';

/** How many entries an offline answer draws on. */
const MAX_SOURCES = 3;

const TEXT = {
  en: {
    offline: '_Offline answer from the knowledge base (no AI model configured)._',
    also: 'Also relevant:',
    offTopic:
      "I'm Coach, a B2B marketing coach, and I couldn't find that in my knowledge. I can help with: earning buyers' trust, " +
      'the 4T model (category label, testimony and evidence, high touch, thought leadership), USP vs UVP, results in numbers, ' +
      'pricing vs value, the decision chain and key decision makers, content across the buyer journey, and the maturity of a ' +
      'B2B marketing team. Try: "How do I win a CFO\'s trust?" or `review <your tagline>`.',
  },
  zh: {
    offline: '_离线回答：来自知识库（未配置 AI 模型）。_',
    also: '相关阅读：',
    offTopic:
      '我是 Coach，B2B 营销教练，知识库里没有找到与这个问题相关的内容。我可以帮你：建立客户信任、4T 模型（品类标签、证词和确据、高接触性、思想主张）、' +
      'USP 与 UVP、用数据说话、价格与价值、决策链与关键决策人、贯穿客户旅程的内容、B2B 市场部的成熟度。' +
      '可以试试：“怎么赢得 CFO 的信任？”或 `review 你的广告语`。',
  },
} as const;

/**
 * Answers without an LLM: finds the best entries for the question and composes a short synthesis
 * in the question's language (the lead idea, its "apply it" advice, and pointers to related
 * entries), with citations. Off-topic questions get a note on what Coach can help with and no
 * citations.
 */
export function answerOffline(retriever: Retriever, question: string, opts: { topic?: string } = {}): Answer {
  const q = prepareQuestion(question);
  const lang = detectLang(q.text);
  const notes = q.truncated ? [truncationNote(q, lang)] : [];
  // A follow-up that finds nothing on its own ("and for SaaS?") is searched with the thread's topic.
  let hits = retriever.search(q.text, { k: MAX_SOURCES });
  if (hits.length === 0 && opts.topic)
    hits = retriever.search(`${q.text}\n${opts.topic}`, { k: MAX_SOURCES });
  if (hits.length === 0) return { answer: TEXT[lang].offTopic, citations: [], mode: 'offline', lang, notes };
  const entries = hits.map((h) => h.entry);
  return {
    answer: composeAnswer(entries, lang),
    citations: entries.map((e) => citationOf(retriever.kb, e, lang)),
    mode: 'offline',
    lang,
    notes,
  };
}

/** The lead entry's idea in brief plus its advice, then one line per other entry. Sources are numbered [1]… */
export function composeAnswer(entries: KnowledgeEntry[], lang: Lang): string {
  const [lead, ...rest] = entries;
  if (!lead) return '';
  const parts = [`**${lead.title[lang]}** [1]`, summarize(lead.body[lang], lang, 3)];
  const apply = applyLine(lead.body[lang]);
  if (apply) parts.push(apply);
  if (rest.length > 0) {
    parts.push(
      [
        TEXT[lang].also,
        ...rest.map((e, i) => `• **${e.title[lang]}** [${i + 2}]: ${summarize(e.body[lang], lang, 1)}`),
      ].join('\n'),
    );
  }
  parts.push(TEXT[lang].offline);
  return parts.join('\n\n');
}

const SENTENCE = { en: /(?<=[.!?])\s+(?=[A-Z"“(*])/, zh: /(?<=[。！？])/ };

/** The first `n` sentences of the body's opening paragraphs (the "apply it" line excluded). */
export function summarize(body: string, lang: Lang, n: number): string {
  const prose = body
    .split(/\n\s*\n/)
    .filter((p) => !isApplyLine(p) && !/^\s*[-*|#]/.test(p))
    // A paragraph that introduces a list ("Two ideas go with it:") loses that last clause.
    .map((p) => (/[:：]\s*$/.test(p.trim()) ? p.trim().replace(/[^.!?。！？]*[:：]$/, '') : p))
    .filter((p) => p.trim())
    .join(lang === 'zh' ? '' : ' ')
    .replace(/\s*\n\s*/g, lang === 'zh' ? '' : ' ');
  const sentences = prose.split(SENTENCE[lang]).filter((s) => s.trim());
  return sentences
    .slice(0, n)
    .join(lang === 'zh' ? '' : ' ')
    .trim();
}

function isApplyLine(p: string): boolean {
  return /^\s*\*\*(apply it|怎么用)/i.test(p);
}

function applyLine(body: string): string | undefined {
  return body
    .split(/\n\s*\n/)
    .find(isApplyLine)
    ?.replace(/\s*\n\s*/g, ' ')
    .trim();
}
