import type { CoachServices } from '../app.ts';
import { sourceLabel } from '../core/answer/citations.ts';
import { prepareQuestion } from '../core/answer/question.ts';
import { detectLang } from '../core/retrieval/tokenize.ts';
import { parseFlags, stdinLines, UsageError } from './args.ts';
import type { Io } from './context.ts';

export const SEARCH_USAGE =
  'usage: coach search "<question>" [--json] [--k N]   (no question: one question per stdin line)';

/** One search result as the CLI prints it (a contract scripts rely on). */
export interface SearchRow {
  id: string;
  title: string;
  source: string;
  text: string;
  score: number;
}

/** `coach search`: the best knowledge entries for a question, or for each stdin line. */
export async function searchCommand(argv: string[], services: () => CoachServices, io: Io): Promise<number> {
  const { values, positionals } = parseFlags(argv, { json: { type: 'boolean' }, k: { type: 'string' } });
  const k = values.k === undefined ? 5 : Number(values.k);
  if (!Number.isInteger(k) || k < 1 || k > 50)
    throw new UsageError('--k must be a whole number from 1 to 50');
  const s = services();
  const run = (question: string): SearchRow[] => {
    const q = prepareQuestion(question);
    const lang = detectLang(q.text);
    return s.retriever.search(q.text, { k }).map((h) => ({
      id: h.entry.id,
      title: h.entry.title[lang],
      source: sourceLabel(s.kb, h.entry, lang),
      text: h.entry.body[lang],
      score: h.score,
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
    print(run(positionals.join(' ')));
    return 0;
  }
  let lines = 0;
  for await (const line of stdinLines()) {
    if (!line.trim()) {
      io.err('coach search: skipped an empty line\n');
      continue;
    }
    lines += 1;
    print(run(line));
  }
  if (lines === 0) throw new UsageError('no question given (pass one, or pipe questions on stdin)');
  return 0;
}
