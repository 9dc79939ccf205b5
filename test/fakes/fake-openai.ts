/**
 * A small, real OpenAI-compatible HTTP server for tests: `POST /v1/chat/completions`, plain JSON or
 * SSE streaming, with a queue of scripted behaviours (replies, failures, hangs, broken streams).
 *
 * ```ts
 * const fake = await startFakeOpenAI();
 * const llm = createLlmClient({ apiKey: 'sk-test', baseURL: fake.url, model: 'fake-model', ... });
 * fake.failTimes(1, 429).reply('Hello there');
 * // ... call the code under test, then:
 * expect(fake.requests[1]?.body.messages).toEqual([...]);
 * await fake.close();
 * ```
 *
 * Each request to `/chat/completions` takes the next behaviour from the queue; when the queue is
 * empty it gets the default reply. Failures for 429 and 5xx carry `retry-after-ms: 1` so that the
 * SDK's own retries run fast in tests.
 */
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One recorded request to the fake. */
export interface FakeRequest {
  method: string;
  /** Path with query, e.g. `/v1/chat/completions`. */
  path: string;
  headers: IncomingHttpHeaders;
  /** The parsed JSON body (`{}` when the body was not a JSON object). */
  body: FakeChatBody;
}

/** The fields of a chat-completions request body that tests usually look at. */
export interface FakeChatBody {
  model?: string;
  messages?: Array<{ role: string; content: unknown }>;
  stream?: boolean;
  response_format?: { type: string; json_schema?: unknown };
  temperature?: number;
  max_tokens?: number;
  [key: string]: unknown;
}

/** What a reply can be: the whole text (streamed word by word), or explicit stream chunks. */
export type FakeReplyText = string | string[];

/** A reply, fixed or computed from the request. */
export type FakeReply = FakeReplyText | ((req: FakeRequest) => FakeReplyText);

type Behaviour =
  | { kind: 'reply'; reply: FakeReply; delayMs?: number }
  | { kind: 'fail'; status: number; body: unknown; headers: Record<string, string> }
  | { kind: 'hang' }
  | { kind: 'malformed' }
  | { kind: 'streamThenBreak'; text: FakeReplyText };

/** The running fake. Every scripting method returns the fake, so calls chain. */
export interface FakeOpenAI {
  /** Base URL to pass as `baseURL`, e.g. `http://127.0.0.1:PORT/v1`. */
  readonly url: string;
  /** Every request received, in order (including failed, rejected and hanging ones). */
  readonly requests: FakeRequest[];
  /** Queue a successful answer. A string is streamed word by word; an array is streamed chunk by chunk. */
  reply(reply: FakeReply): FakeOpenAI;
  /** Queue one HTTP error. The body defaults to an OpenAI-style `{ error: { message, type, code } }`. */
  fail(status: number, body?: unknown, headers?: Record<string, string>): FakeOpenAI;
  /** Queue `n` identical HTTP errors (e.g. to exhaust the SDK's retries). */
  failTimes(n: number, status: number): FakeOpenAI;
  /** Queue a request that is never answered (until `close()`): for timeouts. */
  hang(): FakeOpenAI;
  /** Queue a 200 answer with an invalid JSON body, or an SSE stream whose data is not JSON. */
  malformed(): FakeOpenAI;
  /** Queue a stream that sends `partialText` as chunks, then destroys the socket without `[DONE]`. */
  streamThenBreak(partialText: FakeReplyText): FakeOpenAI;
  /**
   * Queue a streamed reply whose content chunks are `ms` apart (the first one comes at once); a plain
   * JSON answer is delayed by `ms` instead.
   */
  slowChunks(ms: number, reply?: FakeReply): FakeOpenAI;
  /**
   * From now on (or until called with `false`), answer 400 to any request whose
   * `response_format.type` is `json_schema`, as services without structured outputs do. Such
   * requests do not consume the queue.
   */
  rejectJsonSchema(reject?: boolean): FakeOpenAI;
  /** Set the reply used when the queue is empty (initially `'Hello from the fake model.'`). */
  setDefaultReply(reply: FakeReply): FakeOpenAI;
  /** Number of queued behaviours not yet used. */
  pending(): number;
  /** Drops every queued behaviour (an outage ends): from now on the default reply. */
  clearQueue(): FakeOpenAI;
  /** Stops the server and drops every open connection (hanging requests included). */
  close(): Promise<void>;
}

/** Starts the fake on `127.0.0.1` with a free port. */
export async function startFakeOpenAI(): Promise<FakeOpenAI> {
  const requests: FakeRequest[] = [];
  const queue: Behaviour[] = [];
  let defaultReply: FakeReply = 'Hello from the fake model.';
  let rejectingJsonSchema = false;
  let counter = 0;

  const server = createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on('data', (part: Buffer) => parts.push(part));
    req.on('end', () => {
      const request: FakeRequest = {
        method: req.method ?? 'GET',
        path: req.url ?? '/',
        headers: req.headers,
        body: parseBody(Buffer.concat(parts).toString('utf8')),
      };
      requests.push(request);
      if (request.method !== 'POST' || !request.path.endsWith('/chat/completions')) {
        sendJson(res, 404, errorBody(404, `no route for ${request.method} ${request.path}`));
        return;
      }
      if (rejectingJsonSchema && request.body.response_format?.type === 'json_schema') {
        const message =
          "Invalid parameter: 'response_format' of type 'json_schema' is not supported with this model";
        sendJson(res, 400, {
          error: { message, type: 'invalid_request_error', param: 'response_format', code: null },
        });
        return;
      }
      counter += 1;
      void respond(
        request,
        res,
        queue.shift() ?? { kind: 'reply', reply: defaultReply },
        `chatcmpl-fake-${counter}`,
      );
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const fake: FakeOpenAI = {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    reply: (reply) => push({ kind: 'reply', reply }),
    fail: (status, body, headers) =>
      push({
        kind: 'fail',
        status,
        body: body ?? errorBody(status),
        headers: headers ?? retryHeaders(status),
      }),
    failTimes: (n, status) => {
      for (let i = 0; i < n; i++) fake.fail(status);
      return fake;
    },
    hang: () => push({ kind: 'hang' }),
    malformed: () => push({ kind: 'malformed' }),
    streamThenBreak: (text) => push({ kind: 'streamThenBreak', text }),
    slowChunks: (ms, reply) => push({ kind: 'reply', reply: reply ?? defaultReply, delayMs: ms }),
    rejectJsonSchema: (reject = true) => {
      rejectingJsonSchema = reject;
      return fake;
    },
    setDefaultReply: (reply) => {
      defaultReply = reply;
      return fake;
    },
    pending: () => queue.length,
    clearQueue: () => {
      queue.length = 0;
      return fake;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };

  function push(behaviour: Behaviour): FakeOpenAI {
    queue.push(behaviour);
    return fake;
  }

  return fake;
}

async function respond(
  req: FakeRequest,
  res: ServerResponse,
  behaviour: Behaviour,
  id: string,
): Promise<void> {
  const model = req.body.model ?? 'fake-model';
  const streaming = req.body.stream === true;
  switch (behaviour.kind) {
    case 'fail':
      sendJson(res, behaviour.status, behaviour.body, behaviour.headers);
      return;
    case 'hang':
      return; // keep the socket open; close() drops it
    case 'malformed':
      if (streaming) {
        startSse(res);
        res.end('data: {"id": "broken", "choices": [{"delta": {"content": "Hel\n\ndata: [DONE]\n\n');
      } else {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"id": "broken", "choices": [');
      }
      return;
    case 'streamThenBreak': {
      const chunks = toChunks(behaviour.text);
      if (streaming) {
        startSse(res);
        res.write(sseChunk(id, model, { role: 'assistant', content: '' }, null));
        for (const chunk of chunks) res.write(sseChunk(id, model, { content: chunk }, null));
      } else {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write(`{"id": "${id}", "choices": [{"message": {"content": ${JSON.stringify(chunks.join(''))}`);
      }
      // Let the written bytes leave before the socket dies, as when a proxy drops a connection.
      setTimeout(() => res.socket?.destroy(), 20);
      return;
    }
    case 'reply': {
      const { reply, delayMs = 0 } = behaviour;
      const text = typeof reply === 'function' ? reply(req) : reply;
      const chunks = toChunks(text);
      if (!streaming) {
        if (delayMs > 0) await sleep(delayMs);
        if (res.destroyed) return;
        sendJson(res, 200, completionBody(id, model, chunks.join(''), req.body));
        return;
      }
      startSse(res);
      res.write(sseChunk(id, model, { role: 'assistant', content: '' }, null));
      for (const [i, chunk] of chunks.entries()) {
        if (delayMs > 0 && i > 0) await sleep(delayMs);
        if (res.destroyed) return;
        res.write(sseChunk(id, model, { content: chunk }, null));
      }
      res.write(sseChunk(id, model, {}, 'stop'));
      res.end('data: [DONE]\n\n');
      return;
    }
  }
}

function parseBody(text: string): FakeChatBody {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as FakeChatBody)
      : {};
  } catch {
    return {}; // a test that sends a non-JSON body sees `{}` in `requests`; the fake still answers
  }
}

/** Splits a text after each run of whitespace, so a sentence streams word by word. */
function toChunks(text: FakeReplyText): string[] {
  if (Array.isArray(text)) return text;
  return text.match(/\S+\s*|\s+/g) ?? [];
}

function errorBody(status: number, message?: string): unknown {
  const defaults: Record<number, [string, string | null]> = {
    400: ['Bad request', 'invalid_request_error'],
    401: ['Incorrect API key provided', 'invalid_api_key'],
    404: ['The model does not exist or you do not have access to it.', 'model_not_found'],
    429: ['Rate limit reached', 'rate_limit_exceeded'],
  };
  const [defaultMessage, code] = defaults[status] ?? [`Fake error ${status}`, null];
  return { error: { message: message ?? defaultMessage, type: 'fake_error', param: null, code } };
}

function retryHeaders(status: number): Record<string, string> {
  return status === 429 || status >= 500 ? { 'retry-after-ms': '1' } : {};
}

function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

function startSse(res: ServerResponse): void {
  res.writeHead(200, {
    'content-type': 'text/event-stream',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
  });
  res.flushHeaders();
}

function sseChunk(id: string, model: string, delta: object, finishReason: string | null): string {
  const chunk = {
    id,
    object: 'chat.completion.chunk',
    created: Math.floor(Date.now() / 1000),
    model,
    choices: [{ index: 0, delta, finish_reason: finishReason }],
  };
  return `data: ${JSON.stringify(chunk)}\n\n`;
}

function completionBody(id: string, model: string, content: string, body: FakeChatBody): unknown {
  return {
    id,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model,
    choices: [{ index: 0, message: { role: 'assistant', content, refusal: null }, finish_reason: 'stop' }],
    usage: usageOf(body, content),
  };
}

function sleep(ms: number): Promise<void> {
  // unref: a long scripted delay must not keep the test process alive after close()
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

/** Token counts as a real service would report them, roughly: four characters a token. */
function usageOf(body: FakeChatBody, content: string) {
  const prompt = (body.messages ?? []).reduce((n, m) => n + String(m.content ?? '').length, 0);
  const prompt_tokens = Math.ceil(prompt / 4);
  const completion_tokens = Math.ceil(content.length / 4);
  return { prompt_tokens, completion_tokens, total_tokens: prompt_tokens + completion_tokens };
}
