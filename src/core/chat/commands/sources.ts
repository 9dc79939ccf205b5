/** `sources` (资料, admins only): the documents this chat's answers draw on, with their sync state. */
import { noticeEvent } from '../../reply/replies.ts';
import { adminOnly, scopeOf, sourceLine, TEAM_TEXT } from '../team-text.ts';
import type { Command, CommandRunner, CommandSpec } from './types.ts';

export const sourcesCommand: CommandSpec = {
  key: 'sources',
  words: ['sources', '资料'],
  help: {
    en: "• `sources` (admins): the team's documents this chat uses, and how their sync went",
    zh: '• `资料`（管理员）：本群使用的团队文档及同步状态（sources）',
  },
  parse: ({ rest, slash, text }) =>
    rest && !slash ? { name: 'ask', text } : { name: 'team', action: 'sources', arg: '' },
};

export const runSources: CommandRunner<Extract<Command, { name: 'team' }>> = (_cmd, ctx) =>
  adminOnly(ctx, async function* (team) {
    const { lang, ref } = ctx;
    const scope = scopeOf(ctx);
    // Another chat's sources are never listed here: their titles are that chat's business.
    const sources = await team.sources({ visibleIn: scope });
    if (sources.length === 0) {
      yield noticeEvent(TEAM_TEXT.noSources[lang], lang, ref);
      return;
    }
    const lines = sources.map((s) => sourceLine(s, lang, scope));
    yield noticeEvent(`**${TEAM_TEXT.sourcesTitle[lang]}**\n${lines.join('\n')}`, lang, ref);
  });
