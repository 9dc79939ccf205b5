/**
 * The platform-neutral conversation engine. A message goes through two steps:
 * 1. `accept` (before the adapter acknowledges the platform's delivery): decides whether it is for Coach,
 *    checks the flood limits, and records it durably as work (`store.claimWork`, with a lease that is
 *    renewed from then on), so that nothing acknowledged can be lost: if the process dies, another
 *    replica (or this one after a restart) takes the work over;
 * 2. `answer` (in the background): runs the command in the thread's turn and streams status, deltas and
 *    exactly one final reply; the work is completed when the consumer asks for the next event after the
 *    final reply, i.e. once the adapter has delivered it.
 */
import { createHash } from 'node:crypto';
import type { Answerer } from '../answer/answerer.ts';
import { describeError } from '../errors.ts';
import { createInsightsRecorder, type InsightsRecorder } from '../insights/recorder.ts';
import type { KnowledgeBase, Lang } from '../knowledge/types.ts';
import type { Logger } from '../logger.ts';
import { notice } from '../reply/replies.ts';
import type { ActionInput, ReplyEvent, RichReply } from '../reply/types.ts';
import { detectLang } from '../retrieval/tokenize.ts';
import type { Reviewer } from '../review/types.ts';
import type { Store, Turn } from '../store/types.ts';
import type { TeamKnowledge } from '../team/team-knowledge.ts';
import { capText, MAX_INBOUND_CHARS } from '../text-limits.ts';
import { type Admins, createAdmins } from './admins.ts';
import {
  type Command,
  type CommandContext,
  type CommandServices,
  parseCommand,
  runCommand,
} from './commands/index.ts';
import { createKeyedLock } from './concurrency.ts';
import { runAction } from './engine-actions.ts';
import { createFairSlots } from './fair-slots.ts';
import { createFloodGuard, type FloodLimits } from './flood-guard.ts';
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
  /** Time zone for `tips on` without one, and of the token budget's days (`COACH_TIMEZONE`). */
  defaultTimezone: string;
  /** Bound on LLM calls in flight, shared fairly between users (`COACH_MAX_CONCURRENT_LLM`). */
  maxConcurrentLlm: number;
  /** Turns of a thread passed to the answerer as history. */
  historyTurns?: number;
  /** This replica's id on its work leases; default host, pid and a random part (`newWorkOwner`). */
  owner?: string;
  /** How long a claimed message stays this replica's before another may take it over (`COACH_CLAIM_LEASE_MS`). */
  claimLeaseMs: number;
  /** Pause between two renewals of a claimed message's lease; default a third of the lease. */
  renewEveryMs?: number;
  /**
   * Flood limits on questions and reviews (`COACH_USER_MESSAGES_PER_MINUTE`,
   * `COACH_CHAT_MESSAGES_PER_MINUTE`, `COACH_USER_QUEUE`): past them the user gets "try again in a minute".
   */
  limits: FloodLimits;
  /** Model tokens a workspace may use a day (`COACH_DAILY_TOKEN_BUDGET`); 0 for no budget. */
  dailyTokenBudget: number;
  /** Who may run the admin commands (`COACH_ADMINS`); default nobody but the terminal's user. */
  admins?: Admins;
  /** Where answers, reviews and votes are recorded for the insights; default a recorder on `store.insights`. */
  insights?: InsightsRecorder;
  /** The team's own knowledge (`learn`, `sources`, `forget`); absent: those commands say it is not set up. */
  team?: TeamKnowledge;
}

/** A message `accept` took on: `answer` turns it into a reply. */
export interface Ticket {
  readonly msg: IncomingMessage;
  /**
   * `claimed`: recorded as work, to be answered; `busy`: over a flood limit (recorded; the reply asks to
   * try later); `unavailable`: the store could not record it (the reply says so, once per message);
   * `resumed`: taken over from a replica that died (the sweeper holds the lease).
   */
  readonly kind: 'claimed' | 'busy' | 'unavailable' | 'resumed';
}

/** The platform-neutral conversation engine. */
export interface ChatEngine {
  /**
   * Step 1, before the platform's delivery is acknowledged: undefined when the message is not for Coach
   * or is a duplicate (this delivery or message was already taken, here or on another replica); else a
   * ticket, with the message recorded as work (its lease renewed until it is answered). Never rejects.
   */
  accept(msg: IncomingMessage): Promise<Ticket | undefined>;
  /**
   * Step 2, in the background: status/delta events and exactly one final reply. Never throws: failures
   * become a friendly final reply and one log line. The work is completed when the consumer comes back
   * for the next event after the final reply (it was delivered); a consumer that stops early leaves the
   * work claimed, and it is taken over once its lease runs out.
   */
  answer(ticket: Ticket): AsyncIterable<ReplyEvent>;
  /** `accept` then `answer`, for adapters that need no acknowledgement first (the terminal, tests). */
  handle(msg: IncomingMessage): AsyncIterable<ReplyEvent>;
  /**
   * Finishes a message whose work this replica took over (the takeover sweeper holds the lease): like
   * `answer` without deciding or claiming. The adapter must make sure the reply is not posted twice.
   */
  resume(msg: IncomingMessage): AsyncIterable<ReplyEvent>;
  /** Records a taken-over message as done without answering it (the reply was already posted). */
  complete(msg: Pick<IncomingMessage, 'platform' | 'workspace' | 'chatId' | 'messageId'>): Promise<void>;
  /** A button click: feedback is stored; "review again" reviews the copy once more. */
  action(input: ActionInput): AsyncIterable<ReplyEvent>;
  /** Whether Coach takes part in this thread (it answered there before). */
  inThread(
    msg: Pick<IncomingMessage, 'platform' | 'workspace' | 'chatId' | 'threadId' | 'direct' | 'messageId'>,
  ): Promise<boolean>;
  /** Whether this process is working on the message with this work key (the sweeper leaves those alone). */
  holds(workKey: string): boolean;
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

const userKeyOf = (m: IncomingMessage) => `${m.platform}:${m.workspace}:${m.userId}`;

/** Creates the engine. */
export function createChatEngine(deps: ChatEngineDeps): ChatEngine {
  const { answerer, reviewer, kb, store, logger } = deps;
  const now = deps.now ?? (() => new Date());
  const historyTurns = deps.historyTurns ?? 10;
  const threads = createKeyedLock();
  /** Accepting is serialised per thread too, so a thread's messages reach `answer` in arrival order. */
  const accepting = createKeyedLock();
  const slots = createFairSlots(deps.maxConcurrentLlm);
  const flood = createFloodGuard(deps.limits, () => now().getTime());
  const work = createWorkClaims({
    store,
    logger,
    now,
    owner: deps.owner ?? newWorkOwner(),
    leaseMs: deps.claimLeaseMs,
    ...(deps.renewEveryMs !== undefined ? { renewEveryMs: deps.renewEveryMs } : {}),
  });
  /** Work this process holds (accepted or resumed, not yet finished): the key and how to stop renewing. */
  const held = new Map<string, () => void>();
  /** Threads with addressed messages accepted but not answered yet (their follow-ups are for Coach too). */
  const pendingThreads = new Map<string, number>();
  /** Flood-admitted messages, by work key → user key, released when finished. */
  const admitted = new Map<string, string>();

  function threadKeyOf(
    m: Pick<IncomingMessage, 'platform' | 'workspace' | 'chatId' | 'threadId' | 'direct' | 'messageId'>,
  ): string {
    const thread = m.threadId ?? (m.direct ? 'dm' : m.messageId);
    return `${m.platform}:${m.workspace}:${m.chatId}:${thread}`;
  }

  async function inThread(m: Parameters<ChatEngine['inThread']>[0]): Promise<boolean> {
    if (!m.threadId) return false;
    if (pendingThreads.has(threadKeyOf(m))) return true;
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
    admins: deps.admins ?? createAdmins([]),
    insights: deps.insights ?? createInsightsRecorder({ store: store.insights, logger }),
    ...(deps.team ? { team: deps.team } : {}),
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
      userKey: userKeyOf(msg),
      isAdmin: services.admins.includes(msg),
      remember: (userText, reply, kind) => remember(threadKey, msg, userText, reply, kind, log),
    };
  }

  const logFor = (msg: IncomingMessage) =>
    logger.child({
      platform: msg.platform,
      workspace: msg.workspace,
      chat: msg.chatId,
      thread: msg.threadId,
      message: msg.messageId,
      event: msg.eventId,
    });

  /** Starts renewing the lease of `key` and marks the thread as having pending work. */
  function hold(msg: IncomingMessage): void {
    const key = workKeyOf(msg);
    if (held.has(key)) return;
    held.set(key, work.keepAlive(key));
    const thread = threadKeyOf(msg);
    pendingThreads.set(thread, (pendingThreads.get(thread) ?? 0) + 1);
  }

  /** Stops renewing `key` and forgets it (idempotent). */
  function letGo(msg: IncomingMessage): void {
    const key = workKeyOf(msg);
    const stop = held.get(key);
    if (!stop) return;
    stop();
    held.delete(key);
    const thread = threadKeyOf(msg);
    const left = (pendingThreads.get(thread) ?? 1) - 1;
    if (left > 0) pendingThreads.set(thread, left);
    else pendingThreads.delete(thread);
    const user = admitted.get(key);
    if (user !== undefined) {
      admitted.delete(key);
      flood.done(user);
    }
  }

  async function accept(raw: IncomingMessage): Promise<Ticket | undefined> {
    const msg = capped(raw);
    const log = logFor(msg);
    const release = await accepting.acquire(threadKeyOf(msg));
    try {
      // Decide whether the message deserves a reply before claiming it, so an ignored copy cannot
      // swallow the delivery that should be answered.
      if (!(await forCoach(msg, log))) return undefined;
      let claimed: boolean;
      try {
        claimed = await work.claim(msg);
      } catch (err) {
        // Answering without a claim could answer twice (Slack's message + app_mention pair, retries,
        // other replicas) and without the thread's history: a short note is the honest reply.
        log.error({ event_type: 'claim_failed', ...describeError(err) }, 'message not claimed: store down');
        return work.firstNote(workKeyOf(msg)) ? { msg, kind: 'unavailable' } : undefined;
      }
      if (!claimed) {
        log.info({ event_type: 'duplicate_dropped' }, 'duplicate delivery dropped');
        return undefined;
      }
      hold(msg);
      const cmd = parseCommand(msg.text);
      if (cmd.name === 'ask' || cmd.name === 'review') {
        const userKey = userKeyOf(msg);
        const limited = flood.admit(userKey, `${msg.platform}:${msg.workspace}:${msg.chatId}`);
        if (limited) {
          log.warn(
            { event_type: 'rate_limited', reason: limited, user: hashUser(userKey) },
            'message over a limit',
          );
          return { msg, kind: 'busy' };
        }
        admitted.set(workKeyOf(msg), userKey);
      }
      return { msg, kind: 'claimed' };
    } catch (err) {
      log.error({ event_type: 'accept_failed', ...describeError(err) }, 'message not accepted');
      return undefined;
    } finally {
      release();
    }
  }

  async function* answer(ticket: Ticket): AsyncIterable<ReplyEvent> {
    const { msg, kind } = ticket;
    const log = logFor(msg);
    const lang: Lang = detectLang(msg.text);
    const ref = replyRefOf(msg);
    const key = workKeyOf(msg);
    if (kind === 'unavailable') {
      yield { type: 'final', reply: notice(TEXT.unavailable[lang], lang, ref, 'error') };
      return;
    }
    if (kind === 'resumed') {
      log.info({ event_type: 'work_resumed' }, 'answering a message taken over from another replica');
      hold(msg);
    }
    let release: (() => void) | undefined;
    try {
      // The thread's turn: messages of one thread are answered in arrival order, threads in parallel.
      release = await threads.acquire(threadKeyOf(msg));
      try {
        if (kind === 'busy') {
          yield { type: 'final', reply: notice(TEXT.busy[lang], lang, ref) };
        } else {
          const cmd: Command = parseCommand(msg.text);
          log.info({ event_type: 'message', command: cmd.name, chars: msg.text.length }, 'handling message');
          yield* runCommand(cmd, contextOf(msg, lang, ref, log));
        }
      } catch (err) {
        log.error({ event_type: 'handle_failed', ...describeError(err) }, 'message handling failed');
        yield { type: 'final', reply: notice(TEXT.error[lang], lang, ref, 'error') };
      }
      // Reached only when the consumer asked for the next event after the final reply (it was delivered);
      // a consumer that stopped early (`return`/`throw`) skips this and leaves the work to a takeover.
      letGo(msg);
      await work.complete(key, log);
    } finally {
      // However the work ends (completed, failed, or the consumer stopped early), renewals end with it,
      // and the thread's next message may start.
      letGo(msg);
      release?.();
    }
  }

  async function* handle(msg: IncomingMessage): AsyncIterable<ReplyEvent> {
    const ticket = await accept(msg);
    if (ticket) yield* answer(ticket);
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

  return {
    accept,
    answer,
    handle,
    resume: (msg) => answer({ msg: capped(msg), kind: 'resumed' }),
    complete: (msg) => work.complete(workKeyOf(msg), logger),
    action: (input) => runAction({ store, logger, now, contextOf, insights: services.insights }, input),
    inThread,
    holds: (key) => held.has(key),
  };
}
