import { runTerminalChat } from './adapters/terminal/terminal-chat.ts';
import { createServices } from './app.ts';
import { loadConfig } from './config.ts';
import { describeError } from './core/errors.ts';
import { createLogger } from './core/logger.ts';

/** Wires config → services → the terminal chat. */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel === 'info' && process.stdin.isTTY ? 'warn' : config.logLevel);
  const services = createServices(config, logger);
  await runTerminalChat({ services, input: process.stdin, output: process.stdout });
}

main().catch((err) => {
  const { code, message } = describeError(err);
  process.stderr.write(`coach: cannot start: ${message} (${code})\n`);
  process.exitCode = 1;
});
