/**
 * Drives the real Slack adapter over real HTTP: real services and engine, a temp SQLite store, the
 * adapter in HTTP mode mounted on the shared HTTP server on 127.0.0.1:0, the fake Slack Web API and
 * (for `llm: 'up' | 'down'`) the fake OpenAI server. Requests are signed like Slack signs them.
 */
import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHttpServer, type HttpServer } from '../src/adapters/http/server.ts';
import type { PlatformAdapter } from '../src/adapters/platform.ts';
import { createSlackAdapter } from '../src/adapters/slack/index.ts';
import { createEngine, createServices } from '../src/app.ts';
import { type Config, loadConfig } from '../src/config.ts';
import { openSqliteStore } from '../src/core/store/sqlite-store.ts';
import type { Store } from '../src/core/store/types.ts';
import { createTipScheduler, type TipScheduler } from '../src/core/tips/scheduler.ts';
import type { AdapterHarness, Delivered, HarnessOptions, SentMessage } from './adapter-scenarios.ts';
import { type FakeOpenAI, startFakeOpenAI } from './fakes/fake-openai.ts';
import { type FakeSlack, startFakeSlack } from './fakes/fake-slack.ts';
import { blockActionPayload, buttonsOf, flatten, hasAction, toSent } from './slack-payloads.ts';
import { memoryLogger } from './support/memory-logger.ts';

export { blockActionPayload, buttonsOf, flatten, hasAction };

/** The signing secret of the harness's app (fake). */
export const SIGNING_SECRET = 'fake-signing-secret';
/** The default LLM answer in `llm: 'up'` mode: it cites two sources. */
export const LLM_ANSWER = 'Trust comes from proof, not adjectives [1]. Bring numbers the CFO can check [2].';

/** Extra options of the Slack harness. */
export interface SlackHarnessOptions extends HarnessOptions {
  updateIntervalMs?: number;
  /** Log level of the captured logs (default `debug`; the bench uses `warn`). */
  logLevel?: string;
  /** Flood limits (default: off, tests send many messages from one user). */
  limits?: Config['limits'];
  /** Model slots (default 4). */
  maxConcurrentLlm?: number;
  /** `COACH_DELIVERY_RETRY_MS` of the adapter (default 0: four attempts, then the notice). */
  deliveryRetryMs?: number;
  /** More settings, as environment variables (they win over the harness's). */
  env?: Record<string, string>;
}

/** The shared harness plus Slack-specific handles for Slack-only tests. */
export interface SlackHarness extends AdapterHarness {
  slack: FakeSlack;
  openai?: FakeOpenAI;
  adapter: PlatformAdapter;
  store: Store;
  scheduler: TipScheduler;
  /** Parsed log lines. */
  logs(): Array<Record<string, unknown>>;
  /** The URL of `POST /slack/events`. */
  eventsUrl: string;
  /** Posts a raw body, signed (or with the given secret/timestamp), to /slack/events. */
  post(
    raw: string,
    opts?: { contentType?: string; secret?: string; timestamp?: number; headers?: Record<string, string> },
  ): Promise<{ status: number; text: string; ms: number }>;
  /** Posts an Events API envelope around `event`. */
  event(
    event: Record<string, unknown>,
    envelope?: Record<string, unknown>,
  ): Promise<Delivered & { status: number }>;
  /** Posts an interactivity payload (`payload=` form field). */
  interact(payload: Record<string, unknown>): Promise<{ status: number; text: string }>;
  /** Posts a `/coach` command; returns the trigger id used. */
  slash(
    text: string,
    opts?: { chatId?: string; userId?: string },
  ): Promise<{ status: number; triggerId: string }>;
  /** The next unique Slack-style `ts`. */
  nextTs(): string;
  /** Server-side time of each /slack/events request, from its arrival to the end of the response (ms). */
  serverTimes: number[];
}

/** Starts a harness. */
export async function startSlackHarness(opts: SlackHarnessOptions): Promise<SlackHarness> {
  const dir = mkdtempSync(join(tmpdir(), 'coach-slack-'));
  const memory = memoryLogger(opts.logLevel ?? 'debug');
  const { logger } = memory;
  const slack = await startFakeSlack();
  const openai = opts.llm === 'none' ? undefined : await startFakeOpenAI();
  if (opts.llm === 'up') openai?.setDefaultReply(LLM_ANSWER);
  if (opts.llm === 'down') openai?.failTimes(200, 500);
  // The same settings a deployment reads, from the environment a test gives.
  const limits = opts.limits ?? { userPerMinute: 0, chatPerMinute: 0, userQueue: 1_000 };
  const config: Config = loadConfig({
    KNOWLEDGE_DIR: 'knowledge',
    LOG_LEVEL: 'debug',
    ...(openai
      ? {
          OPENAI_API_KEY: 'sk-fake-test',
          OPENAI_BASE_URL: openai.url,
          COACH_MODEL: 'fake-model',
          LLM_TIMEOUT_MS: '5000',
          LLM_MAX_RETRIES: '0',
          LLM_RERANK: 'off',
        }
      : {}),
    COACH_DB_PATH: join(dir, 'coach.db'),
    COACH_TIMEZONE: 'UTC',
    COACH_MAX_CONCURRENT_LLM: String(opts.maxConcurrentLlm ?? 4),
    COACH_USER_MESSAGES_PER_MINUTE: String(limits.userPerMinute),
    COACH_CHAT_MESSAGES_PER_MINUTE: String(limits.chatPerMinute),
    COACH_USER_QUEUE: String(limits.userQueue),
    COACH_SHUTDOWN_GRACE_MS: '5000',
    PORT: '0',
    SLACK_BOT_TOKEN: 'xoxb-fake-test',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: slack.apiUrl,
    ...opts.env,
  });
  const services = createServices(config, logger);
  const opened = openSqliteStore(config.dbPath);
  const store = opts.wrapStore ? opts.wrapStore(opened) : opened;
  const engine = createEngine(services, store, opts.now ? { now: opts.now } : {});
  const adapter = createSlackAdapter({
    settings: config.slack ?? { botToken: 'xoxb-fake-test' },
    engine,
    logger,
    options: { updateIntervalMs: opts.updateIntervalMs ?? 1_000, retryBaseMs: 20 },
    // Four attempts, then the notice: outage tests set a window of their own.
    deliveryRetryMs: opts.deliveryRetryMs ?? 0,
  });
  const http: HttpServer = createHttpServer({
    routes: adapter.routes,
    logger,
    health: async () => ({ ok: true, slack: adapter.health() }),
  });
  const serverTimes: number[] = [];
  http.server.prependListener('request', (_req, res) => {
    const started = performance.now();
    res.once('finish', () => serverTimes.push(performance.now() - started));
  });
  const port = await http.listen(0, '127.0.0.1');
  await adapter.start();
  const scheduler = createTipScheduler({
    store,
    kb: services.kb,
    logger,
    posters: { slack: adapter.post },
    retryBaseMs: 1,
    ...(opts.now ? { now: opts.now } : {}),
  });
  const url = `http://127.0.0.1:${port}/slack/events`;
  let n = 0;
  const nextTs = () => {
    n += 1;
    return `${1_800_000_000 + n}.${String(n).padStart(6, '0')}`;
  };
  const channels = new Set<string>();

  const post: SlackHarness['post'] = async (raw, o = {}) => {
    const timestamp = o.timestamp ?? Math.floor(Date.now() / 1000);
    const signature = `v0=${createHmac('sha256', o.secret ?? SIGNING_SECRET)
      .update(`v0:${timestamp}:${raw}`)
      .digest('hex')}`;
    const started = performance.now();
    const res = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': o.contentType ?? 'application/json',
        'x-slack-signature': signature,
        'x-slack-request-timestamp': String(timestamp),
        ...o.headers,
      },
      body: raw,
    });
    const text = await res.text();
    return { status: res.status, text, ms: performance.now() - started };
  };

  const envelopeOf = (event: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
    token: 'fake-verification-token',
    team_id: 'T1',
    api_app_id: 'A1',
    type: 'event_callback',
    event_id: `Ev${nextTs().replace('.', '')}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: 'T1', user_id: 'UCOACH', is_bot: true }],
    event,
    ...extra,
  });

  const event: SlackHarness['event'] = async (ev, extra) => {
    const envelope = envelopeOf(ev, extra);
    if (typeof ev.channel === 'string') channels.add(ev.channel);
    const { status } = await post(JSON.stringify(envelope));
    return {
      status,
      chatId: String(ev.channel ?? ''),
      messageId: String(ev.ts ?? ''),
      eventId: String(envelope.event_id ?? ''),
      raw: envelope,
    };
  };

  const interact: SlackHarness['interact'] = async (payload) => {
    const res = await post(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), {
      contentType: 'application/x-www-form-urlencoded',
    });
    return { status: res.status, text: res.text };
  };

  const slash: SlackHarness['slash'] = async (text, o = {}) => {
    const channel = o.chatId ?? 'C_GENERAL';
    channels.add(channel);
    const triggerId = `trig-${nextTs()}`;
    const form = new URLSearchParams({
      token: 'fake-verification-token',
      team_id: 'T1',
      team_domain: 'test',
      channel_id: channel,
      channel_name: 'general',
      user_id: o.userId ?? 'U1',
      user_name: 'ana',
      command: '/coach',
      text,
      api_app_id: 'A1',
      response_url: `${slack.responseUrlBase}${channel}/${triggerId}`,
      trigger_id: triggerId,
    });
    const res = await post(form.toString(), { contentType: 'application/x-www-form-urlencoded' });
    return { status: res.status, triggerId };
  };

  const mention = async (text: string, o: { chatId?: string; userId?: string } = {}) => {
    const ts = nextTs();
    return event({
      type: 'app_mention',
      user: o.userId ?? 'U1',
      text: `<@UCOACH> ${text}`,
      ts,
      event_ts: ts,
      channel: o.chatId ?? 'C_GENERAL',
      client_msg_id: `cm-${ts}`,
    });
  };

  /** Waits until `count` messages are visible and no work is in flight (or, without count, for quiet). */
  const sent = async (count?: number): Promise<SentMessage[]> => {
    const deadline = Date.now() + 15_000;
    let seen = -1;
    let stableSince = Date.now();
    for (;;) {
      const msgs = slack.messages();
      const idle = adapter.health().inFlight === 0;
      if (slack.calls.length !== seen) {
        seen = slack.calls.length;
        stableSince = Date.now();
      }
      const quietFor = Date.now() - stableSince;
      if (count !== undefined && msgs.length >= count && idle && quietFor >= 20) return msgs.map(toSent);
      if (count === undefined && idle && quietFor >= 200) return msgs.map(toSent);
      if (Date.now() > deadline) return msgs.map(toSent);
      await new Promise((r) => setTimeout(r, 10));
    }
  };

  const harness: SlackHarness = {
    slack,
    ...(openai ? { openai } : {}),
    adapter,
    store,
    scheduler,
    eventsUrl: url,
    logs: memory.lines,
    violations: () => slack.violations,
    post,
    event,
    interact,
    slash,
    nextTs,
    serverTimes,
    mention,
    dm: (text, o = {}) => {
      const ts = nextTs();
      return event({
        type: 'message',
        channel: `D_${o.userId ?? 'U1'}`,
        channel_type: 'im',
        user: o.userId ?? 'U1',
        text,
        ts,
        event_ts: ts,
        client_msg_id: `cm-${ts}`,
      });
    },
    groupMessage: (text, o = {}) => {
      const ts = nextTs();
      return event({
        type: 'message',
        channel: o.threadOf?.chatId ?? o.chatId ?? 'C_GENERAL',
        channel_type: 'channel',
        user: 'U2',
        text,
        ts,
        event_ts: ts,
        ...(o.threadOf ? { thread_ts: o.threadOf.messageId } : {}),
      });
    },
    botMessage: async (text, o = {}) => {
      const ts = nextTs();
      const ev = {
        channel: o.chatId ?? 'C_GENERAL',
        channel_type: 'channel',
        user: 'UCOACH',
        bot_id: 'BCOACH',
        bot_profile: { id: 'BCOACH', name: 'Coach' },
        text: `<@UCOACH> ${text}`,
        ts,
        event_ts: ts,
      };
      await event({ type: 'app_mention', ...ev, user: 'UOTHERBOT', bot_id: 'BOTHER' });
      return event({ type: 'message', ...ev });
    },
    command: async (text, o) => {
      await slash(text, o);
    },
    redeliver: async (d) => {
      await post(JSON.stringify(d.raw), {
        headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' },
      });
    },
    badSignature: async (text) => {
      const ts = nextTs();
      const envelope = envelopeOf({
        type: 'app_mention',
        user: 'U1',
        text: `<@UCOACH> ${text}`,
        ts,
        channel: 'C_GENERAL',
      });
      return (await post(JSON.stringify(envelope), { secret: 'not-the-secret' })).status;
    },
    clickThumbsUp: async (userId = 'U1') => {
      const target = [...slack.messages()].reverse().find((m) => hasAction(m, 'coach_feedback_up'));
      if (!target) throw new Error('no message with a 👍 button');
      await interact(blockActionPayload(target, 'coach_feedback_up', userId, slack.responseUrlBase));
    },
    sent,
    feedback: async () => {
      const all = [];
      for (const chatId of new Set([
        ...channels,
        ...slack.messages().flatMap((m) => (m.channel ? [m.channel] : [])),
      ])) {
        all.push(...(await store.feedback({ platform: 'slack', workspace: 'T1', chatId }, 100)));
      }
      return all.map((f) => ({ value: f.value, kind: f.about.kind }));
    },
    tick: async (at) => {
      await scheduler.tick(at);
    },
    close: async () => {
      await adapter.stop(config.shutdownGraceMs);
      await http.close();
      await store.close();
      await slack.close();
      await openai?.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return harness;
}
