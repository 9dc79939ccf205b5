import { createHash } from 'node:crypto';
import type { Answerer } from '../answer/answerer.ts';
import { describeError } from '../errors.ts';
import type { KnowledgeBase, Lang } from '../knowledge/types.ts';
import type { Logger } from '../logger.ts';
import { notice, noticeEvent } from '../reply/replies.ts';
import type { ActionInput, ReplyEvent, RichReply } from '../reply/types.ts';
import { detectLang } from '../retrieval/tokenize.ts';
import type { Reviewer } from '../review/types.ts';
import type { Store, Turn } from '../store/types.ts';
import { capText, MAX_INBOUND_CHARS } from '../text-limits.ts';
import {
  type Command,
  type CommandContext,
  type CommandServices,
  helpText,
  parseCommand,
  runCommand,
  runReview,
} from './commands/index.ts';
import { createKeyedLock } from './concurrency.ts';
import { createFairSlots } from './fair-slots.ts';
import { createRateLimiter } from './rate-limit.ts';
import { TEXT } from './text.ts';
import { createTokenBudget } from './token-budget.ts';
import type { IncomingMessage } from './types.ts';
import { createWorkClaims, newWorkOwner, replyRefOf, workKeyOf } from './work.ts';

/** Dependencies of the engine; everything comes in, so tests pass fakes (clock, store, answerer). */
export interface ChatEngineDeps {
  answerer: Answerer;
  reviewer: Reviewer;
  kb: KnowledgeBase;
  store: Store;
  logger: Logger;
  now?: () => Date;
  /** Time zone for `tips on` without one (`COACH_TIMEZONE`). */
  defaultTimezone: string;
  /** Bound on LLM calls in flight (`COACH_MAX_CONCURRENT_LLM`). */
  maxConcurrentLlm: number;
  /** Turns of a thread passed to the answerer as history. */
  historyTurns?: number;
  /** This replica's id on its work leases; default host, pid and a random part (`newWorkOwner`). */
  owner?: string;
  /** How long a claimed message stays this replica's before another may take it over (`COACH_CLAIM_LEASE_MS`). */
  claimLeaseMs: number;
  /** Pause between two renewals of a claimed message's lease while it is answered; default a third of the lease. */
  renewEveryMs?: number;
  /**
   * Flood limits on questions and reviews: per user and per chat a minute (`COACH_USER_MESSAGES_PER_MINUTE`,
   * `COACH_CHAT_MESSAGES_PER_MINUTE`), and how many of one user's may wait or run at once
   * (`COACH_USER_QUEUE`). Past them the user gets a short "busy, try in a minute" reply.
   */
  limits: { userPerMinute: number; chatPerMinute: number; userQueue: number };
  /** Model tokens a workspace may use a day (`COACH_DAILY_TOKEN_BUDGET`); 0 for no budget. */
  dailyTokenBudget: number;
}

/** The platform-neutral conversation engine. */
export interface ChatEngine {
  /**
   * Handles one user message: yields nothing when the message is not for Coach or was already
   * handled or is being handled (a duplicate delivery, here or on another replica), otherwise
   * status/delta events and exactly one final reply. Never throws: failures become a friendly final
   * reply and one log line; a store that cannot record the claim gets a short "temporarily
   * unavailable" note (once per message and process) instead of an unguarded answer.
   *
   * The message is claimed as work (`store.claimWork`, keyed by platform, workspace, chat and message
   * id; the delivery's event id is claimed too). The work is completed when the consumer comes back
   * for the next event after the final reply, i.e. once the adapter has posted it: an adapter that
   * fails to post it leaves the iteration (`break`/throw), the work stays claimed, and another replica
   * takes it over when the lease runs out. While the message is worked on (from the claim until the
   * work is completed or given up), the lease is renewed every third of its length, so a slow answer
   * is not taken over.
   */
  handle(msg: IncomingMessage): AsyncIterable<ReplyEvent>;
  /**
   * Finishes a message whose work this replica took over from one that died (the takeover sweeper
   * already holds the lease): like `handle` without the "for Coach?" decision and without claiming.
   * Completes the work the same way. The adapter must make sure the reply is not posted twice.
   */
  resume(msg: IncomingMessage): AsyncIterable<ReplyEvent>;
  /**
   * Records a taken-over message as done without answering it: for an adapter that finds the reply
   * already posted by the replica that died, or that cannot finish this kind of work elsewhere.
   */
  complete(msg: Pick<IncomingMessage, 'platform' | 'workspace' | 'chatId' | 'messageId'>): Promise<void>;
  /** A button click: feedback is stored; "review again" reviews the copy once more. */
  action(input: ActionInput): AsyncIterable<ReplyEvent>;
  /** Whether Coach takes part in this thread (it answered there before). */
  inThread(
    msg: Pick<IncomingMessage, 'platform' | 'workspace' | 'chatId' | 'threadId' | 'direct' | 'messageId'>,
  ): Promise<boolean>;
}

/** The message with its text (and review context) capped to {@link MAX_INBOUND_CHARS}. */
function capped(msg: IncomingMessage): IncomingMessage {
  const text = capText(msg.text, MAX_INBOUND_CHARS);
  const context = msg.reviewContext === undefined ? undefined : capText(msg.reviewContext, MAX_INBOUND_CHARS);
  if (text === msg.text && context === msg.reviewContext) return msg;
  return { ...msg, text, ...(context === undefined ? {} : { reviewContext: context }) };
}

/** A user's key in logs: hashed, so logs name no person. */
function hashUser(userKey: string): string {
  return createHash('sha256').update(userKey).digest('hex').slice(0, 12);
}

/** Creates the engine. */
export function createChatEngine(deps: ChatEngineDeps): ChatEngine {
  const { answerer, reviewer, kb, store, logger } = deps;
  const now = deps.now ?? (() => new Date());
  const historyTurns = deps.historyTurns ?? 10;
  const threads = createKeyedLock();
  const slots = createFairSlots(deps.maxConcurrentLlm);
  const clockMs = () => now().getTime();
  const userRate = createRateLimiter(deps.limits.userPerMinute, clockMs);
  const chatRate = createRateLimiter(deps.limits.chatPerMinute, clockMs);
  /** Questions and reviews of each user waiting or running in this process. */
  const outstanding = new Map<string, number>();
  const work = createWorkClaims({
    store,
    logger,
    now,
    owner: deps.owner ?? newWorkOwner(),
    leaseMs: deps.claimLeaseMs,
    ...(deps.renewEveryMs !== undefined ? { renewEveryMs: deps.renewEveryMs } : {}),
  });

  function threadKeyOf(
    m: Pick<IncomingMessage, 'platform' | 'workspace' | 'chatId' | 'threadId' | 'direct' | 'messageId'>,
  ): string {
    const thread = m.threadId ?? (m.direct ? 'dm' : m.messageId);
    return `${m.platform}:${m.workspace}:${m.chatId}:${thread}`;
  }

  async function inThread(m: Parameters<ChatEngine['inThread']>[0]): Promise<boolean> {
    if (!m.threadId) return false;
    const turns = await store.history(threadKeyOf(m), historyTurns);
    return turns.some((t) => t.role === 'assistant');
  }

  const services: CommandServices = {
    answerer,
    reviewer,
    kb,
    store,
    logger,
    now,
    defaultTimezone: deps.defaultTimezone,
    historyTurns,
    modelSlot: (userKey) => slots.acquire(userKey),
    budget: createTokenBudget({
      store,
      logger,
      daily: deps.dailyTokenBudget,
      timezone: deps.defaultTimezone,
      now,
    }),
  };

  /** What a command run knows about its message. */
  function contextOf(msg: IncomingMessage, lang: Lang, ref: string, log: Logger): CommandContext {
    const threadKey = threadKeyOf(msg);
    return {
      services,
      msg,
      lang,
      ref,
      log,
      chat: { platform: msg.platform, workspace: msg.workspace, chatId: msg.chatId },
      threadKey,
      userKey: `${msg.platform}:${msg.workspace}:${msg.userId}`,
      remember: (userText, reply, kind) => remember(threadKey, msg, userText, reply, kind, log),
    };
  }

  // Every message is capped before it is queued, claimed or stored: its lease, its place in the queue and
  // its history hold at most MAX_INBOUND_CHARS characters, whatever an adapter passed in.
  const handle = (msg: IncomingMessage) => answerMessage(capped(msg), false);
  const resume = (msg: IncomingMessage) => answerMessage(capped(msg), true);

  async function* answerMessage(msg: IncomingMessage, resumed: boolean): AsyncIterable<ReplyEvent> {
    const log = logger.child({
      platform: msg.platform,
      workspace: msg.workspace,
      chat: msg.chatId,
      thread: msg.threadId,
      message: msg.messageId,
      event: msg.eventId,
    });
    const lang: Lang = detectLang(msg.text);
    const ref = replyRefOf(msg);
    const key = workKeyOf(msg);
    let owned = false;
    let release: (() => void) | undefined;
    let stopRenewing: (() => void) | undefined;
    try {
      try {
        // Take the thread's turn first (synchronously queued on the first `next()`), so that the
        // messages of a thread are decided and answered in arrival order, and a follow-up that arrives
        // while Coach is still answering the thread is decided once that answer is stored.
        release = await threads.acquire(threadKeyOf(msg));
        if (resumed) {
          log.info({ event_type: 'work_resumed' }, 'answering a message taken over from another replica');
        } else {
          // Decide whether the message deserves a reply before claiming it, so an ignored copy cannot
          // swallow the delivery that should be answered.
          if (!(await forCoach(msg, log))) return;
          let claimed: boolean;
          try {
            claimed = await work.claim(msg);
          } catch (err) {
            // Answering without a claim could answer twice (Slack's message + app_mention pair, retries,
            // other replicas) and without the thread's history: a short note is the honest reply.
            log.error(
              { event_type: 'claim_failed', ...describeError(err) },
              'message not claimed: store down',
            );
            if (work.firstNote(key)) {
              yield { type: 'final', reply: notice(TEXT.unavailable[lang], lang, ref, 'error') };
            }
            return;
          }
          if (!claimed) {
            log.info({ event_type: 'duplicate_dropped' }, 'duplicate delivery dropped');
            return;
          }
        }
        owned = true;
        stopRenewing = work.keepAlive(key);
        const cmd: Command = parseCommand(msg.text);
        log.info({ event_type: 'message', command: cmd.name, chars: msg.text.length }, 'handling message');
        const userKey = `${msg.platform}:${msg.workspace}:${msg.userId}`;
        const costly = cmd.name === 'ask' || cmd.name === 'review';
        if (costly && !resumed) {
          const limited = overLimit(msg, userKey);
          if (limited) {
            log.warn(
              { event_type: 'rate_limited', reason: limited, user: hashUser(userKey) },
              'message over a limit',
            );
            yield { type: 'final', reply: notice(TEXT.busy[lang], lang, ref) };
            return;
          }
        }
        if (costly) outstanding.set(userKey, (outstanding.get(userKey) ?? 0) + 1);
        try {
          yield* runCommand(cmd, contextOf(msg, lang, ref, log));
        } finally {
          if (costly) {
            const left = (outstanding.get(userKey) ?? 1) - 1;
            if (left > 0) outstanding.set(userKey, left);
            else outstanding.delete(userKey);
          }
        }
      } catch (err) {
        log.error({ event_type: 'handle_failed', ...describeError(err) }, 'message handling failed');
        yield { type: 'final', reply: notice(TEXT.error[lang], lang, ref, 'error') };
      } finally {
        release?.();
      }
      // Reached only when the consumer asked for the next event after the final reply (it was posted);
      // a consumer that stopped early (`return`/`throw`) skips this and leaves the work to a takeover.
      stopRenewing?.();
      if (owned) await work.complete(key, log);
    } finally {
      // However the work ends (completed, failed, or the consumer stopped early), renewals end with it.
      stopRenewing?.();
    }
  }

  /** Why a question or review must wait (the user's queue is full, or a rate is spent), if it must. */
  function overLimit(msg: IncomingMessage, userKey: string): string | undefined {
    if ((outstanding.get(userKey) ?? 0) >= deps.limits.userQueue) return 'user_queue';
    if (!userRate.take(userKey)) return 'user_rate';
    if (!chatRate.take(`${msg.platform}:${msg.workspace}:${msg.chatId}`)) return 'chat_rate';
    return undefined;
  }

  /** Whether the message is for Coach; when the store cannot tell (outage), it is left alone. */
  async function forCoach(msg: IncomingMessage, log: Logger): Promise<boolean> {
    if (msg.direct || msg.addressed) return true;
    try {
      return await inThread(msg);
    } catch (err) {
      log.warn({ event_type: 'thread_check_failed', ...describeError(err) }, 'thread follow-up not checked');
      return false;
    }
  }

  /**
   * Keeps the exchange as the thread's history. A failure only costs later context, so it is logged and
   * the reply that was already worked out (possibly a paid LLM answer) is still delivered.
   */
  async function remember(
    threadKey: string,
    msg: IncomingMessage,
    userText: string,
    reply: RichReply,
    kind: Turn['kind'],
    log: Logger,
  ) {
    try {
      const at = now();
      const text =
        kind === 'review' ? `(review, overall ${reply.review?.overall}/100)` : reply.sections.join('\n\n');
      await store.appendTurns(threadKey, [
        { role: 'user', text: userText.slice(0, 4000), at, userId: msg.userId, kind },
        { role: 'assistant', text: text.slice(0, 4000), at, kind },
      ]);
    } catch (err) {
      log.warn({ event_type: 'remember_failed', ...describeError(err) }, 'storing the thread turns failed');
    }
  }

  async function* action(input: ActionInput): AsyncIterable<ReplyEvent> {
    const lang: Lang = 'en';
    const ref = `${input.chat.platform}:${input.chat.chatId}:${input.messageRef}:action`;
    try {
      // A click delivered again (the platform retried, a replica saw it too) runs once.
      if (input.eventId && !(await store.claim(`evt:${input.chat.platform}:${input.eventId}`, now()))) {
        logger.info({ event_type: 'duplicate_dropped', action: input.action }, 'duplicate click dropped');
        return;
      }
      if (input.action === 'feedback_up' || input.action === 'feedback_down') {
        const [kind, aboutRef] = input.value.split('|');
        await store.saveFeedback({
          ...input.chat,
          messageRef: input.messageRef,
          userId: input.userId,
          value: input.action === 'feedback_up' ? 'up' : 'down',
          about: { kind: kind === 'review' ? 'review' : 'answer', ref: aboutRef ?? input.value },
          at: now(),
        });
        logger.info(
          { event_type: 'feedback', value: input.action, chat: input.chat.chatId },
          'feedback stored',
        );
        yield noticeEvent(TEXT.feedbackThanks[lang], lang, ref);
        return;
      }
      if (input.action === 'review_again') {
        const msg: IncomingMessage = {
          ...input.chat,
          messageId: `${input.messageRef}:again:${now().getTime()}`,
          userId: input.userId,
          text: input.value,
          direct: true,
          addressed: true,
        };
        yield* runReview(input.value, contextOf(msg, detectLang(input.value), ref, logger));
        return;
      }
      yield noticeEvent(helpText(lang), lang, ref, 'help');
    } catch (err) {
      logger.error({ event_type: 'action_failed', ...describeError(err) }, 'action failed');
      yield { type: 'final', reply: notice(TEXT.error[lang], lang, ref, 'error') };
    }
  }

  const complete: ChatEngine['complete'] = (msg) => work.complete(workKeyOf(msg), logger);

  return { handle, resume, complete, action, inThread };
}
