/**
 * Turns the engine's reply stream into Feishu messages: a placeholder card on the first status/delta,
 * patched with the text so far at most twice a second, then patched into the complete card (further
 * cards, when the reply is split, are sent after it). Failures are logged once and, where possible,
 * replaced by a short visible error message.
 */

import type { ReplyEvent, RichReply } from '../../core/chat/types.ts';
import { describeError } from '../../core/errors.ts';
import type { Lang } from '../../core/knowledge/types.ts';
import type { Logger } from '../../core/logger.ts';
import type { Destination, FeishuApi } from './api.ts';
import { sendUuid } from './api.ts';
import { type Card, progressCard, renderCards } from './cards.ts';

/** A card Coach sent with buttons, kept so a click can update it. */
export interface SentCard {
  card: Card;
  dest: Destination;
  reply: RichReply;
}

/** Delivers replies and remembers recent cards with buttons. */
export interface Responder {
  /**
   * Posts the events of one engine reply to `dest`. `uuidSeed` identifies the reply (the engine's ref, or
   * the click's event id) so that a retried send is not posted twice. Never throws.
   */
  deliver(events: AsyncIterable<ReplyEvent>, dest: Destination, opts: DeliverOptions): Promise<void>;
  /** Posts one complete reply (the daily tip); throws `CoachError('platform_error')` on failure. */
  post(reply: RichReply, dest: Destination, uuidSeed: string): Promise<void>;
  /** A card sent recently with buttons, by message id. */
  sentCard(messageId: string): SentCard | undefined;
  /** Replaces a remembered card (after a patch). */
  remember(messageId: string, sent: SentCard): void;
}

/** Options of one delivery. */
export interface DeliverOptions {
  uuidSeed: string;
  /** Language for the placeholder card until the reply says otherwise. */
  lang: Lang;
  log: Logger;
  /**
   * The message was taken over from a replica that died mid-way. Its placeholder card (if it sent one)
   * is looked up by sending the placeholder again with the same `uuid` first: Feishu posts at most one
   * message per `uuid` within an hour, so when it answers with the card the dead replica sent, that
   * "writing…" card is patched into the answer rather than left behind (the fake open platform does
   * this; if Feishu refused the repeat instead, the answer would go out as a new card, still once).
   */
  resumed?: boolean;
}

const ERROR_TEXT =
  'Sorry, I could not post my answer here (Feishu refused it). Please try again in a moment.\n' +
  '抱歉，回复发送失败，请稍后再试。';

/** Creates the responder. `patchIntervalMs` bounds streaming updates (default 500 ms: ≤ 2 per second). */
export function createResponder(deps: {
  api: FeishuApi;
  patchIntervalMs?: number;
  cacheSize?: number;
  now?: () => number;
}): Responder {
  const { api } = deps;
  const patchIntervalMs = deps.patchIntervalMs ?? 500;
  const cacheSize = deps.cacheSize ?? 1_000;
  const now = deps.now ?? (() => Date.now());
  const cards = new Map<string, SentCard>();

  function remember(messageId: string, sent: SentCard) {
    cards.delete(messageId);
    cards.set(messageId, sent);
    while (cards.size > cacheSize) {
      const oldest = cards.keys().next().value;
      if (oldest === undefined) break;
      cards.delete(oldest);
    }
  }

  /** Sends the reply's cards; the first one may replace the placeholder. */
  async function sendReply(reply: RichReply, dest: Destination, uuidSeed: string, placeholder?: string) {
    const parts = renderCards(reply);
    let lastId: string | undefined;
    for (const [i, card] of parts.entries()) {
      if (i === 0 && placeholder) {
        await api.patch(placeholder, card);
        lastId = placeholder;
      } else {
        lastId = await api.send(dest, { msgType: 'interactive', card }, sendUuid(`${uuidSeed}:${i}`));
      }
    }
    const last = parts[parts.length - 1];
    if (lastId && last && reply.buttons.length > 0) remember(lastId, { card: last, dest, reply });
  }

  async function deliver(events: AsyncIterable<ReplyEvent>, dest: Destination, opts: DeliverOptions) {
    const { uuidSeed, log } = opts;
    let placeholder: string | undefined;
    let placeholderTried = false;
    let status = '';
    let text = '';
    let lastPatch = 0;
    let patching: Promise<void> | undefined;

    const showProgress = async () => {
      if (!placeholderTried) {
        placeholderTried = true;
        try {
          placeholder = await api.send(
            dest,
            { msgType: 'interactive', card: progressCard(opts.lang, status, text) },
            sendUuid(`${uuidSeed}:placeholder`),
          );
          lastPatch = now();
        } catch (err) {
          log.warn(
            { event: 'feishu_placeholder_failed', ...describeError(err) },
            'placeholder card not sent',
          );
        }
        return;
      }
      if (!placeholder || patching || now() - lastPatch < patchIntervalMs) return;
      lastPatch = now();
      const id = placeholder;
      patching = api
        .patch(id, progressCard(opts.lang, status, text))
        .catch((err) =>
          log.warn({ event: 'feishu_patch_failed', ...describeError(err) }, 'progress update failed'),
        )
        .finally(() => {
          patching = undefined;
        });
    };

    try {
      if (opts.resumed) await showProgress();
      for await (const ev of events) {
        if (ev.type === 'status') {
          status = ev.text;
          await showProgress();
        } else if (ev.type === 'delta') {
          text += ev.text;
          await showProgress();
        } else {
          await patching;
          try {
            await sendReply(ev.reply, dest, uuidSeed, placeholder);
          } catch (err) {
            if (!placeholder) throw err;
            // The placeholder could not be updated: post the reply as new messages instead.
            log.warn({ event: 'feishu_final_patch_failed', ...describeError(err) }, 'final patch failed');
            await sendReply(ev.reply, dest, `${uuidSeed}:fresh`);
          }
        }
      }
    } catch (err) {
      log.error({ event: 'feishu_reply_failed', ...describeError(err) }, 'reply not delivered');
      try {
        await api.send(dest, { msgType: 'text', text: ERROR_TEXT }, sendUuid(`${uuidSeed}:error`));
      } catch (inner) {
        log.warn(
          { event: 'feishu_error_notice_failed', ...describeError(inner) },
          'error notice not delivered',
        );
      }
    }
  }

  return {
    deliver,
    post: (reply, dest, uuidSeed) => sendReply(reply, dest, uuidSeed),
    sentCard: (id) => cards.get(id),
    remember,
  };
}
