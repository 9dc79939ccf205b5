/**
 * The shape of a chat command: the words that start it, its line in the help, how the rest of the
 * message is parsed, and how it runs. One file per command in this folder; `index.ts` lists them.
 */
import type { Answerer } from '../../answer/answerer.ts';
import type { InsightsRecorder } from '../../insights/recorder.ts';
import type { KnowledgeBase, Lang } from '../../knowledge/types.ts';
import type { Logger } from '../../logger.ts';
import type { ReplyEvent, RichReply } from '../../reply/types.ts';
import type { Reviewer } from '../../review/types.ts';
import type { ChatRef, Store, Turn } from '../../store/types.ts';
import type { TeamKnowledge } from '../../team/team-knowledge.ts';
import type { Admins } from '../admins.ts';
import type { TokenBudget } from '../token-budget.ts';
import type { IncomingMessage } from '../types.ts';

/** A parsed chat command. Plain text is a question. */
export type Command =
  | { name: 'ask'; text: string }
  | { name: 'review'; text: string }
  | { name: 'tip' }
  | { name: 'tips_on'; time?: string; timezone?: string }
  | { name: 'tips_off' }
  | { name: 'history' }
  | { name: 'stats'; since?: string }
  | { name: 'help'; unknown?: string }
  | { name: 'team'; action: 'learn' | 'sources' | 'forget'; arg: string }
  | { name: 'invalid'; message: string };

/** How the message that carried a command word looked. */
export interface ParseInput {
  /** The whole message, trimmed. */
  text: string;
  /** What follows the command word, trimmed. */
  rest: string;
  /** The word was written with a leading `/`. */
  slash: boolean;
}

/** A suggested first message (Slack's assistant panel). */
export interface SuggestedPrompt {
  title: Record<Lang, string>;
  message: Record<Lang, string>;
}

/** One command: its words, help line, menu keys, parser. */
export interface CommandSpec {
  /** Its key, for the help and menus. */
  key: string;
  /** Words that start it (English and Chinese), matched case-insensitively, with or without `/`. */
  words: readonly string[];
  /** Its line in the help, per language (Markdown). */
  help: Record<Lang, string>;
  /** Bot-menu event keys (Feishu) that run it. */
  menu?: readonly string[];
  /** Suggested prompts it offers (Slack assistant panel). */
  prompts?: readonly SuggestedPrompt[];
  /** The command this message stands for. */
  parse(input: ParseInput): Command;
}

/** Long-lived services the commands run with. */
export interface CommandServices {
  answerer: Answerer;
  reviewer: Reviewer;
  kb: KnowledgeBase;
  store: Store;
  logger: Logger;
  now: () => Date;
  /** Time zone for `tips on` without one (`COACH_TIMEZONE`). */
  defaultTimezone: string;
  /** Turns of a thread passed to the answerer as history. */
  historyTurns: number;
  /**
   * Takes one of the model slots (`COACH_MAX_CONCURRENT_LLM`) for `userKey`: slots go to users in turn,
   * so no user waits behind another's queue. Resolves with its release.
   */
  modelSlot(userKey: string): Promise<() => void>;
  /** The workspace's daily token budget (`COACH_DAILY_TOKEN_BUDGET`). */
  budget: TokenBudget;
  /** Who may run the admin commands (`COACH_ADMINS`). */
  admins: Admins;
  /** Queues what each answer, review and vote did, for `coach stats` and the admin page; never throws. */
  insights: InsightsRecorder;
  /** The team's own knowledge (`learn`, `sources`, `forget`), when the process has it. */
  team?: TeamKnowledge;
}

/** What one run of a command knows about its message. */
export interface CommandContext {
  services: CommandServices;
  msg: IncomingMessage;
  /** The reply's language. */
  lang: Lang;
  /** The reply's ref. */
  ref: string;
  log: Logger;
  chat: ChatRef;
  threadKey: string;
  /** `platform:workspace:user`, the owner of reviews. */
  userKey: string;
  /** The sender is named in `COACH_ADMINS` (or is the terminal's user): may run admin commands. */
  isAdmin: boolean;
  /** Keeps the exchange as the thread's history (never throws). */
  remember(userText: string, reply: RichReply, kind: Turn['kind']): Promise<void>;
}

/** Runs one kind of command. */
export type CommandRunner<C extends Command> = (cmd: C, ctx: CommandContext) => AsyncIterable<ReplyEvent>;
