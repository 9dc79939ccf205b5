/** `learn <link>` (学习, admins only): this chat learns from a Feishu/Lark or Notion document, read at once. */
import { isCoachError } from '../../errors.ts';
import { noticeEvent } from '../../reply/replies.ts';
import { detectLang } from '../../retrieval/tokenize.ts';
import { adminOnly, learnedText, scopeOf, TEAM_TEXT } from '../team-text.ts';
import type { Command, CommandRunner, CommandSpec } from './types.ts';

/** A link (Slack wraps them in `<…>`). */
const LINK = /^<?https?:\/\//i;

export const learnCommand: CommandSpec = {
  key: 'learn',
  words: ['learn', '学习'],
  help: {
    en: '• `learn <link>` (admins): learn from a Feishu/Lark or Notion document, for this chat',
    zh: '• `学习 <链接>`（管理员）：让本群学习一篇飞书/Lark 或 Notion 文档（learn）',
  },
  // "学习…" followed by words is a question; with `/` or a link it is the command.
  parse: ({ rest, slash, text }) =>
    slash || LINK.test(rest) ? { name: 'team', action: 'learn', arg: rest } : { name: 'ask', text },
};

export const runLearn: CommandRunner<Extract<Command, { name: 'team' }>> = (cmd, ctx) => {
  // `/学习 <link>` is Chinese though the link has more Latin letters than the command has Chinese ones.
  const lang = cmd.arg ? detectLang(ctx.msg.text.replace(cmd.arg, ' ')) : ctx.lang;
  const { ref } = ctx;
  return adminOnly(
    ctx,
    async function* (team) {
      if (!cmd.arg) {
        yield noticeEvent(TEAM_TEXT.learnUsage[lang], lang, ref);
        return;
      }
      let added: Awaited<ReturnType<typeof team.add>>;
      try {
        added = await team.add(cmd.arg, {
          chat: scopeOf(ctx),
          addedBy: `${ctx.msg.platform}:${ctx.msg.userId}`,
          fromChat: true,
        });
      } catch (err) {
        if (!isCoachError(err, 'input_invalid') && !isCoachError(err, 'input_empty')) throw err;
        yield noticeEvent(`${err.message}\n\n${TEAM_TEXT.learnUsage[lang]}`, lang, ref);
        return;
      }
      yield { type: 'status' as const, text: TEAM_TEXT.reading[lang], lang };
      const [report] = await team.sync({ ids: [added.source.id] });
      ctx.log.info({ event_type: 'team_learned', source: added.source.id, status: report?.status }, 'learn');
      if (report) yield noticeEvent(learnedText(report, added.source.id, lang), lang, ref);
    },
    lang,
  );
};
