/**
 * The event handlers registered on the SDK's EventDispatcher, the same ones in both modes (long
 * connection and HTTP). Each returns at once: the work (engine, LLM, API calls) runs in the background
 * through `track`, so that neither the HTTP answer nor the long connection's acknowledgement waits.
 */
import type { ChatEngine } from '../../core/chat/engine.ts';
import type { Button, IncomingMessage } from '../../core/chat/types.ts';
import { describeError } from '../../core/errors.ts';
import type { Logger } from '../../core/logger.ts';
import { detectLang } from '../../core/retrieval/tokenize.ts';
import type { Destination, FeishuApi } from './api.ts';
import { sendUuid } from './api.ts';
import { withoutButtons } from './cards.ts';
import { TEXT_ONLY_REPLY } from './content.ts';
import {
  type FeishuMessage,
  parseCardAction,
  parseMenuClick,
  parseMessageV1,
  parseMessageV2,
} from './events.ts';
import { menuCommand } from './menu.ts';
import type { Responder } from './responder.ts';

/** The event types Coach subscribes to (`message` is the 1.0 schema's message event). */
export const EVENT_TYPES = [
  'im.message.receive_v1',
  'message',
  'card.action.trigger',
  'application.bot.menu_v6',
] as const;

/** One handler per event type. */
export type FeishuHandlers = Record<(typeof EVENT_TYPES)[number], (data: unknown) => unknown>;

/** Dependencies of the handlers. */
export interface HandlerDeps {
  engine: ChatEngine;
  api: FeishuApi;
  responder: Responder;
  logger: Logger;
  /** The bot's open_id, when known. */
  botOpenId(): Promise<string | undefined>;
  /** Runs background work and keeps it counted until it ends (for `stop`). */
  track(work: () => Promise<void>): void;
  now(): number;
  /** Events older than this (by their create time) are skipped: a long connection's late redelivery. */
  maxEventAgeMs: number;
}

/** Bot-menu clicks become direct messages with this message-id prefix (they have no chat, only the user). */
const MENU_PREFIX = 'menu:';

/**
 * Where the reply to a message goes, from the message alone (so that a replica taking the message over
 * answers in the same place): a DM into the chat, a menu click to the user, a group message in its thread.
 */
export function destinationOf(msg: IncomingMessage): Destination {
  if (msg.messageId.startsWith(MENU_PREFIX))
    return { kind: 'chat', receiveIdType: 'open_id', receiveId: msg.chatId };
  return msg.direct
    ? { kind: 'chat', receiveIdType: 'chat_id', receiveId: msg.chatId }
    : { kind: 'reply', messageId: msg.messageId, inThread: true };
}

/**
 * The seed of the reply's send `uuid`s, from the platform's message id: every replica that answers the
 * message sends with the same uuids, so Feishu posts each part once however many times it is sent.
 */
export function uuidSeedOf(msg: Pick<IncomingMessage, 'chatId' | 'messageId'>): string {
  return `feishu:${msg.chatId}:${msg.messageId}`;
}

/**
 * Answers a message taken over from a replica that died (the sweeper holds its lease): `engine.resume`,
 * delivered with the same destination and uuids as the first attempt, placeholder first.
 */
export function createResumer(deps: Pick<HandlerDeps, 'engine' | 'responder' | 'logger'>) {
  return async (msg: IncomingMessage): Promise<void> => {
    const log = deps.logger.child({
      platform: 'feishu',
      chat: msg.chatId,
      message: msg.messageId,
      resumed: true,
    });
    await deps.responder.deliver(deps.engine.resume(msg), destinationOf(msg), {
      uuidSeed: uuidSeedOf(msg),
      lang: detectLang(msg.text),
      log,
      resumed: true,
    });
  };
}

const ACTIONS = new Set<Button['action']>(['feedback_up', 'feedback_down', 'review_again', 'share']);

/** Creates the handlers. */
export function createHandlers(deps: HandlerDeps): FeishuHandlers {
  const { engine, api, responder, logger } = deps;
  /** Non-text messages answered recently (the engine dedupes text; these never reach it). */
  const politeSent = new Set<string>();

  function stale(createdAt: number | undefined, ids: Record<string, unknown>): boolean {
    if (createdAt === undefined || deps.now() - createdAt <= deps.maxEventAgeMs) return false;
    logger.warn(
      { event: 'feishu_event_stale', ageMs: deps.now() - createdAt, ...ids },
      'old event skipped (redelivered after a reconnect?)',
    );
    return true;
  }

  async function onMessage(m: FeishuMessage | undefined): Promise<void> {
    if (!m) {
      logger.warn({ event: 'feishu_event_malformed' }, 'message event not understood');
      return;
    }
    const ids = { chat: m.chatId, message: m.messageId, eventId: m.eventId };
    const bot = await deps.botOpenId();
    if (m.fromBot || (bot !== undefined && m.userId === bot)) return;
    if (stale(m.createdAt, ids)) return;
    const msg: IncomingMessage = {
      platform: 'feishu',
      workspace: m.workspace,
      chatId: m.chatId,
      threadId: m.threadId,
      messageId: m.messageId,
      eventId: m.eventId,
      userId: m.userId,
      text: m.text ?? '',
      direct: m.direct,
      addressed: m.direct || m.mentionsBot,
    };
    const dest = destinationOf(msg);
    const log = logger.child({
      platform: 'feishu',
      chat: m.chatId,
      message: m.messageId,
      eventId: m.eventId,
    });
    if (m.text === undefined) {
      if (!msg.addressed || politeSent.has(m.messageId)) return;
      politeSent.add(m.messageId);
      if (politeSent.size > 5_000) politeSent.clear();
      log.info({ event: 'feishu_not_text', msgType: m.msgType }, 'non-text message');
      try {
        await api.send(
          dest,
          { msgType: 'text', text: TEXT_ONLY_REPLY },
          sendUuid(`text-only:${m.messageId}`),
        );
      } catch (err) {
        log.warn({ event: 'feishu_reply_failed', ...describeError(err) }, 'text-only notice not delivered');
      }
      return;
    }
    await responder.deliver(engine.handle(msg), dest, {
      uuidSeed: uuidSeedOf(msg),
      lang: detectLang(msg.text),
      log,
    });
  }

  async function onCardAction(data: unknown): Promise<void> {
    const a = parseCardAction(data);
    const action = a?.value.coach;
    const value = a?.value.v;
    if (
      !a ||
      typeof action !== 'string' ||
      !ACTIONS.has(action as Button['action']) ||
      typeof value !== 'string'
    ) {
      logger.warn({ event: 'feishu_card_action_unknown' }, 'card action not understood');
      return;
    }
    const log = logger.child({
      platform: 'feishu',
      chat: a.chatId,
      message: a.messageId,
      eventId: a.eventId,
    });
    const events = engine.action({
      chat: { platform: 'feishu', workspace: a.workspace, chatId: a.chatId },
      userId: a.userId,
      action: action as Button['action'],
      value,
      messageRef: a.messageId,
    });
    const sent = responder.sentCard(a.messageId);
    if (action === 'feedback_up' || action === 'feedback_down') {
      let thanks = '';
      for await (const ev of events) if (ev.type === 'final') thanks = ev.reply.sections.join('\n');
      if (!sent) return; // the card is no longer remembered: the vote is stored all the same
      const card = withoutButtons(sent.card, thanks);
      try {
        await api.patch(a.messageId, card);
        responder.remember(a.messageId, { ...sent, card });
      } catch (err) {
        log.warn({ event: 'feishu_patch_failed', ...describeError(err) }, 'card not updated after a vote');
      }
      return;
    }
    const dest: Destination =
      sent?.dest.kind === 'chat'
        ? sent.dest
        : {
            kind: 'reply',
            messageId: a.messageId,
            inThread: sent?.dest.kind === 'reply' && sent.dest.inThread,
          };
    await responder.deliver(events, dest, {
      uuidSeed: `action:${a.messageId}:${a.eventId ?? `${a.userId}:${deps.now()}`}`,
      lang: sent?.reply.lang ?? 'en',
      log,
    });
  }

  async function onMenu(data: unknown): Promise<void> {
    const c = parseMenuClick(data);
    if (!c) {
      logger.warn({ event: 'feishu_event_malformed' }, 'menu event not understood');
      return;
    }
    if (stale(c.createdAt, { user: c.userId, eventId: c.eventId })) return;
    const text = menuCommand(c.key);
    const msg: IncomingMessage = {
      platform: 'feishu',
      workspace: c.workspace,
      chatId: c.userId,
      messageId: `${MENU_PREFIX}${c.eventId ?? `${c.userId}:${deps.now()}`}`,
      eventId: c.eventId,
      userId: c.userId,
      text,
      direct: true,
      addressed: true,
    };
    const log = logger.child({ platform: 'feishu', user: c.userId, eventId: c.eventId, menu: c.key });
    await responder.deliver(engine.handle(msg), destinationOf(msg), {
      uuidSeed: uuidSeedOf(msg),
      lang: 'en',
      log,
    });
  }

  const run = (name: string, work: () => Promise<void>) =>
    deps.track(() =>
      work().catch((err) => {
        logger.error(
          { event: 'feishu_handler_failed', handler: name, ...describeError(err) },
          'handler failed',
        );
      }),
    );

  return {
    'im.message.receive_v1': (data) => {
      run('message', async () => onMessage(parseMessageV2(data, await deps.botOpenId())));
    },
    message: (data) => {
      run('message_v1', () => onMessage(parseMessageV1(data)));
    },
    'card.action.trigger': (data) => {
      run('card_action', () => onCardAction(data));
      return {};
    },
    'application.bot.menu_v6': (data) => {
      run('menu', () => onMenu(data));
    },
  };
}
