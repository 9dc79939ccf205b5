import { loadConfig } from '../config.ts';
import { readKnowledge } from '../core/knowledge/load.ts';
import { parseFlags, UsageError } from './args.ts';
import type { Io } from './context.ts';

export const KNOWLEDGE_USAGE = 'usage: coach knowledge check [--json] [--dir DIR]';

/** `coach knowledge check`: validates every entry; exit 1 with the list of problems. */
export async function knowledgeCommand(argv: string[], io: Io): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub !== 'check') throw new UsageError(sub ? `unknown knowledge command "${sub}"` : 'missing "check"');
  const { values } = parseFlags(rest, { json: { type: 'boolean' }, dir: { type: 'string' } });
  const dir = typeof values.dir === 'string' ? values.dir : loadConfig().knowledgeDir;
  const { kb, problems } = readKnowledge(dir);
  if (values.json) {
    io.out(`${JSON.stringify({ ok: problems.length === 0, entries: kb.entries.length, problems })}\n`);
  } else if (problems.length === 0) {
    io.out(
      `knowledge ok: ${kb.entries.length} entries, ${kb.glossary.length} glossary terms, ${kb.concepts.length} concepts, ${kb.sources.size} sources\n`,
    );
  } else {
    io.err(`knowledge has ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}\n`);
  }
  return problems.length === 0 ? 0 : 1;
}
