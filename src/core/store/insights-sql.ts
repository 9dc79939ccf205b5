/**
 * The insights figures as SQL, written once for both backends: a {@link Dialect} supplies what SQLite
 * and PostgreSQL spell differently (placeholders, times, day and week buckets, JSON fields), and
 * {@link summaryOf} / {@link dashboardOf} run the queries through the backend's runner and shape the rows.
 * Every value from the caller travels as a parameter; the only literals spliced in are the validated
 * UTC offset and the fixed dimension keys.
 */
import { groupSimilar } from '../insights/gaps.ts';
import { DIMENSIONS } from '../review/types.ts';
import type { InsightsDashboard, InsightsFilter, InsightsSummary } from './insights-types.ts';
import { invalid, millis } from './store-input.ts';

/** What the two backends spell differently. */
export interface Dialect {
  /** The n-th (1-based) parameter's placeholder. */
  placeholder(n: number): string;
  /** A time as the driver binds it. */
  time(d: Date): unknown;
  /** `YYYY-MM-DD` of a time column, shifted by `offset` minutes. */
  day(col: string, offset: number): string;
  /** `YYYY-MM-DD` of the Monday of the week of a time column, shifted by `offset` minutes. */
  week(col: string, offset: number): string;
  /** A dimension's score in the `scores` column, as a number. */
  dim(key: string): string;
  /** Aggregates a text column into one comma-separated value. */
  list(col: string): string;
}

/** One query and its parameters. */
export interface Query {
  sql: string;
  params: unknown[];
}

/** Runs a query on the backend; rows as the driver returns them. */
export type Runner = (q: Query) => Promise<Record<string, unknown>[]>;

/** How many entries, wordings and worst-rated replies the figures list. */
const TOP = 10;
const WORDINGS = 500;
const GAPS = 20;

function builder(d: Dialect, f: InsightsFilter) {
  const params: unknown[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return d.placeholder(params.length);
  };
  /** The filter on a table with `at`, `platform`, `chat_id` (optionally under an alias). */
  const where = (alias = '') => {
    const a = alias ? `${alias}.` : '';
    const parts = [`${a}at >= ${p(d.time(f.since))}`];
    if (f.until) parts.push(`${a}at < ${p(d.time(f.until))}`);
    if (f.chat) parts.push(`${a}platform = ${p(f.chat.platform)} AND ${a}chat_id = ${p(f.chat.chatId)}`);
    return parts.join(' AND ');
  };
  return { p, where, query: (sql: string): Query => ({ sql, params }) };
}

const sumIf = (cond: string) => `sum(CASE WHEN ${cond} THEN 1 ELSE 0 END)`;
const dimColumn = (key: string) => `d_${key}`;

/** Validated filter parts: the offset (a whole number of minutes within ±14 h) and the times. */
function checked(f: InsightsFilter): { offset: number } {
  millis(f.since, 'since');
  if (f.until) millis(f.until, 'until');
  const offset = f.utcOffsetMinutes ?? 0;
  if (!Number.isInteger(offset) || Math.abs(offset) > 14 * 60) invalid(`utcOffsetMinutes ${offset}`);
  return { offset };
}

/** The queries behind the figures, each a function of the dialect and the filter. */
const QUERIES = {
  daily(d: Dialect, f: InsightsFilter, offset: number): Query {
    const b = builder(d, f);
    return b.query(`SELECT ${d.day('at', offset)} AS day,
        ${sumIf("kind = 'answer'")} AS questions,
        ${sumIf("kind = 'answer' AND outcome = 'answered'")} AS answered,
        ${sumIf("kind = 'answer' AND outcome = 'partly'")} AS partly,
        ${sumIf("kind = 'answer' AND outcome = 'unanswered'")} AS unanswered,
        ${sumIf("kind = 'review' AND outcome <> 'error'")} AS reviews,
        ${sumIf("outcome = 'error'")} AS errors,
        sum(fallback) AS fallbacks, sum(model) AS calls,
        sum(tokens_in) AS tokens_in, sum(tokens_out) AS tokens_out
      FROM insight_events WHERE ${b.where()} GROUP BY 1 ORDER BY 1`);
  },
  users(d: Dialect, f: InsightsFilter): Query {
    const b = builder(d, f);
    return b.query(`SELECT count(DISTINCT user_hash) AS n FROM insight_events WHERE ${b.where()}`);
  },
  latency(d: Dialect, f: InsightsFilter, offset: number, perDay: boolean): Query {
    const b = builder(d, f);
    const part = perDay ? `PARTITION BY ${d.day('at', offset)}` : '';
    return b.query(`WITH l AS (
        SELECT ${perDay ? d.day('at', offset) : "'all'"} AS day, latency_ms AS v,
          row_number() OVER (${part} ORDER BY latency_ms) AS rn, count(*) OVER (${part}) AS n
        FROM insight_events WHERE kind = 'answer' AND outcome <> 'error' AND ${b.where()})
      SELECT day, max(CASE WHEN rn = (n * 50 + 99) / 100 THEN v END) AS p50,
        max(CASE WHEN rn = (n * 95 + 99) / 100 THEN v END) AS p95
      FROM l GROUP BY day ORDER BY day`);
  },
  topEntries(d: Dialect, f: InsightsFilter): Query {
    const b = builder(d, f);
    return b.query(`SELECT c.entry_id AS id, count(*) AS n
      FROM insight_citations c JOIN insight_events e ON e.id = c.event_id
      WHERE ${b.where('e')} GROUP BY c.entry_id ORDER BY n DESC, id LIMIT ${TOP}`);
  },
  wordings(d: Dialect, f: InsightsFilter): Query {
    const b = builder(d, f);
    return b.query(`SELECT question_key AS k, min(question) AS text, count(*) AS n, max(at) AS last
      FROM insight_events WHERE question_key IS NOT NULL AND ${b.where()}
      GROUP BY question_key ORDER BY n DESC, last DESC LIMIT ${WORDINGS}`);
  },
  feedback(d: Dialect, f: InsightsFilter): Query {
    const b = builder(d, f);
    return b.query(`SELECT value, count(*) AS n FROM insight_feedback WHERE ${b.where()} GROUP BY value`);
  },
  weeks(d: Dialect, f: InsightsFilter, offset: number): Query {
    const b = builder(d, f);
    const dims = DIMENSIONS.map((k) => `avg(${d.dim(k)}) AS ${dimColumn(k)}`).join(', ');
    return b.query(`SELECT ${d.week('at', offset)} AS week, count(*) AS n, avg(overall) AS overall, ${dims}
      FROM insight_events WHERE kind = 'review' AND outcome <> 'error' AND ${b.where()}
      GROUP BY 1 ORDER BY 1`);
  },
  tips(d: Dialect, f: InsightsFilter, offset: number): Query {
    const params: unknown[] = [];
    const p = (v: unknown) => {
      params.push(v);
      return d.placeholder(params.length);
    };
    const shift = (t: Date) => new Date(t.getTime() + offset * 60_000).toISOString().slice(0, 10);
    const parts = [`status = 'posted'`, `local_date >= ${p(shift(f.since))}`];
    if (f.until) parts.push(`local_date < ${p(shift(f.until))}`);
    if (f.chat) parts.push(`platform = ${p(f.chat.platform)} AND chat_id = ${p(f.chat.chatId)}`);
    return {
      sql: `SELECT local_date AS day, count(*) AS n FROM tip_slots WHERE ${parts.join(' AND ')}
        GROUP BY local_date ORDER BY 1`,
      params,
    };
  },
  perChat(d: Dialect, f: InsightsFilter, offset: number): Query {
    const b = builder(d, f);
    return b.query(`SELECT ${d.day('at', offset)} AS day, platform, chat_id, count(*) AS n
      FROM insight_events WHERE kind = 'answer' AND ${b.where()} GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`);
  },
  worst(d: Dialect, f: InsightsFilter): Query {
    const b = builder(d, f);
    return b.query(`SELECT ref, about, ${sumIf("value = 'up'")} AS up, ${sumIf("value = 'down'")} AS down
      FROM insight_feedback WHERE ${b.where()} GROUP BY ref, about
      HAVING ${sumIf("value = 'down'")} > 0 ORDER BY down DESC, up ASC, ref LIMIT ${TOP}`);
  },
  rated(d: Dialect, refs: string[]): Query {
    const params: unknown[] = [];
    const marks = refs.map((r) => {
      params.push(r);
      return d.placeholder(params.length);
    });
    return {
      sql: `SELECT e.ref AS ref, min(e.at) AS at, min(e.platform) AS platform, min(e.chat_id) AS chat_id,
          min(e.outcome) AS outcome, ${d.list('c.entry_id')} AS cited
        FROM insight_events e LEFT JOIN insight_citations c ON c.event_id = e.id
        WHERE e.ref IN (${marks.join(', ')}) GROUP BY e.ref`,
      params,
    };
  },
};

type Row = Record<string, unknown>;
const n = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));
const maybe = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const text = (v: unknown): string => (v === null || v === undefined ? '' : String(v));
const dateOf = (v: unknown): Date => (v instanceof Date ? v : new Date(Number(v)));
const round = (v: number | null, digits: number) =>
  v === null ? null : Math.round(v * 10 ** digits) / 10 ** digits;

/** The rows every figure set needs. */
function commonRows(run: Runner, d: Dialect, f: InsightsFilter, offset: number) {
  return Promise.all([
    run(QUERIES.daily(d, f, offset)),
    run(QUERIES.users(d, f)),
    run(QUERIES.latency(d, f, offset, false)),
    run(QUERIES.topEntries(d, f)),
    run(QUERIES.wordings(d, f)),
    run(QUERIES.feedback(d, f)),
    run(QUERIES.weeks(d, f, offset)),
    run(QUERIES.tips(d, f, offset)),
  ]);
}

/** The headline figures. */
export async function summaryOf(run: Runner, d: Dialect, f: InsightsFilter): Promise<InsightsSummary> {
  const { offset } = checked(f);
  return shapeSummary(f, await commonRows(run, d, f, offset));
}

function shapeSummary(
  f: InsightsFilter,
  [daily, users, latency, top, wordings, feedback, weeks, tips]: Row[][],
): InsightsSummary {
  if (!daily || !users || !latency || !top || !wordings || !feedback || !weeks || !tips) {
    throw new Error('insights: a figure query is missing');
  }
  const total = (key: string) => daily.reduce((sum, r) => sum + n(r[key]), 0);
  const reviews = weeks.reduce((sum, r) => sum + n(r.n), 0);
  /** The average over all weeks, weighted by each week's reviews. */
  const weighted = (key: string) => {
    if (reviews === 0) return null;
    return weeks.reduce((sum, r) => sum + n(r[key]) * n(r.n), 0) / reviews;
  };
  const votes = (value: string) => n(feedback.find((r) => r.value === value)?.n);
  return {
    since: f.since,
    questions: total('questions'),
    answered: total('answered'),
    partly: total('partly'),
    unanswered: total('unanswered'),
    fallbacks: total('fallbacks'),
    errors: total('errors'),
    modelCalls: total('calls'),
    users: n(users[0]?.n),
    feedback: { up: votes('up'), down: votes('down') },
    reviews,
    reviewAvg: Object.fromEntries(DIMENSIONS.map((k) => [k, round(weighted(dimColumn(k)), 2)])),
    overallAvg: round(weighted('overall'), 1),
    topEntries: top.map((r) => ({ id: text(r.id), count: n(r.n) })),
    unansweredQuestions: groupSimilar(
      wordings.map((r) => ({ key: text(r.k), text: text(r.text), count: n(r.n), last: dateOf(r.last) })),
    )
      .slice(0, GAPS)
      .map((g) => ({ text: g.text, count: g.count, last: g.last })),
    tokens: { in: total('tokens_in'), out: total('tokens_out') },
    latencyMs: { p50: maybe(latency[0]?.p50), p95: maybe(latency[0]?.p95) },
    tipsSent: tips.reduce((sum, r) => sum + n(r.n), 0),
  };
}

/** The headline figures and every series of the admin page. */
export async function dashboardOf(run: Runner, d: Dialect, f: InsightsFilter): Promise<InsightsDashboard> {
  const { offset } = checked(f);
  const [common, perChat, worst, latency] = await Promise.all([
    commonRows(run, d, f, offset),
    run(QUERIES.perChat(d, f, offset)),
    run(QUERIES.worst(d, f)),
    run(QUERIES.latency(d, f, offset, true)),
  ]);
  const summary = shapeSummary(f, common);
  const [daily = [], , , , , , weeks = [], tips = []] = common;
  const rated =
    worst.length > 0
      ? await run(
          QUERIES.rated(
            d,
            worst.map((r) => text(r.ref)),
          ),
        )
      : [];
  const byRef = new Map(rated.map((r) => [text(r.ref), r]));
  const p50 = new Map(latency.map((r) => [text(r.day), maybe(r.p50)]));
  return {
    ...summary,
    perDay: perChat.map((r) => ({
      day: text(r.day),
      platform: text(r.platform),
      chatId: text(r.chat_id),
      questions: n(r.n),
    })),
    outcomesPerDay: daily
      .filter((r) => n(r.questions) > 0)
      .map((r) => ({
        day: text(r.day),
        answered: n(r.answered),
        partly: n(r.partly),
        unanswered: n(r.unanswered),
        fallbacks: n(r.fallbacks),
        errors: n(r.errors),
      })),
    reviewsPerWeek: weeks.map((r) => ({
      week: text(r.week),
      reviews: n(r.n),
      overall: round(maybe(r.overall), 1),
      avg: Object.fromEntries(DIMENSIONS.map((k) => [k, round(maybe(r[dimColumn(k)]), 2)])),
    })),
    worstRated: worst.map((r) => {
      const e = byRef.get(text(r.ref));
      return {
        ref: text(r.ref),
        kind: r.about === 'review' ? 'review' : 'answer',
        at: e ? dateOf(e.at) : null,
        platform: text(e?.platform),
        chatId: text(e?.chat_id),
        outcome: e ? text(e.outcome) : null,
        cited: [...new Set(text(e?.cited).split(',').filter(Boolean))].sort(),
        up: n(r.up),
        down: n(r.down),
      };
    }),
    modelPerDay: daily.map((r) => ({
      day: text(r.day),
      calls: n(r.calls),
      tokensIn: n(r.tokens_in),
      tokensOut: n(r.tokens_out),
      fallbacks: n(r.fallbacks),
      errors: n(r.errors),
      p50: p50.get(text(r.day)) ?? null,
    })),
    tipsPerDay: tips.map((r) => ({ day: text(r.day), tips: n(r.n) })),
  };
}
