/** What both backends do the same way when they write insights: checks, hashing, column values. */
import { createHash, randomBytes } from 'node:crypto';
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
    cited: [...new Set(e.cited)],
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
