/**
 * The admin page as HTML, rendered on the server: headline cards, and for each figure a chart (drawn
 * by `assets/admin.js` with Chart.js from the data block) with its table beside it. Every value is
 * escaped; the data block is JSON with `<` escaped, so no text (unanswered questions are user input)
 * can close it. The page loads nothing but its own `/admin/assets/…` (see the CSP in `route.ts`).
 */
import type { Lang } from '../../core/knowledge/types.ts';
import { DIMENSION_LABELS, DIMENSIONS } from '../../core/review/types.ts';
import type { InsightsDashboard } from '../../core/store/insights-types.ts';
import { type Texts, textsOf } from './texts.ts';

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

type Cell = string | number | null;

/** A table; `head` and cells are escaped here. */
function table(id: string, head: string[], rows: Cell[][], t: Texts): string {
  if (rows.length === 0) return `<p class="none" id="${id}">${escapeHtml(t.none)}</p>`;
  const th = head.map((h) => `<th>${escapeHtml(h)}</th>`).join('');
  const body = rows
    .map((r) => {
      const cells = r.map((c) =>
        typeof c === 'number' ? `<td class="num">${c}</td>` : `<td>${escapeHtml(c ?? '–')}</td>`,
      );
      return `<tr>${cells.join('')}</tr>`;
    })
    .join('');
  return `<div class="table-wrap"><table id="${id}"><thead><tr>${th}</tr></thead><tbody>${body}</tbody></table></div>`;
}

/** A section: its heading, its chart (when it has one) and its table. */
function panel(id: string, title: string, tableHtml: string, chart = true): string {
  const canvas = chart
    ? `<div class="chart"><canvas id="chart-${id}" aria-label="${escapeHtml(title)}"></canvas></div>`
    : '';
  return `<section class="panel${chart ? '' : ' wide'}" id="${id}"><h2>${escapeHtml(title)}</h2><div class="pair">${canvas}${tableHtml}</div></section>`;
}

const chatLabel = (platform: string, chatId: string) => `${platform}:${chatId}`;
const fmt = (v: number | null, unit = '') => (v === null ? '–' : `${v}${unit}`);
const day = (d: Date | null) => (d ? d.toISOString().slice(0, 16).replace('T', ' ') : null);

/** What the charts draw, computed once here so that the browser script stays small. */
export function chartData(d: InsightsDashboard, t: Texts, lang: Lang) {
  const days = [...new Set(d.perDay.map((r) => r.day))].sort();
  const chats = [...new Set(d.perDay.map((r) => chatLabel(r.platform, r.chatId)))].sort();
  const count = new Map(d.perDay.map((r) => [`${r.day}|${chatLabel(r.platform, r.chatId)}`, r.questions]));
  return {
    questions: {
      labels: days,
      series: chats.map((c) => ({ label: c, data: days.map((x) => count.get(`${x}|${c}`) ?? 0) })),
    },
    outcomes: {
      labels: d.outcomesPerDay.map((r) => r.day),
      series: [
        { label: t.col.answered, data: d.outcomesPerDay.map((r) => r.answered) },
        { label: t.col.partly, data: d.outcomesPerDay.map((r) => r.partly) },
        { label: t.col.unanswered, data: d.outcomesPerDay.map((r) => r.unanswered) },
      ],
    },
    feedback: {
      labels: [t.up, t.down],
      series: [{ label: t.col.value, data: [d.feedback.up, d.feedback.down] }],
    },
    reviews: {
      labels: d.reviewsPerWeek.map((w) => w.week),
      series: [
        ...DIMENSIONS.map((k) => ({
          label: DIMENSION_LABELS[k][lang],
          data: d.reviewsPerWeek.map((w) => w.avg[k] ?? null),
        })),
        { label: t.overall, data: d.reviewsPerWeek.map((w) => (w.overall === null ? null : w.overall / 20)) },
      ],
    },
    top: {
      labels: d.topEntries.map((e) => e.id),
      series: [{ label: t.col.citations, data: d.topEntries.map((e) => e.count) }],
    },
    model: {
      labels: d.modelPerDay.map((r) => r.day),
      series: [
        { label: t.col.calls, data: d.modelPerDay.map((r) => r.calls) },
        { label: t.col.fallbacks, data: d.modelPerDay.map((r) => r.fallbacks) },
        { label: t.col.errors, data: d.modelPerDay.map((r) => r.errors) },
      ],
    },
    latency: {
      labels: d.modelPerDay.map((r) => r.day),
      series: [{ label: t.col.avgMs, data: d.modelPerDay.map((r) => r.avgLatencyMs) }],
    },
    tips: {
      labels: d.tipsPerDay.map((r) => r.day),
      series: [{ label: t.col.tips, data: d.tipsPerDay.map((r) => r.tips) }],
    },
  };
}

/** The filter form's current values and choices. */
export interface PageOptions {
  lang: Lang;
  since: string;
  chat: string;
  /** Chats to choose from (`platform:chat`). */
  chats: string[];
}

const PERIODS = [7, 30, 90, 365];

function filterForm(o: PageOptions, t: Texts): string {
  const periods = PERIODS.map((n) => {
    const v = `${n}d`;
    return `<option value="${v}"${o.since === v ? ' selected' : ''}>${escapeHtml(t.days(n))}</option>`;
  });
  if (!PERIODS.some((n) => `${n}d` === o.since))
    periods.push(`<option value="${escapeHtml(o.since)}" selected>${escapeHtml(o.since)}</option>`);
  const chats = ['', ...o.chats].map(
    (c) =>
      `<option value="${escapeHtml(c)}"${o.chat === c ? ' selected' : ''}>${escapeHtml(c || t.allChats)}</option>`,
  );
  const langs = [
    ['en', 'English'],
    ['zh', '中文'],
  ].map(([v, l]) => `<option value="${v}"${o.lang === v ? ' selected' : ''}>${l}</option>`);
  return `<form method="get" action="/admin" class="filters">
<label>${escapeHtml(t.since)} <select name="since">${periods.join('')}</select></label>
<label>${escapeHtml(t.chat)} <select name="chat">${chats.join('')}</select></label>
<label>${escapeHtml(t.language)} <select name="lang">${langs.join('')}</select></label>
<button type="submit">${escapeHtml(t.show)}</button></form>`;
}

function cards(d: InsightsDashboard, t: Texts): string {
  const num = (v: number) => v.toLocaleString('en');
  const pct = d.questions ? ` (${Math.round((100 * d.answered) / d.questions)}%)` : '';
  const items: [string, string, string][] = [
    ['questions', t.cards.questions, num(d.questions)],
    ['answered', t.cards.answered, `${num(d.answered)}${pct}`],
    ['unanswered', t.cards.unanswered, num(d.unanswered)],
    ['feedback', t.cards.feedback, `${num(d.feedback.up)} / ${num(d.feedback.down)}`],
    ['reviews', t.cards.reviews, `${num(d.reviews)} (${fmt(d.overallAvg)})`],
    ['tips', t.cards.tips, num(d.tipsSent)],
    ['calls', t.cards.calls, num(d.modelCalls)],
    ['tokens', t.cards.tokens, `${num(d.tokens.in)} / ${num(d.tokens.out)}`],
    ['failures', t.cards.failures, `${num(d.fallbacks)} / ${num(d.errors)}`],
    ['latency', t.cards.latency, `${fmt(d.latencyMs.p50, ' ms')} / ${fmt(d.latencyMs.p95, ' ms')}`],
    ['users', t.cards.users, num(d.users)],
  ];
  return `<section class="cards">${items
    .map(
      ([id, label, value]) =>
        `<div class="card" id="card-${id}"><span>${escapeHtml(label)}</span><b>${escapeHtml(value)}</b></div>`,
    )
    .join('')}</section>`;
}

/** The whole page. */
export function renderDashboard(d: InsightsDashboard, o: PageOptions): string {
  const t = textsOf(o.lang);
  const c = t.col;
  const data = chartData(d, t, o.lang);
  const dims = DIMENSIONS.map((k) => DIMENSION_LABELS[k][o.lang]);
  // Each section: its id (heading, chart and table ids), the table's columns and rows.
  const specs: [keyof Texts['sections'], string[], Cell[][]][] = [
    [
      'questions',
      [c.day, c.chat, c.questions],
      d.perDay.map((r) => [r.day, chatLabel(r.platform, r.chatId), r.questions]),
    ],
    [
      'outcomes',
      [c.day, c.answered, c.partly, c.unanswered, c.fallbacks, c.errors],
      d.outcomesPerDay.map((r) => [r.day, r.answered, r.partly, r.unanswered, r.fallbacks, r.errors]),
    ],
    ['gaps', [c.question, c.count, c.last], d.unansweredQuestions.map((q) => [q.text, q.count, day(q.last)])],
    [
      'feedback',
      [c.reply, c.kind, c.chat, c.outcome, c.cited, c.up, c.down],
      d.worstRated.map((r) => [
        day(r.at) ?? r.ref,
        t.kinds[r.kind] ?? r.kind,
        r.chatId ? chatLabel(r.platform, r.chatId) : null,
        r.outcome === null ? null : (t.outcomes[r.outcome] ?? r.outcome),
        r.cited.join(', '),
        r.up,
        r.down,
      ]),
    ],
    [
      'reviews',
      [c.week, c.reviews, c.overall, ...dims],
      d.reviewsPerWeek.map((w) => [w.week, w.reviews, w.overall, ...DIMENSIONS.map((k) => w.avg[k] ?? null)]),
    ],
    ['top', [c.entry, c.citations], d.topEntries.map((e) => [e.id, e.count])],
    [
      'model',
      [c.day, c.calls, c.tokensIn, c.tokensOut, c.fallbacks, c.errors],
      d.modelPerDay.map((r) => [r.day, r.calls, r.tokensIn, r.tokensOut, r.fallbacks, r.errors]),
    ],
    [
      'latency',
      [c.day, c.avgMs],
      d.modelPerDay.filter((r) => r.avgLatencyMs !== null).map((r) => [r.day, r.avgLatencyMs]),
    ],
    ['tips', [c.day, c.tips], d.tipsPerDay.map((r) => [r.day, r.tips])],
  ];
  const sections = specs.map(([id, head, rows]) =>
    panel(id, t.sections[id], table(`table-${id}`, head, rows, t), id !== 'gaps'),
  );
  return `<!doctype html>
<html lang="${o.lang === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(t.title)}</title><link rel="stylesheet" href="/admin/assets/admin.css"></head>
<body><header><h1>${escapeHtml(t.heading)}</h1>${filterForm(o, t)}
<form method="post" action="/admin/logout" class="signout"><button type="submit">${escapeHtml(t.signOut)}</button></form></header>
<p class="privacy">${escapeHtml(t.privacy)}</p>
${cards(d, t)}
<main>${sections.join('\n')}</main>
<script type="application/json" id="coach-data">${jsonForHtml(data)}</script>
<script src="/admin/assets/chart.js"></script><script src="/admin/assets/admin.js"></script>
</body></html>`;
}

/** The sign-in form (shown with 401 to every request that is not signed in), with its own styles. */
export function renderSignIn(lang: Lang, css: string, message?: string): string {
  const t = textsOf(lang);
  return `<!doctype html>
<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(t.signInTitle)}</title><style>${css}</style></head>
<body class="signin"><form method="post" action="/admin/login">
<h1>${escapeHtml(t.heading)}</h1>
${message ? `<p class="error" role="alert">${escapeHtml(message)}</p>` : ''}
<label>${escapeHtml(t.tokenLabel)}<input type="password" name="token" autocomplete="current-password" required autofocus></label>
<input type="hidden" name="lang" value="${lang}">
<button type="submit">${escapeHtml(t.signIn)}</button></form></body></html>`;
}

/** JSON that is safe inside a `<script type="application/json">` element. */
export function jsonForHtml(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}
