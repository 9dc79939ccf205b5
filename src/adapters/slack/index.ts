import { App, HTTPReceiver, SocketModeReceiver, webApi } from '@slack/bolt';
import { ackInProgress } from '../../core/async.ts';
import type { ChatEngine } from '../../core/chat/engine.ts';
import { CoachError } from '../../core/errors.ts';
import type { Logger } from '../../core/logger.ts';
import { createBackgroundWork } from '../delivery/background.ts';
import { createDeliveryStats } from '../delivery/deliver.ts';
import { createPacer } from '../delivery/pacer.ts';
import { freshTimestamp, readBody } from '../http/body.ts';
import type { PlatformAdapter, RequestListener } from '../platform.ts';
import { acceptBeforeAck, createAcceptedEvents } from './accept.ts';
import { registerActions } from './actions.ts';
import { registerAssistant } from './assistant.ts';
import { boltLogger } from './bolt-logger.ts';
import { registerCommand } from './commands.ts';
import { createShareStore } from './ephemeral.ts';
import { registerMessageEvents } from './messages.ts';
import { registerReviewModal } from './modal.ts';
import { resumeMessage } from './resume.ts';
import type { SlackRuntime } from './runtime.ts';
import { createTipPoster } from './tips.ts';
import { describeSlackError } from './web-errors.ts';

/** Slack settings (from `SLACK_*`, see config.ts). */
export interface SlackSettings {
  /** `SLACK_BOT_TOKEN` (xoxb-…). */
  botToken: string;
  /** `SLACK_SIGNING_SECRET`: required in HTTP mode (no app token). */
  signingSecret?: string;
  /** `SLACK_APP_TOKEN` (xapp-…): set → Socket Mode, no public URL needed. */
  appToken?: string;
  /** Web API base URL. `SLACK_API_URL`, default Slack's (`https://slack.com/api/`). */
  apiUrl?: string;
}

/** Dependencies of the Slack adapter. */
export interface SlackAdapterDeps {
  settings: SlackSettings;
  engine: ChatEngine;
  logger: Logger;
  /** Tuning, for tests. */
  options?: {
    /** Least time between two updates of a streaming answer. Default 1000 ms (Slack's ~1 update/s). */
    updateIntervalMs?: number;
    /** First pause between attempts at a final reply (default 1000 ms). */
    retryBaseMs?: number;
  };
  /** How long a refused reply is retried (`COACH_DELIVERY_RETRY_MS`); default 10 minutes. */
  deliveryRetryMs?: number;
}

/** The HTTP path of Events API, slash commands and interactivity in HTTP mode. */
export const SLACK_EVENTS_PATH = '/slack/events';

/** Largest request accepted on `/slack/events` (Slack's own events are a few KB). */
const MAX_BODY_BYTES = 1_000_000;

/** Whether a body is a JSON object (what every Slack event, command and action is). */
function isJsonObject(raw: Buffer): boolean {
  try {
    const value: unknown = JSON.parse(raw.toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return false; // not JSON at all
  }
}

/**
 * Whether a `response_url` read back from a work lease may be called: Slack's own hosts over HTTPS, or
 * the host of the configured Web API (`SLACK_API_URL`, e.g. a test server). Nothing else, whatever the
 * database holds.
 */
export function trustedResponseUrl(url: string, apiUrl: string | undefined): boolean {
  try {
    const u = new URL(url);
    if (u.protocol === 'https:' && (u.hostname === 'slack.com' || u.hostname.endsWith('.slack.com')))
      return true;
    return apiUrl !== undefined && u.host === new URL(apiUrl).host;
  } catch {
    return false; // not a URL
  }
}

/** Slack's `chat.update` budget (Tier 3): about 50 a minute per workspace, shared by every stream. */
const UPDATES_PER_MINUTE = 50;

/**
 * Creates the Slack adapter. With `settings.appToken` (`SLACK_APP_TOKEN`) it runs in Socket Mode (no
 * public URL, no HTTP route); otherwise Bolt's HTTPReceiver (signature and 5-minute timestamp checks)
 * is mounted on the shared server at `POST /slack/events`. Web API calls go to `settings.apiUrl`
 * (`SLACK_API_URL`). Constructing it makes no network call; `start()` runs `auth.test` (and connects in
 * Socket Mode).
 */
export function createSlackAdapter(deps: SlackAdapterDeps): PlatformAdapter {
  const { settings, engine } = deps;
  const logger = deps.logger.child({ platform: 'slack' });
  const socketMode = Boolean(settings.appToken);
  if (!socketMode && !settings.signingSecret) {
    throw new CoachError(
      'config_invalid',
      'SLACK_SIGNING_SECRET is required in HTTP mode (no SLACK_APP_TOKEN)',
    );
  }
  const sdkLogger = boltLogger(logger);
  const clientOptions = {
    ...(settings.apiUrl ? { slackApiUrl: settings.apiUrl } : {}),
    // Rate limits (HTTP 429) wait for Retry-After and retry; other failures retry a few times, briefly.
    retryConfig: { retries: 3, factor: 2, minTimeout: 200, maxTimeout: 3_000, randomize: true },
  };
  const httpReceiver = socketMode
    ? undefined
    : new HTTPReceiver({
        signingSecret: settings.signingSecret ?? '',
        endpoints: SLACK_EVENTS_PATH,
        processBeforeResponse: false,
        logger: sdkLogger,
      });
  const receiver =
    httpReceiver ??
    new SocketModeReceiver({
      appToken: settings.appToken ?? '',
      logger: sdkLogger,
      ...(settings.apiUrl ? { clientOptions } : {}),
    });
  const app = new App({
    token: settings.botToken,
    receiver,
    logger: sdkLogger,
    clientOptions,
    convoStore: false,
    // auth.test runs in start(), not in the constructor (where a failure would be an unhandled rejection).
    deferInitialization: true,
  });
  app.error(async (err) => {
    logger.error({ event: 'slack_listener_failed', ...describeSlackError(err) }, 'Slack listener failed');
  });

  const work = createBackgroundWork(logger);
  const deliveryStats = createDeliveryStats();
  let botUserId: string | undefined;
  let ready = false;
  let lastError: string | undefined;
  const rt: SlackRuntime = {
    client: app.client,
    updateClient: new webApi.WebClient(settings.botToken, {
      ...(settings.apiUrl ? { slackApiUrl: settings.apiUrl } : {}),
      logger: sdkLogger,
      rejectRateLimitedCalls: true,
      retryConfig: { retries: 0 },
    }),
    engine,
    logger,
    shares: createShareStore(),
    botUserId: () => botUserId,
    pacer: createPacer({ perMinute: UPDATES_PER_MINUTE, burst: 5 }),
    delivery: {
      updateIntervalMs: deps.options?.updateIntervalMs ?? 1_000,
      ...(deps.options?.retryBaseMs !== undefined ? { retryBaseMs: deps.options.retryBaseMs } : {}),
      ...(deps.deliveryRetryMs !== undefined ? { retryWindowMs: deps.deliveryRetryMs } : {}),
      signal: work.signal,
      stats: deliveryStats,
    },
    background: (name, fields, fn) => work.run(name, fields, fn),
    accepted: createAcceptedEvents(),
    trustedResponseUrl: (url) => trustedResponseUrl(url, settings.apiUrl),
  };
  acceptBeforeAck(app, rt);

  registerMessageEvents(app, rt);
  registerCommand(app, rt);
  registerReviewModal(app, rt);
  registerActions(app, rt);
  registerAssistant(app, rt);

  let accepting = true;
  const routes: Record<string, RequestListener> = {};
  if (httpReceiver) {
    routes[SLACK_EVENTS_PATH] = async (req, res) => {
      // Counted until answered: the store's checkpoints wait for it (core/async.ts).
      res.once('close', ackInProgress());
      if (req.method !== 'POST') {
        res.writeHead(405, { allow: 'POST' }).end();
        return;
      }
      if (!ready || !accepting) {
        // Not started yet, or shutting down: Slack retries later.
        res.writeHead(503, { 'retry-after': '5' }).end();
        return;
      }
      // Bolt refuses timestamps older than five minutes, not newer ones: a replay window either way.
      if (!freshTimestamp(req.headers['x-slack-request-timestamp'], Date.now())) {
        logger.warn({ event: 'slack_request_rejected', reason: 'timestamp' }, 'stale or future timestamp');
        res.writeHead(401).end();
        return;
      }
      const raw = await readBody(req, res, MAX_BODY_BYTES);
      if (!raw) return;
      if (!/x-www-form-urlencoded/.test(String(req.headers['content-type'] ?? '')) && !isJsonObject(raw)) {
        // Bolt would fail on it and never answer (`null`, arrays, strings): bad input, said so at once.
        res
          .writeHead(400, { 'content-type': 'application/json' })
          .end('{"error":"body is not a JSON object"}');
        return;
      }
      // Bolt reads a body already buffered as `rawBody` (and checks its signature as usual).
      (req as typeof req & { rawBody?: Buffer }).rawBody = raw;
      httpReceiver.requestListener(req, res);
    };
  }

  return {
    platform: 'slack',
    routes,
    async start() {
      try {
        await app.init();
        const auth = await app.client.auth.test();
        botUserId = auth.user_id;
        if (socketMode) await app.start();
        ready = true;
        logger.info({ event: 'slack_started', mode: socketMode ? 'socket' : 'http', team: auth.team_id });
      } catch (err) {
        lastError = describeSlackError(err).code;
        throw new CoachError(
          'platform_error',
          `Slack did not accept the bot token or connection: ${lastError}`,
          {
            cause: err,
          },
        );
      }
    },
    async stop(graceMs) {
      accepting = false;
      work.close();
      if (!(await work.drain(graceMs))) {
        logger.warn({ event: 'slack_stop_timeout', inFlight: work.inFlight }, 'replies still in flight');
      }
      if (socketMode && ready) {
        await app
          .stop()
          .catch((err: unknown) => logger.warn({ event: 'slack_stop_failed', ...describeSlackError(err) }));
      }
      ready = false;
    },
    resume: (msg) => resumeMessage(rt, msg),
    post: createTipPoster(rt, (code) => {
      lastError = code;
    }),
    health: () => ({
      mode: socketMode ? 'socket' : 'http',
      ready,
      inFlight: work.inFlight,
      delivery: { ...deliveryStats },
      ...(lastError ? { lastError } : {}),
    }),
  };
}
