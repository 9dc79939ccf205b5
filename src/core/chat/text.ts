/**
 * Every sentence the chat engine says itself, in both languages, in one place. Command files and the
 * engine pick from here; adapters never write user-facing sentences of the engine's.
 */
import type { Lang } from '../knowledge/types.ts';

/** A sentence per language. */
export type Said = Readonly<Record<Lang, string>>;

export const TEXT = {
  unavailable: {
    en: 'I cannot reach my database right now, so I cannot answer reliably. Please try again in a minute.',
    zh: '我暂时连不上数据库，现在无法可靠地回答。请一分钟后再试。',
  },
  error: {
    en: 'Sorry, something went wrong on my side while handling that. Please try again in a moment.',
    zh: '抱歉，处理这条消息时出了点问题，请稍后再试。',
  },
  reviewing: { en: 'Reviewing…', zh: '正在点评…' },
  reviewEmpty: {
    en: 'Paste the copy after the command, e.g. `review Cut energy costs 30% for mid-size plants`.',
    zh: '请把要点评的文案放在命令后面，例如：`点评 为制造企业节省30%的能耗成本`。',
  },
  reviewQuestion: {
    en: 'That looks like a question rather than copy to review. Ask it directly (without `review`) and I will answer it.',
    zh: '这看起来是一个问题，而不是要点评的文案。直接提问即可（不用加“点评”），我会按知识库回答。',
  },
  tipsOff: { en: 'Daily tips are off for this chat.', zh: '已关闭本群的每日一招。' },
  tipsNotOn: {
    en: 'This chat has no daily tips. Use `tips on 09:00` to start them.',
    zh: '本群没有开启每日一招。用 `tips on 09:00` 开启。',
  },
  tipsUsage: {
    en: 'Usage: `tips on [HH:MM] [time zone]`, e.g. `tips on 09:30 Europe/Berlin`, or `tips off`.',
    zh: '用法：`tips on [HH:MM] [时区]`，例如 `tips on 09:30 Asia/Shanghai`；或 `tips off`。',
  },
  feedbackThanks: {
    en: 'Thanks for the feedback! / 感谢反馈！',
    zh: 'Thanks for the feedback! / 感谢反馈！',
  },
  busy: {
    en: "You've sent me several messages at once and I'm still on the earlier ones. Please try again in a minute.",
    zh: '你同时发来的消息有点多，我还在处理前面的。请一分钟后再试。',
  },
  helpIntro: {
    en: "I'm Coach, your B2B marketing coach. Ask me anything about B2B marketing (English or Chinese), or use:",
    zh: '我是 Coach，你的 B2B 营销教练。直接提问即可（中英文都行），或者用这些命令：',
  },
} as const satisfies Record<string, Said>;

/** The note on an answer given offline because the workspace spent today's model budget. */
export function budgetNote(budget: { budget: { timezone: string } }, lang: Lang): string {
  const tz = budget.budget.timezone;
  return lang === 'zh'
    ? `本工作区今天的 AI 用量已达上限，这条回答来自知识库（离线），午夜（${tz}）后恢复。`
    : `This workspace has used today's AI budget, so this answer comes from the knowledge base (offline). It resets at midnight (${tz}).`;
}

/** "Daily tips at …" confirmation. */
export function tipsOnText(lang: Lang, time: string, timezone: string): string {
  return lang === 'zh'
    ? `好的，每天 ${time}（${timezone}）在这里发一条“每日一招”。用 \`tips off\` 关闭。`
    : `Done: a daily tip will be posted here at ${time} (${timezone}). Use \`tips off\` to stop.`;
}

/**
 * "I don't know the command …", echoing at most a short, harmless excerpt of the word: its leading
 * letters, digits, `-` and `_` (no brackets, links, mentions or mark-up can come back out), at most 20.
 */
export function unknownCommandText(lang: Lang, word: string): string {
  const safe = Array.from(/^[\p{L}\p{N}_-]*/u.exec(word)?.[0] ?? '')
    .slice(0, 20)
    .join('');
  if (!safe) return lang === 'zh' ? '我不认识这个命令。' : "I don't know that command.";
  return lang === 'zh' ? `我不认识命令 /${safe}。` : `I don't know the command /${safe}.`;
}
