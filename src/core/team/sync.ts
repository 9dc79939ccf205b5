/**
 * One source's sync: list what the source holds now, read again only the documents whose revision
 * changed, prune what vanished, and record the outcome. Failure is never quiet:
 * - a listing that fails, or that finds nothing where the last sync found documents, is an `error` and
 *   leaves the stored passages as they were (a broken token must not empty the team's knowledge);
 * - a document that cannot be read is a problem named in the status (its earlier passages stay);
 * - a sync that ends with no passages at all is an `error`, never a success with 0 passages.
 * A lease per source (`source:<id>`) makes sure two replicas never sync the same source at once.
 */
import { describeError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import type { StoredDocument, TeamKnowledgeStore } from '../store/team-types.ts';
import { splitPassages } from './passages.ts';
import { mb } from './readers/read-document.ts';
import type {
  DocBlock,
  DocumentProvider,
  ProviderContext,
  SyncProblem,
  SyncReport,
  TeamSource,
} from './types.ts';

/** How long a source's sync lease lasts; renewed while the sync runs. */
export const SOURCE_LEASE_MS = 5 * 60_000;

/** What a sync needs. */
export interface SyncDeps {
  store: TeamKnowledgeStore;
  logger: Logger;
  now: () => Date;
  /** This process's name on leases. */
  owner: string;
  /**
   * Documents that failed to read, by source, key and revision, with the reason: an unchanged broken file
   * is reported again without being parsed again.
   */
  failures?: Map<string, string>;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** Syncs one source with its provider; never throws for the source's own failures (they are recorded). */
export async function syncSource(
  source: TeamSource,
  provider: DocumentProvider,
  ctx: ProviderContext,
  deps: SyncDeps,
): Promise<SyncReport> {
  const { store, logger, now, owner } = deps;
  const lease = `source:${source.id}`;
  const report: SyncReport = {
    sourceId: source.id,
    title: source.title,
    status: 'busy',
    documents: source.documents,
    passages: source.passages,
    read: 0,
    removed: 0,
    problems: [],
  };
  if (!(await store.claimLease(lease, owner, now(), SOURCE_LEASE_MS))) {
    logger.info({ event: 'team_sync_busy', source: source.id }, 'source is being synced elsewhere');
    return report;
  }
  let renewedAt = now().getTime();
  const keepLease = async () => {
    if (now().getTime() - renewedAt < SOURCE_LEASE_MS / 3) return;
    renewedAt = now().getTime();
    await store.renewLease(lease, owner, now(), SOURCE_LEASE_MS);
  };
  const log = logger.child({ source: source.id, kind: source.kind });
  try {
    const stored = await store.documents(source.id);
    let listing: Awaited<ReturnType<DocumentProvider['list']>>;
    try {
      listing = await provider.list(source, ctx);
    } catch (err) {
      return await fail(report, `cannot list the source: ${describeError(err).message}`, stored, deps, log);
    }
    const problems: SyncProblem[] = [...listing.problems];
    if (listing.docs.length === 0) {
      const reason =
        stored.length > 0
          ? `read nothing where the last sync read ${stored.length} document(s); kept them (is the source empty, moved, or no longer shared with Coach?)`
          : 'found no documents Coach can read';
      return await fail(report, reason, stored, deps, log, problems);
    }
    const known = new Map(stored.map((d) => [d.key, d]));
    let passages = stored.reduce((n, d) => n + d.passages, 0);
    let bytes = 0;
    for (const doc of listing.docs) {
      if (ctx.signal?.aborted) break; // shutting down: the rest is read by the next sync
      const before = known.get(doc.key);
      if (before && before.revision === doc.revision) continue;
      const failureKey = `${source.id}\u0000${doc.key}\u0000${doc.revision}`;
      const failed = deps.failures?.get(failureKey);
      if (failed) {
        problems.push({ file: doc.link, reason: failed });
        continue;
      }
      if (bytes + (doc.bytes ?? 0) > ctx.limits.sourceBytes) {
        problems.push({
          file: doc.link,
          reason: `not read: the source is over its ${mb(ctx.limits.sourceBytes)} limit`,
        });
        continue;
      }
      await keepLease();
      try {
        const parsed = await provider.read(source, doc, ctx);
        bytes += parsed.bytes;
        const split = splitPassages(clean(parsed.blocks), doc.link);
        const room = ctx.limits.passages - (passages - (before?.passages ?? 0));
        if (split.length > room) {
          problems.push({
            file: doc.link,
            reason: `not stored: the source would pass its limit of ${ctx.limits.passages} passages`,
          });
          continue;
        }
        if (split.length === 0)
          problems.push({ file: doc.link, reason: 'no text found (a scan, or an empty document?)' });
        await store.writeDocument(
          source.id,
          { key: doc.key, title: clean1(parsed.title || doc.title), link: doc.link, revision: doc.revision },
          split,
          now(),
        );
        passages += split.length - (before?.passages ?? 0);
        report.read += 1;
      } catch (err) {
        problems.push({ file: doc.link, reason: describeError(err).message });
        if (deps.failures && deps.failures.size < 10_000)
          deps.failures.set(failureKey, describeError(err).message);
        log.warn(
          { event: 'team_document_unreadable', document: doc.link, reason: describeError(err).message },
          'document cannot be read',
        );
      }
    }
    const listed = new Set(listing.docs.map((d) => d.key));
    const vanished = stored.filter((d) => !listed.has(d.key)).map((d) => d.key);
    if (vanished.length > 0) report.removed = await store.removeDocuments(source.id, vanished);
    const after = await store.documents(source.id);
    report.documents = after.length;
    report.passages = after.reduce((n, d) => n + d.passages, 0);
    report.problems = problems;
    if (report.passages === 0) {
      return await fail(
        report,
        `read ${listing.docs.length} document(s) but found no text in any`,
        after,
        deps,
        log,
        problems,
      );
    }
    report.status = problems.length > 0 ? 'warning' : 'ok';
    const title = listing.title ? clean1(listing.title) : undefined;
    if (title) report.title = title;
    await store.recordSync(
      source.id,
      { status: report.status, problems, ...(title ? { title } : {}) },
      now(),
    );
    log.info(
      {
        event: 'team_synced',
        status: report.status,
        documents: report.documents,
        passages: report.passages,
        read: report.read,
        removed: report.removed,
        problems: problems.length,
      },
      'source synced',
    );
    return report;
  } catch (err) {
    // The store failed mid-way: say so on the source if the store still answers.
    return await fail(report, `sync failed: ${describeError(err).message}`, [], deps, log).catch(() => ({
      ...report,
      status: 'error' as const,
      error: describeError(err).message,
    }));
  } finally {
    await store.releaseLease(lease, owner).catch((err: unknown) => {
      log.warn({ event: 'team_lease_release_failed', ...describeError(err) }, 'sync lease not released');
    });
  }
}

/** Records a failed sync: status `error`, the reason, one error log line naming the source. */
async function fail(
  report: SyncReport,
  reason: string,
  stored: StoredDocument[],
  deps: SyncDeps,
  log: Logger,
  problems: SyncProblem[] = [],
): Promise<SyncReport> {
  await deps.store.recordSync(report.sourceId, { status: 'error', error: reason, problems }, deps.now());
  log.error(
    { event: 'team_sync_failed', title: report.title, reason },
    `sync of source ${report.sourceId} failed`,
  );
  const passages = stored.reduce((n, d) => n + d.passages, 0);
  return {
    ...report,
    status: 'error',
    error: reason,
    problems,
    documents: stored.length || report.documents,
    passages: passages || report.passages,
  };
}

/** Blocks without control characters (PostgreSQL refuses NUL in text; none belongs in a passage). */
function clean(blocks: DocBlock[]): DocBlock[] {
  return blocks.map((b) => ({ ...b, text: b.text.replace(CONTROLS, '') }));
}

function clean1(text: string): string {
  return text.replace(CONTROLS, '').replace(/\s+/g, ' ').trim().slice(0, 300);
}
