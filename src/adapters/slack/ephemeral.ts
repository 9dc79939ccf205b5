import { randomUUID } from 'node:crypto';
import type { RespondFn, webApi } from '@slack/bolt';
import { CoachError } from '../../core/errors.ts';
import type { Logger } from '../../core/logger.ts';
import type { RichReply } from '../../core/reply/types.ts';
import { type RenderOptions, renderReply, type SlackMessage } from './blocks.ts';
import { describeSlackError, NOT_IN_CHANNEL, slackErrorCode } from './web-errors.ts';

/** A reply shown to one user that they may share: where "Share" posts it. */
export interface ShareEntry {
  reply: RichReply;
  channel: string;
  threadTs?: string;
  userId: string;
}

/** Replies waiting for a "Share in channel" click, in memory, bounded in number and age. */
export interface ShareStore {
  put(entry: ShareEntry): string;
  get(id: string): ShareEntry | undefined;
}

/**
 * Creates the share store. Ephemeral messages cannot be read back from Slack, so the reply is kept here;
 * after a restart or `ttlMs` the button answers that the reply expired.
 */
export function createShareStore(
  opts: { ttlMs?: number; max?: number; now?: () => number } = {},
): ShareStore {
  const ttl = opts.ttlMs ?? 24 * 3_600_000;
  const max = opts.max ?? 1_000;
  const now = opts.now ?? Date.now;
  const entries = new Map<string, { entry: ShareEntry; at: number }>();
  return {
    put(entry) {
      const id = randomUUID();
      entries.set(id, { entry, at: now() });
      for (const [key, v] of entries) {
        if (entries.size <= max && now() - v.at <= ttl) break;
        entries.delete(key);
      }
      return id;
    },
    get(id) {
      const v = entries.get(id);
      return v && now() - v.at <= ttl ? v.entry : undefined;
    },
  };
}

/** Where an ephemeral reply goes. */
export interface EphemeralTarget {
  channel: string;
  userId: string;
  /** The command's / action's `response_url`, when the payload had one. */
  respond?: RespondFn;
}

/**
 * Shows a reply to one user only: through the `response_url` when there is one (works in any channel and
 * DM), else `chat.postEphemeral`, and when Coach is not in that channel, as a DM from Coach. Resolves with
 * how it went out; rejects (`platform_error`, after logging) when nothing worked.
 */
export async function sendEphemeral(
  deps: { client: webApi.WebClient; logger: Logger },
  target: EphemeralTarget,
  reply: RichReply,
  render: RenderOptions = {},
): Promise<'response_url' | 'ephemeral' | 'dm'> {
  return sendEphemeralMessages(deps, target, renderReply(reply, render));
}

/** Shows ready-made messages to one user only (see {@link sendEphemeral}). */
export async function sendEphemeralMessages(
  deps: { client: webApi.WebClient; logger: Logger },
  target: EphemeralTarget,
  messages: SlackMessage[],
): Promise<'response_url' | 'ephemeral' | 'dm'> {
  const { client, logger } = deps;
  let via: 'response_url' | 'ephemeral' | 'dm' | undefined;
  for (const [i, m] of messages.entries()) {
    const went = await sendOne(m);
    if (!went) {
      if (via) return via; // the first part is out: the rest was logged
      throw new CoachError('platform_error', 'the private reply could not be shown', {
        details: { part: i },
      });
    }
    via ??= went;
  }
  if (!via) throw new CoachError('platform_error', 'nothing to show');
  return via;

  async function sendOne(m: SlackMessage) {
    if (target.respond) {
      try {
        await target.respond({
          response_type: 'ephemeral',
          replace_original: false,
          text: m.text,
          blocks: m.blocks,
        });
        return 'response_url' as const;
      } catch (err) {
        logger.warn({ event: 'slack_respond_failed', channel: target.channel, ...describeSlackError(err) });
      }
    }
    try {
      await client.chat.postEphemeral({
        channel: target.channel,
        user: target.userId,
        text: m.text,
        blocks: m.blocks,
      });
      return 'ephemeral' as const;
    } catch (err) {
      const code = slackErrorCode(err);
      if (!code || !NOT_IN_CHANNEL.has(code)) {
        logger.error({
          event: 'slack_ephemeral_failed',
          channel: target.channel,
          ...describeSlackError(err),
        });
        return undefined;
      }
    }
    try {
      await client.chat.postMessage({ channel: target.userId, text: m.text, blocks: m.blocks });
      return 'dm' as const;
    } catch (err) {
      logger.error({ event: 'slack_dm_failed', user: target.userId, ...describeSlackError(err) });
      return undefined;
    }
  }
}

/**
 * A `respond` for a `response_url` kept from an earlier payload (a slash command that opened a modal).
 * The URL comes from a signed Slack request; it is valid for 30 minutes and five uses.
 */
export function respondTo(url: string): RespondFn {
  return async (message) => {
    const body = typeof message === 'string' ? { text: message } : message;
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`response_url answered ${res.status}`);
    return res;
  };
}
