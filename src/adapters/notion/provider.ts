/**
 * Notion pages and databases as a source of team knowledge, read with an internal integration's token
 * (`NOTION_TOKEN`) through `@notionhq/client`. A page is read with the pages nested in it (three levels);
 * a database with every page of its data sources. A page's `last_edited_time` is its revision. Requests
 * are spaced to Notion's rate limit (3 a second on average) and a 429 waits for its `Retry-After`.
 */
import { APIErrorCode, Client, extractNotionId, isNotionClientError, LogLevel } from '@notionhq/client';
import { CoachError } from '../../core/errors.ts';
import type { Logger } from '../../core/logger.ts';
import { createSpacer } from '../../core/team/spacer.ts';
import type { DocBlock, DocRef, DocumentProvider, SyncProblem, TeamSource } from '../../core/team/types.ts';
import { type NotionBlock, notionBlock, plainText } from './blocks.ts';
import { pacedFetch } from './paced-fetch.ts';

/** The source kind stored for Notion pages and databases. */
export const NOTION_KIND = 'notion';

/** How deep nested pages, and nested blocks, are read. */
const MAX_DEPTH = 3;

/** Options of {@link createNotionProvider}. */
export interface NotionOptions {
  /** `NOTION_TOKEN`; absent: Notion links are recognised and refused with the reason. */
  token?: string;
  /** `NOTION_API_URL` (tests); default Notion's. */
  baseUrl?: string;
  logger: Logger;
  /** Requests a second on average; default 3 (Notion's limit). */
  perSecond?: number;
  /** Clock and sleep of the pacing (tests pass virtual ones). */
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

interface PageLike {
  id: string;
  url?: string;
  last_edited_time?: string;
  properties?: Record<string, { type?: string; title?: unknown }>;
}

const WHAT = 'a Notion page or database link (shared with the integration)';

/** Recognises notion.so / notion.site links. */
function notionId(location: string): { id: string; database: boolean } | undefined {
  let url: URL;
  try {
    url = new URL(location.trim());
  } catch {
    return undefined; // not a URL: another provider's
  }
  const host = url.hostname.toLowerCase();
  if (!(host === 'notion.so' || host.endsWith('.notion.so') || host.endsWith('.notion.site')))
    return undefined;
  const id = extractNotionId(`${url.origin}${url.pathname}`);
  if (!id)
    throw new CoachError('input_invalid', 'This Notion link names no page or database (it has no page id).');
  return { id, database: url.searchParams.has('v') };
}

/** Creates the provider. */
export function createNotionProvider(opts: NotionOptions): DocumentProvider {
  const { logger } = opts;
  let client: Client | undefined;
  const api = (): Client => {
    if (!opts.token) {
      throw new CoachError(
        'input_invalid',
        'Notion pages need an integration token: set NOTION_TOKEN and share the pages with the integration.',
      );
    }
    if (!client) {
      const spacer = createSpacer({
        perSecond: opts.perSecond ?? 3,
        ...(opts.now ? { now: opts.now } : {}),
        ...(opts.sleep ? { sleep: opts.sleep } : {}),
      });
      client = new Client({
        auth: opts.token,
        ...(opts.baseUrl ? { baseUrl: opts.baseUrl } : {}),
        fetch: pacedFetch({ spacer, logger, ...(opts.now ? { now: opts.now } : {}) }),
        retry: false, // pacedFetch retries 429s, honouring Retry-After
        logLevel: LogLevel.ERROR,
        logger: (level, message) => logger.debug({ event: 'notion_sdk', level }, message),
      });
    }
    return client;
  };
  const explain = (err: unknown): never => {
    if (isNotionClientError(err)) {
      const code = (err as { code?: string }).code;
      if (code === APIErrorCode.Unauthorized)
        throw new CoachError('input_invalid', 'Notion refused the token: check NOTION_TOKEN.', {
          cause: err,
        });
      if (code === APIErrorCode.ObjectNotFound || code === APIErrorCode.RestrictedResource) {
        throw new CoachError(
          'input_invalid',
          'Notion cannot find it: share the page or database with the integration (••• → Connections).',
          { cause: err },
        );
      }
      throw new CoachError('platform_error', `Notion: ${err.message}`, { cause: err });
    }
    throw err;
  };

  async function childPages(pageId: string, depth: number, out: DocRef[], max: number): Promise<void> {
    if (depth >= MAX_DEPTH) return;
    for (const block of await children(pageId)) {
      if (block.type !== 'child_page' || out.length >= max) continue;
      const title = (block.child_page as { title?: string } | undefined)?.title || 'Untitled';
      out.push({
        key: block.id,
        title,
        link: `https://www.notion.so/${block.id.replace(/-/g, '')}`,
        revision: String(block.last_edited_time ?? ''),
      });
      await childPages(block.id, depth + 1, out, max);
    }
  }

  async function children(blockId: string): Promise<NotionBlock[]> {
    const out: NotionBlock[] = [];
    let cursor: string | undefined;
    do {
      const page = await api().blocks.children.list({
        block_id: blockId,
        page_size: 100,
        ...(cursor ? { start_cursor: cursor } : {}),
      });
      out.push(...(page.results as NotionBlock[]));
      cursor = page.has_more ? (page.next_cursor ?? undefined) : undefined;
    } while (cursor);
    return out;
  }

  const pageDoc = (p: PageLike): DocRef => ({
    key: p.id,
    title: titleOf(p) || 'Untitled',
    link: p.url ?? `https://www.notion.so/${p.id.replace(/-/g, '')}`,
    revision: p.last_edited_time ?? '',
  });

  async function listDatabase(id: string, max: number): Promise<{ docs: DocRef[]; title: string }> {
    const db = (await api().databases.retrieve({ database_id: id })) as {
      title?: unknown;
      data_sources?: { id: string }[];
    };
    const docs: DocRef[] = [];
    for (const ds of db.data_sources ?? []) {
      let cursor: string | undefined;
      do {
        const page = await api().dataSources.query({
          data_source_id: ds.id,
          page_size: 100,
          ...(cursor ? { start_cursor: cursor } : {}),
        });
        for (const p of page.results as PageLike[])
          if ('url' in p && docs.length < max) docs.push(pageDoc(p));
        cursor = page.has_more && docs.length < max ? (page.next_cursor ?? undefined) : undefined;
      } while (cursor);
    }
    return { docs, title: plainText(db.title) || 'Notion database' };
  }

  return {
    kind: NOTION_KIND,
    accepts: WHAT,
    fromChat: true,
    recognise(location) {
      const found = notionId(location);
      if (!found) return undefined;
      api();
      return {
        location: location.trim().split('#')[0] ?? location,
        title: found.database ? 'Notion database' : 'Notion page',
      };
    },
    async list(source: TeamSource, ctx) {
      const target = notionId(source.location) as { id: string; database: boolean };
      const max = ctx.limits.documents;
      const problems: SyncProblem[] = [];
      try {
        if (!target.database) {
          let page: PageLike | undefined;
          try {
            page = (await api().pages.retrieve({ page_id: target.id })) as PageLike;
          } catch (err) {
            // A database link without `?v=` answers "not a page": read it as a database.
            const code = (err as { code?: string }).code;
            if (code !== APIErrorCode.ObjectNotFound && code !== APIErrorCode.ValidationError) throw err;
          }
          if (page) {
            const docs = [pageDoc(page)];
            await childPages(page.id, 0, docs, max);
            if (docs.length >= max)
              problems.push({
                file: source.location,
                reason: `more than ${max} pages: the rest were not read`,
              });
            return { docs, problems, title: docs[0]?.title ?? 'Notion page' };
          }
        }
        const { docs, title } = await listDatabase(target.id, max);
        if (docs.length >= max)
          problems.push({ file: source.location, reason: `more than ${max} pages: the rest were not read` });
        return { docs, problems, title };
      } catch (err) {
        return explain(err);
      }
    },
    async read(_source, doc, ctx) {
      const blocks: DocBlock[] = [];
      let bytes = 0;
      const walk = async (id: string, depth: number): Promise<void> => {
        for (const b of await children(id)) {
          bytes += JSON.stringify(b).length;
          if (bytes > ctx.limits.fileBytes)
            throw new CoachError('input_invalid', 'refused: the page is over the size limit per file');
          const block = notionBlock(b);
          if (block) blocks.push(block);
          if (b.has_children && depth < MAX_DEPTH && b.type !== 'child_page' && b.type !== 'child_database')
            await walk(b.id, depth + 1);
        }
      };
      try {
        await walk(doc.key, 0);
      } catch (err) {
        if (err instanceof CoachError) throw err;
        return explain(err);
      }
      return { title: doc.title, blocks, bytes };
    },
  };
}

function titleOf(p: PageLike): string {
  const prop = Object.values(p.properties ?? {}).find((v) => v.type === 'title');
  return plainText(prop?.title);
}
