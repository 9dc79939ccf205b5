/** `review <copy>` (点评): scores the copy against the principles and suggests a stronger version. */
import { isCoachError } from '../../errors.ts';
import { noticeEvent, reviewReply } from '../../reply/replies.ts';
import { looksLikeQuestion } from '../../review/input.ts';
import type { ReviewResult } from '../../review/types.ts';
import { TEXT } from '../text.ts';
import { recordReview, startTimer } from './insights-events.ts';
import type { Command, CommandContext, CommandRunner, CommandSpec } from './types.ts';

export const reviewCommand: CommandSpec = {
  key: 'review',
  words: ['review', 'critique', '点评', '评审', '审稿'],
  help: {
    en: '• `review <copy>`: scores a tagline, USP/UVP or landing-page claim and suggests a stronger version',
    zh: '• `点评 <文案>`：给广告语、价值主张、落地页文案打分并改写（也可用 review）',
  },
  menu: ['how_to_review', 'review', '点评'],
  prompts: [
    { title: { en: 'Review my tagline', zh: '点评我的广告语' }, message: { en: 'review ', zh: '点评 ' } },
  ],
  parse: ({ rest }) => ({ name: 'review', text: rest }),
};

export const runReviewCommand: CommandRunner<Extract<Command, { name: 'review' }>> = (cmd, ctx) =>
  runReview(cmd.text, ctx);

/**
 * Reviews `draft` (also the "Review again" button, `command` `review_again`): usage for empty copy, a
 * pointer for a question.
 */
export async function* runReview(draft: string, ctx: CommandContext, command = 'review') {
  const { services, lang, ref, msg } = ctx;
  if (!draft.trim()) {
    yield noticeEvent(TEXT.reviewEmpty[lang], lang, ref);
    return;
  }
  if (looksLikeQuestion(draft)) {
    yield noticeEvent(TEXT.reviewQuestion[lang], lang, ref);
    return;
  }
  yield { type: 'status' as const, text: TEXT.reviewing[lang], lang };
  const elapsed = startTimer();
  const release = await services.modelSlot(ctx.userKey);
  let result: ReviewResult;
  try {
    result = await services.reviewer.review(draft, {
      ...(msg.reviewContext ? { context: msg.reviewContext } : {}),
      chat: `${ctx.chat.platform}:${ctx.chat.chatId}`,
    });
  } catch (err) {
    if (isCoachError(err, 'input_empty')) {
      yield noticeEvent(TEXT.reviewEmpty[lang], lang, ref);
      return;
    }
    recordReview(ctx, command, undefined, elapsed());
    throw err;
  } finally {
    release();
  }
  recordReview(ctx, command, result, elapsed());
  const reply = reviewReply(result, ref, draft);
  await services.store.saveReview({
    userKey: ctx.userKey,
    at: services.now(),
    overall: result.overall,
    scores: result.scores,
    mode: result.mode,
    excerpt: draft.replace(/\s+/g, ' ').slice(0, 60),
    lang: result.lang,
  });
  ctx.log.info({ event_type: 'reviewed', overall: result.overall, mode: result.mode }, 'copy reviewed');
  await ctx.remember(`review ${draft}`, reply, 'review');
  yield { type: 'final' as const, reply };
}
