/** `forget <id>` (忘记, admins only): removes a source this chat can see, with all its passages. */
import { noticeEvent } from '../../reply/replies.ts';
import { adminOnly, scopeOf, TEAM_TEXT } from '../team-text.ts';
import type { Command, CommandRunner, CommandSpec } from './types.ts';

/** A source id (`sourceIdOf`): `k` and seven hex digits. */
const SOURCE_ID = /^k[0-9a-f]{7}$/;

export const forgetCommand: CommandSpec = {
  key: 'forget',
  words: ['forget', '忘记'],
  help: {
    en: '• `forget <id>` (admins): stop using a source (ids from `sources`)',
    zh: '• `忘记 <编号>`（管理员）：不再使用某个资料（编号见 `资料`；forget）',
  },
  parse: ({ rest, slash, text }) =>
    slash || SOURCE_ID.test(rest) ? { name: 'team', action: 'forget', arg: rest } : { name: 'ask', text },
};

export const runForget: CommandRunner<Extract<Command, { name: 'team' }>> = (cmd, ctx) =>
  adminOnly(ctx, async function* (team) {
    const { lang, ref } = ctx;
    if (!cmd.arg) {
      yield noticeEvent(TEAM_TEXT.forgetUsage[lang], lang, ref);
      return;
    }
    const removed = await team.remove(cmd.arg, { visibleIn: scopeOf(ctx) });
    const id = cmd.arg.slice(0, 40);
    const text = removed
      ? lang === 'zh'
        ? `已删除 **${removed.title}**（\`${removed.id}\`）及其全部段落。`
        : `Forgot **${removed.title}** (\`${removed.id}\`) and all its passages.`
      : lang === 'zh'
        ? `这里没有编号为 \`${id}\` 的资料。用 \`资料\` 查看编号。`
        : `There is no source \`${id}\` here. \`sources\` lists the ids.`;
    ctx.log.info({ event_type: 'team_forget', source: removed?.id, found: Boolean(removed) }, 'forget');
    yield noticeEvent(text, lang, ref);
  });
