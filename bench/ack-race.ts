/**
 * The ack race: Coach (`node dist/main.js`, Slack and Feishu in HTTP mode, offline answers) against a
 * bare Bolt app and a bare Lark SDK app (bench/bare/), each verifying, acknowledging and posting a
 * fixed reply. Bursts of 50 and 200 signed mentions (Slack) or encrypted messages (Feishu), sent at
 * once over fresh connections by another process (bench/bare/ack-client.mjs), several rounds
 * alternating Coach and the bare app; then every message must be answered exactly once.
 *
 *   npx tsx bench/ack-race.ts [--rounds 4] [--workers auto|0|N] [--passages 20000]
 *   (also part of `npm run bench`: curated knowledge, then 20,000 team passages)
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore } from '../src/core/store/sqlite-store.ts';
import { startFakeFeishu } from '../test/fakes/fake-feishu.ts';
import { startFakeSlack } from '../test/fakes/fake-slack.ts';
import { feishuRequest, groupMention, SLACK_TEST_SECRET } from '../test/replicas-support.ts';
import { fakePlatformEnv } from './fake-platforms.ts';
import { SERVICE_FLAGS } from './service.ts';
import { ms, percentile } from './stats.ts';
import { seedPassages } from './team-knowledge.ts';

interface Job {
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** Starts a server process; resolves with its base URL once it says where it listens. */
function server(
  args: string[],
  env: Record<string, string>,
  ready: RegExp,
): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, args, {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const look = (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const m = ready.exec(out);
      if (m) resolve({ url: `http://127.0.0.1:${m[1]}`, child });
      if (out.length > 200_000) out = out.slice(-20_000);
    };
    child.stdout?.on('data', look);
    child.stderr?.on('data', look);
    child.once('exit', (code) =>
      reject(new Error(`${args.join(' ')} exited (${code}):\n${out.slice(-2_000)}`)),
    );
  });
}

/** Sends the jobs from another process, all at once; resolves with [status, ms] per job. */
function blast(jobs: Job[]): Promise<[number, number][]> {
  const child = spawn(process.execPath, ['bench/bare/ack-client.mjs'], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (c: Buffer) => {
    out += c.toString('utf8');
  });
  child.stdin.end(JSON.stringify(jobs));
  return new Promise((resolve) => child.once('exit', () => resolve(JSON.parse(out) as [number, number][])));
}

function slackJob(url: string, channel: string, ts: string, eventId: string): Job {
  const body = JSON.stringify({
    type: 'event_callback',
    team_id: 'T1',
    api_app_id: 'A1',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: 'T1', user_id: 'UCOACH', is_bot: true }],
    event: {
      type: 'app_mention',
      user: 'U1',
      text: '<@UCOACH> How do I win the trust of a CFO?',
      ts,
      channel,
      team: 'T1',
    },
  });
  const timestamp = String(Math.floor(Date.now() / 1000));
  const signature = `v0=${createHmac('sha256', SLACK_TEST_SECRET).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  return {
    url: `${url}/slack/events`,
    headers: {
      'content-type': 'application/json',
      'x-slack-request-timestamp': timestamp,
      'x-slack-signature': signature,
    },
    body,
  };
}

function feishuJob(url: string, chatId: string, messageId: string, botOpenId: string): Job {
  const req = feishuRequest(
    groupMention({ chatId, messageId, eventId: `ev_${messageId}`, text: 'What is a UVP?', botOpenId }),
  );
  return { url: `${url}/feishu/events`, headers: req.headers, body: req.body };
}

async function until(cond: () => boolean, deadlineMs: number): Promise<boolean> {
  const end = Date.now() + deadlineMs;
  while (!cond()) {
    if (Date.now() > end) return false;
    await new Promise((r) => setTimeout(r, 50));
  }
  return true;
}

/** Runs the race and prints it (called from bench/run.ts). */
export async function runAckRace(rounds = 4, workers = 'auto', passages = 0): Promise<void> {
  const [slack, feishu] = await Promise.all([startFakeSlack(), startFakeFeishu()]);
  const dir = mkdtempSync(join(tmpdir(), 'coach-race-'));
  const common = {
    ...fakePlatformEnv(slack, feishu, 'race'),
    PORT: '0',
  };
  if (passages > 0) {
    const seed = openSqliteStore(join(dir, 'coach.db'));
    await seedPassages(seed, passages);
    await seed.close();
  }
  const coach = await server(
    [...SERVICE_FLAGS, 'dist/main.js'],
    {
      ...common,
      LOG_LEVEL: 'info',
      KNOWLEDGE_DIR: 'knowledge',
      COACH_DB_PATH: join(dir, 'coach.db'),
      COACH_USER_MESSAGES_PER_MINUTE: '0',
      COACH_CHAT_MESSAGES_PER_MINUTE: '0',
      COACH_USER_QUEUE: '1000',
      COACH_WORKERS: workers,
    },
    /"event":"service_started"[^\n]*"port":(\d+)/,
  );
  const bolt = await server(['bench/bare/bolt-app.mjs'], common, /ready (\d+)/);
  const lark = await server(['bench/bare/lark-app.mjs'], common, /ready (\d+)/);

  const acks: Record<string, number[]> = {};
  const refused: Record<string, number> = {};
  const expected = { slackCoach: 0, slackBare: 0, feishuCoach: 0, feishuBare: 0 };
  let seq = 0;
  const race = async (label: string, jobs: Job[]) => {
    const results = await blast(jobs);
    const key = label;
    acks[key] = [...(acks[key] ?? []), ...results.map(([, t]) => t)];
    refused[key] = (refused[key] ?? 0) + results.filter(([s]) => s !== 200).length;
  };
  try {
    for (const size of [50, 200]) {
      for (let round = 0; round <= rounds; round += 1) {
        const warm = round === 0; // the first round of each size warms both up and is not counted
        for (const [target, url, platform] of [
          ['Coach', coach.url, 'slack'],
          ['bare Bolt', bolt.url, 'slack'],
          ['Coach', coach.url, 'feishu'],
          ['bare Lark', lark.url, 'feishu'],
        ] as const) {
          const jobs = Array.from({ length: size }, () => {
            seq += 1;
            return platform === 'slack'
              ? slackJob(url, `CRACE${seq}`, `${1_800_000_000 + seq}.000100`, `EvRace${seq}`)
              : feishuJob(url, `oc_race${seq}`, `om_race${seq}`, feishu.botOpenId);
          });
          const counter = `${platform}${target === 'Coach' ? 'Coach' : 'Bare'}` as keyof typeof expected;
          expected[counter] += size;
          await race(
            warm ? 'warm-up' : `${platform === 'slack' ? 'Slack' : 'Feishu'} ${size}: ${target}`,
            jobs,
          );
          // Let the previous burst's answers finish before the next burst, as in a fair race.
          await until(
            () =>
              answered().slack >= expected.slackCoach + expected.slackBare &&
              answered().feishu >= expected.feishuCoach + expected.feishuBare,
            120_000,
          );
        }
      }
    }
  } finally {
    for (const c of [coach.child, bolt.child, lark.child]) c.kill('SIGTERM');
  }

  function answered() {
    const slackThreads = new Map<string, number>();
    for (const c of slack.calls) {
      if (c.method !== 'chat.postMessage' || !c.ok) continue;
      const key = `${String(c.body.channel)}:${String(c.body.thread_ts)}`;
      slackThreads.set(key, (slackThreads.get(key) ?? 0) + 1);
    }
    const feishuReplies = new Map<string, Set<string>>();
    for (const c of feishu.calls) {
      if (c.op !== 'im.message.reply' || c.code !== 0 || !c.target || !c.messageId) continue;
      const set = feishuReplies.get(c.target) ?? new Set();
      set.add(c.messageId);
      feishuReplies.set(c.target, set);
    }
    return {
      slack: slackThreads.size,
      slackTwice: [...slackThreads.values()].filter((n) => n > 1).length,
      feishu: feishuReplies.size,
      feishuTwice: [...feishuReplies.values()].filter((s) => s.size > 1).length,
    };
  }

  const line = (label: string, cells: string[]) =>
    console.log(`  ${label.padEnd(28)} ${cells.map((c) => c.padStart(11)).join('')}`);
  console.log(
    `\nAck race: Coach (COACH_WORKERS=${workers}${passages ? `, ${passages} team passages` : ''}) vs a bare SDK app, same client process, ${rounds} rounds per size after a warm-up`,
  );
  line('', ['ack p50', 'ack p99', 'not 200']);
  for (const [label, times] of Object.entries(acks)) {
    if (label === 'warm-up') continue;
    line(label, [ms(percentile(times, 50)), ms(percentile(times, 99)), String(refused[label] ?? 0)]);
  }
  for (const platform of ['Slack', 'Feishu'] as const) {
    for (const size of [50, 200]) {
      const coachTimes = acks[`${platform} ${size}: Coach`] ?? [];
      const bare = acks[`${platform} ${size}: ${platform === 'Slack' ? 'bare Bolt' : 'bare Lark'}`] ?? [];
      line(`${platform} ${size}: Coach / bare p99`, [
        (percentile(coachTimes, 99) / percentile(bare, 99)).toFixed(2),
      ]);
    }
  }
  const a = answered();
  const total = expected.slackCoach + expected.slackBare + expected.feishuCoach + expected.feishuBare;
  line('messages sent', [String(total)]);
  line('answered (Slack / Feishu)', [
    `${a.slack}/${expected.slackCoach + expected.slackBare}`,
    `${a.feishu}/${expected.feishuCoach + expected.feishuBare}`,
  ]);
  line('answered twice', [String(a.slackTwice + a.feishuTwice)]);
  await Promise.all([slack.close(), feishu.close()]);
  rmSync(dir, { recursive: true, force: true });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(name);
    return i >= 0 ? process.argv[i + 1] : undefined;
  };
  await runAckRace(Number(arg('--rounds') ?? 4), arg('--workers') ?? 'auto', Number(arg('--passages') ?? 0));
}
