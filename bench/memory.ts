/**
 * The service's footprint: one compiled service (`node dist/main.js`, run as the Dockerfile runs it)
 * serving Slack and Feishu over HTTP, resident memory of its whole process tree (from /proc) when idle
 * after start, then after 1,000 answers (half Slack mentions, half Feishu messages, sent 20 at a time),
 * then after 30 quiet seconds; once offline (coaching in the pool's thread) and once with a (fake) model. Goal: under 150 MB idle, under 200 MB after 1,000 answers.
 *
 *   npx tsx bench/memory.ts [--answers 1000]   (also part of `npm run bench`)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeFeishu } from '../test/fakes/fake-feishu.ts';
import { startFakeOpenAI } from '../test/fakes/fake-openai.ts';
import { startFakeSlack } from '../test/fakes/fake-slack.ts';
import {
  feishuRequest,
  groupMention,
  postFeishu,
  postSlack,
  slackMentionPair,
} from '../test/replicas-support.ts';
import { fakePlatformEnv } from './fake-platforms.ts';
import { startService, treeRss } from './service.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs one service through idle → 1,000 answers → idle again; resolves with the figures (MB). */
interface Footprint {
  idle: number;
  after: number;
  peak: number;
  settled: number;
  answered: number;
}

async function measure(withModel: boolean, answers: number): Promise<Footprint> {
  const dir = mkdtempSync(join(tmpdir(), 'coach-mem-'));
  const [slack, feishu, llm] = await Promise.all([startFakeSlack(), startFakeFeishu(), startFakeOpenAI()]);
  llm.setDefaultReply('Trust comes from proof: name the customers and the numbers [1].');
  const { child, url } = await startService({
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    LOG_LEVEL: 'info',
    PORT: '0',
    KNOWLEDGE_DIR: 'knowledge',
    COACH_DB_PATH: join(dir, 'coach.db'),
    COACH_USER_MESSAGES_PER_MINUTE: '0',
    COACH_CHAT_MESSAGES_PER_MINUTE: '0',
    ...(withModel ? { OPENAI_API_KEY: 'sk-fake-memory', OPENAI_BASE_URL: llm.url, LLM_RERANK: 'off' } : {}),
    ...fakePlatformEnv(slack, feishu, 'memory'),
  });
  try {
    const pid = child.pid ?? 0;
    await sleep(5_000);
    const idle = treeRss(pid);
    let peak = idle;
    const answered = () =>
      new Set(slack.calls.filter((c) => c.method === 'chat.postMessage' && c.ok).map((c) => c.body.channel))
        .size +
      new Set(feishu.calls.filter((c) => c.op === 'im.message.reply' && c.code === 0).map((c) => c.target))
        .size;
    for (let sent = 0; sent < answers; sent += 20) {
      await Promise.all(
        Array.from({ length: 20 }, (_, i) => {
          const n = sent + i;
          if (n % 2 === 0) {
            const [message, mention] = slackMentionPair({
              channel: `CMEM${n}`,
              ts: `${1_950_000_000 + n}.000100`,
              text: n % 4 === 0 ? 'How do I win the trust of a CFO?' : 'review The smartest CRM for everyone',
            });
            return Promise.all([postSlack({ url }, message), postSlack({ url }, mention)]);
          }
          const event = groupMention({
            chatId: `oc_mem${n}`,
            messageId: `om_mem${n}`,
            eventId: `ev_mem${n}`,
            text: n % 4 === 1 ? '什么是UVP？' : 'How should we price against a cheaper rival?',
            botOpenId: feishu.botOpenId,
          });
          return postFeishu({ url }, feishuRequest(event));
        }),
      );
      peak = Math.max(peak, treeRss(pid));
      while (answered() < sent + 20 - 40) await sleep(20); // at most two batches behind
    }
    const deadline = Date.now() + 120_000;
    while (answered() < answers && Date.now() < deadline) {
      peak = Math.max(peak, treeRss(pid));
      await sleep(100);
    }
    const after = treeRss(pid);
    // V8's memory reducer returns the burst's garbage to the system once the service is quiet.
    await sleep(30_000);
    return { idle, peak, after, settled: treeRss(pid), answered: answered() };
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    await Promise.all([slack.close(), feishu.close(), llm.close()]);
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Prints the footprint, offline and with a model (called from bench/run.ts). */
export async function runMemoryBench(answers = 1_000): Promise<void> {
  console.log(
    `\nService footprint: node dist/main.js (Slack + Feishu, HTTP, SQLite, MALLOC_ARENA_MAX=2), resident MB of the process tree`,
  );
  const line = (label: string, cells: string[]) =>
    console.log(`  ${label.padEnd(26)} ${cells.map((c) => c.padStart(14)).join('')}`);
  line('', ['idle', `after ${answers}`, 'peak', '30 s quiet', 'answered']);
  for (const withModel of [false, true]) {
    const m = await measure(withModel, answers);
    line(withModel ? 'with a model (fake)' : 'offline', [
      m.idle.toFixed(0),
      m.after.toFixed(0),
      m.peak.toFixed(0),
      m.settled.toFixed(0),
      String(m.answered),
    ]);
  }
  console.log('  goal: under 150 idle, under 200 after 1,000 answers (threads: COACH_WORKERS=auto)');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const i = process.argv.indexOf('--answers');
  await runMemoryBench(i >= 0 ? Number(process.argv[i + 1]) : 1_000);
}
