import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { reviewCommand } from '../../core/chat/commands/review.ts';
import type { ChatEngine } from '../../core/chat/engine.ts';
import { silentLogger } from '../../core/logger.ts';
import type { ReplyEvent, RichReply } from '../../core/reply/types.ts';
import type { ChatRef } from '../../core/store/types.ts';
import { deliverReply } from '../delivery/deliver.ts';
import { terminalSafe } from '../delivery/safe-text.ts';
import type { ReplySink } from '../delivery/sink.ts';
import { renderReply } from './render.ts';

/** Streams, engine and start-up facts of a terminal chat session. */
export interface TerminalChatDeps {
  engine: ChatEngine;
  input: Readable;
  output: Writable;
  /** Printed once at start: what runs (offline or which model) and how to turn on more. */
  banner: string;
  user?: string;
}

/** The chat the terminal stands for: one local DM. */
export const TERMINAL_CHAT: ChatRef = { platform: 'terminal', workspace: 'local', chatId: 'terminal' };

/**
 * The terminal's sink: streamed text is printed as it comes (only what was not printed yet), then the
 * final reply (without its body when the stream already showed it).
 */
export function terminalSink(output: Writable): ReplySink {
  let printed = '';
  const print = (raw: string) => {
    // Streamed model text is cleaned like the rest: nothing it writes can drive the terminal.
    const text = terminalSafe(raw);
    const more = text.startsWith(printed) ? text.slice(printed.length) : '';
    if (more) output.write(more);
    printed += more;
  };
  return {
    async start(view) {
      print(view.text);
      return 'terminal';
    },
    async update(_placeholder, view) {
      print(view.text);
    },
    async final(reply) {
      // The final answer repeats what was streamed, unless it was replaced (e.g. by the offline answer).
      const streamed = printed.trim() !== '';
      const bodyShown = streamed && reply.sections[0]?.trim().startsWith(printed.trim()) === true;
      if (bodyShown) print(reply.sections[0]?.trim() ?? '');
      if (streamed) output.write('\n\n');
      output.write(`${renderReply(reply, { bodyShown })}\n\n`);
    },
    async failed() {
      output.write('\n(The reply could not be shown.)\n');
    },
    classify: () => ({ kind: 'other' }),
  };
}

/** `review` (or 点评…, the review command's own words) with nothing after it: the start of a multi-line draft. */
function isReviewAlone(line: string): boolean {
  const word = line.replace(/^\/coach\s+/i, '').toLowerCase();
  return reviewCommand.words.includes(word);
}
const BLOCK_PROMPT =
  'Paste the copy (several lines are fine), then an empty line to review it. / 贴上文案（可以多行），以空行结束。';

/**
 * The local chat REPL, driven by the same engine and delivery layer as Slack and Feishu: every command
 * works here (`review`, `tip`, `tips on`, `history`, `help`), plus `/good` and `/bad` to rate the last
 * reply and `/quit`. Resolves when the user quits or input ends.
 */
export async function runTerminalChat(deps: TerminalChatDeps): Promise<void> {
  const { engine, input, output } = deps;
  const user = deps.user ?? 'local-user';
  const session = Date.now().toString(36);
  const say = (text: string) => output.write(`${text}\n`);
  const log = silentLogger();
  say(deps.banner);
  const rl = createInterface({ input, terminal: false });
  let n = 0;
  let last: RichReply | undefined;
  const show = async (events: AsyncIterable<ReplyEvent>) =>
    (
      await deliverReply(events, terminalSink(output), {
        log,
        updateIntervalMs: 0,
        finalAttempts: 1,
        retryWindowMs: 0,
      })
    ).reply;
  const send = async (line: string) => {
    n += 1;
    const messageId = `${session}-${n}`;
    if (line === '/good' || line === '/bad') {
      const button = last?.buttons.find(
        (b) => b.action === (line === '/good' ? 'feedback_up' : 'feedback_down'),
      );
      if (last && button) {
        const { action, value } = button;
        await show(engine.action({ chat: TERMINAL_CHAT, userId: user, action, value, messageRef: last.ref }));
      } else say('Nothing to rate yet: ask a question or review some copy first.');
      return;
    }
    const reply = await show(
      engine.handle({
        ...TERMINAL_CHAT,
        threadId: session,
        messageId,
        userId: user,
        text: line,
        direct: true,
        addressed: true,
      }),
    );
    // /good and /bad rate the latest reply that can be rated (an answer or a review).
    if (reply?.buttons.some((b) => b.action === 'feedback_up')) last = reply;
  };
  const isQuit = (line: string) => line === '/quit' || line === '/exit' || line === '/q';
  // `review` alone opens a block: the lines pasted after it, up to an empty line, are one draft (a
  // testimonial with its signature, a headline with its stat tiles). The terminal reads line by line.
  let block: string[] | null = null;
  const flush = async () => {
    const lines = block ?? [];
    block = null;
    await send(lines.length > 0 ? `review ${lines.join('\n')}` : 'review');
  };
  for await (const raw of rl) {
    const line = raw.trim();
    if (block && line && !isQuit(line)) {
      block.push(raw.trimEnd());
      continue;
    }
    if (block) await flush();
    if (isQuit(line)) break;
    if (!line) continue;
    if (isReviewAlone(line)) {
      block = [];
      say(BLOCK_PROMPT);
      continue;
    }
    await send(line);
  }
  // Input ended inside a block: review what was pasted.
  if (block) await flush();
  rl.close();
  say('Bye.');
}

/** Posts a daily tip into the terminal (the scheduler's poster for the terminal platform). */
export function terminalPoster(output: Writable) {
  return async (_chat: ChatRef, reply: RichReply) => {
    output.write(`\n${renderReply(reply)}\n`);
  };
}
