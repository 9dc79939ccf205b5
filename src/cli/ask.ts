import type { CoachServices } from '../app.ts';
import { citationLine } from '../core/answer/citations.ts';
import type { Answer } from '../core/answer/types.ts';
import { CHAT_FLAG, chatOf, parseFlags, UsageError } from './args.ts';
import type { Io } from './context.ts';

export const ASK_USAGE = 'usage: coach ask "<question>" [--json] [--offline] [--chat <platform>:<chat id>]';

/** `coach ask`: a cited answer; streamed in text mode when an LLM is configured. */
export async function askCommand(
  argv: string[],
  services: (o: { offline?: boolean }) => Promise<CoachServices>,
  io: Io,
): Promise<number> {
  const { values, positionals } = parseFlags(argv, {
    json: { type: 'boolean' },
    offline: { type: 'boolean' },
    ...CHAT_FLAG,
  });
  const chat = chatOf(values.chat);
  const question = positionals.join(' ');
  if (!question.trim()) throw new UsageError('no question given');
  const s = await services({ offline: Boolean(values.offline) });
  let final: Answer | undefined;
  let streamed = false;
  for await (const ev of s.answerer.ask(question, { chat })) {
    if (ev.type === 'delta' && !values.json) {
      io.out(ev.text);
      streamed = true;
    } else if (ev.type === 'done') final = ev.answer;
  }
  if (!final) throw new Error('no answer');
  if (values.json) {
    const { answer, citations, mode, lang, notes } = final;
    io.out(`${JSON.stringify({ answer, citations, mode, lang, notes })}\n`);
  } else {
    io.out(`${formatAnswer(final, { bodyShown: streamed && final.mode === 'llm' })}\n`);
  }
  return 0;
}

/** An answer as terminal text: notes, body, numbered sources. */
export function formatAnswer(a: Answer, opts: { bodyShown?: boolean } = {}): string {
  const parts: string[] = [];
  if (opts.bodyShown) parts.push('');
  for (const n of a.notes) parts.push(`(${n})`);
  if (!opts.bodyShown) parts.push(a.answer);
  if (a.citations.length > 0) {
    parts.push(
      [
        a.lang === 'zh' ? '来源：' : 'Sources:',
        ...a.citations.map((c, i) => `  ${citationLine(c, c.n ?? i + 1, a.lang)}`),
      ].join('\n'),
    );
  }
  return parts.join('\n\n');
}
