/** `stats [30d]` (统计): the headline insights figures, for admins (`COACH_ADMINS`) only. */
import { describeError, isCoachError } from '../../errors.ts';
import { DEFAULT_SINCE, parseSince, statsChat, utcOffsetMinutes } from '../../insights/stats.ts';
import { noticeEvent } from '../../reply/replies.ts';
import type { Command, CommandRunner, CommandSpec } from './types.ts';

const TEXT = {
  notAdmin: {
    en: 'Only Coach admins can see the stats: ask whoever set Coach up to add you to COACH_ADMINS.',
    zh: '只有 Coach 管理员可以查看统计：请让部署 Coach 的同事把你加入 COACH_ADMINS。',
  },
  usage: {
    en: 'Usage: `stats [30d]`: figures of the last 30 days (or `12w`, `24h`, `2025-03-01`).',
    zh: '用法：`统计 [30d]`：最近 30 天的数据（也可写 `12w`、`24h`、`2025-03-01`）。',
  },
  failed: {
    en: 'The stats cannot be read right now; please try again in a minute.',
    zh: '暂时无法读取统计数据，请稍后再试。',
  },
} as const;

export const statsCommand: CommandSpec = {
  key: 'stats',
  words: ['stats', '统计'],
  help: {
    en: '• `stats [30d]`: what the team asks, what Coach could not answer, reviews and model use (admins)',
    zh: '• `统计 [30d]`：团队问了什么、哪些没答上、点评分数与模型用量（仅管理员，stats）',
  },
  parse: ({ rest, slash, text }) => {
    // "统计 …" without a slash and without a period is a question (e.g. about statistics), not the command.
    if (rest && !slash && !/^\d{1,5}[hdw]$|^\d{4}-\d{2}-\d{2}$/i.test(rest)) return { name: 'ask', text };
    return { name: 'stats', ...(rest ? { since: rest } : {}) };
  },
};

export const runStats: CommandRunner<Extract<Command, { name: 'stats' }>> = async function* (cmd, ctx) {
  const { services, lang, ref } = ctx;
  if (!ctx.isAdmin) {
    yield noticeEvent(TEXT.notAdmin[lang], lang, ref);
    return;
  }
  const now = services.now();
  let since: Date;
  try {
    since = parseSince(cmd.since ?? DEFAULT_SINCE, now);
  } catch (err) {
    if (!isCoachError(err, 'input_invalid')) throw err;
    yield noticeEvent(TEXT.usage[lang], lang, ref);
    return;
  }
  try {
    await services.insights.flush();
    const summary = await services.store.insights.summary({
      since,
      utcOffsetMinutes: utcOffsetMinutes(services.defaultTimezone, now),
    });
    yield {
      type: 'final',
      reply: {
        kind: 'notice',
        lang,
        sections: statsChat(summary, lang),
        citations: [],
        notes: [],
        buttons: [],
        ref,
      },
    };
  } catch (err) {
    ctx.log.warn({ event_type: 'stats_failed', ...describeError(err) }, 'stats not read');
    yield noticeEvent(TEXT.failed[lang], lang, ref, 'error');
  }
};
