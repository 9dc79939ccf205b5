/**
 * The coaching pool (`COACH_WORKERS`): engine throughput (messages answered per second, offline) with the
 * pool and without, 32 conversations at once, questions and reviews mixed, with the curated entries
 * alone and with 20,000 team passages; and how long the event loop was held meanwhile (the time an
 * acknowledgement arriving then would wait), read from a 1 ms timer's lateness.
 *
 *   npx tsx bench/pool.ts        (also part of `npm run bench`)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEngine, createServices } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { silentLogger } from '../src/core/logger.ts';
import { openSqliteStore } from '../src/core/store/sqlite-store.ts';
import { seedPassages } from './team-knowledge.ts';

const QUESTIONS = [
  'How do I convince a CFO to buy our data platform?',
  'What is the difference between a USP and a UVP?',
  'Our buyers do not see why we are better than the cheaper vendor',
  '老板不认可我们的方案，怎么办？',
  'Which content fits each stage of the buying journey?',
  'How do we prove our onboarding results to a procurement committee?',
  'review The smartest scheduling platform for field service teams',
  'review 全流程智能排班平台，专业、高效，广受欢迎',
];

const line = (label: string, value: string) => console.log(`  ${label.padEnd(52)} ${value}`);

async function throughput(dbPath: string, workers: string, total: number): Promise<[number, number, number]> {
  const logger = silentLogger();
  const store = openSqliteStore(dbPath);
  const config = loadConfig({
    COACH_DB_PATH: dbPath,
    COACH_WORKERS: workers,
    COACH_USER_MESSAGES_PER_MINUTE: '0',
    COACH_CHAT_MESSAGES_PER_MINUTE: '0',
    COACH_USER_QUEUE: '1000',
  });
  const services = createServices(config, logger, { store, pool: true });
  await services.pool?.warm();
  await services.retriever.prepare('warm up');
  const engine = createEngine(services, store);
  const lanes = 32;
  let next = 0;
  // A timer every millisecond: how late it fires is how long the event loop was held by other work.
  const late: number[] = [];
  let probing = true;
  const schedule = () => {
    const due = performance.now() + 1;
    setTimeout(() => {
      late.push(performance.now() - due);
      if (probing) schedule();
    }, 1);
  };
  schedule();
  const start = performance.now();
  await Promise.all(
    Array.from({ length: lanes }, async (_, lane) => {
      for (let i = next++; i < total; i = next++) {
        const events = engine.handle({
          platform: 'slack',
          workspace: 'T1',
          chatId: `C${lane}`,
          messageId: `m${workers}${i}`,
          eventId: `e${workers}${i}`,
          userId: `U${lane}`,
          text: QUESTIONS[i % QUESTIONS.length] ?? 'what is a UVP',
          direct: true,
          addressed: true,
        });
        for await (const _ of events) {
          // drain
        }
      }
    }),
  );
  const secs = (performance.now() - start) / 1000;
  probing = false;
  await new Promise((r) => setTimeout(r, 5));
  await services.pool?.close();
  await store.close();
  late.sort((a, b) => a - b);
  return [total / secs, late[Math.floor(late.length * 0.99)] ?? 0, late.at(-1) ?? 0];
}

/** Runs the pool benchmark and prints its section. */
export async function runPoolBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'coach-bench-pool-'));
  try {
    console.log(
      `  (${availableParallelism()} cores; auto = ${Math.max(1, Math.min(4, availableParallelism() - 1))} thread(s))`,
    );
    for (const passages of [0, 20_000]) {
      const dbPath = join(dir, `p${passages}.db`);
      if (passages > 0) {
        const seed = openSqliteStore(dbPath);
        await seedPassages(seed, passages);
        await seed.close();
      }
      const total = passages > 0 ? 1_500 : 3_000;
      for (const workers of ['0', 'auto']) {
        const [rate, p99, max] = await throughput(dbPath, workers, total);
        line(
          `${passages ? '20,000 passages' : 'curated only'}, COACH_WORKERS=${workers}: msgs/s`,
          `${Math.round(rate)}   (event loop held p99 ${p99.toFixed(1)} ms, max ${max.toFixed(1)} ms)`,
        );
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log('Coaching pool');
  await runPoolBench();
}
