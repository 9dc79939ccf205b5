import { Cron } from 'croner';
import { describeError } from '../errors.ts';
import type { KnowledgeBase } from '../knowledge/types.ts';
import type { Logger } from '../logger.ts';
import { tipReply } from '../reply/replies.ts';
import type { RichReply } from '../reply/types.ts';
import type { ChatRef, Platform, Store, TipSubscription } from '../store/types.ts';
import { localTime, minutesOf } from './local-time.ts';
import { nextTipEntry, tipOf } from './tip.ts';

/** Posts a reply into a chat; given by each platform's adapter. */
export type PostFn = (chat: ChatRef, reply: RichReply) => Promise<void>;

/** Options of the daily-tip scheduler. */
export interface TipSchedulerDeps {
  store: Store;
  kb: KnowledgeBase;
  logger: Logger;
  /** One poster per platform that runs in this process; subscriptions of other platforms are left alone. */
  posters: Partial<Record<Platform, PostFn>>;
  now?: () => Date;
  /** A tip missed by up to this long (process down at the time) is still posted; later, the day is skipped. */
  catchUpMs?: number;
  /** Attempts per tip before giving up for the day, with exponential backoff from `retryBaseMs`. */
  attempts?: number;
  retryBaseMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

/** What one tick did. */
export interface TickResult {
  posted: string[];
  failed: string[];
}

/** The daily tip scheduler: every subscription gets one tip per local day at its time. */
export interface TipScheduler {
  /** Checks every subscription at `at` and posts the tips that are due. */
  tick(at?: Date): Promise<TickResult>;
  /** Ticks every minute (at second 7) until `stop`. */
  start(): void;
  stop(): void;
}

/**
 * Creates the scheduler. Exactly-once per chat and local date comes from the store: the day's slot
 * is claimed before posting, so a restart or a second process on the same database never posts
 * twice. Rotation: the next entry this chat has not had yet, in a per-chat order, starting over
 * when all were sent.
 */
export function createTipScheduler(deps: TipSchedulerDeps): TipScheduler {
  const { store, kb, logger, posters } = deps;
  const now = deps.now ?? (() => new Date());
  const catchUpMinutes = (deps.catchUpMs ?? 2 * 3_600_000) / 60_000;
  const attempts = deps.attempts ?? 3;
  const retryBaseMs = deps.retryBaseMs ?? 2_000;
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  /** Tips given up for a day (`chat:date` keys), kept only while their day can still come up. */
  const gaveUp = new Set<string>();
  let job: Cron | undefined;
  let running: Promise<TickResult> | undefined;

  /**
   * The local date whose tip is due at `at`: the subscription's time on that date has passed by at most
   * the catch-up window. Just after local midnight that can be the previous date (a 23:30 tip missed
   * by a restart at 00:30).
   */
  function dueDate(sub: TipSubscription, at: Date): string | undefined {
    const target = minutesOf(sub.time);
    const local = localTime(at, sub.timezone);
    if (local.minutes >= target) return local.minutes - target <= catchUpMinutes ? local.date : undefined;
    const windowStart = localTime(new Date(at.getTime() - catchUpMinutes * 60_000), sub.timezone);
    return windowStart.date !== local.date && windowStart.minutes <= target ? windowStart.date : undefined;
  }

  async function postOne(sub: TipSubscription, at: Date): Promise<'posted' | 'failed' | 'skipped'> {
    const post = posters[sub.platform];
    if (!post) return 'skipped';
    const date = dueDate(sub, at);
    if (!date) return 'skipped';
    const chatKey = `${sub.platform}:${sub.workspace}:${sub.chatId}`;
    if (gaveUp.has(`${chatKey}:${date}`)) return 'skipped';
    const last = await store.lastTipSlot(sub);
    if (last?.localDate === date && last.status !== 'released') return 'skipped';
    const { entry, restart } = nextTipEntry(kb, await store.sentTipIds(sub), chatKey);
    if (!(await store.claimTipSlot(sub, date, entry.id, at))) return 'skipped';
    if (restart) await store.resetTipRotation(sub);
    const reply = tipReply(tipOf(kb, entry, sub.lang ?? 'en'), `tip:${chatKey}:${date}`);
    for (let attempt = 1; attempt <= attempts; attempt += 1) {
      try {
        await post(sub, reply);
      } catch (err) {
        logger.warn(
          {
            event: 'tip_post_failed',
            platform: sub.platform,
            chat: sub.chatId,
            attempt,
            ...describeError(err),
          },
          'posting the daily tip failed',
        );
        if (attempt < attempts) await sleep(retryBaseMs * 2 ** (attempt - 1));
        continue;
      }
      // Posted: from here on, a failure must not lead to posting again. A slot left `claimed` is
      // skipped by later ticks (see `lastTipSlot` above).
      try {
        await store.finishTipSlot(sub, date, 'posted');
      } catch (err) {
        logger.error(
          {
            event: 'tip_not_recorded',
            platform: sub.platform,
            chat: sub.chatId,
            date,
            ...describeError(err),
          },
          'daily tip posted but not recorded as posted',
        );
      }
      logger.info(
        { event: 'tip_posted', platform: sub.platform, chat: sub.chatId, date, entry: entry.id },
        'daily tip posted',
      );
      return 'posted';
    }
    gaveUp.add(`${chatKey}:${date}`);
    await store.finishTipSlot(sub, date, 'released');
    logger.error(
      { event: 'tip_given_up', platform: sub.platform, chat: sub.chatId, date },
      'daily tip not posted today',
    );
    return 'failed';
  }

  async function tick(at = now()): Promise<TickResult> {
    const result: TickResult = { posted: [], failed: [] };
    forgetOldGiveUps(at);
    let subs: TipSubscription[];
    try {
      subs = await store.subscriptions();
    } catch (err) {
      logger.error({ event: 'tip_tick_failed', ...describeError(err) }, 'cannot read tip subscriptions');
      return result;
    }
    for (const sub of subs) {
      try {
        const outcome = await postOne(sub, at);
        if (outcome === 'posted') result.posted.push(sub.chatId);
        if (outcome === 'failed') result.failed.push(sub.chatId);
      } catch (err) {
        result.failed.push(sub.chatId);
        logger.error({ event: 'tip_failed', chat: sub.chatId, ...describeError(err) }, 'daily tip failed');
      }
    }
    return result;
  }

  /** Drops give-ups of dates older than yesterday in UTC terms (any zone's due date is at most a day behind). */
  function forgetOldGiveUps(at: Date) {
    if (gaveUp.size === 0) return;
    const horizon = new Date(at.getTime() - 2 * 86_400_000).toISOString().slice(0, 10);
    for (const key of gaveUp) if (key.slice(-10) < horizon) gaveUp.delete(key);
  }

  return {
    tick,
    start() {
      job ??= new Cron('7 * * * * *', { protect: true }, async () => {
        running = tick();
        await running;
      });
    },
    stop() {
      job?.stop();
      job = undefined;
    },
  };
}
