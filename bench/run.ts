/**
 * `npm run bench`: prints the figures the issues ask for. Everything runs on this machine, against
 * loopback only; nothing here is asserted (timings never go in tests).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULTS } from '../src/config.ts';
import { createAnswerer } from '../src/core/answer/answerer.ts';
import { buildAnswerMessages } from '../src/core/answer/llm-answer.ts';
import { createChatEngine } from '../src/core/chat/engine.ts';
import { loadKnowledge } from '../src/core/knowledge/load.ts';
import { silentLogger } from '../src/core/logger.ts';
import { loadPrompt } from '../src/core/prompts.ts';
import { loadRetrievalEval } from '../src/core/retrieval/retrieval-eval.ts';
import { createRetriever } from '../src/core/retrieval/retriever.ts';
import { reviewOffline } from '../src/core/review/offline-critic.ts';
import { openSqliteStore } from '../src/core/store/sqlite-store.ts';
import { createLlmClient } from '../src/llm/client.ts';
import { ms, percentile } from './stats.ts';

// `npm run bench -- --soak [--minutes N] [--rate R] [--store postgres]`: only the soak (bench/soak.ts).
if (process.argv.includes('--soak')) {
  const { runSoak } = await import('./soak.ts');
  await runSoak();
  process.exit(0);
}

const logger = silentLogger();
const kb = loadKnowledge('knowledge');
const line = (label: string, value: string) => console.log(`  ${label.padEnd(44)} ${value}`);

// ── Retrieval ────────────────────────────────────────────────────────────────
console.log('Retrieval');
const builds: number[] = [];
let retriever = createRetriever(kb);
for (let i = 0; i < 20; i += 1) {
  const t = performance.now();
  retriever = createRetriever(kb);
  builds.push(performance.now() - t);
}
line('index build (53 entries, median of 20)', ms(percentile(builds, 50)));
const questions = loadRetrievalEval('eval/retrieval.jsonl').map((i) => i.q);
for (const q of questions) retriever.search(q); // warm-up
const lat: number[] = [];
for (let i = 0; i < 2_000; i += 1) {
  const q = questions[i % questions.length] ?? '';
  const t = performance.now();
  retriever.search(q, { k: 5 });
  lat.push(performance.now() - t);
}
line(`query latency p50 (${lat.length} queries)`, ms(percentile(lat, 50)));
line('query latency p99', ms(percentile(lat, 99)));

const startToReady = await new Promise<number>((resolve, reject) => {
  const t = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      COACH_DB_PATH: join(tmpdir(), `coach-bench-${process.pid}.db`),
    },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  child.stdout.once('data', () => {
    resolve(performance.now() - t);
    child.stdin.end('/quit\n');
  });
  child.on('error', reject);
});
line('process start → terminal chat ready', ms(startToReady));

// ── Review ───────────────────────────────────────────────────────────────────
console.log('\nReview (offline rule critic)');
const drafts = [
  'Cut month-end close from 9 days to 4 for mid-size distributors — trusted by 140 finance teams, SOC 2 audited.',
  '业界领先的一站式智能平台，赋能企业数字化转型，合作共赢！',
  'Lowest price on the market! 50% off all plans this month.',
  '面向汽车零部件厂的预测性维护：在宁波12家压铸厂上线后，非计划停机从每月31小时降到9小时。',
];
for (const d of drafts) reviewOffline(d);
const reviewStart = performance.now();
let reviews = 0;
while (performance.now() - reviewStart < 2_000) {
  reviewOffline(drafts[reviews % drafts.length] ?? '');
  reviews += 1;
}
line('offline reviews per second', `${Math.round(reviews / ((performance.now() - reviewStart) / 1000))}`);

// ── LLM answers ──────────────────────────────────────────────────────────────
console.log('\nLLM answers (fake OpenAI-compatible server on 127.0.0.1)');
let firstChunkAt = 0;
const sse = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    const chunk = (text: string) =>
      `data: ${JSON.stringify({ id: 'b', object: 'chat.completion.chunk', created: 0, model: 'bench', choices: [{ index: 0, delta: { content: text }, finish_reason: null }] })}\n\n`;
    firstChunkAt = performance.now();
    res.write(chunk('Trust comes first [1]. '));
    setTimeout(() => {
      res.write(chunk('Then prove it with numbers.'));
      res.end('data: [DONE]\n\n');
    }, 5);
  });
});
await new Promise<void>((r) => sse.listen(0, '127.0.0.1', r));
const port = (sse.address() as { port: number }).port;
const llm = createLlmClient({
  apiKey: 'sk-fake-bench',
  baseURL: `http://127.0.0.1:${port}/v1`,
  model: 'bench',
  timeoutMs: 5_000,
  maxRetries: 0,
  maxTokens: 1_500,
  logger,
});
const answerer = createAnswerer({ retriever, llm, logger });
const overheads: number[] = [];
for (let i = 0; i < 60; i += 1) {
  for await (const ev of answerer.ask('How do I win a CFO trust?')) {
    if (ev.type === 'delta') {
      overheads.push(performance.now() - firstChunkAt);
      break;
    }
  }
}
overheads.splice(0, 10); // warm-up
line('first token: fake server → core delta, p50', ms(percentile(overheads, 50)));
line('first token overhead p99', ms(percentile(overheads, 99)));
sse.close();
const typical = 'Our CFO keeps stalling the deal. How do I earn trust?';
const msgs = buildAnswerMessages(loadPrompt('answer'), {
  question: typical,
  hits: retriever.search(typical, { k: 4 }),
  history: [],
  lang: 'en',
  kb,
});
const chars = msgs.reduce((n, m) => n + m.content.length, 0);
line('prompt size for a typical question', `${chars} chars (~${Math.round(chars / 4)} tokens)`);

// ── Chat engine ──────────────────────────────────────────────────────────────
console.log('\nChat engine (offline answerer, SQLite store)');
const dir = mkdtempSync(join(tmpdir(), 'coach-bench-'));
const store = openSqliteStore(join(dir, 'coach.db'));
const engine = createChatEngine({
  answerer: createAnswerer({ retriever, logger }),
  reviewer: { review: async (d) => reviewOffline(d) },
  kb,
  store,
  logger,
  defaultTimezone: DEFAULTS.timezone,
  maxConcurrentLlm: DEFAULTS.maxConcurrentLlm,
  claimLeaseMs: DEFAULTS.claimLeaseMs,
  limits: { userPerMinute: 0, chatPerMinute: 0, userQueue: 1_000_000 },
  dailyTokenBudget: 0,
});
const total = 3_000;
const engineStart = performance.now();
for (let i = 0; i < total; i += 1) {
  const events = engine.handle({
    platform: 'slack',
    workspace: 'T1',
    chatId: `C${i % 20}`,
    messageId: `m${i}`,
    eventId: `e${i}`,
    userId: 'U1',
    text: questions[i % questions.length] ?? 'what is a UVP',
    direct: true,
    addressed: true,
  });
  for await (const _ of events) {
    // drain
  }
}
const engineSecs = (performance.now() - engineStart) / 1000;
line(`messages per second (${total} messages)`, `${Math.round(total / engineSecs)}`);
const storeStart = performance.now();
for (let i = 0; i < 5_000; i += 1) {
  await store.claim(`bench:${i}`, new Date());
  await store.appendTurn('bench:thread', { role: 'user', text: 'hello', at: new Date() });
}
line('store cost per message (claim + turn)', ms((performance.now() - storeStart) / 5_000));
await store.close();
rmSync(dir, { recursive: true, force: true });

// ── Platforms and store (each prints its own section) ────────────────────────
const { runFeishuBench } = await import('./feishu.ts');
console.log('\nFeishu adapter');
await runFeishuBench();

const { runSlackBench } = await import('./slack.ts');
console.log('\nSlack adapter');
await runSlackBench();
const { runSlackProcessBench } = await import('./slack-process.ts');
await runSlackProcessBench();

const { runFloodBench } = await import('./flood.ts');
await runFloodBench();
const { runFuzzBench } = await import('./fuzz.ts');
runFuzzBench();

const { runStoreBench } = await import('./store.ts');
console.log('\nStore claims');
await runStoreBench();

const { runInsightsBench } = await import('./insights.ts');
console.log('\nInsights (100,000 recorded events)');
await runInsightsBench();
const { runTeamKnowledgeBench } = await import('./team-knowledge.ts');
console.log("\nTeam knowledge (the team's own documents)");
await runTeamKnowledgeBench();

const { runReplicaBench } = await import('./replicas.ts');
console.log('\nTwo replicas on PostgreSQL');
await runReplicaBench();

const { runPoolBench } = await import('./pool.ts');
console.log('\nCoaching pool (COACH_WORKERS): engine throughput, event loop held');
await runPoolBench();
const { runAckRace } = await import('./ack-race.ts');
await runAckRace(5, 'auto');
await runAckRace(5, 'auto', 20_000);

const { runMemoryBench } = await import('./memory.ts');
await runMemoryBench();
