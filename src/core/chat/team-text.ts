/**
 * What the admin commands on the team's knowledge (`learn`, `sources`, `forget`) say, in both languages,
 * and the checks they share: only admins, and only where the team's knowledge is set up.
 */
import type { Lang } from '../knowledge/types.ts';
import { noticeEvent } from '../reply/replies.ts';
import type { ReplyEvent } from '../reply/types.ts';
import type { SyncReport, TeamSource } from '../team/types.ts';
import type { CommandContext } from './commands/types.ts';
import type { Said } from './text.ts';

export const TEAM_TEXT = {
  notAdmin: {
    en: "Only Coach's admins can change or list the documents Coach learns from. Ask one of them (they are named in COACH_ADMINS).",
    zh: '只有 Coach 的管理员可以管理或查看学习资料。请联系管理员（COACH_ADMINS 中列出的人）。',
  },
  notSetUp: {
    en: "The team's knowledge is not set up in this Coach.",
    zh: '这个 Coach 没有启用团队知识库。',
  },
  learnUsage: {
    en: 'Send `learn <link>` with a Feishu/Lark docx, wiki page or wiki space link, or a Notion page or database link. This chat alone will use it.',
    zh: '发送 `学习 <链接>`：飞书/Lark 文档、知识库页面或知识空间链接，或 Notion 页面、数据库链接。只有本群会用到它。',
  },
  reading: { en: 'Reading the documents…', zh: '正在读取文档…' },
  forgetUsage: {
    en: 'Send `forget <id>` with an id from `sources`.',
    zh: '发送 `忘记 <编号>`，编号见 `资料`。',
  },
  noSources: {
    en: 'No documents yet. An admin can add some with `learn <link>`.',
    zh: '还没有学习资料。管理员可以用 `学习 <链接>` 添加。',
  },
  sourcesTitle: { en: 'What Coach learns from here', zh: 'Coach 在这里参考的资料' },
} as const satisfies Record<string, Said>;

/** Runs `body` for an admin where the team's knowledge exists; otherwise the polite no. */
export async function* adminOnly(
  ctx: CommandContext,
  body: (team: NonNullable<CommandContext['services']['team']>) => AsyncIterable<ReplyEvent>,
  lang: Lang = ctx.lang,
): AsyncIterable<ReplyEvent> {
  if (!ctx.isAdmin) {
    ctx.log.info({ event_type: 'team_command_refused', user: ctx.msg.userId }, 'not an admin');
    yield noticeEvent(TEAM_TEXT.notAdmin[lang], lang, ctx.ref);
    return;
  }
  const team = ctx.services.team;
  if (!team) {
    yield noticeEvent(TEAM_TEXT.notSetUp[lang], lang, ctx.ref);
    return;
  }
  yield* body(team);
}

/** The chat's scope: `<platform>:<chat id>`. */
export function scopeOf(ctx: CommandContext): string {
  return `${ctx.chat.platform}:${ctx.chat.chatId}`;
}

/** One source as a line of the `sources` list. */
export function sourceLine(s: TeamSource, lang: Lang, scope: string): string {
  const where = s.chat === scope ? (lang === 'zh' ? '（仅本群）' : ' (this chat only)') : '';
  const synced = s.lastSyncAt
    ? s.lastSyncAt.toISOString().slice(0, 16).replace('T', ' ')
    : lang === 'zh'
      ? '未同步'
      : 'not synced yet';
  const state =
    s.status === 'error'
      ? `❌ ${s.error ?? ''}`
      : s.status === 'warning'
        ? lang === 'zh'
          ? `⚠️ ${s.problems.length} 个文件读不了`
          : `⚠️ ${s.problems.length} file(s) could not be read`
        : s.status === 'ok'
          ? '✅'
          : '⏳';
  const counts =
    lang === 'zh'
      ? `${s.documents} 篇文档，${s.passages} 段`
      : `${s.documents} documents, ${s.passages} passages`;
  return `• \`${s.id}\` **${s.title}**${where}: ${counts}; ${synced} UTC ${state}\n  ${s.location}`;
}

/** What a `learn` did, for the admin who asked. */
export function learnedText(r: SyncReport, id: string, lang: Lang): string {
  if (r.status === 'error') {
    return lang === 'zh'
      ? `读不了“${r.title}”：${r.error ?? ''}\n已登记为 \`${id}\`，修好共享权限后会在下次同步时重试（或 \`忘记 ${id}\`）。`
      : `I could not read "${r.title}": ${r.error ?? ''}\nIt is registered as \`${id}\`; fix its sharing and the next sync tries again (or \`forget ${id}\`).`;
  }
  if (r.status === 'busy') {
    return lang === 'zh'
      ? `“${r.title}”正在另一个实例上同步，稍后用 \`资料\` 查看结果。`
      : `"${r.title}" is being synced by another Coach replica right now; check \`sources\` in a moment.`;
  }
  const head =
    lang === 'zh'
      ? `已学习 **${r.title}**（\`${id}\`）：${r.documents} 篇文档，${r.passages} 段。只在本群使用；用 \`忘记 ${id}\` 删除。`
      : `Learned **${r.title}** (\`${id}\`): ${r.documents} documents, ${r.passages} passages. Only this chat uses it; \`forget ${id}\` removes it.`;
  const first = r.problems[0];
  if (!first) return head;
  return lang === 'zh'
    ? `${head}\n⚠️ ${r.problems.length} 个问题，例如 ${first.file}：${first.reason}`
    : `${head}\n⚠️ ${r.problems.length} problem(s), e.g. ${first.file}: ${first.reason}`;
}
