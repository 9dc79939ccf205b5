import type { InsightsStore } from './insights-types.ts';
import type { TeamKnowledgeStore } from './team-types.ts';

/** A chat platform's name (`slack`, `feishu`, `terminal`…): each adapter names its own; the core knows none. */
export type Platform = string;

/** Identifies a conversation place. */
export interface ChatRef {
  platform: Platform;
  /** Slack team id, Feishu tenant key, or a fixed name for the terminal. */
  workspace: string;
  /** Channel / chat id within the workspace. */
  chatId: string;
}

/** One message of a thread, as kept for conversation context. */
export interface Turn {
  role: 'user' | 'assistant';
  text: string;
  at: Date;
  /** Platform user id of the author (user turns). */
  userId?: string;
  /** What an assistant turn was. */
  kind?: 'answer' | 'review' | 'command';
}

/** A scored review of a user's marketing text, kept so a user can see progress. */
export interface StoredReview {
  /** Who it belongs to, e.g. `slack:T1:U1` (the caller builds it). */
  userKey: string;
  at: Date;
  overall: number;
  /** Score per criterion id. */
  scores: Record<string, number>;
  mode: 'offline' | 'llm';
  /** A short excerpt of the reviewed text (never the whole text). */
  excerpt: string;
  lang: 'en' | 'zh';
}

/** A chat's subscription to the daily tip. */
export interface TipSubscription extends ChatRef {
  /** Local posting time, `HH:MM` (24 h). */
  time: string;
  /** IANA time zone of `time`. */
  timezone: string;
  enabled: boolean;
  /** Language the tips are posted in (default `en`). */
  lang?: 'en' | 'zh';
  /** Who first subscribed the chat; later upserts keep the first value (they only fill it when empty). */
  createdBy?: string;
  updatedAt: Date;
}

/** A thumbs up/down on one of Coach's messages. */
export interface FeedbackRecord extends ChatRef {
  /** Platform id of the message that was rated. */
  messageRef: string;
  userId: string;
  value: 'up' | 'down';
  about: { kind: 'answer' | 'review'; ref: string; summary?: string };
  at: Date;
}

/**
 * Coach's persistent state. Every method is async and each one is a single atomic operation, so the
 * same contract can be met by one SQLite file shared by processes, or by PostgreSQL shared by replicas
 * (`INSERT … ON CONFLICT … RETURNING`). Failures reject with `CoachError('store_unavailable')`;
 * malformed arguments (bad date, `HH:MM`, negative limit) with `CoachError('input_invalid')`.
 * `store-contract.ts` is the executable form of this contract.
 */
export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  /** What was asked and answered, reviewed and rated, for `coach stats` and the admin page. */
  readonly insights: InsightsStore;
  /** Atomically claims a key (an event id, or platform+workspace+chat+message id). True only for the first caller, ever (until pruned), across restarts and across processes sharing the database. */
  claim(key: string, now: Date): Promise<boolean>;
  /** Deletes claims older than `before` (the engine keeps them 48 h), and work completed before it. Returns how many. */
  pruneClaims(before: Date): Promise<number>;
  /** Appends a turn to a thread (threads are ordered by append, not by `at`). */
  appendTurn(threadKey: string, turn: Turn): Promise<void>;
  /** Appends several turns in order, in one transaction (a question and its answer). */
  appendTurns(threadKey: string, turns: Turn[]): Promise<void>;
  /** The last `limit` turns of a thread, oldest first. */
  history(threadKey: string, limit: number): Promise<Turn[]>;
  saveReview(review: StoredReview): Promise<void>;
  /** The user's last `limit` reviews, newest first (by `at`, then by save order). */
  reviews(userKey: string, limit: number): Promise<StoredReview[]>;
  /** Creates or replaces the chat's subscription; returns it as stored (`updatedAt` = `now`). */
  upsertSubscription(sub: Omit<TipSubscription, 'updatedAt'>, now: Date): Promise<TipSubscription>;
  /** The chat's subscription, enabled or not. */
  subscription(chat: ChatRef): Promise<TipSubscription | undefined>;
  /** Enabled subscriptions only. */
  subscriptions(): Promise<TipSubscription[]>;
  /**
   * Claims the (chat, local date) tip slot with the entry chosen for it. True only for the first caller
   * for that chat and date, across processes. A released slot can be claimed again, and so can a slot
   * left `claimed` for longer than `TIP_SLOT_LEASE_MS` (its claimer died before finishing it); the new
   * claim records its own entry.
   */
  claimTipSlot(
    chat: ChatRef,
    localDate: string /* YYYY-MM-DD */,
    entryId: string,
    now: Date,
  ): Promise<boolean>;
  /**
   * Marks a claimed slot as posted (its entry joins the chat's rotation) or releases it on a final
   * failure so that a retry/other replica may post it. Only a `claimed` slot changes; finishing a
   * missing or already finished slot does nothing (logged as a warning).
   */
  finishTipSlot(chat: ChatRef, localDate: string, outcome: 'posted' | 'released'): Promise<void>;
  /** Entry ids already posted to this chat in the current rotation, in posting order (the rotation restarts when every entry was sent: the caller decides and calls `resetTipRotation`). */
  sentTipIds(chat: ChatRef): Promise<string[]>;
  /** Starts a new rotation: `sentTipIds` becomes empty. Slots are kept. */
  resetTipRotation(chat: ChatRef): Promise<void>;
  /** The chat's slot with the latest local date. */
  lastTipSlot(
    chat: ChatRef,
  ): Promise<{ localDate: string; entryId: string; status: 'claimed' | 'posted' | 'released' } | undefined>;
  /** Records a vote; one per (chat, message, user): a later vote replaces the earlier one. */
  saveFeedback(fb: FeedbackRecord): Promise<void>;
  /** The chat's last `limit` votes, newest first. */
  feedback(chat: ChatRef, limit: number): Promise<FeedbackRecord[]>;
  /**
   * Claims a unit of work (a message to answer) with a lease, for replicas that may die mid-way.
   * The first caller gets `'claimed'` and stores `payload` (JSON: what another replica needs to finish
   * the work). Later callers get `'busy'` while the lease runs (`now` < claim time + `leaseMs`), and
   * `'done'` once it was completed. A lease that ran out without completion is taken over: the caller
   * gets `'claimed'` and becomes the owner (the stored payload is kept). Rejects with `input_invalid`
   * for a `leaseMs` that is not a positive number or a payload that is not JSON.
   */
  claimWork(
    key: string,
    payload: unknown,
    now: Date,
    leaseMs: number,
    owner: string,
  ): Promise<'claimed' | 'done' | 'busy'>;
  /**
   * Marks claimed work as done: `claimWork` answers `'done'` for it from then on (until pruned with
   * the claims). Done is final. Completing work whose lease another owner took over still marks it done
   * (the work did happen); completing missing or already done work does nothing (logged as a warning).
   */
  completeWork(key: string, owner: string, now: Date): Promise<void>;
  /**
   * Extends the lease of work that `owner` still holds, so that it runs out `leaseMs` after `now`: the
   * claimer calls it while an answer takes longer than the lease. One atomic statement. True when
   * renewed; false (nothing changes) when the work is done, unknown, released with `releaseOwner`, or
   * owned by someone else (its lease ran out and another owner took it over). A lease that ran out but
   * was not taken over yet is still the owner's and is renewed. Rejects with `input_invalid` for a
   * `leaseMs` that is not a positive number.
   */
  renewWork(key: string, owner: string, now: Date, leaseMs: number): Promise<boolean>;
  /** Claimed, not done work whose lease ran out by `now` (oldest expiry first, at most `limit`): for takeover sweeps. */
  expiredWork(now: Date, limit: number): Promise<{ key: string; payload: unknown; owner: string }[]>;
  /**
   * Ends every lease `owner` still holds on unfinished work (graceful shutdown), so that other replicas
   * may take the work over at once. Returns how many leases it ended.
   */
  releaseOwner(owner: string): Promise<number>;
  /**
   * Adds `tokens` (model tokens a workspace used) to its count for `day` (a local date, `YYYY-MM-DD`) in
   * one atomic statement; resolves with the day's new total. Rejects with `input_invalid` for a bad date
   * or a negative count.
   */
  addTokens(workspace: string, day: string, tokens: number): Promise<number>;
  /** The tokens a workspace used on `day` (0 when none). */
  tokensUsed(workspace: string, day: string): Promise<number>;
  /**
   * Retention: deletes conversation turns, reviews and feedback recorded before `before`, and tip slots
   * and token counts of local dates before `beforeDay`. Resolves with how many rows of each went.
   */
  pruneBefore(before: Date, beforeDay: string): Promise<PruneResult>;
  /** The team's own knowledge: sources, documents, passages, sync leases (`team-types.ts`). */
  readonly team: TeamKnowledgeStore;
  /** Cheap liveness check for /healthz: false (never a rejection) when the database does not answer. */
  ping(): Promise<boolean>;
  /** Closes the connection; idempotent. Later calls reject with `store_unavailable`. */
  close(): Promise<void>;
}

/** What one retention run deleted, per kind of record. */
export interface PruneResult {
  turns: number;
  reviews: number;
  feedback: number;
  tipSlots: number;
  tokenDays: number;
}

/**
 * How long a `claimed` tip slot stays reserved for its claimer. Posting a tip takes seconds; a slot
 * still `claimed` after this long belongs to a process that died, and another may take it over.
 */
export const TIP_SLOT_LEASE_MS = 15 * 60_000;
