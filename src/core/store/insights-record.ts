/** What both backends do the same way when they write insights: checks, hashing, column values. */
import { createHash, randomBytes } from 'node:crypto';
import { DIMENSIONS } from '../review/types.ts';
import type { InsightEvent, InsightFeedback } from './insights-types.ts';
import { invalid, millis } from './store-input.ts';

/** Longest unanswered question kept (the rest is cut). */
export const MAX_QUESTION_CHARS = 500;

/** A new salt for the hashed user ids of one database. */
export function newSalt(): string {
  return randomBytes(16).toString('hex');
}

/** A user key as stored: salted SHA-256, 16 hex characters (enough to count users, useless to name one). */
export function hashUser(salt: string, userKey: string): string {
  return createHash('sha256').update(salt).update('\0').update(userKey).digest('hex').slice(0, 16);
}

const whole = (v: number, field: string) => {
  if (!Number.isFinite(v) || v < 0) invalid(`${field} must be a number ≥ 0, got ${v}`);
  return Math.round(v);
};

/** An answer or review as column values (names shared by both schemas). */
export function eventColumns(e: InsightEvent, salt: string) {
  return {
    at: millis(e.at, 'event.at'),
    kind: e.kind,
    platform: e.platform,
    workspace: e.workspace,
    chatId: e.chatId,
    userHash: hashUser(salt, e.userKey),
    command: e.command,
    lang: e.lang,
    outcome: e.outcome,
    fallback: e.fallback ? 1 : 0,
    model: e.model ? 1 : 0,
    latencyMs: whole(e.latencyMs, 'latencyMs'),
    tokensIn: whole(e.tokensIn, 'tokensIn'),
    tokensOut: whole(e.tokensOut, 'tokensOut'),
    overall: e.overall ?? null,
    scores: e.scores ? JSON.stringify(e.scores) : null,
    // Only an unanswered question keeps its text: the rest of Coach's memory is the conversation's.
    question: e.outcome === 'unanswered' && e.question ? e.question.slice(0, MAX_QUESTION_CHARS) : null,
    questionKey: e.outcome === 'unanswered' && e.questionKey ? e.questionKey : null,
    ref: e.ref,
    cited: [...new Set(e.cited)].join(','),
  };
}

export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;
/** Latencies are counted in bins 5 % wide, so percentiles are read from a few hundred rows. */
const LATENCY_BASE = 1.05;
export const latencyBin = (ms: number): number => Math.round(Math.log(ms + 1) / Math.log(LATENCY_BASE));
export const binValue = (bin: number): number => Math.round(LATENCY_BASE ** bin - 1);

/** The summed columns of `insight_hours`, in order. */
export const HOUR_SUMS = [
  'questions',
  'answered',
  'partly',
  'unanswered',
  'reviews',
  'errors',
  'fallbacks',
  'calls',
  'tokens_in',
  'tokens_out',
  'latency_sum',
  'latency_n',
  'overall_sum',
  ...DIMENSIONS.map((d) => `d_${d}`),
] as const;

type Place = { platform: string; chatId: string };
/** What a batch adds to the roll-ups, summed per key (so each key is written once per batch). */
export interface Rollups {
  hours: (Place & { hour: number; sums: number[] })[];
  userDays: (Place & { day: number; userHash: string })[];
  latency: (Place & { day: number; bin: number; n: number })[];
  cited: (Place & { day: number; entryId: string; n: number })[];
}

/** The roll-up rows of a batch of answers and reviews. */
export function rollupsOf(events: readonly InsightEvent[], salt: string): Rollups {
  const hours = new Map<string, Rollups['hours'][number]>();
  const users = new Map<string, Rollups['userDays'][number]>();
  const latency = new Map<string, Rollups['latency'][number]>();
  const cited = new Map<string, Rollups['cited'][number]>();
  for (const e of events) {
    const at = millis(e.at, 'event.at');
    const place = { platform: e.platform, chatId: e.chatId };
    const hour = Math.floor(at / HOUR_MS);
    const day = Math.floor(at / DAY_MS);
    const k = `${e.platform}\0${e.chatId}`;
    const answer = e.kind === 'answer';
    const ok = e.outcome !== 'error';
    const review = !answer && ok;
    const timed = answer && ok;
    const latencyMs = whole(e.latencyMs, 'latencyMs');
    const add = [
      answer ? 1 : 0,
      answer && e.outcome === 'answered' ? 1 : 0,
      answer && e.outcome === 'partly' ? 1 : 0,
      answer && e.outcome === 'unanswered' ? 1 : 0,
      review ? 1 : 0,
      ok ? 0 : 1,
      e.fallback ? 1 : 0,
      e.model ? 1 : 0,
      whole(e.tokensIn, 'tokensIn'),
      whole(e.tokensOut, 'tokensOut'),
      timed ? latencyMs : 0,
      timed ? 1 : 0,
      review ? (e.overall ?? 0) : 0,
      ...DIMENSIONS.map((d) => (review ? (e.scores?.[d] ?? 0) : 0)),
    ];
    const h = hours.get(`${hour}\0${k}`) ?? { ...place, hour, sums: add.map(() => 0) };
    h.sums = h.sums.map((v, i) => v + (add[i] ?? 0));
    hours.set(`${hour}\0${k}`, h);
    const userHash = hashUser(salt, e.userKey);
    users.set(`${day}\0${k}\0${userHash}`, { ...place, day, userHash });
    if (timed) {
      const bin = latencyBin(latencyMs);
      const l = latency.get(`${day}\0${k}\0${bin}`) ?? { ...place, day, bin, n: 0 };
      l.n += 1;
      latency.set(`${day}\0${k}\0${bin}`, l);
    }
    for (const entryId of new Set(e.cited)) {
      const c = cited.get(`${day}\0${k}\0${entryId}`) ?? { ...place, day, entryId, n: 0 };
      c.n += 1;
      cited.set(`${day}\0${k}\0${entryId}`, c);
    }
  }
  return {
    hours: [...hours.values()],
    userDays: [...users.values()],
    latency: [...latency.values()],
    cited: [...cited.values()],
  };
}

/** A vote as column values. */
export function feedbackColumns(f: InsightFeedback, salt: string) {
  return {
    at: millis(f.at, 'feedback.at'),
    platform: f.platform,
    workspace: f.workspace,
    chatId: f.chatId,
    userHash: hashUser(salt, f.userKey),
    about: f.about,
    ref: f.ref,
    value: f.value,
  };
}

/** One roll-up table: its key and value columns, and whether a conflict adds the values or keeps the row. */
interface RollupTable {
  table: string;
  keys: readonly string[];
  values: readonly string[];
}

export const ROLLUP_TABLES = {
  hours: { table: 'insight_hours', keys: ['hour', 'platform', 'chat_id'], values: HOUR_SUMS },
  userDays: { table: 'insight_user_days', keys: ['day', 'platform', 'chat_id', 'user_hash'], values: [] },
  latency: { table: 'insight_latency', keys: ['day', 'platform', 'chat_id', 'bin'], values: ['n'] },
  cited: { table: 'insight_cited', keys: ['day', 'platform', 'chat_id', 'entry_id'], values: ['n'] },
} as const satisfies Record<keyof Rollups, RollupTable>;

/** The values of one roll-up row, in the table's column order. */
export function rollupValues(r: Record<string, unknown> & { platform: string; chatId: string }): unknown[] {
  if ('sums' in r) return [r.hour, r.platform, r.chatId, ...(r.sums as number[])];
  if ('userHash' in r) return [r.day, r.platform, r.chatId, r.userHash];
  if ('bin' in r) return [r.day, r.platform, r.chatId, r.bin, r.n];
  return [r.day, r.platform, r.chatId, r.entryId, r.n];
}

/**
 * An upsert of `rows` rows into a roll-up table: values add up on a conflict (a key without values
 * is kept as it is). `mark(i)` is the i-th (1-based) placeholder.
 */
export function rollupUpsert(t: RollupTable, rows: number, mark: (i: number) => string): string {
  const cols = [...t.keys, ...t.values];
  const tuples = Array.from(
    { length: rows },
    (_, r) => `(${cols.map((_, c) => mark(r * cols.length + c + 1)).join(', ')})`,
  );
  const action =
    t.values.length === 0
      ? 'DO NOTHING'
      : `DO UPDATE SET ${t.values.map((v) => `${v} = ${t.table}.${v} + excluded.${v}`).join(', ')}`;
  return `INSERT INTO ${t.table} (${cols.join(', ')}) VALUES ${tuples.join(', ')}
    ON CONFLICT (${t.keys.join(', ')}) ${action}`;
}
