/**
 * Feishu / Lark documents as a source of team knowledge, read with the app's own credentials through the
 * Lark SDK: a docx document (`docx.document.get` for its revision, `docx.documentBlock.list` for its
 * structure), a wiki node with the pages under it, or a whole wiki space (`wiki.space.getNode`,
 * `wiki.spaceNode.list`, whose `obj_edit_time` is the revision). Scopes: `docx:document:readonly`,
 * `wiki:wiki:readonly`; the documents must be shared with the app (or the app added to the space).
 */
import { CoachError } from '../../core/errors.ts';
import type { Logger } from '../../core/logger.ts';
import { createSpacer, type Spacer } from '../../core/team/spacer.ts';
import type { DocRef, DocumentProvider, SyncProblem, TeamSource } from '../../core/team/types.ts';
import { createFeishuCall, type FeishuCall } from './call.ts';
import { type DocxBlock, docxBlocks } from './docs-blocks.ts';
import { type FeishuDocLink, parseFeishuLink } from './docs-links.ts';

/** The source kind stored for Feishu / Lark documents. */
export const FEISHU_DOCS_KIND = 'feishu-docs';

/** Options of {@link createFeishuDocsProvider}. */
export interface FeishuDocsOptions {
  /** The app's credentials and `FEISHU_DOMAIN`; absent: links are recognised, and refused with the reason. */
  credentials?: { appId: string; appSecret: string; domain: string };
  logger: Logger;
  /** Requests a second to the open platform; default 5. */
  perSecond?: number;
  /** First retry delay on rate limits and 5xx (doubled per attempt); default 500 ms. */
  retryBaseMs?: number;
}

interface WikiNode {
  node_token?: string;
  obj_token?: string;
  obj_type?: string;
  obj_edit_time?: string;
  has_child?: boolean;
  title?: string;
  space_id?: string;
}

const WHAT = 'a Feishu/Lark docx document, wiki page or wiki space link';

/** Creates the provider. */
export function createFeishuDocsProvider(opts: FeishuDocsOptions): DocumentProvider {
  const { credentials, logger } = opts;
  let reader: ReturnType<typeof connect> | undefined;
  const check = () => {
    if (!credentials) {
      throw new CoachError(
        'input_invalid',
        'Feishu/Lark documents need the app credentials: set FEISHU_APP_ID and FEISHU_APP_SECRET (with the docx:document:readonly and wiki:wiki:readonly scopes).',
      );
    }
    return credentials;
  };
  /** The SDK (~400 ms to load) is loaded by the first sync, not by recognising a link. */
  const get = () => {
    reader ??= connect(check(), logger, opts);
    return reader;
  };
  return {
    kind: FEISHU_DOCS_KIND,
    accepts: WHAT,
    fromChat: true,
    recognise(location) {
      const link = parseFeishuLink(location);
      if (!link) return undefined;
      check(); // refuse at once when the credentials are missing
      const url =
        link.type === 'wiki_space'
          ? `${link.origin}/wiki/space/${link.spaceId}`
          : `${link.origin}/${link.type === 'docx' ? 'docx' : 'wiki'}/${link.token}`;
      return {
        location: url,
        title: link.type === 'wiki_space' ? `Wiki space ${link.spaceId}` : 'Feishu document',
      };
    },
    list: async (source, ctx) => (await get()).list(source, ctx.limits.documents),
    read: async (_source, doc, ctx) => (await get()).read(doc, ctx.limits.fileBytes),
  };
}

async function connect(
  credentials: { appId: string; appSecret: string; domain: string },
  logger: Logger,
  opts: FeishuDocsOptions,
) {
  const { lark } = await import('./lark.ts');
  const { sdkDomain, sdkLogger } = await import('./api.ts');
  const client = new lark.Client({
    appId: credentials.appId,
    appSecret: credentials.appSecret,
    domain: sdkDomain(credentials.domain),
    logger: sdkLogger(logger),
    loggerLevel: lark.LoggerLevel.warn,
  });
  const spacer: Spacer = createSpacer({ perSecond: opts.perSecond ?? 5 });
  const checked: FeishuCall = createFeishuCall({ logger, attempts: 4, retryBaseMs: opts.retryBaseMs ?? 500 });
  const call: FeishuCall = async (op, fn, maxAttempts) =>
    checked(
      op,
      async () => {
        await spacer.wait();
        return fn();
      },
      maxAttempts,
    );

  /** Every node under `parent` (or the space's top), depth first, at most `max` documents. */
  async function walk(
    spaceId: string,
    parent: string | undefined,
    max: number,
    out: WikiNode[],
    skipped: Map<string, number>,
  ) {
    const pending: (string | undefined)[] = [parent];
    while (pending.length > 0) {
      const parentToken = pending.shift();
      let pageToken: string | undefined;
      do {
        const answer = await call('wiki.spaceNode.list', () =>
          client.wiki.spaceNode.list({
            path: { space_id: spaceId },
            params: {
              page_size: 50,
              ...(parentToken ? { parent_node_token: parentToken } : {}),
              ...(pageToken ? { page_token: pageToken } : {}),
            },
          }),
        );
        for (const node of answer.data?.items ?? []) {
          if (node.obj_type === 'docx') {
            if (out.length >= max) return;
            out.push(node);
          } else skipped.set(node.obj_type ?? 'unknown', (skipped.get(node.obj_type ?? 'unknown') ?? 0) + 1);
          if (node.has_child && node.node_token) pending.push(node.node_token);
        }
        pageToken = answer.data?.has_more ? answer.data.page_token : undefined;
      } while (pageToken);
    }
  }

  const nodeDoc = (origin: string, n: WikiNode): DocRef => ({
    key: n.obj_token ?? '',
    title: n.title || 'Untitled',
    link: `${origin}/wiki/${n.node_token}`,
    revision: n.obj_edit_time ?? '',
  });

  return {
    async list(
      source: TeamSource,
      maxDocs: number,
    ): Promise<{ docs: DocRef[]; problems: SyncProblem[]; title?: string }> {
      const link = parseFeishuLink(source.location) as FeishuDocLink;
      const problems: SyncProblem[] = [];
      if (link.type === 'docx') {
        const answer = await call('docx.document.get', () =>
          client.docx.document.get({ path: { document_id: link.token } }),
        );
        const doc = answer.data?.document;
        const title = doc?.title || 'Untitled';
        return {
          docs: [{ key: link.token, title, link: source.location, revision: String(doc?.revision_id ?? '') }],
          problems,
          title,
        };
      }
      const nodes: WikiNode[] = [];
      const skipped = new Map<string, number>();
      let title: string | undefined;
      if (link.type === 'wiki_node') {
        const answer = await call('wiki.space.getNode', () =>
          client.wiki.space.getNode({ params: { token: link.token } }),
        );
        const node = answer.data?.node;
        if (!node)
          throw new CoachError('platform_error', 'Feishu wiki.space.getNode answered without a node');
        title = node.title;
        if (node.obj_type === 'docx') nodes.push(node);
        else skipped.set(node.obj_type, 1);
        if (node.has_child && node.space_id)
          await walk(node.space_id, node.node_token, maxDocs, nodes, skipped);
      } else {
        await walk(link.spaceId, undefined, maxDocs, nodes, skipped);
      }
      if (nodes.length >= maxDocs)
        problems.push({
          file: source.location,
          reason: `more than ${maxDocs} documents: the rest were not read`,
        });
      if (skipped.size > 0) {
        const kinds = [...skipped].map(([k, n]) => `${k} ×${n}`).join(', ');
        problems.push({ file: source.location, reason: `skipped ${kinds}: Coach reads docx documents only` });
      }
      return { docs: nodes.map((n) => nodeDoc(link.origin, n)), problems, ...(title ? { title } : {}) };
    },

    async read(doc: DocRef, maxBytes: number) {
      const items: DocxBlock[] = [];
      let bytes = 0;
      let pageToken: string | undefined;
      do {
        const answer = await call('docx.documentBlock.list', () =>
          client.docx.documentBlock.list({
            path: { document_id: doc.key },
            params: {
              page_size: 500,
              document_revision_id: -1,
              ...(pageToken ? { page_token: pageToken } : {}),
            },
          }),
        );
        for (const block of answer.data?.items ?? []) {
          items.push(block as DocxBlock);
          bytes += JSON.stringify(block).length;
        }
        if (bytes > maxBytes)
          throw new CoachError(
            'input_invalid',
            `refused: the document is over the ${Math.round(maxBytes / 1_048_576)} MB limit per file`,
          );
        pageToken = answer.data?.has_more ? answer.data.page_token : undefined;
      } while (pageToken);
      const parsed = docxBlocks(items);
      return { title: doc.title || parsed.title || 'Untitled', blocks: parsed.blocks, bytes };
    },
  };
}
