/**
 * Soak: one compiled service (`node dist/main.js`) serving Slack and Feishu over HTTP for `--minutes`
 * at `--rate` messages a second, with duplicates, bursts and faults, against the fake platforms and a
 * fake model on 127.0.0.1. Prints, per phase, messages sent / acknowledged / answered / lost /
 * answered twice, and the service's resident memory over time.
 *
 *   npm run bench -- --soak --minutes 15 --rate 6 [--store postgres]
 *
 * Phases (shares of the run): steady 25 %, bursts of 30 every 10 s 15 %, Slack outage (HTTP 500, then
 * 429 with Retry-After) 10 %, model outage (HTTP 500) 15 %, crash (SIGKILL mid-burst, restarted on the
 * same database within 2 s) 10 %, steady 25 %; then no new messages until everything is answered (at
 * most 3 minutes) or declared lost.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeFeishu } from '../test/fakes/fake-feishu.ts';
import { startFakeOpenAI } from '../test/fakes/fake-openai.ts';
import { startFakeSlack } from '../test/fakes/fake-slack.ts';
import { startPostgres } from '../test/pg-server.ts';
import {
  feishuRequest,
  groupMention,
  postFeishu,
  postSlack,
  slackMentionPair,
} from '../test/replicas-support.ts';
import { fakePlatformEnv } from './fake-platforms.ts';
import { startService, treeRss } from './service.ts';

const PHASES = [
  { name: 'steady', share: 0.25 },
  { name: 'bursts', share: 0.15 },
  { name: 'slack outage', share: 0.1 },
  { name: 'model outage', share: 0.15 },
  { name: 'crash', share: 0.1 },
  { name: 'steady again', share: 0.25 },
] as const;
type PhaseName = (typeof PHASES)[number]['name'];

interface Sent {
  platform: 'slack' | 'feishu';
  phase: PhaseName;
  acked: boolean;
  /** Slack: channel + ts of the post; Feishu: the message id. */
  channel: string;
  id: string;
}

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}

/** Runs the soak (called from bench/run.ts with `--soak`). */
export async function runSoak(): Promise<void> {
  const minutes = Number(arg('minutes', '2'));
  const rate = Number(arg('rate', '6'));
  const storeKind = arg('store', 'sqlite');
  const totalMs = minutes * 60_000;
  console.log(
    `Soak: ${minutes} min at ${rate} messages/s, ${storeKind}, node dist/main.js (Slack + Feishu, HTTP)`,
  );

  const dir = mkdtempSync(join(tmpdir(), 'coach-soak-'));
  const [slack, feishu, llm] = await Promise.all([startFakeSlack(), startFakeFeishu(), startFakeOpenAI()]);
  const pg = storeKind === 'postgres' ? await startPostgres() : undefined;
  const databaseUrl = pg ? await pg.createDatabase() : undefined;
  llm.setDefaultReply(Array.from({ length: 8 }, (_, i) => `Part ${i + 1}: trust comes from proof [1]. `));

  const env = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    LOG_LEVEL: 'info', // "service_started" carries the port
    PORT: '0',
    KNOWLEDGE_DIR: 'knowledge',
    COACH_DB_PATH: join(dir, 'coach.db'),
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    COACH_USER_MESSAGES_PER_MINUTE: '0',
    COACH_CHAT_MESSAGES_PER_MINUTE: '0',
    COACH_USER_QUEUE: '1000',
    COACH_CLAIM_LEASE_MS: '3000',
    COACH_SWEEP_MS: '500',
    OPENAI_API_KEY: 'sk-fake-soak',
    OPENAI_BASE_URL: llm.url,
    LLM_RERANK: 'off',
    LLM_MAX_RETRIES: '1',
    LLM_TIMEOUT_MS: '10000',
    LLM_BREAKER_COOLDOWN_MS: '5000',
    ...fakePlatformEnv(slack, feishu, 'soak'),
  };

  let child: ChildProcess | undefined;
  let url = '';
  const start = async () => {
    ({ child, url } = await startService(env));
  };
  await start();

  const sent: Sent[] = [];
  let seq = 0;
  const send = async (phase: PhaseName, duplicate: boolean) => {
    seq += 1;
    if (seq % 2 === 0) {
      const channel = `CSOAK${seq}`;
      const ts = `${1_900_000_000 + seq}.000100`;
      const item: Sent = { platform: 'slack', phase, acked: false, channel, id: ts };
      sent.push(item);
      const [message, mention] = slackMentionPair({ channel, ts, text: 'How do I win the trust of a CFO?' });
      const statuses = await Promise.all([postSlack({ url }, message), postSlack({ url }, mention)]).catch(
        () => [0],
      );
      item.acked = statuses.some((s) => s === 200);
      if (duplicate) await postSlack({ url }, mention).catch(() => 0);
    } else {
      const item: Sent = {
        platform: 'feishu',
        phase,
        acked: false,
        channel: `oc_soak${seq}`,
        id: `om_soak${seq}`,
      };
      sent.push(item);
      const event = groupMention({
        chatId: item.channel,
        messageId: item.id,
        eventId: `ev_soak${seq}`,
        text: 'What is a UVP?',
        botOpenId: feishu.botOpenId,
      });
      item.acked = (await postFeishu({ url }, feishuRequest(event)).catch(() => 0)) === 200;
      if (duplicate) await postFeishu({ url }, feishuRequest(event)).catch(() => 0);
    }
  };

  const memory: { at: number; phase: string; mb: number }[] = [];
  const t0 = Date.now();
  let phase: PhaseName = 'steady';
  const sampler = setInterval(() => {
    if (child?.pid) memory.push({ at: Date.now() - t0, phase, mb: treeRss(child.pid) });
  }, 10_000);
  memory.push({ at: 0, phase: 'idle', mb: child?.pid ? treeRss(child.pid) : 0 });

  const inFlight = new Set<Promise<void>>();
  const fire = (duplicate: boolean) => {
    const p = send(phase, duplicate).finally(() => inFlight.delete(p));
    inFlight.add(p);
  };
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

  for (const ph of PHASES) {
    phase = ph.name;
    const phaseMs = ph.share * totalMs;
    const end = Date.now() + phaseMs;
    if (phase === 'slack outage') slack.fail('chat.postMessage', 'http_500').fail('chat.update', 'http_500');
    if (phase === 'model outage') llm.failTimes(1_000_000, 500);
    let crashed = false;
    let lastBurst = 0;
    while (Date.now() < end) {
      const left = end - Date.now();
      if (phase === 'slack outage' && left < phaseMs / 3) {
        slack.clear().fail('chat.postMessage', 'ratelimited', { times: 10, retryAfter: 1 });
      }
      if ((phase === 'bursts' || phase === 'crash') && Date.now() - lastBurst >= 10_000) {
        lastBurst = Date.now();
        for (let i = 0; i < 30; i += 1) fire(i % 10 === 0);
        if (phase === 'crash' && !crashed) {
          crashed = true;
          await sleep(300);
          child?.kill('SIGKILL');
          await sleep(1_500);
          await start();
        }
      }
      fire(seq % 10 === 0);
      await sleep(1_000 / rate);
    }
    if (phase === 'slack outage') slack.clear();
    if (phase === 'model outage') llm.clearQueue();
  }
  phase = 'steady again';
  await Promise.all([...inFlight]);

  // Drain: wait for every acknowledged message to be answered (at most 3 minutes).
  const answeredSlack = () => {
    const threads = new Map<string, number>();
    for (const m of slack.messages()) {
      if (m.kind !== 'message' || !m.threadTs || /Thinking|Writing/.test(m.text)) continue;
      const key = `${m.channel}:${m.threadTs}`;
      threads.set(key, (threads.get(key) ?? 0) + 1);
    }
    return threads;
  };
  const answeredFeishu = () => {
    const replies = new Map<string, Set<string>>();
    for (const c of feishu.calls) {
      if (c.op !== 'im.message.reply' || c.code !== 0 || !c.target || !c.messageId) continue;
      const set = replies.get(c.target) ?? new Set<string>();
      set.add(c.messageId);
      replies.set(c.target, set);
    }
    return replies;
  };
  const outcome = () => {
    const s = answeredSlack();
    const f = answeredFeishu();
    return sent.map((m) => {
      const n = m.platform === 'slack' ? (s.get(`${m.channel}:${m.id}`) ?? 0) : (f.get(m.id)?.size ?? 0);
      return { ...m, replies: n };
    });
  };
  const drainEnd = Date.now() + 180_000;
  while (Date.now() < drainEnd && outcome().some((m) => m.acked && m.replies === 0)) await sleep(2_000);
  clearInterval(sampler);
  if (child?.pid) memory.push({ at: Date.now() - t0, phase: 'drained', mb: treeRss(child.pid) });

  const rows = outcome();
  const line = (label: string, cells: (string | number)[]) =>
    console.log(`  ${label.padEnd(14)} ${cells.map((c) => String(c).padStart(9)).join('')}`);
  line('phase', ['sent', 'acked', 'answered', 'lost', 'twice']);
  for (const name of [...PHASES.map((p) => p.name), 'total'] as const) {
    const of = name === 'total' ? rows : rows.filter((r) => r.phase === name);
    line(name, [
      of.length,
      of.filter((r) => r.acked).length,
      of.filter((r) => r.replies > 0).length,
      of.filter((r) => r.acked && r.replies === 0).length,
      of.filter((r) => r.replies > 1).length,
    ]);
  }
  console.log('  resident memory of the service (MB), every 10 s:');
  console.log(
    `  ${memory.map((m) => `${Math.round(m.at / 1000)}s ${m.phase}: ${m.mb.toFixed(0)}`).join(' · ')}`,
  );
  console.log(
    `  answers delivered: ${rows.filter((r) => r.replies > 0).length}; peak ${Math.max(...memory.map((m) => m.mb)).toFixed(0)} MB`,
  );

  child?.kill('SIGTERM');
  await sleep(2_000);
  await Promise.all([slack.close(), feishu.close(), llm.close()]);
  await pg?.stop();
  rmSync(dir, { recursive: true, force: true });
}

if (import.meta.url === `file://${process.argv[1]}`) await runSoak();
