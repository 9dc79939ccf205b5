import { runTerminalChat, terminalPoster } from './adapters/terminal/terminal-chat.ts';
import { createServices } from './app.ts';
import { loadConfig } from './config.ts';
import { createChatEngine } from './core/chat/engine.ts';
import { describeError } from './core/errors.ts';
import { createLogger } from './core/logger.ts';
import { openStore } from './core/store/index.ts';
import { createTipScheduler } from './core/tips/scheduler.ts';

/** Wires config → store → services → engine → scheduler → the terminal chat. */
async function main(): Promise<void> {
  const config = loadConfig();
  // The terminal chat shares the screen with the logs: keep them to warnings unless LOG_LEVEL asks for more.
  const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
  const services = createServices(config, logger);
  const store = openStore({ dbPath: config.dbPath, logger });
  const engine = createChatEngine({
    answerer: services.answerer,
    reviewer: services.reviewer,
    kb: services.kb,
    store,
    logger,
    defaultTimezone: config.timezone,
    maxConcurrentLlm: config.maxConcurrentLlm,
  });
  const scheduler = createTipScheduler({
    store,
    kb: services.kb,
    logger,
    posters: { terminal: terminalPoster(process.stdout) },
  });
  scheduler.start();
  try {
    await runTerminalChat({ engine, input: process.stdin, output: process.stdout, banner: banner(services) });
  } finally {
    scheduler.stop();
    await store.close();
  }
}

function banner(s: ReturnType<typeof createServices>): string {
  const mode = s.llm
    ? `AI model: ${s.llm.model}.`
    : 'Running offline: answers come straight from the knowledge base and reviews from the rule-based critic. Set OPENAI_API_KEY (and OPENAI_BASE_URL, COACH_MODEL) in .env for AI coaching.';
  return [
    `Coach, your B2B marketing coach (${s.kb.entries.length} knowledge entries). ${mode}`,
    'Set SLACK_* or FEISHU_* settings in .env to run in Slack or Feishu instead.',
    'Ask a question, or try: review <your tagline> · tip · tips on 09:00 · history · help · /quit',
  ].join('\n');
}

main().catch((err) => {
  const { code, message } = describeError(err);
  process.stderr.write(`coach: cannot start: ${message} (${code})\n`);
  process.exitCode = 1;
});
