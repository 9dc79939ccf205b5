/**
 * The headline figures as `coach stats` prints them (one JSON value, or a readable table) and as
 * `/coach stats` shows them in chat; plus the period syntax (`30d`, `12w`, `24h`, `2025-03-01`).
 */
import { CoachError } from '../errors.ts';
import type { Lang } from '../knowledge/types.ts';
import { DIMENSION_LABELS, DIMENSIONS } from '../review/types.ts';
import type { InsightsSummary } from '../store/insights-types.ts';
import { localTime } from '../tips/local-time.ts';

/** The period figures cover by default. */
export const DEFAULT_SINCE = '30d';

const UNIT_MS: Record<string, number> = { h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 };

/** `30d` / `12w` / `24h` before `now`, or a date (`2025-03-01`, midnight UTC); `input_invalid` otherwise. */
export function parseSince(text: string, now: Date): Date {
  const t = text.trim().toLowerCase();
  const rel = /^(\d{1,5})([hdw])$/.exec(t);
  if (rel) return new Date(now.getTime() - Number(rel[1]) * (UNIT_MS[rel[2] ?? 'd'] ?? 0));
  if (/^\d{4}-\d{2}-\d{2}$/.test(t)) {
    const d = new Date(`${t}T00:00:00Z`);
    if (!Number.isNaN(d.getTime())) return d;
  }
  throw new CoachError('input_invalid', `--since must look like 30d, 12w, 24h or 2025-03-01, got "${text}"`);
}

/** `<platform>:<chat id>` → the chat filter; `input_invalid` otherwise. */
export function parseChat(text: string): { platform: string; chatId: string } {
  const at = text.indexOf(':');
  if (at <= 0 || at === text.length - 1)
    throw new CoachError('input_invalid', `--chat must look like slack:C0123 or feishu:oc_…, got "${text}"`);
  return { platform: text.slice(0, at), chatId: text.slice(at + 1) };
}

/** Minutes east of UTC of `timezone` at `at` (the offset the figures' days are counted in). */
export function utcOffsetMinutes(timezone: string, at: Date): number {
  const local = localTime(at, timezone);
  const asUtc = Date.parse(`${local.date}T00:00:00Z`) + local.minutes * 60_000;
  const minute = Math.floor(at.getTime() / 60_000) * 60_000;
  return Math.round((asUtc - minute) / 60_000);
}

/** The summary in the JSON shape scripts rely on (snake_case keys, ISO times). */
export function statsJson(s: InsightsSummary) {
  return {
    since: s.since.toISOString(),
    questions: s.questions,
    answered: s.answered,
    partly: s.partly,
    unanswered: s.unanswered,
    fallbacks: s.fallbacks,
    feedback: { up: s.feedback.up, down: s.feedback.down },
    reviews: s.reviews,
    review_avg: Object.fromEntries(DIMENSIONS.map((d) => [d, s.reviewAvg[d] ?? null])),
    top_entries: s.topEntries.map((e) => ({ id: e.id, count: e.count })),
    unanswered_questions: s.unansweredQuestions.map((q) => ({
      text: q.text,
      count: q.count,
      last: q.last.toISOString(),
    })),
    tokens: { in: s.tokens.in, out: s.tokens.out },
    latency_ms: { p50: s.latencyMs.p50, p95: s.latencyMs.p95 },
  };
}

const pct = (part: number, whole: number) => (whole === 0 ? '–' : `${Math.round((100 * part) / whole)}%`);
const orDash = (v: number | null, unit = '') => (v === null ? '–' : `${v}${unit}`);

/** The summary as aligned plain-text lines (the CLI without `--json`). */
export function statsTable(s: InsightsSummary): string {
  const rows: [string, string][] = [
    ['since', s.since.toISOString()],
    ['questions', String(s.questions)],
    ['  answered', `${s.answered} (${pct(s.answered, s.questions)})`],
    ['  partly covered', `${s.partly} (${pct(s.partly, s.questions)})`],
    ['  not covered', `${s.unanswered} (${pct(s.unanswered, s.questions)})`],
    ['model fallbacks', String(s.fallbacks)],
    ['errors', String(s.errors)],
    ['feedback 👍 / 👎', `${s.feedback.up} / ${s.feedback.down}`],
    ['reviews', `${s.reviews} (overall avg ${orDash(s.overallAvg)})`],
    ...DIMENSIONS.map((d): [string, string] => [
      `  ${DIMENSION_LABELS[d].en}`,
      orDash(s.reviewAvg[d] ?? null),
    ]),
    ['tips sent', String(s.tipsSent)],
    ['model calls', String(s.modelCalls)],
    ['tokens in / out', `${s.tokens.in} / ${s.tokens.out}`],
    ['latency p50 / p95', `${orDash(s.latencyMs.p50, ' ms')} / ${orDash(s.latencyMs.p95, ' ms')}`],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  const lines = rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`);
  const top = s.topEntries.map((e) => `  ${String(e.count).padStart(5)}  ${e.id}`);
  const gaps = s.unansweredQuestions.map(
    (q) =>
      `  ${String(q.count).padStart(5)}  ${q.text.replace(/\s+/g, ' ')}  (last ${q.last.toISOString().slice(0, 10)})`,
  );
  return [
    ...lines,
    '',
    'most cited entries',
    ...(top.length ? top : ['  –']),
    '',
    'unanswered questions (grouped by wording)',
    ...(gaps.length ? gaps : ['  –']),
  ].join('\n');
}

const CHAT_TEXT = {
  en: {
    title: (days: string) => `Coach insights since ${days}`,
    questions: 'Questions',
    answered: 'answered',
    partly: 'partly covered',
    unanswered: 'not covered',
    feedback: 'Feedback',
    reviews: 'Reviews',
    avg: 'average',
    fallbacks: 'Model fallbacks',
    errors: 'errors',
    tokens: 'Tokens in/out',
    latency: 'Answer latency p50/p95',
    gaps: 'Most asked, not covered',
    top: 'Most cited',
  },
  zh: {
    title: (days: string) => `Coach 使用数据（自 ${days} 起）`,
    questions: '提问',
    answered: '已回答',
    partly: '部分覆盖',
    unanswered: '未覆盖',
    feedback: '反馈',
    reviews: '点评',
    avg: '平均分',
    fallbacks: '模型降级',
    errors: '出错',
    tokens: 'Token 输入/输出',
    latency: '回答耗时 p50/p95',
    gaps: '问得最多、知识库未覆盖',
    top: '引用最多',
  },
} as const;

/** The headline figures as Markdown lines for a chat reply. */
export function statsChat(s: InsightsSummary, lang: Lang): string[] {
  const t = CHAT_TEXT[lang];
  const lines = [
    `**${t.title(s.since.toISOString().slice(0, 10))}**`,
    `• ${t.questions}: **${s.questions}**: ${t.answered} ${s.answered} (${pct(s.answered, s.questions)}), ${t.partly} ${s.partly}, ${t.unanswered} ${s.unanswered}`,
    `• ${t.feedback}: 👍 ${s.feedback.up} · 👎 ${s.feedback.down}`,
    `• ${t.reviews}: **${s.reviews}**, ${t.avg} ${orDash(s.overallAvg)}/100`,
    `• ${t.fallbacks}: ${s.fallbacks} · ${t.errors}: ${s.errors}`,
    `• ${t.tokens}: ${s.tokens.in} / ${s.tokens.out} · ${t.latency}: ${orDash(s.latencyMs.p50, ' ms')} / ${orDash(s.latencyMs.p95, ' ms')}`,
  ];
  const sections = [lines.join('\n')];
  if (s.unansweredQuestions.length > 0) {
    const gaps = s.unansweredQuestions
      .slice(0, 5)
      .map((q) => `• ${q.count}× “${q.text.replace(/\s+/g, ' ').slice(0, 120)}”`);
    sections.push([`**${t.gaps}**`, ...gaps].join('\n'));
  }
  if (s.topEntries.length > 0) {
    sections.push(
      `**${t.top}**: ${s.topEntries
        .slice(0, 5)
        .map((e) => `${e.id} (${e.count})`)
        .join(', ')}`,
    );
  }
  return sections;
}
