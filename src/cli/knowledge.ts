import { loadConfig } from '../config.ts';
import { readKnowledge } from '../core/knowledge/load.ts';
import { parseFlags, UsageError } from './args.ts';
import type { Io } from './context.ts';
import { teamKnowledgeCommand } from './knowledge-team.ts';

export const KNOWLEDGE_USAGE =
  'usage: coach knowledge check [--json] [--dir DIR] | add <path | url> [--chat <platform>:<chat id>] [--json] | list [--json] | remove <id> | sync [<id>…] [--json] | status [--json]';

/**
 * `coach knowledge check`: validates every curated entry; exit 1 with the list of problems. The other
 * subcommands manage the team's own sources (`knowledge-team.ts`).
 */
export async function knowledgeCommand(argv: string[], io: Io): Promise<number> {
  const [sub, ...rest] = argv;
  if (!sub) throw new UsageError('missing a knowledge command (check, add, list, remove, sync, status)');
  if (sub !== 'check') return teamKnowledgeCommand(sub, rest, io);
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
