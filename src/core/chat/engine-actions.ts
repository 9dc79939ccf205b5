/** Button clicks on Coach's replies: 👍/👎 are stored as feedback; "Review again" reviews the copy again. */
import { describeError } from '../errors.ts';
import type { InsightsRecorder } from '../insights/recorder.ts';
import type { Lang } from '../knowledge/types.ts';
import type { Logger } from '../logger.ts';
import { notice, noticeEvent } from '../reply/replies.ts';
import type { ActionInput, ReplyEvent } from '../reply/types.ts';
import { detectLang } from '../retrieval/tokenize.ts';
import type { Store } from '../store/types.ts';
import { type CommandContext, helpText, runReview } from './commands/index.ts';
import { TEXT } from './text.ts';
import type { IncomingMessage } from './types.ts';

/** What a click needs from the engine. */
export interface ActionDeps {
  store: Store;
  logger: Logger;
  now: () => Date;
  /** Votes are recorded for the insights too, joined to the reply they rate by its ref. */
  insights: InsightsRecorder;
  contextOf(msg: IncomingMessage, lang: Lang, ref: string, log: Logger): CommandContext;
}

/** Runs one click; never throws (a failure is a short error reply and one log line). */
export async function* runAction(deps: ActionDeps, input: ActionInput): AsyncIterable<ReplyEvent> {
  const { store, logger, now } = deps;
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
      const vote = {
        value: input.action === 'feedback_up' ? 'up' : 'down',
        about: { kind: kind === 'review' ? 'review' : 'answer', ref: aboutRef ?? input.value },
        at: now(),
      } as const;
      await store.saveFeedback({
        ...input.chat,
        messageRef: input.messageRef,
        userId: input.userId,
        ...vote,
      });
      deps.insights.record({
        ...input.chat,
        userKey: `${input.chat.platform}:${input.chat.workspace}:${input.userId}`,
        about: vote.about.kind,
        ref: vote.about.ref,
        value: vote.value,
        at: vote.at,
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
      yield* runReview(
        input.value,
        deps.contextOf(msg, detectLang(input.value), ref, logger),
        'review_again',
      );
      return;
    }
    yield noticeEvent(helpText(lang), lang, ref, 'help');
  } catch (err) {
    logger.error({ event_type: 'action_failed', ...describeError(err) }, 'action failed');
    yield { type: 'final', reply: notice(TEXT.error[lang], lang, ref, 'error') };
  }
}
