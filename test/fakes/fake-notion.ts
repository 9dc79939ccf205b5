/**
 * A small, real Notion API server for tests, on 127.0.0.1:0 (pass `url` as `NOTION_API_URL`): pages,
 * databases with data sources, their queries and block children (paginated), Notion's error bodies,
 * and scripted 429s with `Retry-After`. Tests edit `pages`, `blocks` and `databases` between syncs.
 */
import { createServer, type ServerResponse } from 'node:http';
import { closeServer, listenLocal, sendJson } from './http-fake.ts';

/** A page as the API returns it (the parts Coach reads). */
export interface FakePage {
  id: string;
  title: string;
  last_edited_time: string;
  url: string;
}

/** One recorded request. */
export interface NotionCall {
  method: string;
  path: string;
  version?: string;
  auth?: string;
  /** 429 when the fake answered with a rate limit. */
  status: number;
}

/** The running fake. */
export interface FakeNotion {
  readonly url: string;
  readonly calls: NotionCall[];
  readonly pages: Map<string, FakePage>;
  /** Children of a block or page, by its id. */
  readonly blocks: Map<string, Record<string, unknown>[]>;
  /** Databases by id: title and the page ids of its one data source. */
  readonly databases: Map<string, { title: string; pages: string[] }>;
  /** The next `times` requests answer 429 with `Retry-After: <seconds>`. */
  rateLimitNext(seconds: string, times?: number): void;
  close(): Promise<void>;
}

/** A text block of a type (`paragraph`, `heading_1`…). */
export function block(
  id: string,
  type: string,
  text: string,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    object: 'block',
    id,
    type,
    has_children: false,
    [type]: { rich_text: [{ type: 'text', plain_text: text }] },
    ...extra,
  };
}

/** Starts the fake. `pageSize` caps every list it returns. */
export async function startFakeNotion(opts: { pageSize?: number } = {}): Promise<FakeNotion> {
  const pageSize = opts.pageSize ?? 2;
  const calls: NotionCall[] = [];
  const pages = new Map<string, FakePage>();
  const blocks = new Map<string, Record<string, unknown>[]>();
  const databases = new Map<string, { title: string; pages: string[] }>();
  const limits: string[] = [];

  const list = (items: unknown[], cursor: string | null) => {
    const start = Number(cursor ?? 0);
    const more = start + pageSize < items.length;
    return {
      object: 'list',
      results: items.slice(start, start + pageSize),
      has_more: more,
      next_cursor: more ? String(start + pageSize) : null,
    };
  };
  const pageBody = (p: FakePage) => ({
    object: 'page',
    id: p.id,
    url: p.url,
    last_edited_time: p.last_edited_time,
    properties: { Name: { id: 'title', type: 'title', title: [{ type: 'text', plain_text: p.title }] } },
  });
  const notFound = (res: ServerResponse, what: string) =>
    sendJson(res, 404, {
      object: 'error',
      status: 404,
      code: 'object_not_found',
      message: `Could not find ${what}.`,
    });

  const server = createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on('data', (p: Buffer) => parts.push(p));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://fake');
      const path = url.pathname;
      const call: NotionCall = {
        method: req.method ?? 'GET',
        path,
        version: req.headers['notion-version'] as string | undefined,
        auth: req.headers.authorization,
        status: 200,
      };
      calls.push(call);
      const retry = limits.shift();
      if (retry !== undefined) {
        call.status = 429;
        res.writeHead(429, { 'content-type': 'application/json', 'retry-after': retry });
        res.end(
          JSON.stringify({ object: 'error', status: 429, code: 'rate_limited', message: 'Rate limited' }),
        );
        return;
      }
      const page = /^\/v1\/pages\/([^/]+)$/.exec(path);
      const db = /^\/v1\/databases\/([^/]+)$/.exec(path);
      const query = /^\/v1\/data_sources\/([^/]+)\/query$/.exec(path);
      const children = /^\/v1\/blocks\/([^/]+)\/children$/.exec(path);
      if (page) {
        const p = pages.get(page[1] ?? '');
        return p ? sendJson(res, 200, pageBody(p)) : notFound(res, 'page');
      }
      if (db) {
        const d = databases.get(db[1] ?? '');
        if (!d) return notFound(res, 'database');
        return sendJson(res, 200, {
          object: 'database',
          id: db[1],
          title: [{ plain_text: d.title }],
          data_sources: [{ id: `ds-${db[1]}`, name: d.title }],
        });
      }
      if (query) {
        const d = databases.get((query[1] ?? '').replace(/^ds-/, ''));
        if (!d) return notFound(res, 'data source');
        const body = JSON.parse(Buffer.concat(parts).toString('utf8') || '{}') as { start_cursor?: string };
        const rows = d.pages.flatMap((id) => {
          const p = pages.get(id);
          return p ? [pageBody(p)] : [];
        });
        return sendJson(res, 200, list(rows, body.start_cursor ?? null));
      }
      if (children) {
        const kids = blocks.get(children[1] ?? '');
        if (!kids) return notFound(res, 'block');
        return sendJson(res, 200, list(kids, url.searchParams.get('start_cursor')));
      }
      sendJson(res, 400, {
        object: 'error',
        status: 400,
        code: 'invalid_request_url',
        message: `no route ${path}`,
      });
    });
  });
  const base = await listenLocal(server);
  return {
    url: base,
    calls,
    pages,
    blocks,
    databases,
    rateLimitNext(seconds, times = 1) {
      for (let i = 0; i < times; i++) limits.push(seconds);
    },
    close: () => closeServer(server),
  };
}
