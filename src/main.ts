import type { PlatformAdapter } from './adapters/platform.ts';
import { runTerminalChat, terminalPoster } from './adapters/terminal/terminal-chat.ts';
import { type CoachServices, createEngine, createServices } from './app.ts';
import { loadConfig } from './config.ts';
import { createTakeoverSweeper, type Resumer } from './core/chat/takeover.ts';
import { newWorkOwner } from './core/chat/work.ts';
import { describeError } from './core/errors.ts';
import { createInsightsRecorder } from './core/insights/recorder.ts';
import { createLogger } from './core/logger.ts';
import { openStore } from './core/store/index.ts';
import { createTipScheduler, type PostFn } from './core/tips/scheduler.ts';
import { createRetentionJob } from './core/upkeep/retention.ts';
import { runService } from './service.ts';
import { startTeam } from './team-setup.ts';

/**
 * Wires config → store → services → engine → adapters. With any chat platform configured it runs
 * as a service (no stdin); otherwise it opens the terminal chat.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const service = Boolean(config.slack || config.feishu);
  // The terminal chat shares the screen with the logs: keep them to warnings unless LOG_LEVEL asks for more.
  const logger = createLogger(!service && config.logLevel === 'info' ? 'warn' : config.logLevel);
  const store = await openStore({ dbPath: config.dbPath, databaseUrl: config.databaseUrl, logger });
  const services = createServices(config, logger, { store, pool: service });
  const owner = newWorkOwner();
  const insights = createInsightsRecorder({ store: store.insights, logger });
  const { team, job: teamSync } = await startTeam(services, store, owner);
  const engine = createEngine(services, store, { owner, insights, team });

  if (service) {
    const adapters: PlatformAdapter[] = [];
    if (config.slack) {
      const { createSlackAdapter } = await import('./adapters/slack/index.ts');
      adapters.push(
        createSlackAdapter({
          settings: config.slack,
          engine,
          logger,
          deliveryRetryMs: config.deliveryRetryMs,
        }),
      );
    }
    if (config.feishu) {
      const { createFeishuAdapter } = await import('./adapters/feishu/index.ts');
      adapters.push(
        createFeishuAdapter({
          settings: config.feishu,
          engine,
          logger,
          deliveryRetryMs: config.deliveryRetryMs,
        }),
      );
    }
    const posters: Record<string, PostFn> = Object.fromEntries(adapters.map((a) => [a.platform, a.post]));
    const scheduler = createTipScheduler({ store, kb: services.kb, logger, posters });
    const resumers: Record<string, Resumer> = {};
    for (const a of adapters) resumers[a.platform] = (msg) => a.resume(msg);
    const sweeper = createTakeoverSweeper({
      store,
      logger,
      owner,
      leaseMs: config.claimLeaseMs,
      intervalMs: config.sweepMs,
      resumers,
      holds: (key) => engine.holds(key),
    });
    const retention = createRetentionJob({
      store,
      logger,
      days: config.retentionDays,
      timezone: config.timezone,
    });
    const { llm } = services;
    const model = llm ? () => ({ breaker: llm.breaker() }) : undefined;
    const { pool } = services;
    await runService({
      config,
      logger,
      store,
      adapters,
      scheduler,
      sweeper,
      retention,
      owner,
      insights,
      ...(model ? { model } : {}),
      ...(pool ? { pool: () => ({ threads: pool.threads, ...pool.stats() }) } : {}),
      team: { start: () => teamSync.start(), stop: () => teamSync.stop(), health: () => team.status() },
    });
    await pool?.close();
    // Work still in flight after the grace period (its leases are released) must not keep the process up.
    process.exit(0);
  }

  const scheduler = createTipScheduler({
    store,
    kb: services.kb,
    logger,
    posters: { terminal: terminalPoster(process.stdout) },
  });
  scheduler.start();
  const retention = createRetentionJob({
    store,
    logger,
    days: config.retentionDays,
    timezone: config.timezone,
  });
  retention.start();
  teamSync.start();
  try {
    await runTerminalChat({ engine, input: process.stdin, output: process.stdout, banner: banner(services) });
  } finally {
    scheduler.stop();
    retention.stop();
    await teamSync.stop();
    await insights.flush();
    await store.close();
  }
}

function banner(s: CoachServices): string {
  const mode = s.llm
    ? `AI model: ${s.llm.model}.`
    : 'Running offline: answers come straight from the knowledge base and reviews from the rule-based critic. Set OPENAI_API_KEY (and OPENAI_BASE_URL, COACH_MODEL) in .env for AI coaching.';
  return [
    `Coach, your B2B marketing coach (${s.kb.entries.length} knowledge entries). ${mode}`,
    'Set SLACK_* or FEISHU_* settings in .env to run in Slack or Feishu instead.',
    'Ask a question, or try: review <your tagline> · tip · tips on 09:00 · history · help · /quit',
  ].join('\n');
}

main().then(
  () => {
    process.exitCode ??= 0;
  },
  (err) => {
    const { code, message } = describeError(err);
    process.stderr.write(`coach: cannot start: ${message} (${code})\n`);
    process.exitCode = 1;
  },
);
