import type Database from 'better-sqlite3';
import { CoachError } from '../errors.ts';
import { type Logger, silentLogger } from '../logger.ts';
import { type CheckpointOptions, startCheckpoints } from './sqlite-checkpoint.ts';
import { sqliteInsights } from './sqlite-insights.ts';
import { openDatabase } from './sqlite-open.ts';
import { sqliteTeam } from './sqlite-team.ts';
import { sqliteUpkeep } from './sqlite-upkeep.ts';
import { sqliteWork } from './sqlite-work.ts';
import { checkLocalDate, checkTime, count, millis } from './store-input.ts';
import {
  type FeedbackRow,
  feedbackFromRow,
  type ReviewRow,
  reviewFromRow,
  type SubscriptionRow,
  subscriptionFromRow,
  type TurnRow,
  turnFromRow,
} from './store-rows.ts';
import { type ChatRef, type Store, TIP_SLOT_LEASE_MS, type Turn } from './types.ts';

/** Options of `openSqliteStore`. */
export interface SqliteStoreOptions {
  /** Where migrations and warnings are logged; default silent. */
  logger?: Logger;
  /** How long a write waits for another process's lock before failing; default 5000 ms. */
  busyTimeoutMs?: number;
  /** WAL checkpoints (file databases): timed, off the acknowledgement path (sqlite-checkpoint.ts). */
  checkpoints?: CheckpointOptions;
}

type ChatParams = { platform: string; workspace: string; chatId: string };
type SlotParams = ChatParams & { localDate: string };
type SlotRow = { local_date: string; entry_id: string; status: 'claimed' | 'posted' | 'released' };

/**
 * Opens the SQLite store at `path` (":memory:" for a private in-memory one), creating the file, its
 * folder and the schema as needed. Several processes may share one file: every write is one atomic
 * statement or an IMMEDIATE transaction, and a locked file is waited for (`busyTimeoutMs`).
 * Throws `CoachError('store_unavailable')` naming the path when the file cannot be used.
 */
export function openSqliteStore(path: string, opts: SqliteStoreOptions = {}): Store {
  const logger = opts.logger ?? silentLogger();
  const opened = openDatabase(path, { logger, busyTimeoutMs: opts.busyTimeoutMs ?? 5_000 });
  const { db } = opened;
  const stopCheckpoints =
    path === ':memory:' ? () => undefined : startCheckpoints(db, logger, opts.checkpoints);
  logger.info(
    {
      event: 'store_opened',
      kind: 'sqlite',
      path: opened.path,
      schemaVersion: opened.schemaVersion,
      applied: opened.applied,
    },
    'store opened',
  );
  let s: ReturnType<typeof prepareStatements>;
  let work: ReturnType<typeof sqliteWork>;
  let upkeep: ReturnType<typeof sqliteUpkeep>;
  let insights: ReturnType<typeof sqliteInsights>;
  let team: ReturnType<typeof sqliteTeam>;
  try {
    s = prepareStatements(db);
    work = sqliteWork(db, logger, (op, fn) => run(op, fn));
    upkeep = sqliteUpkeep(db, (op, fn) => run(op, fn));
    insights = sqliteInsights(db, (op, fn) => run(op, fn));
    team = sqliteTeam(db, (op, fn) => run(op, fn));
  } catch (err) {
    db.close();
    throw new CoachError(
      'store_unavailable',
      `Cannot open the database at ${opened.path}: its schema does not match.`,
      {
        cause: err,
        details: { path: opened.path },
      },
    );
  }

  const finishPosted = db.transaction((slot: SlotParams): boolean => {
    const done = s.markPosted.get(slot);
    if (!done) return false;
    s.addToRotation.run({ ...slot, entryId: done.entry_id });
    return true;
  });

  const pruneAll = db.transaction(
    (cutoff: number) => s.pruneClaims.run(cutoff).changes + work.pruneDone(cutoff),
  );

  const insertTurns = db.transaction((threadKey: string, turns: Turn[]) => {
    for (const turn of turns) {
      s.appendTurn.run({
        threadKey,
        role: turn.role,
        text: turn.text,
        at: millis(turn.at, 'turn.at'),
        userId: turn.userId ?? null,
        kind: turn.kind ?? null,
      });
    }
  });

  /** Runs a synchronous driver call as the async operation the interface promises. */
  const run = <T>(op: string, fn: () => T): Promise<T> => {
    try {
      return Promise.resolve(fn());
    } catch (err) {
      return Promise.reject(operationError(opened.path, op, err, db));
    }
  };

  return {
    kind: 'sqlite',
    insights,

    claim: (key, now) => run('claim', () => s.claim.run(key, millis(now, 'now')).changes === 1),

    pruneClaims: (before) =>
      run('pruneClaims', () => {
        const cutoff = millis(before, 'before');
        return pruneAll.immediate(cutoff);
      }),

    appendTurn: (threadKey, turn) => run('appendTurn', () => insertTurns(threadKey, [turn])),

    appendTurns: (threadKey, turns) => run('appendTurns', () => insertTurns(threadKey, turns)),

    history: (threadKey, limit) =>
      run('history', () => s.history.all(threadKey, count(limit)).map(turnFromRow)),

    saveReview: (review) =>
      run('saveReview', () => {
        s.saveReview.run({
          userKey: review.userKey,
          at: millis(review.at, 'review.at'),
          overall: review.overall,
          scores: JSON.stringify(review.scores),
          mode: review.mode,
          excerpt: review.excerpt,
          lang: review.lang,
        });
      }),

    reviews: (userKey, limit) =>
      run('reviews', () => s.reviews.all(userKey, count(limit)).map(reviewFromRow)),

    upsertSubscription: (sub, now) =>
      run('upsertSubscription', () => {
        checkTime(sub.time);
        const row = s.upsertSubscription.get({
          ...chatParams(sub),
          time: sub.time,
          timezone: sub.timezone,
          enabled: sub.enabled ? 1 : 0,
          createdBy: sub.createdBy ?? null,
          updatedAt: millis(now, 'now'),
          lang: sub.lang ?? 'en',
        });
        if (!row) throw new CoachError('internal', 'Subscription upsert returned no row');
        return subscriptionFromRow(row);
      }),

    subscription: (chat) =>
      run('subscription', () => {
        const row = s.subscription.get(chatParams(chat));
        return row ? subscriptionFromRow(row) : undefined;
      }),

    subscriptions: () => run('subscriptions', () => s.subscriptions.all().map(subscriptionFromRow)),

    claimTipSlot: (chat, localDate, entryId, now) =>
      run('claimTipSlot', () => {
        const at = millis(now, 'now');
        const params = {
          ...slotParams(chat, localDate),
          entryId,
          now: at,
          staleBefore: at - TIP_SLOT_LEASE_MS,
        };
        return s.claimTipSlot.run(params).changes === 1;
      }),

    finishTipSlot: (chat, localDate, outcome) =>
      run('finishTipSlot', () => {
        const slot = slotParams(chat, localDate);
        const changed =
          outcome === 'posted' ? finishPosted.immediate(slot) : s.release.run(slot).changes === 1;
        if (!changed) {
          logger.warn(
            { event: 'tip_slot_not_claimed', ...slot, outcome },
            'tip slot finished but it was not claimed (missing, or already finished)',
          );
        }
      }),

    sentTipIds: (chat) => run('sentTipIds', () => s.sentTipIds.all(chatParams(chat)).map((r) => r.entry_id)),

    resetTipRotation: (chat) =>
      run('resetTipRotation', () => {
        s.resetRotation.run(chatParams(chat));
      }),

    lastTipSlot: (chat) =>
      run('lastTipSlot', () => {
        const row = s.lastTipSlot.get(chatParams(chat));
        return row ? { localDate: row.local_date, entryId: row.entry_id, status: row.status } : undefined;
      }),

    saveFeedback: (fb) =>
      run('saveFeedback', () => {
        s.saveFeedback.run({
          ...chatParams(fb),
          messageRef: fb.messageRef,
          userId: fb.userId,
          value: fb.value,
          aboutKind: fb.about.kind,
          aboutRef: fb.about.ref,
          aboutSummary: fb.about.summary ?? null,
          at: millis(fb.at, 'feedback.at'),
        });
      }),

    feedback: (chat, limit) =>
      run('feedback', () =>
        s.feedback.all({ ...chatParams(chat), limit: count(limit) }).map(feedbackFromRow),
      ),

    claimWork: work.claimWork,
    completeWork: work.completeWork,
    renewWork: work.renewWork,
    expiredWork: work.expiredWork,
    releaseOwner: work.releaseOwner,
    addTokens: upkeep.addTokens,
    tokensUsed: upkeep.tokensUsed,
    pruneBefore: upkeep.pruneBefore,
    team,

    ping: () => {
      try {
        return Promise.resolve(s.ping.get()?.ok === 1);
      } catch (err) {
        logger.warn({ event: 'store_ping_failed', path: opened.path, err }, 'store ping failed');
        return Promise.resolve(false);
      }
    },

    close: () =>
      run('close', () => {
        stopCheckpoints();
        if (db.open) db.close();
      }),
  };
}

const CHAT = 'platform = @platform AND workspace = @workspace AND chat_id = @chatId';
const SUB_COLUMNS = 'platform, workspace, chat_id, time, timezone, enabled, created_by, updated_at, lang';

/** Every statement, prepared once per connection. */
function prepareStatements(db: Database.Database) {
  return {
    claim: db.prepare<[string, number]>(
      'INSERT INTO claims (key, claimed_at) VALUES (?, ?) ON CONFLICT DO NOTHING',
    ),
    pruneClaims: db.prepare<[number]>('DELETE FROM claims WHERE claimed_at < ?'),
    appendTurn: db.prepare<[Record<string, unknown>]>(
      `INSERT INTO turns (thread_key, role, text, at, user_id, kind)
       VALUES (@threadKey, @role, @text, @at, @userId, @kind)`,
    ),
    history: db.prepare<[string, number], TurnRow>(
      `SELECT role, text, at, user_id, kind FROM (
         SELECT id, role, text, at, user_id, kind FROM turns WHERE thread_key = ? ORDER BY id DESC LIMIT ?
       ) ORDER BY id`,
    ),
    saveReview: db.prepare<[Record<string, unknown>]>(
      `INSERT INTO reviews (user_key, at, overall, scores, mode, excerpt, lang)
       VALUES (@userKey, @at, @overall, @scores, @mode, @excerpt, @lang)`,
    ),
    reviews: db.prepare<[string, number], ReviewRow>(
      `SELECT user_key, at, overall, scores, mode, excerpt, lang FROM reviews
       WHERE user_key = ? ORDER BY at DESC, id DESC LIMIT ?`,
    ),
    upsertSubscription: db.prepare<[Record<string, unknown>], SubscriptionRow>(
      `INSERT INTO tip_subscriptions (${SUB_COLUMNS})
       VALUES (@platform, @workspace, @chatId, @time, @timezone, @enabled, @createdBy, @updatedAt, @lang)
       ON CONFLICT (platform, workspace, chat_id) DO UPDATE SET
         time = excluded.time, timezone = excluded.timezone, enabled = excluded.enabled, lang = excluded.lang,
         created_by = coalesce(tip_subscriptions.created_by, excluded.created_by), updated_at = excluded.updated_at
       RETURNING ${SUB_COLUMNS}`,
    ),
    subscription: db.prepare<[ChatParams], SubscriptionRow>(
      `SELECT ${SUB_COLUMNS} FROM tip_subscriptions WHERE ${CHAT}`,
    ),
    subscriptions: db.prepare<[], SubscriptionRow>(
      `SELECT ${SUB_COLUMNS} FROM tip_subscriptions WHERE enabled = 1 ORDER BY platform, workspace, chat_id`,
    ),
    // A released slot, or one whose claimer let the lease lapse, goes to the next claimer.
    claimTipSlot: db.prepare<[SlotParams & { entryId: string; now: number; staleBefore: number }]>(
      `INSERT INTO tip_slots (platform, workspace, chat_id, local_date, entry_id, status, claimed_at)
       VALUES (@platform, @workspace, @chatId, @localDate, @entryId, 'claimed', @now)
       ON CONFLICT (platform, workspace, chat_id, local_date) DO UPDATE SET
         entry_id = excluded.entry_id, status = 'claimed', claimed_at = excluded.claimed_at
       WHERE tip_slots.status = 'released' OR (tip_slots.status = 'claimed' AND tip_slots.claimed_at < @staleBefore)`,
    ),
    markPosted: db.prepare<[SlotParams], { entry_id: string }>(
      `UPDATE tip_slots SET status = 'posted'
       WHERE ${CHAT} AND local_date = @localDate AND status = 'claimed' RETURNING entry_id`,
    ),
    release: db.prepare<[SlotParams]>(
      `UPDATE tip_slots SET status = 'released' WHERE ${CHAT} AND local_date = @localDate AND status = 'claimed'`,
    ),
    addToRotation: db.prepare<[SlotParams & { entryId: string }]>(
      `INSERT INTO tip_rotation (platform, workspace, chat_id, entry_id, seq)
       VALUES (@platform, @workspace, @chatId, @entryId,
         (SELECT coalesce(max(seq), 0) + 1 FROM tip_rotation WHERE ${CHAT}))
       ON CONFLICT DO NOTHING`,
    ),
    sentTipIds: db.prepare<[ChatParams], { entry_id: string }>(
      `SELECT entry_id FROM tip_rotation WHERE ${CHAT} ORDER BY seq`,
    ),
    resetRotation: db.prepare<[ChatParams]>(`DELETE FROM tip_rotation WHERE ${CHAT}`),
    lastTipSlot: db.prepare<[ChatParams], SlotRow>(
      `SELECT local_date, entry_id, status FROM tip_slots WHERE ${CHAT} ORDER BY local_date DESC LIMIT 1`,
    ),
    saveFeedback: db.prepare<[Record<string, unknown>]>(
      `INSERT INTO feedback (platform, workspace, chat_id, message_ref, user_id, value, about_kind, about_ref, about_summary, at)
       VALUES (@platform, @workspace, @chatId, @messageRef, @userId, @value, @aboutKind, @aboutRef, @aboutSummary, @at)
       ON CONFLICT (platform, workspace, chat_id, message_ref, user_id) DO UPDATE SET
         value = excluded.value, about_kind = excluded.about_kind, about_ref = excluded.about_ref,
         about_summary = excluded.about_summary, at = excluded.at`,
    ),
    feedback: db.prepare<[ChatParams & { limit: number }], FeedbackRow>(
      `SELECT platform, workspace, chat_id, message_ref, user_id, value, about_kind, about_ref, about_summary, at
       FROM feedback WHERE ${CHAT} ORDER BY at DESC, id DESC LIMIT @limit`,
    ),
    ping: db.prepare<[], { ok: number }>('SELECT 1 AS ok'),
  };
}

function chatParams(chat: ChatRef): ChatParams {
  return { platform: chat.platform, workspace: chat.workspace, chatId: chat.chatId };
}

function slotParams(chat: ChatRef, localDate: string): SlotParams {
  return { ...chatParams(chat), localDate: checkLocalDate(localDate) };
}

function operationError(path: string, op: string, err: unknown, db: Database.Database): CoachError {
  if (err instanceof CoachError) return err;
  const reason = !db.open
    ? 'the store is closed'
    : err instanceof Error
      ? err.message.replace(/\.$/, '')
      : String(err);
  return new CoachError(
    'store_unavailable',
    `The store failed (${op}) on the database at ${path}: ${reason}.`,
    {
      cause: err,
      details: { path, op },
    },
  );
}
