/**
 * The event handlers registered on the SDK's EventDispatcher, the same ones in both modes (long
 * connection and HTTP). A message handler resolves once the engine has accepted the message (claimed
 * and recorded as work, about a millisecond): the HTTP answer and the long connection's acknowledgement
 * wait for that and nothing more, so a crash after the ack cannot lose the message. The answer (engine,
 * LLM, API calls) runs in the background through `track`.
 */
import type { ChatEngine } from '../../core/chat/engine.ts';
import type { IncomingMessage } from '../../core/chat/types.ts';
import { describeError } from '../../core/errors.ts';
import type { Logger } from '../../core/logger.ts';
import type { Button, ReplyEvent } from '../../core/reply/types.ts';
import { type DeliverySettings, deliverReply, finalReplyOf } from '../delivery/deliver.ts';
import type { Pacer } from '../delivery/pacer.ts';
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
import { type CardMemory, cardSink } from './sinks.ts';

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
  /** Recent cards with buttons (a click updates the card it came from). */
  memory: CardMemory;
  logger: Logger;
  /** Delivery settings shared by every reply. */
  delivery: DeliverySettings;
  /** Paces streaming patches across the app. */
  pacer: Pacer;
  /** The bot's open_id, when known (looked up when not). */
  botOpenId(): Promise<string | undefined>;
  /** The bot's open_id if it is already known, without a lookup. */
  knownBotOpenId?(): string | undefined;
  /** Runs background work and keeps it counted until it ends (for `stop`). */
  track(name: string, work: () => Promise<void>): void;
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

/** Delivers one reply stream as cards. */
export function deliverCards(
  deps: Pick<HandlerDeps, 'api' | 'memory' | 'delivery' | 'pacer'>,
  events: AsyncIterable<ReplyEvent>,
  dest: Destination,
  opts: { uuidSeed: string; log: Logger; resumed?: boolean },
) {
  const sink = cardSink({ api: deps.api, memory: deps.memory, dest, ...opts });
  return deliverReply(events, sink, {
    ...deps.delivery,
    log: opts.log,
    pacer: { pacer: deps.pacer, key: 'app' },
  });
}

/**
 * Answers a message taken over from a replica that died (the sweeper holds its lease): `engine.resume`,
 * delivered with the same destination and uuids as the first attempt.
 */
export function createResumer(
  deps: Pick<HandlerDeps, 'engine' | 'api' | 'memory' | 'delivery' | 'pacer' | 'logger'>,
) {
  return async (msg: IncomingMessage): Promise<void> => {
    const log = deps.logger.child({ chat: msg.chatId, message: msg.messageId, resumed: true });
    await deliverCards(deps, deps.engine.resume(msg), destinationOf(msg), {
      uuidSeed: uuidSeedOf(msg),
      log,
      resumed: true,
    });
  };
}

const ACTIONS = new Set<Button['action']>(['feedback_up', 'feedback_down', 'review_again', 'share']);

/** Creates the handlers. */
export function createHandlers(deps: HandlerDeps): FeishuHandlers {
  const { engine, api, memory, logger } = deps;
  const knownBotOpenId = deps.knownBotOpenId ?? (() => undefined);
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

  /**
   * Step 1 of a message, before the delivery is acknowledged: reads it and has the engine accept it
   * (decide, claim, record the work). Returns the background step (the answer, or the polite "text
   * only" notice), or undefined when there is nothing to do.
   */
  async function acceptMessage(m: FeishuMessage | undefined): Promise<(() => Promise<void>) | undefined> {
    if (!m) {
      logger.warn({ event: 'feishu_event_malformed' }, 'message event not understood');
      return undefined;
    }
    const ids = { chat: m.chatId, message: m.messageId, eventId: m.eventId };
    const bot = await deps.botOpenId();
    if (m.fromBot || (bot !== undefined && m.userId === bot)) return undefined;
    if (stale(m.createdAt, ids)) return undefined;
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
      if (!msg.addressed || politeSent.has(m.messageId)) return undefined;
      politeSent.add(m.messageId);
      if (politeSent.size > 5_000) politeSent.clear();
      log.info({ event: 'feishu_not_text', msgType: m.msgType }, 'non-text message');
      return async () => {
        try {
          await api.send(
            dest,
            { msgType: 'text', text: TEXT_ONLY_REPLY },
            sendUuid(`text-only:${m.messageId}`),
          );
        } catch (err) {
          log.warn({ event: 'feishu_reply_failed', ...describeError(err) }, 'text-only notice not delivered');
        }
      };
    }
    const ticket = await engine.accept(msg);
    if (!ticket) return undefined;
    return async () => {
      await deliverCards(deps, engine.answer(ticket), dest, { uuidSeed: uuidSeedOf(msg), log });
    };
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
      ...(a.eventId ? { eventId: a.eventId } : {}),
    });
    const sent = memory.get(a.messageId);
    if (action === 'feedback_up' || action === 'feedback_down') {
      const thanks = (await finalReplyOf(events))?.sections.join('\n') ?? '';
      if (!sent) return; // the card is no longer remembered: the vote is stored all the same
      const card = withoutButtons(sent.card, thanks);
      try {
        await api.patch(a.messageId, card);
        memory.set(a.messageId, { ...sent, card });
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
    await deliverCards(deps, events, dest, {
      uuidSeed: `action:${a.messageId}:${a.eventId ?? `${a.userId}:${deps.now()}`}`,
      log,
    });
  }

  /** A bot-menu click: accepted like a message, answered in the background. */
  async function acceptMenu(data: unknown): Promise<(() => Promise<void>) | undefined> {
    const c = parseMenuClick(data);
    if (!c) {
      logger.warn({ event: 'feishu_event_malformed' }, 'menu event not understood');
      return undefined;
    }
    if (stale(c.createdAt, { user: c.userId, eventId: c.eventId })) return undefined;
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
    const ticket = await engine.accept(msg);
    if (!ticket) return undefined;
    return async () => {
      await deliverCards(deps, engine.answer(ticket), destinationOf(msg), { uuidSeed: uuidSeedOf(msg), log });
    };
  }

  const run = (name: string, work: () => Promise<void>) => deps.track(name, work);
  /** Accepts before the handler returns (so before the ack), then runs the rest in the background. */
  const acceptThenRun = async (name: string, accepting: Promise<(() => Promise<void>) | undefined>) => {
    const next = await accepting;
    if (next) run(name, next);
  };

  return {
    'im.message.receive_v1': async (data) => {
      // The bot's open_id is needed to read mentions; it is looked up first when still unknown.
      const bot = knownBotOpenId() ?? (await deps.botOpenId());
      await acceptThenRun('message', acceptMessage(parseMessageV2(data, bot)));
    },
    message: async (data) => {
      await acceptThenRun('message_v1', acceptMessage(parseMessageV1(data)));
    },
    'card.action.trigger': (data) => {
      run('card_action', () => onCardAction(data));
      return {};
    },
    'application.bot.menu_v6': async (data) => {
      await acceptThenRun('menu', acceptMenu(data));
    },
  };
}
