import type { CoachServices } from '../app.ts';
import { sourceLabel } from '../core/answer/citations.ts';
import { prepareQuestion } from '../core/answer/question.ts';
import { detectLang } from '../core/retrieval/tokenize.ts';
import { CHAT_FLAG, chatOf, parseFlags, stdinLines, UsageError } from './args.ts';
import type { Io } from './context.ts';

export const SEARCH_USAGE =
  'usage: coach search "<question>" [--json] [--k N] [--chat <platform>:<chat id>]   (no question: one question per stdin line)';

/** One search result as the CLI prints it (a contract scripts rely on). */
export interface SearchRow {
  id: string;
  title: string;
  source: string;
  text: string;
  score: number;
  /** Set on a passage of the team's own documents (`source` is then its file path or URL). */
  team?: true;
}

/** `coach search`: the best knowledge entries for a question, or for each stdin line. */
export async function searchCommand(
  argv: string[],
  services: () => Promise<CoachServices>,
  io: Io,
): Promise<number> {
  const { values, positionals } = parseFlags(argv, {
    json: { type: 'boolean' },
    k: { type: 'string' },
    ...CHAT_FLAG,
  });
  const chat = chatOf(values.chat);
  const k = values.k === undefined ? 5 : Number(values.k);
  if (!Number.isInteger(k) || k < 1 || k > 50)
    throw new UsageError('--k must be a whole number from 1 to 50');
  const s = await services();
  const run = async (question: string): Promise<SearchRow[]> => {
    const q = prepareQuestion(question);
    const lang = detectLang(q.text);
    await s.retriever.prepare(q.text, { chat });
    return s.retriever.search(q.text, { k, chat }).map((h) => ({
      id: h.entry.id,
      title: h.entry.title[lang],
      source: sourceLabel(s.kb, h.entry, lang),
      text: h.entry.body[lang],
      score: h.score,
      ...(h.entry.team ? { team: true as const } : {}),
    }));
  };
  const print = (rows: SearchRow[]) => {
    if (values.json) io.out(`${JSON.stringify(rows)}\n`);
    else if (rows.length === 0) io.out('No matching knowledge (Coach covers B2B marketing).\n\n');
    else
      io.out(
        `${rows.map((r, i) => `${i + 1}. ${r.title}  [${r.id}, score ${r.score}]\n   ${r.source}`).join('\n')}\n\n`,
      );
  };
  if (positionals.length > 0) {
    print(await run(positionals.join(' ')));
    return 0;
  }
  let lines = 0;
  for await (const line of stdinLines()) {
    if (!line.trim()) {
      io.err('coach search: skipped an empty line\n');
      continue;
    }
    lines += 1;
    print(await run(line));
  }
  if (lines === 0) throw new UsageError('no question given (pass one, or pipe questions on stdin)');
  return 0;
}
