import type pg from 'pg';
import { CoachError } from '../errors.ts';
import { type Logger, silentLogger } from '../logger.ts';
import { postgresInsights } from './postgres-insights.ts';
import { openPool, reasonOf } from './postgres-open.ts';
import { postgresTeam } from './postgres-team.ts';
import { postgresUpkeep } from './postgres-upkeep.ts';
import { postgresWork } from './postgres-work.ts';
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

/** Options of `openPostgresStore`. */
export interface PostgresStoreOptions {
  /** Where migrations, lost connections and warnings are logged; default silent. */
  logger?: Logger;
  /** Most connections this process opens; default 10. */
  poolSize?: number;
  /** How long a call waits for a connection before failing with `store_unavailable`; default 5000 ms. */
  connectTimeoutMs?: number;
}

type SlotRow = { local_date: string; entry_id: string; status: 'claimed' | 'posted' | 'released' };

const CHAT = 'platform = $1 AND workspace = $2 AND chat_id = $3';
const SUB_COLUMNS = 'platform, workspace, chat_id, time, timezone, enabled, created_by, updated_at, lang';
const FEEDBACK_COLUMNS =
  'platform, workspace, chat_id, message_ref, user_id, value, about_kind, about_ref, about_summary, at';

/**
 * Opens the PostgreSQL store at `url` (`DATABASE_URL`), shared by any number of replicas: every
 * operation is one statement (`INSERT … ON CONFLICT … RETURNING`, or a data-modifying `WITH`), so
 * PostgreSQL's row locks decide races, and each runs on a pooled connection. The schema is migrated
 * first (`postgres-open.ts`). Times are stored as timestamptz.
 *
 * A database that cannot be reached makes calls reject with `CoachError('store_unavailable')` and
 * `ping()` answer false; the pool reconnects by itself once the server is back. Messages and logs name
 * the URL with its password masked. Throws `store_unavailable` when the database cannot be opened.
 */
export async function openPostgresStore(url: string, opts: PostgresStoreOptions = {}): Promise<Store> {
  const logger = opts.logger ?? silentLogger();
  const { pool, target, applied } = await openPool(url, {
    logger,
    poolSize: opts.poolSize,
    connectTimeoutMs: opts.connectTimeoutMs,
  });
  logger.info({ event: 'store_opened', kind: 'postgres', target, applied }, 'store opened');
  let closing: Promise<void> | undefined;

  /** Runs one operation; driver failures become `store_unavailable` naming the operation and database. */
  const run = async <T>(op: string, fn: () => Promise<T>): Promise<T> => {
    try {
      if (closing) throw new Error('the store is closed');
      return await fn();
    } catch (err) {
      if (err instanceof CoachError) throw err;
      throw new CoachError(
        'store_unavailable',
        `The store failed (${op}) on the PostgreSQL database at ${target}: ${reasonOf(err, url)}.`,
        { cause: err, details: { target, op } },
      );
    }
  };
  const query = <R extends pg.QueryResultRow>(text: string, values: unknown[]) => pool.query<R>(text, values);
  const chat = (c: ChatRef) => [c.platform, c.workspace, c.chatId];
  /** One INSERT for all the turns, so they land together and in order (ids follow the VALUES order). */
  const insertTurns = async (threadKey: string, turns: Turn[]): Promise<void> => {
    if (turns.length === 0) return;
    const values = turns.flatMap((t) => [
      threadKey,
      t.role,
      t.text,
      new Date(millis(t.at, 'turn.at')),
      t.userId ?? null,
      t.kind ?? null,
    ]);
    const rows = turns.map(
      (_, i) => `($${i * 6 + 1}, $${i * 6 + 2}, $${i * 6 + 3}, $${i * 6 + 4}, $${i * 6 + 5}, $${i * 6 + 6})`,
    );
    await query(
      `INSERT INTO turns (thread_key, role, text, at, user_id, kind) VALUES ${rows.join(', ')}`,
      values,
    );
  };
  const slot = (c: ChatRef, localDate: string) => [...chat(c), checkLocalDate(localDate)];
  const work = postgresWork(pool, logger, run);
  const upkeep = postgresUpkeep(pool, run);
  const team = await postgresTeam(pool, run, logger);

  return {
    kind: 'postgres',
    insights: postgresInsights(pool, run),

    claim: (key, now) =>
      run('claim', async () => {
        const at = new Date(millis(now, 'now'));
        const r = await query('INSERT INTO claims (key, claimed_at) VALUES ($1, $2) ON CONFLICT DO NOTHING', [
          key,
          at,
        ]);
        return r.rowCount === 1;
      }),

    pruneClaims: (before) =>
      run('pruneClaims', async () => {
        const cutoff = new Date(millis(before, 'before'));
        const r = await query<{ n: number }>(
          `WITH c AS (DELETE FROM claims WHERE claimed_at < $1 RETURNING 1),
                w AS (DELETE FROM work_leases WHERE status = 'done' AND done_at < $1 RETURNING 1)
           SELECT ((SELECT count(*) FROM c) + (SELECT count(*) FROM w))::int AS n`,
          [cutoff],
        );
        return r.rows[0]?.n ?? 0;
      }),

    appendTurn: (threadKey, turn) => run('appendTurn', () => insertTurns(threadKey, [turn])),

    appendTurns: (threadKey, turns) => run('appendTurns', () => insertTurns(threadKey, turns)),

    history: (threadKey, limit) =>
      run('history', async () => {
        const r = await query<TurnRow>(
          `SELECT role, text, at, user_id, kind FROM (
             SELECT id, role, text, at, user_id, kind FROM turns WHERE thread_key = $1 ORDER BY id DESC LIMIT $2
           ) t ORDER BY id`,
          [threadKey, count(limit)],
        );
        return r.rows.map(turnFromRow);
      }),

    saveReview: (review) =>
      run('saveReview', async () => {
        await query(
          `INSERT INTO reviews (user_key, at, overall, scores, mode, excerpt, lang)
           VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7)`,
          [
            review.userKey,
            new Date(millis(review.at, 'review.at')),
            review.overall,
            JSON.stringify(review.scores),
            review.mode,
            review.excerpt,
            review.lang,
          ],
        );
      }),

    reviews: (userKey, limit) =>
      run('reviews', async () => {
        const r = await query<ReviewRow>(
          `SELECT user_key, at, overall, scores, mode, excerpt, lang FROM reviews
           WHERE user_key = $1 ORDER BY at DESC, id DESC LIMIT $2`,
          [userKey, count(limit)],
        );
        return r.rows.map(reviewFromRow);
      }),

    upsertSubscription: (sub, now) =>
      run('upsertSubscription', async () => {
        const r = await query<SubscriptionRow>(
          `INSERT INTO tip_subscriptions (${SUB_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
           ON CONFLICT (platform, workspace, chat_id) DO UPDATE SET
             time = excluded.time, timezone = excluded.timezone, enabled = excluded.enabled, lang = excluded.lang,
             created_by = coalesce(tip_subscriptions.created_by, excluded.created_by),
             updated_at = excluded.updated_at
           RETURNING ${SUB_COLUMNS}`,
          [
            ...chat(sub),
            checkTime(sub.time),
            sub.timezone,
            sub.enabled,
            sub.createdBy ?? null,
            new Date(millis(now, 'now')),
            sub.lang ?? 'en',
          ],
        );
        const row = r.rows[0];
        if (!row) throw new CoachError('internal', 'Subscription upsert returned no row');
        return subscriptionFromRow(row);
      }),

    subscription: (c) =>
      run('subscription', async () => {
        const r = await query<SubscriptionRow>(
          `SELECT ${SUB_COLUMNS} FROM tip_subscriptions WHERE ${CHAT}`,
          chat(c),
        );
        const row = r.rows[0];
        return row ? subscriptionFromRow(row) : undefined;
      }),

    subscriptions: () =>
      run('subscriptions', async () => {
        const r = await query<SubscriptionRow>(
          `SELECT ${SUB_COLUMNS} FROM tip_subscriptions WHERE enabled ORDER BY platform, workspace, chat_id`,
          [],
        );
        return r.rows.map(subscriptionFromRow);
      }),

    // A released slot, or one whose claimer let the lease lapse, goes to the next claimer. Racing
    // claimers queue on the row lock, and each re-checks the WHERE against the winner's row.
    claimTipSlot: (c, localDate, entryId, now) =>
      run('claimTipSlot', async () => {
        const at = millis(now, 'now');
        const r = await query(
          `INSERT INTO tip_slots (platform, workspace, chat_id, local_date, entry_id, status, claimed_at)
           VALUES ($1, $2, $3, $4, $5, 'claimed', $6)
           ON CONFLICT (platform, workspace, chat_id, local_date) DO UPDATE SET
             entry_id = excluded.entry_id, status = 'claimed', claimed_at = excluded.claimed_at
           WHERE tip_slots.status = 'released'
              OR (tip_slots.status = 'claimed' AND tip_slots.claimed_at < $7)`,
          [...slot(c, localDate), entryId, new Date(at), new Date(at - TIP_SLOT_LEASE_MS)],
        );
        return r.rowCount === 1;
      }),

    finishTipSlot: (c, localDate, outcome) =>
      run('finishTipSlot', async () => {
        const params = slot(c, localDate);
        // Posting and joining the rotation are one statement, hence one transaction.
        const r =
          outcome === 'posted'
            ? await query<{ n: number }>(
                `WITH done AS (
                   UPDATE tip_slots SET status = 'posted'
                   WHERE ${CHAT} AND local_date = $4 AND status = 'claimed'
                   RETURNING platform, workspace, chat_id, entry_id
                 ), added AS (
                   INSERT INTO tip_rotation (platform, workspace, chat_id, entry_id)
                   SELECT platform, workspace, chat_id, entry_id FROM done ON CONFLICT DO NOTHING
                 )
                 SELECT count(*)::int AS n FROM done`,
                params,
              )
            : await query<{ n: number }>(
                `WITH done AS (
                   UPDATE tip_slots SET status = 'released'
                   WHERE ${CHAT} AND local_date = $4 AND status = 'claimed' RETURNING 1
                 )
                 SELECT count(*)::int AS n FROM done`,
                params,
              );
        if (r.rows[0]?.n !== 1) {
          const [platform, workspace, chatId, date] = params;
          logger.warn(
            { event: 'tip_slot_not_claimed', platform, workspace, chatId, localDate: date, outcome },
            'tip slot finished but it was not claimed (missing, or already finished)',
          );
        }
      }),

    sentTipIds: (c) =>
      run('sentTipIds', async () => {
        const r = await query<{ entry_id: string }>(
          `SELECT entry_id FROM tip_rotation WHERE ${CHAT} ORDER BY seq`,
          chat(c),
        );
        return r.rows.map((row) => row.entry_id);
      }),

    resetTipRotation: (c) =>
      run('resetTipRotation', async () => {
        await query(`DELETE FROM tip_rotation WHERE ${CHAT}`, chat(c));
      }),

    lastTipSlot: (c) =>
      run('lastTipSlot', async () => {
        const r = await query<SlotRow>(
          `SELECT local_date, entry_id, status FROM tip_slots WHERE ${CHAT}
           ORDER BY local_date COLLATE "C" DESC LIMIT 1`,
          chat(c),
        );
        const row = r.rows[0];
        return row ? { localDate: row.local_date, entryId: row.entry_id, status: row.status } : undefined;
      }),

    saveFeedback: (fb) =>
      run('saveFeedback', async () => {
        await query(
          `INSERT INTO feedback (${FEEDBACK_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
           ON CONFLICT (platform, workspace, chat_id, message_ref, user_id) DO UPDATE SET
             value = excluded.value, about_kind = excluded.about_kind, about_ref = excluded.about_ref,
             about_summary = excluded.about_summary, at = excluded.at`,
          [
            ...chat(fb),
            fb.messageRef,
            fb.userId,
            fb.value,
            fb.about.kind,
            fb.about.ref,
            fb.about.summary ?? null,
            new Date(millis(fb.at, 'feedback.at')),
          ],
        );
      }),

    feedback: (c, limit) =>
      run('feedback', async () => {
        const r = await query<FeedbackRow>(
          `SELECT ${FEEDBACK_COLUMNS} FROM feedback WHERE ${CHAT} ORDER BY at DESC, id DESC LIMIT $4`,
          [...chat(c), count(limit)],
        );
        return r.rows.map(feedbackFromRow);
      }),

    claimWork: work.claimWork,
    completeWork: work.completeWork,
    renewWork: work.renewWork,
    expiredWork: work.expiredWork,
    releaseOwner: work.releaseOwner,
    addTokens: upkeep.addTokens,
    tokensUsed: upkeep.tokensUsed,
    pruneBefore: upkeep.pruneBefore,
    team,

    ping: async () => {
      if (closing) return false;
      try {
        const r = await pool.query<{ ok: number }>('SELECT 1 AS ok');
        return r.rows[0]?.ok === 1;
      } catch (err) {
        logger.warn({ event: 'store_ping_failed', target, reason: reasonOf(err, url) }, 'store ping failed');
        return false;
      }
    },

    close: () => {
      closing ??= pool.end().catch((err: unknown) => {
        logger.warn(
          { event: 'store_close_failed', target, reason: reasonOf(err, url) },
          'store close failed',
        );
      });
      return closing;
    },
  };
}
