import { CoachError } from '../../core/errors.ts';

/** Slack Web API error codes Coach reacts to. */
export const NOT_IN_CHANNEL = new Set([
  'not_in_channel',
  'channel_not_found',
  'is_archived',
  'restricted_action',
]);

/**
 * The Slack error code of a Web API failure (`not_in_channel`, `msg_too_long`, `ratelimited`…), or the
 * client's own code (`slack_webapi_request_error` for a connection failure); undefined for other errors.
 */
export function slackErrorCode(err: unknown): string | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const e = err as { code?: unknown; data?: { error?: unknown } };
  if (typeof e.data?.error === 'string') return e.data.error;
  if (e.code === 'slack_webapi_rate_limited_error') return 'ratelimited';
  return typeof e.code === 'string' && e.code.startsWith('slack_') ? e.code : undefined;
}

/** For a log line: the Slack error code and message, never the request (tokens). */
export function describeSlackError(err: unknown): { code: string; message: string } {
  const code = slackErrorCode(err) ?? (err instanceof Error ? err.name : 'unknown');
  const message = err instanceof Error ? err.message : String(err);
  return { code, message: message.slice(0, 300) };
}

/** A Web API failure as the `platform_error` CoachError the rest of Coach understands. */
export function platformError(
  err: unknown,
  message: string,
  details: Record<string, unknown> = {},
): CoachError {
  return new CoachError('platform_error', message, {
    cause: err,
    details: { slack_error: slackErrorCode(err), ...details },
  });
}

/** What to tell a user when Coach cannot post in a channel (mrkdwn written by Coach: links the channel). */
export function inviteHint(channel: string, lang: 'en' | 'zh' = 'en'): string {
  return lang === 'zh'
    ? `我无法在 <#${channel}> 发消息：请先用 \`/invite @Coach\` 把我加入该频道。`
    : `I can't post in <#${channel}>: invite me first with \`/invite @Coach\` in that channel.`;
}
