/**
 * The insights figures as SQL, written once for both backends: a {@link Dialect} supplies what SQLite
 * and PostgreSQL spell differently, and {@link summaryOf} / {@link dashboardOf} run the queries through
 * the backend's runner and shape the rows. Counts, sums and averages come from the roll-ups kept as
 * events are recorded (`insight_hours`: whole hours; people, latency bins and citations: whole UTC
 * days), so a figure reads thousands of rows however many events there are; unanswered questions and
 * votes come from their own rows. Every value from the caller travels as a parameter; the only
 * literal spliced in is the validated whole-hour UTC offset.
 */
import { groupSimilar } from '../insights/gaps.ts';
import { DIMENSIONS } from '../review/types.ts';
import { binValue, DAY_MS, HOUR_MS, HOUR_SUMS } from './insights-record.ts';
import type { InsightsDashboard, InsightsFilter, InsightsSummary } from './insights-types.ts';
import { invalid, millis } from './store-input.ts';

/** What the two backends spell differently: placeholders and how a time is bound. */
export interface Dialect {
  /** The n-th (1-based) parameter's placeholder. */
  placeholder(n: number): string;
  /** A time as the driver binds it. */
  time(d: Date): unknown;
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

/** Filters on raw rows (`at`) and on roll-ups (`hour` or `day` numbers), with their parameters. */
function builder(d: Dialect, f: InsightsFilter) {
  const params: unknown[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return d.placeholder(params.length);
  };
  const chat = () =>
    f.chat ? ` AND platform = ${p(f.chat.platform)} AND chat_id = ${p(f.chat.chatId)}` : '';
  /** Rows with an `at` time. */
  // Placeholders are numbered in the order they are made: `?` needs them in the order of the text.
  const where = () => {
    const since = `at >= ${p(d.time(f.since))}`;
    const until = f.until ? ` AND at < ${p(d.time(f.until))}` : '';
    return `${since}${until}${chat()}`;
  };
  /** Roll-up rows by `hour` or `day` number: the buckets that start within the period. */
  const bucket = (col: 'hour' | 'day', size: number) => {
    const since = `${col} >= ${p(Math.ceil(f.since.getTime() / size))}`;
    const until = f.until ? ` AND ${col} < ${p(Math.ceil(f.until.getTime() / size))}` : '';
    return `${since}${until}${chat()}`;
  };
  return { p, where, bucket, query: (sql: string): Query => ({ sql, params }) };
}

/** Validated filter parts: the offset in whole hours (within ±14 h). */
function checked(f: InsightsFilter): { offsetHours: number } {
  millis(f.since, 'since');
  if (f.until) millis(f.until, 'until');
  const offset = f.utcOffsetMinutes ?? 0;
  if (!Number.isInteger(offset) || Math.abs(offset) > 14 * 60) invalid(`utcOffsetMinutes ${offset}`);
  return { offsetHours: Math.round(offset / 60) };
}

const sumIf = (cond: string) => `sum(CASE WHEN ${cond} THEN 1 ELSE 0 END)`;
const sums = (cols: readonly string[]) => cols.map((c) => `sum(${c}) AS ${c}`).join(', ');
/** The local day number of an hour column (epoch hours + offset, in whole days). */
const dayOf = (offsetHours: number) => `(hour + ${offsetHours}) / 24`;

/** The queries behind the figures, each a function of the dialect and the filter. */
const QUERIES = {
  daily(d: Dialect, f: InsightsFilter, offsetHours: number): Query {
    const b = builder(d, f);
    return b.query(`SELECT ${dayOf(offsetHours)} AS day, ${sums(HOUR_SUMS)}
      FROM insight_hours WHERE ${b.bucket('hour', HOUR_MS)} GROUP BY 1 ORDER BY 1`);
  },
  perChat(d: Dialect, f: InsightsFilter, offsetHours: number): Query {
    const b = builder(d, f);
    return b.query(`SELECT ${dayOf(offsetHours)} AS day, platform, chat_id, sum(questions) AS n
      FROM insight_hours WHERE ${b.bucket('hour', HOUR_MS)} GROUP BY 1, 2, 3 HAVING sum(questions) > 0
      ORDER BY 1, 2, 3`);
  },
  users(d: Dialect, f: InsightsFilter): Query {
    const b = builder(d, f);
    return b.query(
      `SELECT count(DISTINCT user_hash) AS n FROM insight_user_days WHERE ${b.bucket('day', DAY_MS)}`,
    );
  },
  latency(d: Dialect, f: InsightsFilter): Query {
    const b = builder(d, f);
    return b.query(`SELECT bin, sum(n) AS n FROM insight_latency WHERE ${b.bucket('day', DAY_MS)}
      GROUP BY bin ORDER BY bin`);
  },
  topEntries(d: Dialect, f: InsightsFilter): Query {
    const b = builder(d, f);
    return b.query(`SELECT entry_id AS id, sum(n) AS n FROM insight_cited WHERE ${b.bucket('day', DAY_MS)}
      GROUP BY entry_id ORDER BY n DESC, id LIMIT ${TOP}`);
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
  tips(d: Dialect, f: InsightsFilter, offsetHours: number): Query {
    const b = builder(d, f);
    const shift = (t: Date) => new Date(t.getTime() + offsetHours * HOUR_MS).toISOString().slice(0, 10);
    const since = `local_date >= ${b.p(shift(f.since))}`;
    const until = f.until ? ` AND local_date < ${b.p(shift(f.until))}` : '';
    const chat = f.chat ? ` AND platform = ${b.p(f.chat.platform)} AND chat_id = ${b.p(f.chat.chatId)}` : '';
    return b.query(`SELECT local_date AS day, count(*) AS n FROM tip_slots
      WHERE status = 'posted' AND ${since}${until}${chat}
      GROUP BY local_date ORDER BY 1`);
  },
  worst(d: Dialect, f: InsightsFilter): Query {
    const b = builder(d, f);
    return b.query(`SELECT ref, about, ${sumIf("value = 'up'")} AS up, ${sumIf("value = 'down'")} AS down
      FROM insight_feedback WHERE ${b.where()} GROUP BY ref, about
      HAVING ${sumIf("value = 'down'")} > 0 ORDER BY down DESC, up ASC, ref LIMIT ${TOP}`);
  },
  rated(d: Dialect, refs: string[]): Query {
    const b = builder(d, { since: new Date(0) });
    const marks = refs.map((r) => b.p(r));
    return b.query(`SELECT ref, min(at) AS at, min(platform) AS platform, min(chat_id) AS chat_id,
        min(outcome) AS outcome, min(cited) AS cited
      FROM insight_events WHERE ref IN (${marks.join(', ')}) GROUP BY ref`);
  },
};

type Row = Record<string, unknown>;
const n = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));
const text = (v: unknown): string => (v === null || v === undefined ? '' : String(v));
const dateOf = (v: unknown): Date => (v instanceof Date ? v : new Date(Number(v)));
const round = (v: number | null, digits: number) =>
  v === null ? null : Math.round(v * 10 ** digits) / 10 ** digits;
/** `YYYY-MM-DD` of a day number. */
const dayText = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
/** The Monday of a day number's week (day 0, 1970-01-01, was a Thursday). */
const mondayOf = (day: number) => day - ((day + 3) % 7);
/** Nearest-rank percentile from (bin, count) rows sorted by bin. */
function percentileOf(bins: Row[], p: number): number | null {
  const total = bins.reduce((sum, r) => sum + n(r.n), 0);
  if (total === 0) return null;
  const rank = Math.ceil((p / 100) * total);
  let seen = 0;
  for (const r of bins) {
    seen += n(r.n);
    if (seen >= rank) return binValue(n(r.bin));
  }
  return null;
}

/** Review averages of summed rows: overall and each dimension. */
function reviewAverages(rows: Row[]) {
  const reviews = rows.reduce((sum, r) => sum + n(r.reviews), 0);
  const avg = (col: string) => (reviews === 0 ? null : rows.reduce((sum, r) => sum + n(r[col]), 0) / reviews);
  return {
    reviews,
    overall: round(avg('overall_sum'), 1),
    dims: Object.fromEntries(DIMENSIONS.map((k) => [k, round(avg(`d_${k}`), 2)])),
  };
}

/** The rows every figure set needs. */
function commonRows(run: Runner, d: Dialect, f: InsightsFilter, offsetHours: number) {
  return Promise.all([
    run(QUERIES.daily(d, f, offsetHours)),
    run(QUERIES.users(d, f)),
    run(QUERIES.latency(d, f)),
    run(QUERIES.topEntries(d, f)),
    run(QUERIES.wordings(d, f)),
    run(QUERIES.feedback(d, f)),
    run(QUERIES.tips(d, f, offsetHours)),
  ]);
}

/** The headline figures. */
export async function summaryOf(run: Runner, d: Dialect, f: InsightsFilter): Promise<InsightsSummary> {
  const { offsetHours } = checked(f);
  return shapeSummary(f, await commonRows(run, d, f, offsetHours));
}

function shapeSummary(f: InsightsFilter, rows: Row[][]): InsightsSummary {
  const [daily = [], users = [], latency = [], top = [], wordings = [], feedback = [], tips = []] = rows;
  const total = (key: string) => daily.reduce((sum, r) => sum + n(r[key]), 0);
  const reviews = reviewAverages(daily);
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
    reviews: reviews.reviews,
    reviewAvg: reviews.dims,
    overallAvg: reviews.overall,
    topEntries: top.map((r) => ({ id: text(r.id), count: n(r.n) })),
    unansweredQuestions: groupSimilar(
      wordings.map((r) => ({ key: text(r.k), text: text(r.text), count: n(r.n), last: dateOf(r.last) })),
    )
      .slice(0, GAPS)
      .map((g) => ({ text: g.text, count: g.count, last: g.last })),
    tokens: { in: total('tokens_in'), out: total('tokens_out') },
    latencyMs: { p50: percentileOf(latency, 50), p95: percentileOf(latency, 95) },
    tipsSent: tips.reduce((sum, r) => sum + n(r.n), 0),
  };
}

/** The headline figures and every series of the admin page. */
export async function dashboardOf(run: Runner, d: Dialect, f: InsightsFilter): Promise<InsightsDashboard> {
  const { offsetHours } = checked(f);
  const [common, perChat, worst] = await Promise.all([
    commonRows(run, d, f, offsetHours),
    run(QUERIES.perChat(d, f, offsetHours)),
    run(QUERIES.worst(d, f)),
  ]);
  const summary = shapeSummary(f, common);
  const [daily = [], , , , , , tips = []] = common;
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
  const weeks = new Map<number, Row[]>();
  for (const r of daily) {
    if (n(r.reviews) === 0) continue;
    const monday = mondayOf(n(r.day));
    weeks.set(monday, [...(weeks.get(monday) ?? []), r]);
  }
  return {
    ...summary,
    perDay: perChat.map((r) => ({
      day: dayText(n(r.day)),
      platform: text(r.platform),
      chatId: text(r.chat_id),
      questions: n(r.n),
    })),
    outcomesPerDay: daily
      .filter((r) => n(r.questions) > 0)
      .map((r) => ({
        day: dayText(n(r.day)),
        answered: n(r.answered),
        partly: n(r.partly),
        unanswered: n(r.unanswered),
        fallbacks: n(r.fallbacks),
        errors: n(r.errors),
      })),
    reviewsPerWeek: [...weeks.entries()]
      .sort(([a], [b]) => a - b)
      .map(([monday, rows]) => {
        const avg = reviewAverages(rows);
        return { week: dayText(monday), reviews: avg.reviews, overall: avg.overall, avg: avg.dims };
      }),
    worstRated: worst.map((r) => {
      const e = byRef.get(text(r.ref));
      return {
        ref: text(r.ref),
        kind: r.about === 'review' ? 'review' : 'answer',
        at: e ? dateOf(e.at) : null,
        platform: text(e?.platform),
        chatId: text(e?.chat_id),
        outcome: e ? text(e.outcome) : null,
        cited: text(e?.cited).split(',').filter(Boolean).sort(),
        up: n(r.up),
        down: n(r.down),
      };
    }),
    modelPerDay: daily.map((r) => ({
      day: dayText(n(r.day)),
      calls: n(r.calls),
      tokensIn: n(r.tokens_in),
      tokensOut: n(r.tokens_out),
      fallbacks: n(r.fallbacks),
      errors: n(r.errors),
      avgLatencyMs: n(r.latency_n) === 0 ? null : Math.round(n(r.latency_sum) / n(r.latency_n)),
    })),
    tipsPerDay: tips.map((r) => ({ day: text(r.day), tips: n(r.n) })),
  };
}
