import type { Answerer } from '../answer/answerer.ts';
import { describeError, isCoachError } from '../errors.ts';
import type { KnowledgeBase, Lang } from '../knowledge/types.ts';
import type { Logger } from '../logger.ts';
import { detectLang } from '../retrieval/tokenize.ts';
import { looksLikeQuestion } from '../review/input.ts';
import type { ChatRef, Store, Turn } from '../store/types.ts';
import { nextTipEntry, tipOf } from '../tips/tip.ts';
import { type Command, parseCommand } from './commands.ts';
import { createKeyedLock, createSemaphore } from './concurrency.ts';
import { answerReply, helpText, historyReply, notice, reviewReply, tipReply } from './replies.ts';
import type { ActionInput, IncomingMessage, ReplyEvent, Reviewer, RichReply } from './types.ts';
import { createWorkClaims, DEFAULT_CLAIM_LEASE_MS, newWorkOwner, replyRefOf, workKeyOf } from './work.ts';

/** Dependencies of the engine; everything comes in, so tests pass fakes (clock, store, answerer). */
export interface ChatEngineDeps {
  answerer: Answerer;
  reviewer: Reviewer;
  kb: KnowledgeBase;
  store: Store;
  logger: Logger;
  now?: () => Date;
  /** Time zone for `tips on` without one (`COACH_TIMEZONE`). */
  defaultTimezone?: string;
  /** Bound on LLM calls in flight (`COACH_MAX_CONCURRENT_LLM`). */
  maxConcurrentLlm?: number;
  /** Turns of a thread passed to the answerer as history. */
  historyTurns?: number;
  /** This replica's id on its work leases; default host, pid and a random part (`newWorkOwner`). */
  owner?: string;
  /**
   * How long a claimed message stays this replica's before another may take it over
   * (`COACH_CLAIM_LEASE_MS`, default 60000).
   */
  claimLeaseMs?: number;
  /** Pause between two renewals of a claimed message's lease while it is answered; default a third of the lease. */
  renewEveryMs?: number;
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

const UNAVAILABLE_TEXT = {
  en: 'I cannot reach my database right now, so I cannot answer reliably. Please try again in a minute.',
  zh: '我暂时连不上数据库，现在无法可靠地回答。请一分钟后再试。',
};

const ERROR_TEXT = {
  en: 'Sorry, something went wrong on my side while handling that. Please try again in a moment.',
  zh: '抱歉，处理这条消息时出了点问题，请稍后再试。',
};

/** Creates the engine. */
export function createChatEngine(deps: ChatEngineDeps): ChatEngine {
  const { answerer, reviewer, kb, store, logger } = deps;
  const now = deps.now ?? (() => new Date());
  const historyTurns = deps.historyTurns ?? 10;
  const threads = createKeyedLock();
  const llmSlots = createSemaphore(deps.maxConcurrentLlm ?? 4);
  const work = createWorkClaims({
    store,
    logger,
    now,
    owner: deps.owner ?? newWorkOwner(),
    leaseMs: deps.claimLeaseMs ?? DEFAULT_CLAIM_LEASE_MS,
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

  const handle = (msg: IncomingMessage) => answerMessage(msg, false);
  const resume = (msg: IncomingMessage) => answerMessage(msg, true);

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
              yield { type: 'final', reply: notice(UNAVAILABLE_TEXT[lang], lang, ref, 'error') };
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
        const cmd: Command = msg.text.trim() ? parseCommand(msg.text) : { name: 'help' };
        log.info({ event_type: 'message', command: cmd.name, chars: msg.text.length }, 'handling message');
        yield* run(cmd, msg, lang, ref, log);
      } catch (err) {
        log.error({ event_type: 'handle_failed', ...describeError(err) }, 'message handling failed');
        yield { type: 'final', reply: notice(ERROR_TEXT[lang], lang, ref, 'error') };
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

  async function* run(
    cmd: Command,
    msg: IncomingMessage,
    lang: Lang,
    ref: string,
    log: Logger,
  ): AsyncIterable<ReplyEvent> {
    const chat: ChatRef = { platform: msg.platform, workspace: msg.workspace, chatId: msg.chatId };
    const threadKey = threadKeyOf(msg);
    const userKey = `${msg.platform}:${msg.workspace}:${msg.userId}`;
    switch (cmd.name) {
      case 'ask': {
        const history = (await store.history(threadKey, historyTurns)).map((t) => ({
          role: t.role,
          text: t.text,
        }));
        const releaseLlm = answerer.online ? await llmSlots.acquire() : undefined;
        let final: RichReply | undefined;
        try {
          for await (const ev of answerer.ask(cmd.text, { history })) {
            if (ev.type === 'done') final = answerReply(ev.answer, ref);
            else yield ev;
          }
        } finally {
          releaseLlm?.();
        }
        if (!final) throw new Error('the answerer ended without an answer');
        await remember(threadKey, msg, cmd.text, final, 'answer', log);
        yield { type: 'final', reply: final };
        return;
      }
      case 'review': {
        yield* review(cmd.text, msg, lang, ref, log);
        return;
      }
      case 'tip': {
        const sent = await store.sentTipIds(chat);
        const { entry } = nextTipEntry(kb, sent, `${chat.chatId}:${now().toISOString()}`);
        yield { type: 'final', reply: tipReply(tipOf(kb, entry, lang), ref) };
        return;
      }
      case 'tips_on': {
        // The language of the command without its time-zone argument: `每日 开 07:00 America/Los_Angeles`
        // is Chinese even though the zone's name has more Latin letters than the command has Chinese ones.
        const subLang: Lang = cmd.timezone ? detectLang(msg.text.replace(cmd.timezone, ' ')) : lang;
        const existing = await store.subscription(chat);
        const sub = await store.upsertSubscription(
          {
            ...chat,
            time: cmd.time ?? existing?.time ?? '09:00',
            timezone: cmd.timezone ?? existing?.timezone ?? deps.defaultTimezone ?? 'Asia/Shanghai',
            enabled: true,
            createdBy: msg.userId,
            lang: subLang,
          },
          now(),
        );
        log.info({ event_type: 'tips_on', time: sub.time, timezone: sub.timezone }, 'tips subscribed');
        const text =
          subLang === 'zh'
            ? `好的，每天 ${sub.time}（${sub.timezone}）在这里发一条“每日一招”。用 \`tips off\` 关闭。`
            : `Done: a daily tip will be posted here at ${sub.time} (${sub.timezone}). Use \`tips off\` to stop.`;
        yield { type: 'final', reply: notice(text, subLang, ref) };
        return;
      }
      case 'tips_off': {
        const existing = await store.subscription(chat);
        if (existing?.enabled) await store.upsertSubscription({ ...existing, enabled: false }, now());
        const text = existing?.enabled
          ? lang === 'zh'
            ? '已关闭本群的每日一招。'
            : 'Daily tips are off for this chat.'
          : lang === 'zh'
            ? '本群没有开启每日一招。用 `tips on 09:00` 开启。'
            : 'This chat has no daily tips. Use `tips on 09:00` to start them.';
        yield { type: 'final', reply: notice(text, lang, ref) };
        return;
      }
      case 'history': {
        yield { type: 'final', reply: historyReply(await store.reviews(userKey, 10), lang, ref) };
        return;
      }
      case 'help': {
        yield { type: 'final', reply: notice(helpText(lang, cmd.unknown), lang, ref, 'help') };
        return;
      }
      case 'invalid': {
        const text =
          lang === 'zh'
            ? '用法：`tips on [HH:MM] [时区]`，例如 `tips on 09:30 Asia/Shanghai`；或 `tips off`。'
            : 'Usage: `tips on [HH:MM] [time zone]`, e.g. `tips on 09:30 Europe/Berlin`, or `tips off`.';
        yield { type: 'final', reply: notice(text, lang, ref) };
        return;
      }
    }
  }

  async function* review(
    draft: string,
    msg: IncomingMessage,
    lang: Lang,
    ref: string,
    log: Logger,
  ): AsyncIterable<ReplyEvent> {
    if (!draft.trim()) {
      const text =
        lang === 'zh'
          ? '请把要点评的文案放在命令后面，例如：`点评 为制造企业节省30%的能耗成本`。'
          : 'Paste the copy after the command, e.g. `review Cut energy costs 30% for mid-size plants`.';
      yield { type: 'final', reply: notice(text, lang, ref) };
      return;
    }
    if (looksLikeQuestion(draft)) {
      const text =
        lang === 'zh'
          ? '这看起来是一个问题，而不是要点评的文案。直接提问即可（不用加“点评”），我会按知识库回答。'
          : 'That looks like a question rather than copy to review. Ask it directly (without `review`) and I will answer it.';
      yield { type: 'final', reply: notice(text, lang, ref) };
      return;
    }
    yield { type: 'status', text: lang === 'zh' ? '正在点评…' : 'Reviewing…' };
    const releaseLlm = await llmSlots.acquire();
    let result: Awaited<ReturnType<Reviewer['review']>>;
    try {
      result = await reviewer.review(draft, msg.reviewContext ? { context: msg.reviewContext } : undefined);
    } catch (err) {
      if (isCoachError(err, 'input_empty')) {
        yield { type: 'final', reply: notice(helpText(lang), lang, ref, 'help') };
        return;
      }
      throw err;
    } finally {
      releaseLlm();
    }
    const reply = reviewReply(result, ref, draft);
    await store.saveReview({
      userKey: `${msg.platform}:${msg.workspace}:${msg.userId}`,
      at: now(),
      overall: result.overall,
      scores: result.scores,
      mode: result.mode,
      excerpt: draft.replace(/\s+/g, ' ').slice(0, 60),
      lang: result.lang,
    });
    log.info({ event_type: 'reviewed', overall: result.overall, mode: result.mode }, 'copy reviewed');
    await remember(threadKeyOf(msg), msg, `review ${draft}`, reply, 'review', log);
    yield { type: 'final', reply };
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
        yield { type: 'final', reply: notice('Thanks for the feedback! / 感谢反馈！', lang, ref) };
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
        yield* review(input.value, msg, detectLang(input.value), ref, logger);
        return;
      }
      yield { type: 'final', reply: notice(helpText(lang), lang, ref, 'help') };
    } catch (err) {
      logger.error({ event_type: 'action_failed', ...describeError(err) }, 'action failed');
      yield { type: 'final', reply: notice(ERROR_TEXT[lang], lang, ref, 'error') };
    }
  }

  const complete: ChatEngine['complete'] = (msg) => work.complete(workKeyOf(msg), logger);

  return { handle, resume, complete, action, inThread };
}
