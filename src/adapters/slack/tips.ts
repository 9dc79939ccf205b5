import type { ChatRef, TipSubscription } from '../../core/store/types.ts';
import type { PostFn } from '../../core/tips/scheduler.ts';
import type { SlackRuntime } from './runtime.ts';
import { sendReply } from './send.ts';
import {
  describeSlackError,
  inviteHint,
  NOT_IN_CHANNEL,
  platformError,
  slackErrorCode,
} from './web-errors.ts';

const NOTIFY_EVERY_MS = 12 * 3_600_000;

/**
 * The scheduler's poster: the tip's blocks into the channel (split further on `msg_too_long`; rate
 * limits wait for Retry-After inside the Web API client). When Coach is not in the channel, the person
 * who subscribed it gets a DM asking to invite the bot (at most every 12 h per channel), and the post
 * fails with `platform_error` (the scheduler logs it and retries).
 */
export function createTipPoster(rt: SlackRuntime, onError: (code: string) => void): PostFn {
  const notified = new Map<string, number>();

  async function tellSubscriber(chat: ChatRef & Partial<Pick<TipSubscription, 'createdBy' | 'lang'>>) {
    const last = notified.get(chat.chatId) ?? 0;
    if (!chat.createdBy || Date.now() - last < NOTIFY_EVERY_MS) return;
    notified.set(chat.chatId, Date.now());
    const text = `${inviteHint(chat.chatId, chat.lang ?? 'en')} ${
      chat.lang === 'zh' ? '（每日一招暂时发不出去。）' : '(Your daily tips cannot be posted until then.)'
    }`;
    await rt.client.chat.postMessage({ channel: chat.createdBy, text }).catch((err: unknown) => {
      rt.logger.warn({ event: 'slack_subscriber_not_told', chat: chat.chatId, ...describeSlackError(err) });
    });
  }

  return async (chat, reply) => {
    try {
      await sendReply({ channel: chat.chatId }, reply, { client: rt.client, logger: rt.logger });
    } catch (err) {
      const code = slackErrorCode(err) ?? 'unknown';
      onError(code);
      if (NOT_IN_CHANNEL.has(code)) {
        rt.logger.warn(
          { event: 'slack_not_in_channel', chat: chat.chatId, slack_error: code },
          'Coach is not in the channel',
        );
        await tellSubscriber(chat);
        throw platformError(
          err,
          `Coach cannot post in channel ${chat.chatId} (${code}): invite the bot there with /invite @Coach`,
        );
      }
      throw platformError(err, `Slack refused the tip for ${chat.chatId}: ${code}`);
    }
  };
}
