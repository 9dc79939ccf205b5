/**
 * Drives the Feishu adapter as Feishu does: real services and SQLite store, the adapter in HTTP mode on
 * the shared HTTP server (127.0.0.1:0), encrypted and signed event requests, and a fake open platform
 * (test/fakes/fake-feishu.ts) recording what the bot sends. Implements the shared `AdapterHarness`, plus
 * Feishu-only helpers for the adapter's own tests.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFeishuAdapter } from '../src/adapters/feishu/index.ts';
import { createHttpServer } from '../src/adapters/http/server.ts';
import type { PlatformAdapter } from '../src/adapters/platform.ts';
import { createEngine, createServices } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import type { ChatEngine } from '../src/core/chat/engine.ts';
import type { Store } from '../src/core/store/index.ts';
import { openSqliteStore } from '../src/core/store/index.ts';
import { createTipScheduler } from '../src/core/tips/scheduler.ts';
import type { AdapterHarness, Delivered, HarnessOptions, SentMessage } from './adapter-scenarios.ts';
import { type FakeFeishu, startFakeFeishu } from './fakes/fake-feishu.ts';
import { type FakeOpenAI, startFakeOpenAI } from './fakes/fake-openai.ts';
import {
  cardButton,
  encryptText,
  eventEnvelope,
  feishuRequest,
  flatten,
  type MessageSpec,
  messageEventPayload,
  type RawDelivery,
  TENANT,
  VERIFICATION_TOKEN,
} from './feishu-payloads.ts';
import { memoryLogger } from './support/memory-logger.ts';

export { cardButton, encryptText, flatten, type MessageSpec, type RawDelivery, VERIFICATION_TOKEN };

export const ENCRYPT_KEY = 'fake-encrypt-key';

/** Options of the Feishu harness, beyond the shared ones. */
export interface FeishuHarnessOptions extends HarnessOptions {
  /** `null`: no encrypt key (plain bodies checked by the verification token only). */
  encryptKey?: string | null;
  /** Streaming patches interval etc. are the adapter's defaults; retries are made fast. */
  retryBaseMs?: number;
  /** `COACH_DELIVERY_RETRY_MS` of the adapter (default 0: four attempts, then the notice). */
  deliveryRetryMs?: number;
  /** Log level (default `debug`, every line kept in `logs`). */
  logLevel?: string;
  /** Scripts the fake LLM before the harness starts (e.g. slow chunks). */
  scriptLlm?: (llm: FakeOpenAI) => void;
}

/** The shared harness plus what the Feishu tests need. */
export interface FeishuHarness extends AdapterHarness {
  fake: FakeFeishu;
  adapter: PlatformAdapter;
  engine: ChatEngine;
  store: Store;
  llm: FakeOpenAI;
  /** The URL of `POST /feishu/events`. */
  eventsUrl: string;
  /** Parsed log lines. */
  logs: Record<string, unknown>[];
  /** A 2.0 envelope around an event. */
  envelope(eventType: string, event: object, opts?: { eventId?: string; createTime?: number }): object;
  messageEvent(spec: MessageSpec): { payload: object; messageId: string; eventId: string };
  /** Builds the request Feishu would send for `payload` (encrypted and signed with the harness's key). */
  request(
    payload: object,
    opts?: { signKey?: string; encrypt?: boolean; sign?: boolean; timestamp?: number },
  ): RawDelivery;
  /** POSTs a raw request to /feishu/events; returns status and body. */
  post(
    raw: RawDelivery | { body: string; headers?: Record<string, string> },
  ): Promise<{ status: number; body: string }>;
  /** Sends a payload as Feishu would. */
  send(payload: object): Promise<{ status: number; body: string }>;
  /** Waits until the adapter has no work in flight and the fake saw no new call for a short while. */
  idle(): Promise<void>;
}

/** Starts the harness. */
export async function startFeishuHarness(opts: FeishuHarnessOptions): Promise<FeishuHarness> {
  const encryptKey = opts.encryptKey === undefined ? ENCRYPT_KEY : (opts.encryptKey ?? undefined);
  const fake = await startFakeFeishu();
  const llm = await startFakeOpenAI();
  if (opts.llm === 'down') llm.failTimes(200, 500);
  llm.setDefaultReply(
    'A CFO trusts proof, not promises [1]. Show the result in numbers and who else got it [2].',
  );
  opts.scriptLlm?.(llm);
  const dir = mkdtempSync(join(tmpdir(), 'coach-feishu-'));
  const memory = memoryLogger(opts.logLevel ?? 'debug');
  const logs = memory.lines();
  const { logger } = memory;
  const config = loadConfig({
    KNOWLEDGE_DIR: 'knowledge',
    COACH_DB_PATH: join(dir, 'coach.db'),
    ...(opts.llm === 'none'
      ? {}
      : { OPENAI_API_KEY: 'sk-fake', OPENAI_BASE_URL: llm.url, LLM_RERANK: 'off' }),
    LLM_MAX_RETRIES: '0',
    // Tests send many messages from one user: the flood limits have tests of their own.
    COACH_USER_MESSAGES_PER_MINUTE: '0',
    COACH_CHAT_MESSAGES_PER_MINUTE: '0',
    COACH_USER_QUEUE: '1000',
    LLM_TIMEOUT_MS: '5000',
    COACH_TIMEZONE: 'UTC',
    FEISHU_APP_ID: 'cli_fake_app',
    FEISHU_APP_SECRET: 'fake-secret',
    FEISHU_DOMAIN: fake.url,
    FEISHU_MODE: 'http',
    FEISHU_ENCRYPT_KEY: encryptKey,
    FEISHU_VERIFICATION_TOKEN: VERIFICATION_TOKEN,
  });
  const services = createServices(config, logger);
  const opened = openSqliteStore(config.dbPath);
  const store = opts.wrapStore ? opts.wrapStore(opened) : opened;
  const engine = createEngine(services, store, opts.now ? { now: opts.now } : {});
  const feishu = config.feishu;
  if (!feishu) throw new Error('Feishu settings missing');
  const adapter = createFeishuAdapter({
    settings: feishu,
    engine,
    logger,
    retryBaseMs: opts.retryBaseMs ?? 5,
    // Four attempts, then the notice: outage tests set a window of their own.
    deliveryRetryMs: opts.deliveryRetryMs ?? 0,
  });
  const scheduler = createTipScheduler({
    store,
    kb: services.kb,
    logger,
    posters: { feishu: adapter.post },
    now: opts.now,
    retryBaseMs: 1,
  });
  const http = createHttpServer({ routes: adapter.routes, health: async () => ({ ok: true }), logger });
  const port = await http.listen(0, '127.0.0.1');
  const eventsUrl = `http://127.0.0.1:${port}/feishu/events`;
  await adapter.start();

  let seq = 0;
  const next = (prefix: string) => {
    seq += 1;
    return `${prefix}_${Date.now().toString(36)}_${seq}`;
  };
  /** Every message the harness delivered: its chat and thread root. */
  const userMessages = new Map<string, { chatId: string; root?: string }>();
  const chats = new Set<string>();

  function envelope(eventType: string, event: object, o: { eventId?: string; createTime?: number } = {}) {
    return eventEnvelope(eventType, event, { eventId: o.eventId ?? next('ev'), createTime: o.createTime });
  }

  function messageEvent(spec: MessageSpec) {
    const messageId = spec.messageId ?? next('om_user');
    const eventId = spec.eventId ?? next('ev');
    const payload = messageEventPayload(spec, { messageId, eventId, botOpenId: fake.botOpenId });
    userMessages.set(messageId, { chatId: spec.chatId, root: spec.rootId });
    chats.add(spec.chatId);
    return { payload, messageId, eventId };
  }

  function request(
    payload: object,
    o: { signKey?: string; encrypt?: boolean; sign?: boolean; timestamp?: number } = {},
  ) {
    return feishuRequest(payload, encryptKey, o);
  }

  async function post(raw: { body: string; headers?: Record<string, string> }) {
    const res = await fetch(eventsUrl, {
      method: 'POST',
      headers: raw.headers ?? { 'content-type': 'application/json' },
      body: raw.body,
    });
    return { status: res.status, body: await res.text() };
  }

  const send = (payload: object) => post(request(payload));

  async function deliver(spec: MessageSpec): Promise<Delivered> {
    const { payload, messageId, eventId } = messageEvent(spec);
    const raw = request(payload);
    const res = await post(raw);
    if (res.status !== 200) throw new Error(`delivery answered ${res.status}: ${res.body}`);
    return { chatId: spec.chatId, messageId, eventId, raw };
  }

  async function idle(): Promise<void> {
    let calls = -1;
    let quietSince = Date.now();
    for (;;) {
      const busy = Number(adapter.health().inFlight) > 0;
      if (busy || fake.calls.length !== calls) {
        calls = fake.calls.length;
        quietSince = Date.now();
      } else if (Date.now() - quietSince >= 150) return;
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  function messages(): SentMessage[] {
    const out: SentMessage[] = [];
    const byId = new Map<string, SentMessage>();
    for (const c of fake.calls) {
      if (c.code !== 0 || !c.messageId) continue;
      if (c.op === 'im.message.create' || c.op === 'im.message.reply') {
        if (byId.has(c.messageId)) continue; // same uuid: Feishu sent nothing new
        let m: SentMessage;
        if (c.op === 'im.message.create') {
          m = { chatId: String(c.body.receive_id), text: flatten(c.body) };
        } else {
          const target = c.target ?? '';
          const known = userMessages.get(target);
          const chatId = known?.chatId ?? 'unknown';
          m = {
            chatId,
            ...(c.body.reply_in_thread ? { threadId: known?.root ?? target } : {}),
            text: flatten(c.body),
          };
        }
        userMessages.set(c.messageId, { chatId: m.chatId, root: m.threadId });
        byId.set(c.messageId, m);
        out.push(m);
      } else if (c.op === 'im.message.patch') {
        const m = byId.get(c.messageId);
        if (m) m.text = flatten({ msg_type: 'interactive', content: c.body.content });
      }
    }
    return out;
  }

  async function sent(count?: number): Promise<SentMessage[]> {
    if (count === undefined) {
      await idle();
      return messages();
    }
    const deadline = Date.now() + 15_000;
    while (messages().length < count && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    await idle();
    return messages();
  }

  return {
    violations: () => fake.violations,
    fake,
    adapter,
    engine,
    store,
    llm,
    logs,
    eventsUrl,
    envelope,
    messageEvent,
    request,
    post,
    send,
    idle,
    sent,
    mention: (text, o = {}) =>
      deliver({
        chatId: o.chatId ?? 'oc_group',
        chatType: 'group',
        userId: o.userId,
        text,
        mentionBot: true,
      }),
    dm: (text, o = {}) =>
      deliver({ chatId: `oc_dm_${o.userId ?? 'ou_alice'}`, chatType: 'p2p', userId: o.userId, text }),
    groupMessage: (text, o = {}) =>
      deliver({
        chatId: o.chatId ?? 'oc_group',
        chatType: 'group',
        text,
        mentionBot: false,
        rootId: o.threadOf?.messageId,
      }),
    botMessage: (text, o = {}) =>
      deliver({
        chatId: o.chatId ?? 'oc_group',
        chatType: 'group',
        text,
        userId: fake.botOpenId,
        senderType: 'app',
      }),
    async command(text, o = {}) {
      if (o.chatId)
        await deliver({ chatId: o.chatId, chatType: 'group', userId: o.userId, text: `/${text}` });
      else
        await deliver({
          chatId: `oc_dm_${o.userId ?? 'ou_alice'}`,
          chatType: 'p2p',
          userId: o.userId,
          text: `/${text}`,
        });
    },
    async redeliver(d) {
      await post(d.raw as RawDelivery);
    },
    async badSignature(text) {
      const { payload } = messageEvent({ chatId: 'oc_dm_ou_mallory', chatType: 'p2p', text });
      const raw = encryptKey
        ? request(payload, { signKey: 'not-the-key' })
        : request({ ...payload, token: 'x' });
      return (await post(raw)).status;
    },
    async clickThumbsUp(userId = 'ou_alice') {
      await idle();
      const target = [...fake.calls].reverse().find((c) => c.messageId && cardButton(c.body, 'feedback_up'));
      if (!target?.messageId) throw new Error('no message with a 👍 button');
      const value = cardButton(target.body, 'feedback_up');
      messages(); // records the chat of every bot message
      const chatId = userMessages.get(target.messageId)?.chatId ?? 'unknown';
      const patches = () =>
        fake.calls.filter((c) => c.op === 'im.message.patch' && c.target === target.messageId).length;
      const before = patches();
      const res = await send(
        envelope('card.action.trigger', {
          operator: { tenant_key: TENANT, open_id: userId, union_id: 'on_x' },
          token: 'c-fake-card-token',
          action: { value, tag: 'button' },
          host: 'im_message',
          context: { open_message_id: target.messageId, open_chat_id: chatId },
        }),
      );
      if (res.status !== 200) throw new Error(`click answered ${res.status}`);
      const deadline = Date.now() + 10_000;
      while (patches() === before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
      await idle();
    },
    async feedback() {
      const all = await Promise.all(
        [...chats].map((chatId) => store.feedback({ platform: 'feishu', workspace: TENANT, chatId }, 100)),
      );
      return all.flat().map((f) => ({ value: f.value, kind: f.about.kind }));
    },
    async tick(at) {
      await scheduler.tick(at);
    },
    async close() {
      await adapter.stop(5_000);
      await http.close();
      await store.close();
      await fake.close();
      await llm.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
