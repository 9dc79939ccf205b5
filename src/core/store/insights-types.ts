/**
 * Insights: what happened to every answer and review (platform, chat, hashed user, outcome, citations,
 * latency, tokens, scores) and the feedback on them, kept apart from the `Store` interface behind one
 * property (`store.insights`). No message text is kept except the text of unanswered questions (the
 * knowledge to add next). Events fall under the retention setting like conversations.
 */

/**
 * How an answer or review ended: `answered` (the knowledge covers it, or a review was given),
 * `partly` (partly covered), `unanswered` (not covered), `error` (the command failed).
 */
export type InsightOutcome = 'answered' | 'partly' | 'unanswered' | 'error';

/** One answer or review, as recorded. */
export interface InsightEvent {
  kind: 'answer' | 'review';
  at: Date;
  platform: string;
  workspace: string;
  chatId: string;
  /** `platform:workspace:user`; stored only as a salted hash (see {@link InsightsStore.record}). */
  userKey: string;
  /** The command that ran: `ask`, `review`, `review_again`. */
  command: string;
  lang: 'en' | 'zh';
  outcome: InsightOutcome;
  /** The model was asked but failed, so the offline answer or review was given instead. */
  fallback: boolean;
  /** The model was called for it. */
  model: boolean;
  /** Knowledge entry ids and team passage ids (`team:…`) the reply cited. */
  cited: string[];
  latencyMs: number;
  tokensIn: number;
  tokensOut: number;
  /** Reviews: overall 0–100 and the score per dimension. */
  overall?: number;
  scores?: Record<string, number>;
  /** Unanswered questions only: their text (capped), and the key that groups similar wordings. */
  question?: string;
  questionKey?: string;
  /** The reply's ref, which feedback on it names. */
  ref: string;
}

/** A 👍/👎 on a reply, joined to the recorded event by its ref. One per (ref, user): a later vote replaces it. */
export interface InsightFeedback {
  at: Date;
  platform: string;
  workspace: string;
  chatId: string;
  userKey: string;
  about: 'answer' | 'review';
  ref: string;
  value: 'up' | 'down';
}

/**
 * Which events a figure counts: since a time, optionally one chat (`platform` + `chatId`). Counts start
 * at the first whole hour from `since`; people, latency and citations at the first whole UTC day.
 */
export interface InsightsFilter {
  since: Date;
  until?: Date;
  chat?: { platform: string; chatId: string };
  /**
   * Minutes east of UTC of the days and weeks figures are grouped by (`COACH_TIMEZONE` at query time),
   * rounded to whole hours.
   */
  utcOffsetMinutes?: number;
}

/** The headline figures (`coach stats --json` prints them with these keys, snake_cased). */
export interface InsightsSummary {
  since: Date;
  questions: number;
  answered: number;
  partly: number;
  unanswered: number;
  /** Answers and reviews given offline because the model failed. */
  fallbacks: number;
  errors: number;
  modelCalls: number;
  users: number;
  feedback: { up: number; down: number };
  reviews: number;
  /** Average score per dimension (0–5) and overall (0–100); null without reviews. */
  reviewAvg: Record<string, number | null>;
  overallAvg: number | null;
  topEntries: { id: string; count: number }[];
  /** Grouped by similar wording, most asked first. */
  unansweredQuestions: { text: string; count: number; last: Date }[];
  tokens: { in: number; out: number };
  latencyMs: { p50: number | null; p95: number | null };
  tipsSent: number;
}

/** Everything the admin page shows: the summary plus the series behind its charts. */
export interface InsightsDashboard extends InsightsSummary {
  /** Questions per day, per platform and chat. */
  perDay: { day: string; platform: string; chatId: string; questions: number }[];
  /** Outcomes per day. */
  outcomesPerDay: {
    day: string;
    answered: number;
    partly: number;
    unanswered: number;
    fallbacks: number;
    errors: number;
  }[];
  /** Reviews per week (starting Monday) with the average of each dimension and overall. */
  reviewsPerWeek: {
    week: string;
    reviews: number;
    overall: number | null;
    avg: Record<string, number | null>;
  }[];
  /** Answers and reviews with the most 👎 (then fewest 👍). */
  worstRated: {
    ref: string;
    kind: 'answer' | 'review';
    at: Date | null;
    platform: string;
    chatId: string;
    outcome: string | null;
    cited: string[];
    up: number;
    down: number;
  }[];
  /** Model use per day: calls, tokens, fallbacks, errors, average answer latency. */
  modelPerDay: {
    day: string;
    calls: number;
    tokensIn: number;
    tokensOut: number;
    fallbacks: number;
    errors: number;
    avgLatencyMs: number | null;
  }[];
  tipsPerDay: { day: string; tips: number }[];
}

/** Insights persistence: one per store, over the same database. */
export interface InsightsStore {
  /**
   * Writes answers, reviews and feedback in one transaction, in order. User keys are stored as a salted
   * hash (the salt is made once per database and never leaves it). Rejects with `store_unavailable`.
   */
  record(events: readonly (InsightEvent | InsightFeedback)[]): Promise<void>;
  /** The headline figures. */
  summary(filter: InsightsFilter): Promise<InsightsSummary>;
  /** The headline figures and every series of the admin page. */
  dashboard(filter: InsightsFilter): Promise<InsightsDashboard>;
  /** Retention: deletes events and feedback recorded before `before`; resolves with how many. */
  pruneBefore(before: Date): Promise<number>;
}

/** True for feedback rather than an answer or review. */
export function isFeedback(e: InsightEvent | InsightFeedback): e is InsightFeedback {
  return 'value' in e;
}
