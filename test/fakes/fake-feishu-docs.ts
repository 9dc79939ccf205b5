/**
 * A small, real Feishu / Lark open-platform server for the document APIs, on 127.0.0.1:0 (pass `url` as
 * `FEISHU_DOMAIN`): the tenant token, `docx.document.get`, `docx.documentBlock.list` (paginated),
 * `wiki.space.getNode` and `wiki.spaceNode.list` (paginated). Tests edit `docs` and `nodes` between syncs,
 * script failures with `failNext`, and read `calls`.
 */
import { createServer } from 'node:http';
import { closeServer, listenLocal, sendJson } from './http-fake.ts';

/** The operations the fake knows. */
export type DocsOp = 'token' | 'docx.get' | 'docx.blocks' | 'wiki.getNode' | 'wiki.nodes';

/** A docx document. */
export interface FakeDoc {
  title: string;
  revision: number;
  /** Blocks as Feishu lists them (`block_id`, `block_type`, `text`/`heading1`/…). */
  blocks: Record<string, unknown>[];
}

/** A wiki node. */
export interface FakeNode {
  space_id: string;
  node_token: string;
  obj_token: string;
  obj_type: string;
  title: string;
  obj_edit_time: string;
  parent_node_token?: string;
}

/** One recorded call. */
export interface DocsCall {
  op: DocsOp | 'unknown';
  path: string;
  query: Record<string, string>;
}

/** The running fake. */
export interface FakeFeishuDocs {
  readonly url: string;
  readonly calls: DocsCall[];
  /** Documents by token. */
  readonly docs: Map<string, FakeDoc>;
  /** Every wiki node. */
  readonly nodes: FakeNode[];
  /** The next call(s) of `op` fail with this code (HTTP 200, as Feishu does) or HTTP status. */
  failNext(op: DocsOp, failure: { code?: number; msg?: string; status?: number }, times?: number): void;
  /** Calls of one operation. */
  count(op: DocsOp): number;
  close(): Promise<void>;
}

/** Heading and text blocks for a document: `#` lines are headings, others paragraphs. */
export function blocksOf(lines: string[]): Record<string, unknown>[] {
  return [
    {
      block_id: 'page',
      block_type: 1,
      page: { elements: [{ text_run: { content: 'page title' } }] },
    },
    ...lines.map((line, i) => {
      const level = /^(#+) /.exec(line)?.[1]?.length;
      const content = level ? line.slice(level + 1) : line;
      const field = level ? `heading${level}` : 'text';
      return {
        block_id: `blk${i}`,
        block_type: level ? level + 2 : 2,
        [field]: { elements: [{ text_run: { content } }] },
      };
    }),
  ];
}

/** Starts the fake. `pageSize` caps every page it returns, so pagination is exercised. */
export async function startFakeFeishuDocs(opts: { pageSize?: number } = {}): Promise<FakeFeishuDocs> {
  const pageSize = opts.pageSize ?? 2;
  const calls: DocsCall[] = [];
  const docs = new Map<string, FakeDoc>();
  const nodes: FakeNode[] = [];
  const failures = new Map<DocsOp, { code?: number; msg?: string; status?: number }[]>();

  const page = <T>(items: T[], token: string | undefined) => {
    const start = Number(token ?? 0);
    const slice = items.slice(start, start + pageSize);
    const more = start + pageSize < items.length;
    return { items: slice, has_more: more, ...(more ? { page_token: String(start + pageSize) } : {}) };
  };

  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://fake');
      const query = Object.fromEntries(url.searchParams);
      const path = url.pathname;
      const call: DocsCall = { op: 'unknown', path, query };
      calls.push(call);
      const blocks = /^\/open-apis\/docx\/v1\/documents\/([^/]+)\/blocks$/.exec(path);
      const doc = /^\/open-apis\/docx\/v1\/documents\/([^/]+)$/.exec(path);
      const spaceNodes = /^\/open-apis\/wiki\/v2\/spaces\/([^/]+)\/nodes$/.exec(path);
      if (path === '/open-apis/auth/v3/tenant_access_token/internal') call.op = 'token';
      else if (path === '/open-apis/wiki/v2/spaces/get_node') call.op = 'wiki.getNode';
      else if (blocks) call.op = 'docx.blocks';
      else if (spaceNodes) call.op = 'wiki.nodes';
      else if (doc) call.op = 'docx.get';
      else return sendJson(res, 404, { code: 404, msg: `no route for ${path}` });
      const op = call.op;
      const failure = failures.get(op)?.shift();
      if (failure)
        return sendJson(res, failure.status ?? 200, {
          code: failure.code ?? 1,
          msg: failure.msg ?? 'scripted failure',
        });
      if (op === 'token') return sendJson(res, 200, { code: 0, tenant_access_token: 't-docs', expire: 7200 });
      if (op === 'docx.get' || op === 'docx.blocks') {
        const id = (doc ?? blocks)?.[1] ?? '';
        const d = docs.get(id);
        if (!d) return sendJson(res, 200, { code: 1770002, msg: 'not found' });
        if (op === 'docx.get') {
          return sendJson(res, 200, {
            code: 0,
            data: { document: { document_id: id, revision_id: d.revision, title: d.title } },
          });
        }
        return sendJson(res, 200, { code: 0, data: page(d.blocks, query.page_token) });
      }
      if (op === 'wiki.getNode') {
        const node = nodes.find((n) => n.node_token === query.token);
        if (!node) return sendJson(res, 200, { code: 131005, msg: 'not found' });
        return sendJson(res, 200, {
          code: 0,
          data: { node: { ...node, node_type: 'origin', has_child: hasChild(node) } },
        });
      }
      const space = spaceNodes?.[1];
      const parent = query.parent_node_token;
      const children = nodes
        .filter((n) => n.space_id === space && (n.parent_node_token ?? undefined) === (parent || undefined))
        .map((n) => ({ ...n, node_type: 'origin', has_child: hasChild(n) }));
      return sendJson(res, 200, { code: 0, data: page(children, query.page_token) });
    });
  });
  const hasChild = (n: FakeNode) => nodes.some((c) => c.parent_node_token === n.node_token);
  const base = await listenLocal(server);
  return {
    url: base,
    calls,
    docs,
    nodes,
    failNext(op, failure, times = 1) {
      const list = failures.get(op) ?? [];
      for (let i = 0; i < times; i++) list.push(failure);
      failures.set(op, list);
    },
    count: (op) => calls.filter((c) => c.op === op).length,
    close: () => closeServer(server),
  };
}
