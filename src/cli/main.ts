import { describeError, isCoachError } from '../core/errors.ts';
import { ADMIN_USAGE, adminCommand } from './admin.ts';
import { UsageError } from './args.ts';
import { ASK_USAGE, askCommand } from './ask.ts';
import { cliServices, closeCliStores, curatedServices, type Io, processIo } from './context.ts';
import { KNOWLEDGE_USAGE, knowledgeCommand } from './knowledge.ts';
import { REVIEW_USAGE, reviewCommand } from './review.ts';
import { SEARCH_USAGE, searchCommand } from './search.ts';
import { configuredStore, STATS_USAGE, statsCommand } from './stats.ts';
import { TIP_USAGE, tipCommand } from './tip.ts';

const USAGE = [
  'coach: a B2B marketing coach on the command line',
  `  ${SEARCH_USAGE.replace('usage: ', '')}`,
  `  ${ASK_USAGE.replace('usage: ', '')}`,
  `  ${REVIEW_USAGE.replace('usage: ', '')}`,
  `  ${TIP_USAGE.replace('usage: ', '')}`,
  `  ${KNOWLEDGE_USAGE.replace('usage: ', '')}`,
  `  ${STATS_USAGE.replace('usage: ', '')}`,
  `  ${ADMIN_USAGE.replace('usage: ', '')}`,
  'Run through npm: npm run -s coach -- <command> …',
].join('\n');

/** Runs one CLI command; returns the exit code (0 ok, 1 failure, 2 bad input). */
export async function runCli(argv: string[], io: Io = processIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'search':
        return await searchCommand(rest, () => cliServices(), io);
      case 'ask':
        return await askCommand(rest, (o) => cliServices(o), io);
      case 'review':
        return await reviewCommand(rest, (o) => cliServices(o), io);
      case 'tip':
        return await tipCommand(rest, () => curatedServices(), io);
      case 'knowledge':
        return await knowledgeCommand(rest, io);
      case 'stats':
        return await statsCommand(rest, configuredStore, io);
      case 'admin':
        return await adminCommand(rest, io);
      case 'help':
      case '--help':
      case '-h':
        io.out(`${USAGE}\n`);
        return 0;
      default:
        throw new UsageError(command ? `unknown command "${command}"` : 'no command given');
    }
  } catch (err) {
    if (err instanceof UsageError || isCoachError(err, 'input_empty') || isCoachError(err, 'input_invalid')) {
      io.err(`coach ${command ?? ''}: ${err.message}\n${USAGE}\n`);
      return 2;
    }
    const { code, message } = describeError(err);
    io.err(`coach ${command ?? ''}: ${message} (${code})\n`);
    return 1;
  } finally {
    await closeCliStores();
  }
}

// Run when executed directly (tsx src/cli/main.ts …), not when imported by tests.
if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  process.exitCode = await runCli(process.argv.slice(2));
}
