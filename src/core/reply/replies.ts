import type { Answer } from '../answer/types.ts';
import type { Lang } from '../knowledge/types.ts';
import { DIMENSION_LABELS, DIMENSIONS, type ReviewResult } from '../review/types.ts';
import type { StoredReview } from '../store/types.ts';
import type { Tip } from '../tips/tip.ts';
import type { Button, ReplyEvent, RichReply } from './types.ts';

const T = {
  en: {
    up: '👍 Helpful',
    down: '👎 Not helpful',
    again: '🔁 Review again',
    overall: 'Overall',
    findings: 'Findings',
    suggestions: 'Suggestions',
    rewrite: 'Stronger version',
    tip: 'Tip of the day',
    noReviews: 'You have no reviews yet. Try `review <your tagline>`.',
    reviewsTitle: 'Your recent reviews',
    trendTitle: 'Your overall score, review by review',
  },
  zh: {
    up: '👍 有帮助',
    down: '👎 没帮助',
    again: '🔁 重新点评',
    overall: '总分',
    findings: '发现',
    suggestions: '建议',
    rewrite: '改写参考',
    tip: '每日一招',
    noReviews: '你还没有点评记录。试试 `点评 你的广告语`。',
    reviewsTitle: '你最近的点评',
    trendTitle: '每次点评的总分走势',
  },
} as const;

function feedbackButtons(lang: Lang, kind: 'answer' | 'review', ref: string): Button[] {
  return [
    { action: 'feedback_up', label: T[lang].up, value: `${kind}|${ref}` },
    { action: 'feedback_down', label: T[lang].down, value: `${kind}|${ref}` },
  ];
}

/** An answer with its sources and 👍/👎. */
export function answerReply(a: Answer, ref: string): RichReply {
  return {
    kind: 'answer',
    lang: a.lang,
    sections: [a.answer],
    citations: a.citations,
    notes: a.notes,
    buttons: a.citations.length > 0 || a.mode === 'llm' ? feedbackButtons(a.lang, 'answer', ref) : [],
    ref,
  };
}

/** A five-step bar for a 0–5 score: ■■■□□. */
export function scoreBar(score: number): string {
  const n = Math.max(0, Math.min(5, Math.round(score)));
  return `${'■'.repeat(n)}${'□'.repeat(5 - n)}`;
}

/** A review: overall, a bar per dimension, findings, suggestions, rewrite; 👍/👎 and "review again". */
export function reviewReply(r: ReviewResult, ref: string, draft: string): RichReply {
  const t = T[r.lang];
  const bars = DIMENSIONS.map(
    (d) => `${scoreBar(r.scores[d])} ${r.scores[d]}/5  ${DIMENSION_LABELS[d][r.lang]}`,
  ).join('\n');
  const sections = [`**${t.overall}: ${r.overall}/100**`, bars];
  if (r.findings.length > 0) {
    const icon = { strength: '✅', minor: '⚠️', major: '❌' } as const;
    sections.push(
      `**${t.findings}**\n${r.findings.map((f) => `${icon[f.severity]} ${f.message}${f.knowledge_ids.length ? ` _(${f.knowledge_ids.join(', ')})_` : ''}`).join('\n')}`,
    );
  }
  if (r.suggestions.length > 0)
    sections.push(`**${t.suggestions}**\n${r.suggestions.map((s) => `• ${s}`).join('\n')}`);
  if (r.rewrite) sections.push(`**${t.rewrite}**\n> ${r.rewrite.replace(/\n/g, '\n> ')}`);
  return {
    kind: 'review',
    lang: r.lang,
    sections,
    citations: [],
    review: r,
    notes: r.notes,
    buttons: [
      ...feedbackButtons(r.lang, 'review', ref),
      { action: 'review_again', label: t.again, value: draft.slice(0, 1800) },
    ],
    ref,
  };
}

/** A daily tip with its source. */
export function tipReply(tip: Tip, ref: string): RichReply {
  return {
    kind: 'tip',
    lang: tip.lang,
    title: `💡 ${T[tip.lang].tip}: ${tip.title}`,
    sections: [tip.text],
    citations: [{ id: tip.id, title: tip.title, source: tip.source }],
    notes: [],
    buttons: [],
    ref,
  };
}

/** The user's review history, newest last, with the trend of the overall score and per dimension. */
export function historyReply(reviews: StoredReview[], lang: Lang, ref: string): RichReply {
  const t = T[lang];
  if (reviews.length === 0) return notice(t.noReviews, lang, ref, 'history');
  const oldestFirst = [...reviews].reverse();
  const lines = oldestFirst.map(
    (r) => `• ${r.at.toISOString().slice(0, 10)}  **${r.overall}**/100  “${r.excerpt}”`,
  );
  const first = oldestFirst[0];
  const last = oldestFirst[oldestFirst.length - 1];
  const sections = [`**${t.reviewsTitle}** (${reviews.length})`, lines.join('\n')];
  if (first && last && oldestFirst.length > 1) {
    const delta = Math.round(last.overall - first.overall);
    const trend = oldestFirst.map((r) => Math.round(r.overall)).join(' → ');
    const moved = DIMENSIONS.map((d) => ({ d, diff: (last.scores[d] ?? 0) - (first.scores[d] ?? 0) }))
      .filter((x) => x.diff !== 0)
      .map((x) => `${DIMENSION_LABELS[x.d][lang]} ${x.diff > 0 ? '+' : ''}${x.diff}`);
    sections.push(
      lang === 'zh'
        ? `趋势：${trend}（${delta >= 0 ? '+' : ''}${delta}）${moved.length ? `\n变化：${moved.join('，')}` : ''}`
        : `Trend: ${trend} (${delta >= 0 ? '+' : ''}${delta})${moved.length ? `\nMoved: ${moved.join(', ')}` : ''}`,
    );
  }
  const trend =
    oldestFirst.length > 1
      ? {
          title: t.trendTitle,
          points: oldestFirst.map((r, i) => ({
            label: `${i + 1} · ${r.at.toISOString().slice(5, 10)}`,
            overall: r.overall,
          })),
        }
      : undefined;
  return {
    kind: 'history',
    lang,
    sections,
    citations: [],
    notes: [],
    buttons: [],
    ref,
    ...(trend ? { trend } : {}),
  };
}

/** A plain notice or help text. */
export function notice(text: string, lang: Lang, ref: string, kind: RichReply['kind'] = 'notice'): RichReply {
  return { kind, lang, sections: [text], citations: [], notes: [], buttons: [], ref };
}

/** A final event with a plain notice. */
export function noticeEvent(
  text: string,
  lang: Lang,
  ref: string,
  kind: RichReply['kind'] = 'notice',
): ReplyEvent {
  return { type: 'final', reply: notice(text, lang, ref, kind) };
}
