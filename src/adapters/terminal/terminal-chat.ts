import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { CoachServices } from '../../app.ts';
import { formatAnswer } from '../../cli/ask.ts';
import { describeError } from '../../core/errors.ts';
import { tipOf, tipRotation } from '../../core/tips/tip.ts';

/** Streams and services of a terminal chat session. */
export interface TerminalChatDeps {
  services: CoachServices;
  input: Readable;
  output: Writable;
}

const HELP = [
  'Ask any question about B2B marketing, in English or Chinese. Commands:',
  '  /tip     a coaching tip',
  '  /help    this help',
  '  /quit    leave (Ctrl-D works too)',
].join('\n');

/**
 * The local chat REPL: one question per line, answered with sources. Says at start whether it runs
 * offline and which settings turn on the LLM and the chat platforms. Resolves when the user quits.
 */
export async function runTerminalChat(deps: TerminalChatDeps): Promise<void> {
  const { services, input, output } = deps;
  const say = (text: string) => output.write(`${text}\n`);
  say(banner(services));
  const rl = createInterface({ input, terminal: false });
  let tipIndex = 0;
  const rotation = tipRotation(services.kb, 'terminal');
  for await (const raw of rl) {
    const line = raw.trim();
    if (!line) continue;
    if (line === '/quit' || line === '/exit') break;
    if (line === '/help') {
      say(HELP);
      continue;
    }
    if (line === '/tip') {
      const entry = rotation[tipIndex++ % rotation.length];
      if (entry) {
        const tip = tipOf(services.kb, entry, 'en');
        say(`💡 ${tip.title}\n${tip.text}\n— ${tip.source}`);
      }
      continue;
    }
    if (line.startsWith('/')) {
      say(`Unknown command ${line.split(/\s/)[0]}.\n${HELP}`);
      continue;
    }
    try {
      let streamed = false;
      for await (const ev of services.answerer.ask(line)) {
        if (ev.type === 'delta') {
          output.write(ev.text);
          streamed = true;
        } else if (ev.type === 'done') say(`${formatAnswer(ev.answer, { bodyShown: streamed })}\n`);
      }
    } catch (err) {
      services.logger.error({ event: 'terminal_failed', ...describeError(err) }, 'answer failed');
      say('Sorry, something went wrong while answering. Please try again.');
    }
  }
  rl.close();
  say('Bye.');
}

function banner(s: CoachServices): string {
  const mode = s.llm
    ? `AI model: ${s.llm.model}.`
    : 'Running offline: answers come straight from the knowledge base. Set OPENAI_API_KEY (and OPENAI_BASE_URL, COACH_MODEL) in .env for AI coaching.';
  return [
    `Coach, your B2B marketing coach (${s.kb.entries.length} knowledge entries). ${mode}`,
    'Set SLACK_* or FEISHU_* settings in .env to run in Slack or Feishu instead. Type /help for commands.',
  ].join('\n');
}
