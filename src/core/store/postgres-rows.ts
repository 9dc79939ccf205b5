import { z } from 'zod';
import { CoachError } from '../errors.ts';
import type { FeedbackRecord, Platform, StoredReview, TipSubscription, Turn } from './types.ts';

// Rows as `pg` returns them: snake_case, timestamptz as Date, boolean, jsonb parsed. CHECK constraints
// guarantee the enums.

/** A `turns` row. */
export interface PgTurnRow {
  role: Turn['role'];
  text: string;
  at: Date;
  user_id: string | null;
  kind: Turn['kind'] | null;
}

/** A `reviews` row. */
export interface PgReviewRow {
  user_key: string;
  at: Date;
  overall: number;
  scores: unknown;
  mode: StoredReview['mode'];
  excerpt: string;
  lang: StoredReview['lang'];
}

/** A `tip_subscriptions` row. */
export interface PgSubscriptionRow {
  platform: Platform;
  workspace: string;
  chat_id: string;
  time: string;
  timezone: string;
  enabled: boolean;
  created_by: string | null;
  updated_at: Date;
  lang: 'en' | 'zh';
}

/** A `feedback` row. */
export interface PgFeedbackRow {
  platform: Platform;
  workspace: string;
  chat_id: string;
  message_ref: string;
  user_id: string;
  value: FeedbackRecord['value'];
  about_kind: FeedbackRecord['about']['kind'];
  about_ref: string;
  about_summary: string | null;
  at: Date;
}

/** Turns a row into a Turn, leaving out absent optional fields. */
export function turnFromPg(row: PgTurnRow): Turn {
  const turn: Turn = { role: row.role, text: row.text, at: row.at };
  if (row.user_id !== null) turn.userId = row.user_id;
  if (row.kind !== null) turn.kind = row.kind;
  return turn;
}

const scoresSchema = z.record(z.string(), z.number());

/** Turns a row into a StoredReview; `scores` that are not an object of numbers are an error. */
export function reviewFromPg(row: PgReviewRow): StoredReview {
  const scores = scoresSchema.safeParse(row.scores);
  if (!scores.success) {
    throw new CoachError(
      'store_unavailable',
      'A stored review has unreadable scores (not an object of numbers)',
      { cause: scores.error },
    );
  }
  return {
    userKey: row.user_key,
    at: row.at,
    overall: row.overall,
    scores: scores.data,
    mode: row.mode,
    excerpt: row.excerpt,
    lang: row.lang,
  };
}

/** Turns a row into a TipSubscription. */
export function subscriptionFromPg(row: PgSubscriptionRow): TipSubscription {
  const sub: TipSubscription = {
    platform: row.platform,
    workspace: row.workspace,
    chatId: row.chat_id,
    time: row.time,
    timezone: row.timezone,
    enabled: row.enabled,
    updatedAt: row.updated_at,
    lang: row.lang,
  };
  if (row.created_by !== null) sub.createdBy = row.created_by;
  return sub;
}

/** Turns a row into a FeedbackRecord. */
export function feedbackFromPg(row: PgFeedbackRow): FeedbackRecord {
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
    at: row.at,
  };
}
