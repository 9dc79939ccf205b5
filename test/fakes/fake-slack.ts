/**
 * A small, real Slack Web API for tests: `POST /api/<method>` (form or JSON bodies) on 127.0.0.1, and
 * `POST /response/<id>` standing in for `response_url`s. It answers `auth.test` (bot user `UCOACH`, team
 * `T1`), records every call, returns `{ ok: true, ts }` with increasing `ts`, keeps the bot's messages
 * (with their `metadata`) for `conversations.replies` / `conversations.history`, and can be told to fail a
 * method (`not_in_channel`, `msg_too_long`, or `ratelimited` as HTTP 429 with Retry-After).
 *
 * ```ts
 * const slack = await startFakeSlack();
 * new App({ token: 'xoxb-fake-test', clientOptions: { slackApiUrl: slack.apiUrl }, ... });
 * slack.fail('chat.postMessage', 'not_in_channel');
 * // ... then: slack.messages() → what users see, newest version of each message
 * ```
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { blockIds, slackLimitViolations } from './slack-limits.ts';

/** One recorded call. */
export interface FakeSlackCall {
  /** `chat.postMessage`…, or `response_url` for a POST to a response URL. */
  method: string;
  /** The response URL's id (for `response_url` calls). */
  responseId?: string;
  body: Record<string, unknown>;
  ok: boolean;
  error?: string;
  /** `ts` given to a posted message. */
  ts?: string;
  /** `performance.now()` when the call arrived (for benchmarks). */
  at?: number;
}

/** A message as users see it: the newest version after `chat.update`s. */
export interface FakeSlackMessage {
  kind: 'message' | 'ephemeral' | 'response_url';
  channel?: string;
  threadTs?: string;
  ts?: string;
  user?: string;
  text: string;
  blocks: unknown[];
  updates: number;
}

/** The running fake. */
export interface FakeSlack {
  /** For `clientOptions.slackApiUrl`: `http://127.0.0.1:PORT/api/`. */
  readonly apiUrl: string;
  /** Base of response URLs: `${responseUrlBase}<id>`. */
  readonly responseUrlBase: string;
  readonly calls: FakeSlackCall[];
  /**
   * Makes the next `times` calls of `method` fail (default: every call until `clear`); with `channel`,
   * only calls to that channel.
   */
  fail(
    method: string,
    error: string,
    opts?: { times?: number; retryAfter?: number; channel?: string },
  ): FakeSlack;
  /** Stops failing. */
  clear(): FakeSlack;
  /**
   * Calls of `method` still take effect (recorded, visible to `conversations.*`), but are not answered
   * until `release()`: the caller looks stuck right after Slack accepted its post.
   */
  hold(method: string): FakeSlack;
  /** Answers every held call and stops holding. */
  release(): FakeSlack;
  /** Successful calls of one method. */
  callsOf(method: string): FakeSlackCall[];
  /** Messages users see (posts, ephemerals and response_url replies), in order, newest versions. */
  messages(): FakeSlackMessage[];
  /** Requests that broke one of Slack's documented limits (see slack-limits.ts), as readable lines. */
  readonly violations: string[];
  close(): Promise<void>;
}

/** Starts the fake on 127.0.0.1 with a free port. */
export async function startFakeSlack(): Promise<FakeSlack> {
  const calls: FakeSlackCall[] = [];
  const failures: Array<{
    method: string;
    error: string;
    times: number;
    retryAfter?: number;
    channel?: string;
  }> = [];
  /** The bot's messages, newest version, for `conversations.replies` / `conversations.history`. */
  const stored: Array<{ channel: string; ts: string; thread_ts?: string; text: string; metadata?: unknown }> =
    [];
  const held = new Set<string>();
  const violations: string[] = [];
  /** The block ids of each posted message's current version (`channel:ts`), to catch re-sent ids. */
  const currentBlockIds = new Map<string, string[]>();
  const parked: (() => void)[] = [];
  let counter = 0;
  const nextTs = () => {
    counter += 1;
    return `${1_700_000_000 + counter}.${String(counter).padStart(6, '0')}`;
  };

  const server = createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on('data', (p: Buffer) => parts.push(p));
    req.on('end', () => {
      const at = performance.now();
      const raw = Buffer.concat(parts).toString('utf8');
      const body = parseBody(raw, String(req.headers['content-type'] ?? ''));
      const path = (req.url ?? '/').split('?')[0] ?? '/';
      const send = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
        res.writeHead(status, { 'content-type': 'application/json', ...headers });
        res.end(JSON.stringify(payload));
      };
      const methodName = path.startsWith('/response/') ? 'response_url' : path.replace(/^\/api\//, '');
      const key = `${String(body.channel)}:${String(body.ts)}`;
      violations.push(...slackLimitViolations(methodName, body, currentBlockIds.get(key)));
      if (methodName === 'chat.update' && Array.isArray(body.blocks)) {
        currentBlockIds.set(key, blockIds(body.blocks as Record<string, unknown>[]));
      }
      if (path.startsWith('/response/')) {
        calls.push({
          method: 'response_url',
          responseId: path.slice('/response/'.length),
          body,
          ok: true,
          at,
        });
        send(200, { ok: true });
        return;
      }
      const method = path.replace(/^\/api\//, '');
      const failure = failures.find(
        (f) => f.method === method && f.times > 0 && (f.channel === undefined || f.channel === body.channel),
      );
      if (failure) {
        failure.times -= 1;
        calls.push({ method, body, ok: false, error: failure.error, at });
        if (failure.error === 'ratelimited') {
          send(429, { ok: false, error: 'ratelimited' }, { 'retry-after': String(failure.retryAfter ?? 1) });
        } else if (/^http_\d{3}$/.test(failure.error)) {
          // An outage: the HTTP status itself (`http_500`, `http_503`).
          send(Number(failure.error.slice(5)), { ok: false, error: 'fatal_error' });
        } else send(200, { ok: false, error: failure.error });
        return;
      }
      const call: FakeSlackCall = { method, body, ok: true, at };
      calls.push(call);
      // A held method is applied and recorded, but its caller waits for the answer until `release()`.
      const respond: typeof send = (...args) => {
        if (held.has(method)) parked.push(() => send(...args));
        else send(...args);
      };
      switch (method) {
        case 'auth.test':
          respond(200, {
            ok: true,
            user_id: 'UCOACH',
            bot_id: 'BCOACH',
            team_id: 'T1',
            team: 'Test',
            user: 'coach',
          });
          return;
        case 'chat.postMessage':
          call.ts = nextTs();
          if (Array.isArray(body.blocks)) {
            currentBlockIds.set(
              `${String(body.channel)}:${call.ts}`,
              blockIds(body.blocks as Record<string, unknown>[]),
            );
          }
          stored.push({
            channel: String(body.channel),
            ts: call.ts,
            ...(typeof body.thread_ts === 'string' ? { thread_ts: body.thread_ts } : {}),
            text: String(body.text ?? ''),
            ...(body.metadata ? { metadata: body.metadata } : {}),
          });
          respond(200, {
            ok: true,
            channel: body.channel,
            ts: call.ts,
            message: { text: body.text, ts: call.ts },
          });
          return;
        case 'chat.update': {
          const m = stored.find((x) => x.channel === body.channel && x.ts === body.ts);
          if (m) {
            m.text = String(body.text ?? '');
            if (body.metadata) m.metadata = body.metadata;
          }
          respond(200, { ok: true, channel: body.channel, ts: body.ts, text: body.text });
          return;
        }
        case 'conversations.replies':
        case 'conversations.history': {
          const all = String(body.include_all_metadata) === 'true';
          const messages = stored
            .filter((m) => m.channel === body.channel)
            .filter((m) =>
              method === 'conversations.replies'
                ? m.ts === body.ts || m.thread_ts === body.ts
                : !m.thread_ts && (!body.oldest || Number(m.ts) > Number(body.oldest)),
            )
            .map(({ metadata, ...m }) => ({
              type: 'message',
              bot_id: 'BCOACH',
              ...m,
              ...(all && metadata ? { metadata } : {}),
            }));
          respond(200, { ok: true, messages, has_more: false });
          return;
        }
        case 'chat.postEphemeral':
          call.ts = nextTs();
          respond(200, { ok: true, message_ts: call.ts });
          return;
        case 'views.open':
        case 'views.update':
          respond(200, { ok: true, view: { id: `V${calls.length}`, ...(body.view as object) } });
          return;
        default:
          respond(200, { ok: true });
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const fake: FakeSlack = {
    apiUrl: `http://127.0.0.1:${port}/api/`,
    responseUrlBase: `http://127.0.0.1:${port}/response/`,
    calls,
    fail(method, error, opts = {}) {
      failures.push({ method, error, times: opts.times ?? Number.POSITIVE_INFINITY, ...opts });
      return fake;
    },
    clear() {
      failures.length = 0;
      return fake;
    },
    hold(method) {
      held.add(method);
      return fake;
    },
    release() {
      held.clear();
      for (const answer of parked.splice(0)) answer();
      return fake;
    },
    callsOf: (method) => calls.filter((c) => c.ok && c.method === method),
    violations,
    messages() {
      const out: FakeSlackMessage[] = [];
      for (const c of calls) {
        if (!c.ok) continue;
        const text = String(c.body.text ?? '');
        const blocks = Array.isArray(c.body.blocks) ? c.body.blocks : [];
        const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
        if (c.method === 'chat.postMessage') {
          out.push({
            kind: 'message',
            channel: str(c.body.channel),
            threadTs: str(c.body.thread_ts),
            ts: c.ts,
            text,
            blocks,
            updates: 0,
          });
        } else if (c.method === 'chat.update') {
          const m = out.find((x) => x.kind === 'message' && x.ts === c.body.ts);
          if (m)
            Object.assign(m, {
              text,
              blocks: Array.isArray(c.body.blocks) ? blocks : [],
              updates: m.updates + 1,
            });
        } else if (c.method === 'chat.postEphemeral') {
          out.push({
            kind: 'ephemeral',
            channel: str(c.body.channel),
            user: str(c.body.user),
            threadTs: str(c.body.thread_ts),
            ts: c.ts,
            text,
            blocks,
            updates: 0,
          });
        } else if (c.method === 'response_url' && !c.body.delete_original) {
          out.push({ kind: 'response_url', channel: c.responseId?.split('/')[0], text, blocks, updates: 0 });
        }
      }
      return out;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
  return fake;
}

function parseBody(raw: string, contentType: string): Record<string, unknown> {
  if (contentType.includes('application/json')) {
    try {
      const v: unknown = JSON.parse(raw);
      return typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {};
    } catch {
      return {}; // recorded as an empty body; the test sees it
    }
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    out[k] = /^[[{]/.test(v) ? safeJson(v) : v;
  }
  return out;
}

function safeJson(v: string): unknown {
  try {
    return JSON.parse(v);
  } catch {
    return v; // a value that merely starts with a bracket
  }
}
