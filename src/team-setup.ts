/**
 * Wires the team's own knowledge from config: the document providers (a folder on the server, Feishu /
 * Lark documents with the app's credentials, Notion with an integration token), the service over the
 * store, the team-wide folder of `TEAM_KNOWLEDGE_DIR`, and the sync schedule (`COACH_SYNC_EVERY`).
 */
import { createFeishuDocsProvider } from './adapters/feishu/docs-provider.ts';
import { createNotionProvider } from './adapters/notion/provider.ts';
import type { CoachServices } from './app.ts';
import type { Config } from './config.ts';
import type { Logger } from './core/logger.ts';
import type { Store } from './core/store/types.ts';
import { createFolderProvider } from './core/team/folder-provider.ts';
import { createTeamSyncJob, type TeamSyncJob } from './core/team/sync-job.ts';
import { createTeamKnowledge, type TeamKnowledge } from './core/team/team-knowledge.ts';
import type { DocumentProvider } from './core/team/types.ts';

/** Every provider, configured or not (an unconfigured one explains what to set when its link is added). */
export function teamProviders(config: Config, logger: Logger): DocumentProvider[] {
  const feishu = config.feishu;
  return [
    createFolderProvider(),
    createFeishuDocsProvider({
      ...(feishu
        ? { credentials: { appId: feishu.appId, appSecret: feishu.appSecret, domain: feishu.domain } }
        : {}),
      logger,
    }),
    createNotionProvider({
      ...(config.team.notion ? { token: config.team.notion.token } : {}),
      ...(config.team.notion?.apiUrl ? { baseUrl: config.team.notion.apiUrl } : {}),
      logger,
    }),
  ];
}

/** The team's knowledge over `store`; a sync or removal refreshes this process's index at once. */
export function createTeam(services: CoachServices, store: Store, owner: string): TeamKnowledge {
  const { config, logger } = services;
  return createTeamKnowledge({
    store: store.team,
    providers: teamProviders(config, logger),
    limits: config.team.limits,
    logger,
    owner,
    onChange: async () => {
      await services.teamIndex.refresh(true);
      await services.afterTeamChange?.();
    },
  });
}

/** Registers `TEAM_KNOWLEDGE_DIR` (when set) as a team-wide source; a no-op when it already is. */
export async function registerTeamDir(team: TeamKnowledge, config: Config, logger: Logger): Promise<void> {
  if (!config.team.dir) return;
  try {
    await team.add(config.team.dir, { addedBy: 'TEAM_KNOWLEDGE_DIR' });
  } catch (err) {
    logger.error(
      { event: 'team_dir_invalid', dir: config.team.dir, reason: (err as Error).message },
      'TEAM_KNOWLEDGE_DIR cannot be used',
    );
  }
}

/** The team's knowledge for a long-running process: registered folder, and the sync schedule. */
export async function startTeam(
  services: CoachServices,
  store: Store,
  owner: string,
): Promise<{ team: TeamKnowledge; job: TeamSyncJob }> {
  const team = createTeam(services, store, owner);
  await registerTeamDir(team, services.config, services.logger);
  const job = createTeamSyncJob({
    team,
    store: store.team,
    everyMs: services.config.team.syncEveryMs,
    owner,
    logger: services.logger,
  });
  return { team, job };
}
