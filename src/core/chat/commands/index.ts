/**
 * The command list: parsing a message into a command, running it, and everything generated from the
 * list (the help text, Feishu's bot-menu keys, Slack's suggested prompts).
 */
import type { Lang } from '../../knowledge/types.ts';
import { noticeEvent } from '../../reply/replies.ts';
import type { ReplyEvent } from '../../reply/types.ts';
import { TEXT, unknownCommandText } from '../text.ts';
import { askCommand, runAsk } from './ask.ts';
import { forgetCommand, runForget } from './forget.ts';
import { helpCommand } from './help.ts';
import { historyCommand, runHistory } from './history.ts';
import { learnCommand, runLearn } from './learn.ts';
import { reviewCommand, runReviewCommand } from './review.ts';
import { runSources, sourcesCommand } from './sources.ts';
import { runStats, statsCommand } from './stats.ts';
import { runTip, tipCommand } from './tip.ts';
import { runInvalid, runTipsOff, runTipsOn, tipsCommand } from './tips.ts';
import type { Command, CommandContext, CommandSpec, SuggestedPrompt } from './types.ts';

export { runReview } from './review.ts';
export type { Command, CommandContext, CommandServices } from './types.ts';

/** Every command, in the order of the help. */
export const COMMANDS: readonly CommandSpec[] = [
  askCommand,
  reviewCommand,
  tipCommand,
  tipsCommand,
  historyCommand,
  statsCommand,
  learnCommand,
  sourcesCommand,
  forgetCommand,
  helpCommand,
];

const BY_WORD = new Map<string, CommandSpec>(COMMANDS.flatMap((c) => c.words.map((w) => [w, c] as const)));

/**
 * Parses a message into a command. A known word (optionally after `/`, optionally followed by `:`)
 * starts a command; any other `/word` is unknown (→ help); everything else is a question.
 */
export function parseCommand(input: string): Command {
  // "/coach review …" typed as in Slack's slash command (in the terminal, a Feishu chat, a DM): the
  // command's own name is a prefix, not an unknown command.
  const text = input
    .trim()
    .replace(/^\/coach(?:\s|$)/i, '')
    .trim();
  if (!text) return { name: 'help' };
  const match = /^\/?([^\s/:：]+)[:：]?(?:\s+([\s\S]*))?$/.exec(text);
  const spec = match?.[1] ? BY_WORD.get(match[1].toLowerCase()) : undefined;
  if (!spec) {
    if (text.startsWith('/')) return { name: 'help', unknown: text.slice(1).split(/\s/, 1)[0] ?? '' };
    return { name: 'ask', text };
  }
  return spec.parse({ text, rest: (match?.[2] ?? '').trim(), slash: text.startsWith('/') });
}

/** Help, in the user's language, generated from the command list. */
export function helpText(lang: Lang, unknown?: string): string {
  return [
    unknown === undefined ? '' : unknownCommandText(lang, unknown),
    TEXT.helpIntro[lang],
    ...COMMANDS.map((c) => c.help[lang]),
  ]
    .filter(Boolean)
    .join('\n');
}

/** Bot-menu event key → the command text it runs (`tip` → `/tip`). */
export const MENU_KEYS: Readonly<Record<string, string>> = Object.fromEntries(
  COMMANDS.flatMap((c) => (c.menu ?? []).map((key) => [key.toLowerCase(), `/${c.words[0]}`] as const)),
);

/** Suggested first prompts, generated from the command list. */
export const SUGGESTED_PROMPTS: readonly SuggestedPrompt[] = COMMANDS.flatMap((c) => c.prompts ?? []);

/** Runs a parsed command. */
export function runCommand(cmd: Command, ctx: CommandContext): AsyncIterable<ReplyEvent> {
  switch (cmd.name) {
    case 'ask':
      return runAsk(cmd, ctx);
    case 'review':
      return runReviewCommand(cmd, ctx);
    case 'tip':
      return runTip(cmd, ctx);
    case 'tips_on':
      return runTipsOn(cmd, ctx);
    case 'tips_off':
      return runTipsOff(cmd, ctx);
    case 'history':
      return runHistory(cmd, ctx);
    case 'stats':
      return runStats(cmd, ctx);
    case 'invalid':
      return runInvalid(cmd, ctx);
    case 'team':
      return { learn: runLearn, sources: runSources, forget: runForget }[cmd.action](cmd, ctx);
    case 'help':
      return (async function* () {
        yield noticeEvent(helpText(ctx.lang, cmd.unknown), ctx.lang, ctx.ref, 'help');
      })();
  }
}
