/**
 * The Feishu / Lark adapter: translates events into engine messages and engine replies into cards.
 * `ws` mode (default) takes events over the SDK's long connection (no public URL); `http` mode serves
 * `POST /feishu/events` on the shared HTTP server. Both register the same handlers on one EventDispatcher.
 */
import * as lark from '@larksuiteoapi/node-sdk';
import type { Config } from '../../config.ts';
import type { ChatEngine } from '../../core/chat/engine.ts';
import { CoachError, describeError } from '../../core/errors.ts';
import type { Logger } from '../../core/logger.ts';
import type { PlatformAdapter } from '../platform.ts';
import { createFeishuApi, type FeishuApi, sdkDomain, sdkLogger } from './api.ts';
import { isLegacyCardCallback } from './events.ts';
import { createHandlers, createResumer } from './handlers.ts';
import { createFeishuRoute } from './http-route.ts';
import { createResponder } from './responder.ts';

/** The long-connection client, as the adapter uses it (tests pass a fake). */
export interface WsClientLike {
  start(params: { eventDispatcher: lark.EventDispatcher }): Promise<void> | void;
  close(params?: { force?: boolean }): void;
  getConnectionStatus?(): { state: string };
}

/** Dependencies of the Feishu adapter. */
export interface FeishuAdapterDeps {
  settings: NonNullable<Config['feishu']>;
  engine: ChatEngine;
  logger: Logger;
  /** Clock (ms) for the age bound of events. */
  now?: () => number;
  /** Events older than this are skipped; default 10 minutes. */
  maxEventAgeMs?: number;
  /** First backoff delay of retried API calls (default 250 ms). */
  retryBaseMs?: number;
  /** Makes the long-connection client; default the SDK's `WSClient`. */
  createWsClient?: (opts: { appId: string; appSecret: string; domain: lark.Domain | string }) => WsClientLike;
  /** Sees the dispatcher once its handlers are registered (tests, diagnostics). */
  onDispatcher?: (dispatcher: lark.EventDispatcher) => void;
}

const STOP_WAIT_MS = 8_000;

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
  const responder = createResponder({ api });

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

  const inFlight = new Set<Promise<void>>();
  const queued: (() => Promise<void>)[] = [];
  let draining = false;
  let accepting = true;
  let events = 0;
  /**
   * Background work starts one job per event-loop turn: a job's synchronous part (retrieval, SQLite)
   * runs as one microtask burst, so starting a burst of 50 at once would hold every acknowledgement
   * behind all of them. Between two starts, Node reads the pending requests and answers them.
   */
  const drain = () => {
    const work = queued.shift();
    if (!work) {
      draining = false;
      return;
    }
    const p = work().finally(() => inFlight.delete(p));
    inFlight.add(p);
    setImmediate(drain);
  };
  const track = (work: () => Promise<void>) => {
    events += 1;
    queued.push(work);
    if (!draining) {
      draining = true;
      setImmediate(drain);
    }
  };
  const settled = async () => {
    while (queued.length > 0 || inFlight.size > 0) {
      await Promise.allSettled([...inFlight]);
      if (queued.length > 0) await new Promise((r) => setImmediate(r));
    }
  };

  const handlers = createHandlers({
    engine,
    api,
    responder,
    logger,
    botOpenId: getBotOpenId,
    track,
    now,
    maxEventAgeMs: deps.maxEventAgeMs ?? 10 * 60_000,
  });
  const resumeMessage = createResumer({ engine, responder, logger });
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
      onPayload: (payload) => {
        if (isLegacyCardCallback(payload)) {
          handlers['card.action.trigger'](payload); // legacy card callback: no event type to dispatch on
          return;
        }
        dispatcher.invoke(payload, { needCheck: false }).catch((err: unknown) => {
          logger.error({ event: 'feishu_dispatch_failed', ...describeError(err) }, 'event dispatch failed');
        });
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
    async stop() {
      accepting = false;
      ws?.close({ force: false });
      ws = undefined;
      const pending = settled();
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([pending, new Promise((r) => (timer = setTimeout(r, STOP_WAIT_MS)))]);
      clearTimeout(timer);
    },
    resume(msg) {
      track(() =>
        resumeMessage(msg).catch((err) => {
          logger.error({ event: 'feishu_resume_failed', ...describeError(err) }, 'taken-over message failed');
        }),
      );
    },
    async post(chat, reply) {
      await responder.post(
        reply,
        { kind: 'chat', receiveIdType: 'chat_id', receiveId: chat.chatId },
        reply.ref,
      );
    },
    health() {
      return {
        mode: settings.mode,
        connection: settings.mode === 'ws' ? (ws?.getConnectionStatus?.().state ?? 'stopped') : 'http',
        botKnown: Boolean(botOpenId),
        inFlight: inFlight.size + queued.length,
        events,
      };
    },
  };
}
