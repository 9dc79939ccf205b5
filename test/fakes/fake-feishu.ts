/**
 * A small, real Feishu / Lark open-platform server for tests, on 127.0.0.1:0 (pass `url` as the
 * adapter's domain). It answers the tenant token, bot info, message create / reply / patch, records every
 * call, dedupes sends by `uuid` as Feishu does, and can be scripted to fail calls.
 *
 * ```ts
 * const fake = await startFakeFeishu();
 * fake.failNext('im.message.create', { code: 99991400, msg: 'request trigger frequency limit' });
 * // ... drive the adapter, then:
 * expect(fake.calls.filter((c) => c.op === 'im.message.create')).toHaveLength(2);
 * ```
 */
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The operations the fake knows. */
export type FeishuOp = 'token' | 'bot.info' | 'im.message.create' | 'im.message.reply' | 'im.message.patch';

/** One recorded call. */
export interface FeishuCall {
  op: FeishuOp | 'unknown';
  method: string;
  path: string;
  query: Record<string, string>;
  /** Parsed JSON body (`{}` when absent). */
  body: Record<string, unknown>;
  /** The message a reply or patch targets (`:message_id`). */
  target?: string;
  /** The message id the fake answered with (create / reply), or the patched id. */
  messageId?: string;
  /** The code the fake answered with. */
  code: number;
  authorization?: string;
  /** `performance.now()` when the request ended (for benchmarks). */
  at: number;
}

/** A scripted failure: a non-zero code (HTTP 200, as Feishu does), or an HTTP status. */
export interface FeishuFailure {
  code?: number;
  msg?: string;
  status?: number;
}

/** The running fake. */
export interface FakeFeishu {
  /** Base URL, e.g. `http://127.0.0.1:PORT`. */
  readonly url: string;
  readonly calls: FeishuCall[];
  /** The bot's open_id (`ou_coach`). */
  readonly botOpenId: string;
  /** Requests that broke one of Feishu's documented limits, as readable lines (the fake refuses them). */
  readonly violations: string[];
  /** The next call(s) of `op` fail with `failure` (queued, one per call). */
  failNext(op: FeishuOp, failure: FeishuFailure, times?: number): FakeFeishu;
  close(): Promise<void>;
}

/** Starts the fake. */
export async function startFakeFeishu(opts: { botOpenId?: string } = {}): Promise<FakeFeishu> {
  const botOpenId = opts.botOpenId ?? 'ou_coach';
  const calls: FeishuCall[] = [];
  const failures = new Map<FeishuOp, FeishuFailure[]>();
  const byUuid = new Map<string, string>();
  let counter = 0;
  const violations: string[] = [];

  const server = createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on('data', (p: Buffer) => parts.push(p));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://fake');
      const method = req.method ?? 'GET';
      const call: FeishuCall = {
        op: 'unknown',
        method,
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        body: parseJson(Buffer.concat(parts).toString('utf8')),
        code: 0,
        authorization: req.headers.authorization,
        at: performance.now(),
      };
      calls.push(call);
      const reply = /^\/open-apis\/im\/v1\/messages\/([^/]+)\/reply$/.exec(url.pathname);
      const patch = /^\/open-apis\/im\/v1\/messages\/([^/]+)$/.exec(url.pathname);
      if (method === 'POST' && url.pathname === '/open-apis/auth/v3/tenant_access_token/internal') {
        call.op = 'token';
      } else if (method === 'GET' && url.pathname === '/open-apis/bot/v3/info') {
        call.op = 'bot.info';
      } else if (method === 'POST' && url.pathname === '/open-apis/im/v1/messages') {
        call.op = 'im.message.create';
      } else if (method === 'POST' && reply) {
        call.op = 'im.message.reply';
        call.target = reply[1];
      } else if (method === 'PATCH' && patch) {
        call.op = 'im.message.patch';
        call.target = patch[1];
      } else {
        call.code = 404;
        send(res, 404, { code: 404, msg: `no route for ${method} ${url.pathname}` });
        return;
      }
      const op = call.op;
      const problem = limitProblem(op, call.body, Buffer.concat(parts).length);
      if (problem) {
        violations.push(`${op}: ${problem}`);
        call.code = problem.startsWith('body') ? 230025 : 230099;
        send(res, 200, { code: call.code, msg: problem });
        return;
      }
      const failure = failures.get(op)?.shift();
      if (failure) {
        call.code = failure.code ?? failure.status ?? 1;
        send(res, failure.status ?? 200, { code: failure.code ?? 1, msg: failure.msg ?? 'scripted failure' });
        return;
      }
      if (op === 'token') {
        send(res, 200, { code: 0, msg: 'ok', tenant_access_token: 't-fake-tenant-token', expire: 7200 });
        return;
      }
      if (op === 'bot.info') {
        send(res, 200, {
          code: 0,
          msg: 'ok',
          bot: { open_id: botOpenId, app_name: 'Coach', activate_status: 2 },
        });
        return;
      }
      if (op === 'im.message.patch') {
        call.messageId = call.target;
        send(res, 200, { code: 0, msg: 'success', data: {} });
        return;
      }
      const uuid = typeof call.body.uuid === 'string' ? call.body.uuid : undefined;
      const known = uuid ? byUuid.get(uuid) : undefined;
      counter += 1;
      const messageId = known ?? `om_fake_${counter}`;
      if (uuid) byUuid.set(uuid, messageId);
      call.messageId = messageId;
      send(res, 200, { code: 0, msg: 'success', data: { message_id: messageId, chat_id: 'oc_fake' } });
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const fake: FakeFeishu = {
    url: `http://127.0.0.1:${port}`,
    calls,
    botOpenId,
    violations,
    failNext(op, failure, times = 1) {
      const queue = failures.get(op) ?? [];
      for (let i = 0; i < times; i += 1) queue.push(failure);
      failures.set(op, queue);
      return fake;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
  return fake;
}

/**
 * Feishu's documented limits on a message request: a card (or post) request body ≤ 30 KB, a text one
 * ≤ 150 KB (code 230025); cards must use current fields (no legacy `wide_screen_mode`).
 */
function limitProblem(
  op: FeishuOp | 'unknown',
  body: Record<string, unknown>,
  bytes: number,
): string | undefined {
  if (op !== 'im.message.create' && op !== 'im.message.reply' && op !== 'im.message.patch') return undefined;
  const isText = body.msg_type === 'text';
  const max = isText ? 150 * 1024 : 30 * 1024;
  if (bytes > max) return `body of ${bytes} bytes over ${max}`;
  if (!isText && typeof body.content === 'string') {
    const card = parseJson(body.content);
    const config = (card.config ?? {}) as Record<string, unknown>;
    if ('wide_screen_mode' in config) return 'card uses the legacy config.wide_screen_mode';
  }
  return undefined;
}

function parseJson(text: string): Record<string, unknown> {
  try {
    const v: unknown = JSON.parse(text);
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {}; // no body (GET) or not JSON
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}
