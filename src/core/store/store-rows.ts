import { z } from 'zod';
import { CoachError } from '../errors.ts';
import type { FeedbackRecord, Platform, StoredReview, TipSubscription, Turn } from './types.ts';

// Rows as the drivers return them: snake_case; times are epoch ms (SQLite) or Date (pg); flags are
// 0/1 (SQLite) or boolean (pg); review scores are JSON text (SQLite) or parsed jsonb (pg). CHECK
// constraints guarantee the enums. One set of mappers serves both backends.

/** A moment as a driver returns it. */
type Instant = Date | number;

/** A `turns` row. */
export interface TurnRow {
  role: Turn['role'];
  text: string;
  at: Instant;
  user_id: string | null;
  kind: Turn['kind'] | null;
}

/** A `reviews` row. */
export interface ReviewRow {
  user_key: string;
  at: Instant;
  overall: number;
  scores: unknown;
  mode: StoredReview['mode'];
  excerpt: string;
  lang: StoredReview['lang'];
}

/** A `tip_subscriptions` row. */
export interface SubscriptionRow {
  platform: Platform;
  workspace: string;
  chat_id: string;
  time: string;
  timezone: string;
  enabled: boolean | number;
  created_by: string | null;
  updated_at: Instant;
  lang: 'en' | 'zh';
}

/** A `feedback` row. */
export interface FeedbackRow {
  platform: Platform;
  workspace: string;
  chat_id: string;
  message_ref: string;
  user_id: string;
  value: FeedbackRecord['value'];
  about_kind: FeedbackRecord['about']['kind'];
  about_ref: string;
  about_summary: string | null;
  at: Instant;
}

/** Turns a row into a Turn, leaving out absent optional fields. */
export function turnFromRow(row: TurnRow): Turn {
  const turn: Turn = { role: row.role, text: row.text, at: new Date(row.at) };
  if (row.user_id !== null) turn.userId = row.user_id;
  if (row.kind !== null && row.kind !== undefined) turn.kind = row.kind;
  return turn;
}

/** Turns a row into a StoredReview; `scores` that are not (JSON of) an object of numbers are an error. */
export function reviewFromRow(row: ReviewRow): StoredReview {
  return {
    userKey: row.user_key,
    at: new Date(row.at),
    overall: row.overall,
    scores: parseScores(row.scores),
    mode: row.mode,
    excerpt: row.excerpt,
    lang: row.lang,
  };
}

/** Turns a row into a TipSubscription. */
export function subscriptionFromRow(row: SubscriptionRow): TipSubscription {
  const sub: TipSubscription = {
    platform: row.platform,
    workspace: row.workspace,
    chatId: row.chat_id,
    time: row.time,
    timezone: row.timezone,
    enabled: row.enabled === true || row.enabled === 1,
    updatedAt: new Date(row.updated_at),
    lang: row.lang,
  };
  if (row.created_by !== null) sub.createdBy = row.created_by;
  return sub;
}

/** Turns a row into a FeedbackRecord. */
export function feedbackFromRow(row: FeedbackRow): FeedbackRecord {
  const about: FeedbackRecord['about'] = { kind: row.about_kind, ref: row.about_ref };
  if (row.about_summary !== null) about.summary = row.about_summary;
  return {
    platform: row.platform,
    workspace: row.workspace,
    chatId: row.chat_id,
    messageRef: row.message_ref,
    userId: row.user_id,
    value: row.value,
    about,
    at: new Date(row.at),
  };
}

const scoresSchema = z.record(z.string(), z.number());

function parseScores(raw: unknown): Record<string, number> {
  let value = raw;
  if (typeof raw === 'string') {
    try {
      value = JSON.parse(raw);
    } catch (err) {
      throw new CoachError('store_unavailable', 'A stored review has unreadable scores (not JSON)', {
        cause: err,
      });
    }
  }
  const parsed = scoresSchema.safeParse(value);
  if (!parsed.success) {
    throw new CoachError(
      'store_unavailable',
      'A stored review has unreadable scores (not an object of numbers)',
      {
        cause: parsed.error,
      },
    );
  }
  return parsed.data;
}
