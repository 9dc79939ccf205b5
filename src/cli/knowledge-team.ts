/**
 * `coach knowledge add | list | remove | sync | status`: the team's own sources from the command line.
 * `--json` prints exactly one JSON value. `sync` and `status` exit with 1 when a source is in error, so a
 * cron job or a monitor notices a sync that broke.
 */
import { createServices } from '../app.ts';
import { loadConfig } from '../config.ts';
import { newWorkOwner } from '../core/chat/work.ts';
import { createTeamKnowledge, type TeamKnowledge } from '../core/team/team-knowledge.ts';
import type { SyncReport, TeamSource } from '../core/team/types.ts';
import { registerTeamDir, teamProviders } from '../team-setup.ts';
import { CHAT_FLAG, chatOf, parseFlags, UsageError } from './args.ts';
import { cliLogger, cliStore, type Io } from './context.ts';

/** A source as `list --json` and `status --json` print it. */
export function sourceJson(s: TeamSource) {
  return {
    id: s.id,
    kind: s.kind,
    title: s.title,
    location: s.location,
    chat: s.chat || null,
    status: s.status,
    documents: s.documents,
    passages: s.passages,
    lastSyncAt: s.lastSyncAt?.toISOString() ?? null,
    lastOkAt: s.lastOkAt?.toISOString() ?? null,
    error: s.error ?? null,
    problems: s.problems,
  };
}

/** The team's knowledge over the configured store, with `TEAM_KNOWLEDGE_DIR` registered. */
async function openTeam(): Promise<TeamKnowledge> {
  const config = loadConfig();
  const logger = cliLogger(config.logLevel);
  const store = await cliStore(logger);
  const services = createServices(config, logger, { store });
  const team = createTeamKnowledge({
    store: store.team,
    providers: teamProviders(config, logger),
    limits: config.team.limits,
    logger,
    owner: `cli:${newWorkOwner()}`,
    ...(services.afterTeamChange ? { onChange: services.afterTeamChange } : {}),
  });
  await registerTeamDir(team, config, logger);
  return team;
}

function reportLine(r: SyncReport): string {
  const head = `${r.sourceId} ${r.title}: ${r.status}`;
  if (r.status === 'busy') return `${head} (another Coach process is syncing it)`;
  if (r.status === 'error') return `${head}: ${r.error ?? ''}`;
  const lines = [
    `${head}: ${r.documents} documents, ${r.passages} passages (${r.read} read, ${r.removed} removed)`,
  ];
  for (const p of r.problems) lines.push(`    ${p.file}: ${p.reason}`);
  return lines.join('\n');
}

function sourceLines(s: TeamSource): string {
  const scope = s.chat ? `only ${s.chat}` : 'team-wide';
  const synced = s.lastSyncAt ? `synced ${s.lastSyncAt.toISOString()}` : 'never synced';
  const lines = [
    `${s.id}  ${s.title}  [${s.kind}, ${scope}]  ${s.status}: ${s.documents} documents, ${s.passages} passages, ${synced}`,
    `    ${s.location}`,
  ];
  if (s.error) lines.push(`    error: ${s.error}`);
  for (const p of s.problems) lines.push(`    ${p.file}: ${p.reason}`);
  return lines.join('\n');
}

/** Runs one of the team subcommands; returns the exit code. */
export async function teamKnowledgeCommand(sub: string, argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseFlags(argv, { json: { type: 'boolean' }, ...CHAT_FLAG });
  const json = Boolean(values.json);
  const print = (value: unknown, text: string) => io.out(`${json ? JSON.stringify(value) : text}\n`);
  switch (sub) {
    case 'add': {
      const [location, ...extra] = positionals;
      if (!location || extra.length > 0) throw new UsageError('add takes one path or URL');
      const team = await openTeam();
      const { source, created } = await team.add(location, { chat: chatOf(values.chat), addedBy: 'cli' });
      const [report] = await team.sync({ ids: [source.id] });
      print(
        { source: sourceJson(source), created, sync: report ?? null },
        `${created ? 'added' : 'already added'} ${source.id} (${source.chat ? `only ${source.chat}` : 'team-wide'})\n${report ? reportLine(report) : ''}`,
      );
      return report?.status === 'error' ? 1 : 0;
    }
    case 'list': {
      if (positionals.length > 0) throw new UsageError('list takes no argument');
      const sources = await (await openTeam()).sources();
      print(
        sources.map(sourceJson),
        sources.length
          ? sources.map(sourceLines).join('\n')
          : 'no team sources yet: coach knowledge add <path | url>',
      );
      return 0;
    }
    case 'remove': {
      const [id, ...extra] = positionals;
      if (!id || extra.length > 0)
        throw new UsageError('remove takes one source id (see coach knowledge list)');
      const removed = await (await openTeam()).remove(id);
      if (!removed) {
        io.err(`coach knowledge remove: no source "${id}" (see coach knowledge list)\n`);
        return 1;
      }
      print(
        { removed: sourceJson(removed) },
        `removed ${removed.id} ${removed.title} and its ${removed.passages} passages`,
      );
      return 0;
    }
    case 'sync': {
      const team = await openTeam();
      const reports = await team.sync(positionals.length > 0 ? { ids: positionals } : {});
      print(reports, reports.length ? reports.map(reportLine).join('\n') : 'no team sources to sync');
      return reports.some((r) => r.status === 'error') ? 1 : 0;
    }
    case 'status': {
      const team = await openTeam();
      const [status, sources] = await Promise.all([team.status(), team.sources()]);
      print(
        { ...status, lastSyncAt: status.lastSyncAt?.toISOString() ?? null, sources: sources.map(sourceJson) },
        [
          `${status.ok ? 'ok' : 'FAILING'}: ${status.sources} sources, ${status.documents} documents, ${status.passages} passages`,
          ...sources.map(sourceLines),
        ].join('\n'),
      );
      return status.ok ? 0 : 1;
    }
    default:
      throw new UsageError(`unknown knowledge command "${sub}"`);
  }
}
