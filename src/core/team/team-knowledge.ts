/**
 * The team's knowledge as the CLI, the chat commands and the scheduler use it: register sources (from the
 * command line, or from a chat for that chat only), list and remove them, sync them, and summarise their
 * state for `knowledge status` and `/healthz`.
 */
import { createHash } from 'node:crypto';
import { CoachError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import type { TeamKnowledgeStore } from '../store/team-types.ts';
import { syncSource } from './sync.ts';
import type { DocumentProvider, Scope, SyncReport, TeamLimits, TeamSource } from './types.ts';

/** Dependencies of {@link createTeamKnowledge}. */
export interface TeamKnowledgeDeps {
  store: TeamKnowledgeStore;
  /** One per kind of source; the first that recognises a location reads it. */
  providers: readonly DocumentProvider[];
  limits: TeamLimits;
  logger: Logger;
  /** This process's name on sync leases. */
  owner: string;
  now?: () => Date;
  /** Called after a sync or removal changed what is stored (the local index refreshes). */
  onChange?: () => Promise<void>;
}

/** How the team's sources are doing, for `knowledge status` and `/healthz`. */
export interface TeamStatus {
  /** No source is in error. */
  ok: boolean;
  sources: number;
  documents: number;
  passages: number;
  /** Sources whose last sync failed, with the reason. */
  failing: { id: string; title: string; error: string }[];
  /** Sources whose last sync could not read some documents. */
  warnings: { id: string; title: string; problems: number }[];
  /** The most recent end of a sync. */
  lastSyncAt?: Date;
}

/** Options of adding a source. */
export interface AddOptions {
  /** The one chat that will see it ('' or absent: the whole team). */
  chat?: Scope;
  addedBy?: string;
  /** Added from a chat: only links are accepted, never server paths. */
  fromChat?: boolean;
}

/** See the module comment. */
export interface TeamKnowledge {
  /** Registers a source (or finds it registered); throws `input_invalid` with what can be added. */
  add(location: string, opts?: AddOptions): Promise<{ source: TeamSource; created: boolean }>;
  /** Sources, oldest first; with `visibleIn`, only the team-wide ones and those of that chat. */
  sources(opts?: { visibleIn?: Scope }): Promise<TeamSource[]>;
  /** Removes a source (with `visibleIn`: only one that chat can see); the removed source, if any. */
  remove(id: string, opts?: { visibleIn?: Scope }): Promise<TeamSource | undefined>;
  /** Syncs the given sources (default all), one after another. */
  sync(opts?: { ids?: string[]; signal?: AbortSignal }): Promise<SyncReport[]>;
  status(): Promise<TeamStatus>;
  /** What can be added, for messages. */
  readonly accepts: string[];
}

/** A short id for a source, stable for its kind, location and chat (adding it again finds it). */
export function sourceIdOf(kind: string, location: string, chat: Scope): string {
  return `k${createHash('sha256').update(`${kind}\u0000${location}\u0000${chat}`).digest('hex').slice(0, 7)}`;
}

/** Creates the service. */
export function createTeamKnowledge(deps: TeamKnowledgeDeps): TeamKnowledge {
  const { store, providers, limits, logger, owner } = deps;
  const now = deps.now ?? (() => new Date());
  const failures = new Map<string, string>();
  const visible = (s: TeamSource, scope: Scope | undefined) =>
    scope === undefined || s.chat === '' || s.chat === scope;
  const changed = async () => {
    await deps.onChange?.().catch((err: unknown) => {
      logger.warn({ event: 'team_index_refresh_failed', err }, 'team index refresh failed');
    });
  };

  return {
    accepts: providers.map((p) => p.accepts),

    async add(raw, opts = {}) {
      const location =
        raw
          .trim()
          .replace(/^<(.*)>$/, '$1')
          .split('|')[0]
          ?.trim() ?? '';
      if (!location)
        throw new CoachError('input_empty', 'Give a link (or, on the command line, a path) to learn from.');
      const candidates = providers.filter((p) => !opts.fromChat || p.fromChat);
      for (const provider of candidates) {
        const found = provider.recognise(location);
        if (!found) continue;
        const chat = opts.chat ?? '';
        const id = sourceIdOf(provider.kind, found.location, chat);
        const result = await store.addSource(
          {
            id,
            kind: provider.kind,
            location: found.location,
            chat,
            title: found.title,
            ...(opts.addedBy ? { addedBy: opts.addedBy } : {}),
          },
          now(),
        );
        if (result.created) {
          logger.info(
            { event: 'team_source_added', source: id, kind: provider.kind, chat: chat || undefined },
            'team source added',
          );
        }
        return result;
      }
      const what = candidates.map((p) => p.accepts).join('; ');
      throw new CoachError(
        'input_invalid',
        `Cannot learn from "${location.slice(0, 200)}". Coach can read: ${what}.`,
      );
    },

    async sources(opts = {}) {
      return (await store.sources()).filter((s) => visible(s, opts.visibleIn));
    },

    async remove(id, opts = {}) {
      const source = await store.source(id.trim());
      if (!source || !visible(source, opts.visibleIn)) return undefined;
      if (!(await store.removeSource(source.id))) return undefined;
      logger.info({ event: 'team_source_removed', source: source.id }, 'team source removed');
      await changed();
      return source;
    },

    async sync(opts = {}) {
      const all = await store.sources();
      const chosen = opts.ids ? all.filter((s) => opts.ids?.includes(s.id)) : all;
      const reports: SyncReport[] = [];
      for (const source of chosen) {
        if (opts.signal?.aborted) break;
        const provider = providers.find((p) => p.kind === source.kind);
        if (!provider) {
          const error = `no reader for sources of kind "${source.kind}" is configured in this Coach`;
          await store.recordSync(source.id, { status: 'error', error, problems: [] }, now());
          logger.error(
            { event: 'team_sync_failed', source: source.id, reason: error },
            `sync of source ${source.id} failed`,
          );
          reports.push({
            sourceId: source.id,
            title: source.title,
            status: 'error',
            error,
            documents: source.documents,
            passages: source.passages,
            read: 0,
            removed: 0,
            problems: [],
          });
          continue;
        }
        const ctx = { limits, ...(opts.signal ? { signal: opts.signal } : {}) };
        reports.push(await syncSource(source, provider, ctx, { store, logger, now, owner, failures }));
      }
      if (reports.some((r) => r.read > 0 || r.removed > 0)) await changed();
      return reports;
    },

    async status() {
      const all = await store.sources();
      const last = all.reduce<number>((t, s) => Math.max(t, s.lastSyncAt?.getTime() ?? 0), 0);
      return {
        ok: all.every((s) => s.status !== 'error'),
        sources: all.length,
        documents: all.reduce((n, s) => n + s.documents, 0),
        passages: all.reduce((n, s) => n + s.passages, 0),
        failing: all
          .filter((s) => s.status === 'error')
          .map((s) => ({ id: s.id, title: s.title, error: s.error ?? 'unknown error' })),
        warnings: all
          .filter((s) => s.status === 'warning')
          .map((s) => ({ id: s.id, title: s.title, problems: s.problems.length })),
        ...(last > 0 ? { lastSyncAt: new Date(last) } : {}),
      };
    },
  };
}
