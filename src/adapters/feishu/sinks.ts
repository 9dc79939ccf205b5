/**
 * Feishu's sink for the shared delivery layer: a "writing…" card patched with the text so far, then
 * the complete reply's cards (the first one patched into the placeholder), and the memory of recent
 * cards with buttons, so that a click can update the card it came from.
 */
import { describeError } from '../../core/errors.ts';
import type { Lang } from '../../core/knowledge/types.ts';
import type { Logger } from '../../core/logger.ts';
import type { RichReply } from '../../core/reply/types.ts';
import type { ReplySink } from '../delivery/sink.ts';
import { classifyFeishuError, type Destination, type FeishuApi, sendUuid } from './api.ts';
import { type Card, progressCard, renderCards } from './cards.ts';

/** A card Coach sent with buttons, kept so a click can update it. */
export interface SentCard {
  card: Card;
  dest: Destination;
  reply: RichReply;
}

/** Recent cards with buttons, by message id (bounded). */
export interface CardMemory {
  get(messageId: string): SentCard | undefined;
  set(messageId: string, sent: SentCard): void;
}

/** Creates the card memory (the newest `size` cards). */
export function createCardMemory(size = 1_000): CardMemory {
  const cards = new Map<string, SentCard>();
  return {
    get: (id) => cards.get(id),
    set(id, sent) {
      cards.delete(id);
      cards.set(id, sent);
      while (cards.size > size) {
        const oldest = cards.keys().next().value;
        if (oldest === undefined) break;
        cards.delete(oldest);
      }
    },
  };
}

const ERROR_TEXT: Record<Lang, string> = {
  en: 'Sorry, I could not post my answer here (Feishu refused it). Please try again in a moment.',
  zh: '抱歉，回复发送失败（飞书拒绝了这条消息），请稍后再试。',
};

/**
 * Sends a reply's cards to `dest`; the first one is patched into `placeholder` when there is one (and
 * sent as a new message when that patch fails). Each part has its own send `uuid` from `uuidSeed`, so a
 * retried send is posted once. Resolves with the last card's message id.
 */
export async function sendCards(
  deps: { api: FeishuApi; memory: CardMemory; log: Logger },
  reply: RichReply,
  dest: Destination,
  uuidSeed: string,
  placeholder?: string,
): Promise<string | undefined> {
  const { api, memory, log } = deps;
  const parts = renderCards(reply);
  let seed = uuidSeed;
  let lastId: string | undefined;
  for (const [i, card] of parts.entries()) {
    if (i === 0 && placeholder) {
      try {
        await api.patch(placeholder, card);
        lastId = placeholder;
        continue;
      } catch (err) {
        // The placeholder could not be updated: the reply goes out as new messages.
        log.warn({ event: 'feishu_final_patch_failed', ...describeError(err) }, 'final patch failed');
        seed = `${uuidSeed}:fresh`;
      }
    }
    lastId = await api.send(dest, { msgType: 'interactive', card }, sendUuid(`${seed}:${i}`));
  }
  const last = parts.at(-1);
  if (lastId && last && reply.buttons.length > 0) memory.set(lastId, { card: last, dest, reply });
  return lastId;
}

/** Options of a card sink. */
export interface CardSinkOptions {
  api: FeishuApi;
  memory: CardMemory;
  dest: Destination;
  /** Seed of the send `uuid`s (the same for every replica answering the message). */
  uuidSeed: string;
  log: Logger;
  /**
   * The message was taken over from a replica that died. Before the final reply, the placeholder is
   * sent again with the same `uuid`: Feishu posts at most one message per `uuid` within an hour, so when
   * it answers with the card the dead replica sent, that "writing…" card is patched into the answer
   * rather than left behind.
   */
  resumed?: boolean;
}

/** A reply as cards, streamed into a placeholder card. */
export function cardSink(opts: CardSinkOptions): ReplySink {
  const { api, dest, uuidSeed, log } = opts;
  const placeholderUuid = sendUuid(`${uuidSeed}:placeholder`);
  return {
    async start(view) {
      return api.send(
        dest,
        { msgType: 'interactive', card: progressCard(view.lang, view.status, view.text) },
        placeholderUuid,
      );
    },
    async update(id, view) {
      await api.patch(id, progressCard(view.lang, view.status, view.text), { attempts: 1 });
    },
    async final(reply, placeholder) {
      let target = placeholder;
      if (!target && opts.resumed) {
        target = await api
          .send(dest, { msgType: 'interactive', card: progressCard(reply.lang, '', '') }, placeholderUuid)
          .catch((err: unknown) => {
            log.warn({ event: 'feishu_placeholder_failed', ...describeError(err) }, 'placeholder not found');
            return undefined;
          });
      }
      await sendCards({ api, memory: opts.memory, log }, reply, dest, uuidSeed, target);
    },
    async failed(lang) {
      await api.send(dest, { msgType: 'text', text: ERROR_TEXT[lang] }, sendUuid(`${uuidSeed}:error`));
    },
    classify: classifyFeishuError,
  };
}
