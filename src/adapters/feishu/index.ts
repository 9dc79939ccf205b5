/**
 * The Feishu / Lark adapter: translates events into engine messages and engine replies into cards.
 * `ws` mode (default) takes events over the SDK's long connection (no public URL); `http` mode serves
 * `POST /feishu/events` on the shared HTTP server. Both register the same handlers on one EventDispatcher.
 */
import type * as Lark from '@larksuiteoapi/node-sdk';
import type { ChatEngine } from '../../core/chat/engine.ts';
import { CoachError, describeError } from '../../core/errors.ts';
import type { Logger } from '../../core/logger.ts';
import { createBackgroundWork } from '../delivery/background.ts';
import { createDeliveryStats } from '../delivery/deliver.ts';
import { createPacer } from '../delivery/pacer.ts';
import type { PlatformAdapter } from '../platform.ts';
import { createFeishuApi, type FeishuApi, sdkDomain, sdkLogger } from './api.ts';
import { isLegacyCardCallback } from './events.ts';
import { createHandlers, createResumer, type HandlerDeps } from './handlers.ts';
import { createFeishuRoute } from './http-route.ts';
import { lark } from './lark.ts';
import { createCardMemory, sendCards } from './sinks.ts';

/** Feishu / Lark settings (from `FEISHU_*`, see config.ts). */
export interface FeishuSettings {
  /** `FEISHU_APP_ID`. */
  appId: string;
  /** `FEISHU_APP_SECRET`. */
  appSecret: string;
  /** `FEISHU_DOMAIN`: `feishu` (default), `lark` (international) or a base URL. */
  domain: string;
  /** `FEISHU_MODE`: `ws` long connection (default, no public URL) or `http` (events at POST /feishu/events). */
  mode: 'ws' | 'http';
  /** `FEISHU_ENCRYPT_KEY`: decrypts and verifies event bodies. */
  encryptKey?: string;
  /** `FEISHU_VERIFICATION_TOKEN`: checked on plain (unencrypted) events. */
  verificationToken?: string;
}

/** The long-connection client, as the adapter uses it (tests pass a fake). */
export interface WsClientLike {
  start(params: { eventDispatcher: Lark.EventDispatcher }): Promise<void> | void;
  close(params?: { force?: boolean }): void;
  getConnectionStatus?(): { state: string };
}

/** Dependencies of the Feishu adapter. */
export interface FeishuAdapterDeps {
  settings: FeishuSettings;
  engine: ChatEngine;
  logger: Logger;
  /** Clock (ms) for the age bound of events. */
  now?: () => number;
  /** Events older than this are skipped; default 10 minutes. */
  maxEventAgeMs?: number;
  /** First backoff delay of retried API calls (default 250 ms). */
  retryBaseMs?: number;
  /** How long a refused reply is retried (`COACH_DELIVERY_RETRY_MS`); default 10 minutes. */
  deliveryRetryMs?: number;
  /** Makes the long-connection client; default the SDK's `WSClient`. */
  createWsClient?: (opts: { appId: string; appSecret: string; domain: Lark.Domain | string }) => WsClientLike;
  /** Sees the dispatcher once its handlers are registered (tests, diagnostics). */
  onDispatcher?: (dispatcher: Lark.EventDispatcher) => void;
}

/** Card patches: Feishu takes about half a second per patch and allows 5 a second per message. */
const PATCH_INTERVAL_MS = 500;
/** The app's budget of streaming patches per minute (the API allows 1000 calls a minute in all). */
const PATCHES_PER_MINUTE = 600;

/** Creates the Feishu adapter. Throws `config_invalid` for HTTP mode without any way to verify requests. */
export function createFeishuAdapter(deps: FeishuAdapterDeps): PlatformAdapter {
  const { settings, engine } = deps;
  const logger = deps.logger.child({ platform: 'feishu' });
  const now = deps.now ?? (() => Date.now());
  if (settings.mode === 'http' && !settings.encryptKey && !settings.verificationToken) {
    throw new CoachError(
      'config_invalid',
      'Invalid settings:\n  FEISHU_ENCRYPT_KEY: required in HTTP mode (or at least FEISHU_VERIFICATION_TOKEN)',
      { details: { variables: ['FEISHU_ENCRYPT_KEY', 'FEISHU_VERIFICATION_TOKEN'] } },
    );
  }
  const domain = sdkDomain(settings.domain);
  const sdkLog = sdkLogger(logger);
  const client = new lark.Client({
    appId: settings.appId,
    appSecret: settings.appSecret,
    domain,
    logger: sdkLog,
    loggerLevel: lark.LoggerLevel.warn,
  });
  const api: FeishuApi = createFeishuApi({ client, logger, retryBaseMs: deps.retryBaseMs });

  let botOpenId: string | undefined;
  let botLookupAt = Number.NEGATIVE_INFINITY;
  let botLookup: Promise<string | undefined> | undefined;
  /** The bot's open_id; looked up at start and again (at most once a minute) while unknown. */
  const getBotOpenId = async (): Promise<string | undefined> => {
    if (botOpenId) return botOpenId;
    if (!botLookup && now() - botLookupAt >= 60_000) {
      botLookupAt = now();
      botLookup = api
        .botOpenId()
        .then((id) => {
          botOpenId = id;
          return id;
        })
        .catch((err) => {
          logger.warn({ event: 'feishu_bot_info_failed', ...describeError(err) }, 'bot info unavailable');
          return undefined;
        })
        .finally(() => {
          botLookup = undefined;
        });
    }
    return botLookup ? botLookup : botOpenId;
  };

  const work = createBackgroundWork(logger);
  const deliveryStats = createDeliveryStats();
  let accepting = true;
  const common: Omit<HandlerDeps, 'botOpenId' | 'track' | 'now' | 'maxEventAgeMs'> = {
    engine,
    api,
    memory: createCardMemory(),
    logger,
    delivery: {
      updateIntervalMs: PATCH_INTERVAL_MS,
      ...(deps.retryBaseMs !== undefined ? { retryBaseMs: deps.retryBaseMs } : {}),
      ...(deps.deliveryRetryMs !== undefined ? { retryWindowMs: deps.deliveryRetryMs } : {}),
      signal: work.signal,
      stats: deliveryStats,
    },
    pacer: createPacer({ perMinute: PATCHES_PER_MINUTE, burst: 20 }),
  };
  const track = (name: string, fn: () => Promise<void>) => {
    work.run(name, {}, fn);
  };

  const handlers = createHandlers({
    ...common,
    botOpenId: getBotOpenId,
    knownBotOpenId: () => botOpenId,
    track,
    now,
    maxEventAgeMs: deps.maxEventAgeMs ?? 10 * 60_000,
  });
  const resumeMessage = createResumer(common);
  const dispatcher = new lark.EventDispatcher({
    logger: sdkLog,
    loggerLevel: lark.LoggerLevel.warn,
  }).register(handlers);
  deps.onDispatcher?.(dispatcher);

  const routes: PlatformAdapter['routes'] = {};
  if (settings.mode === 'http') {
    routes['/feishu/events'] = createFeishuRoute({
      encryptKey: settings.encryptKey,
      verificationToken: settings.verificationToken,
      logger,
      accepting: () => accepting,
      onPayload: async (payload) => {
        if (isLegacyCardCallback(payload)) {
          handlers['card.action.trigger'](payload); // legacy card callback: no event type to dispatch on
          return;
        }
        await dispatcher.invoke(payload, { needCheck: false });
      },
    });
  }

  let ws: WsClientLike | undefined;

  return {
    platform: 'feishu',
    routes,
    async start() {
      accepting = true;
      await getBotOpenId();
      if (settings.mode === 'ws') {
        const create =
          deps.createWsClient ??
          ((o) => new lark.WSClient({ ...o, logger: sdkLog, loggerLevel: lark.LoggerLevel.warn }));
        ws = create({ appId: settings.appId, appSecret: settings.appSecret, domain });
        await ws.start({ eventDispatcher: dispatcher });
      }
      logger.info(
        { event: 'feishu_started', mode: settings.mode, bot: Boolean(botOpenId) },
        'Feishu adapter ready',
      );
    },
    async stop(graceMs) {
      accepting = false;
      work.close();
      ws?.close({ force: false });
      ws = undefined;
      if (!(await work.drain(graceMs))) {
        logger.warn({ event: 'feishu_stop_timeout', inFlight: work.inFlight }, 'replies still in flight');
      }
    },
    resume(msg) {
      work.run('resume', { chat: msg.chatId, message: msg.messageId }, () => resumeMessage(msg));
    },
    async post(chat, reply) {
      await sendCards(
        { api, memory: common.memory, log: logger },
        reply,
        { kind: 'chat', receiveIdType: 'chat_id', receiveId: chat.chatId },
        reply.ref,
      );
    },
    health() {
      return {
        mode: settings.mode,
        connection: settings.mode === 'ws' ? (ws?.getConnectionStatus?.().state ?? 'stopped') : 'http',
        inFlight: work.inFlight,
        delivery: { ...deliveryStats },
      };
    },
  };
}
