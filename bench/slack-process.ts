/**
 * Slack acknowledgement latency as Slack sees it: Coach runs as its own process (`src/main.ts`, HTTP
 * mode, offline answerer) and this process sends bursts of 50 concurrent signed mentions over
 * loopback, timing each request until its 200 arrives. The fake Slack Web API runs here.
 */
import { spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeSlack } from '../test/fakes/fake-slack.ts';
import { ms, percentile } from './stats.ts';

const SECRET = 'fake-signing-secret-bench';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

function post(port: number, body: string): Promise<{ status: number; ms: number }> {
  const ts = Math.floor(Date.now() / 1000).toString();
  const signature = `v0=${createHmac('sha256', SECRET).update(`v0:${ts}:${body}`).digest('hex')}`;
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: '/slack/events',
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-slack-request-timestamp': ts,
          'x-slack-signature': signature,
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - started }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function until(cond: () => boolean | Promise<boolean>, deadlineMs: number): Promise<void> {
  const end = Date.now() + deadlineMs;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Prints the figures (called from bench/run.ts). */
export async function runSlackProcessBench(): Promise<void> {
  const slack = await startFakeSlack();
  const dir = mkdtempSync(join(tmpdir(), 'coach-slack-bench-'));
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      SLACK_BOT_TOKEN: 'xoxb-fake-bench',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: slack.apiUrl,
      PORT: String(port),
      COACH_DB_PATH: join(dir, 'coach.db'),
      LOG_LEVEL: 'error',
      // The burst comes from one user; this measures acks, not the flood limits.
      COACH_USER_MESSAGES_PER_MINUTE: '0',
      COACH_CHAT_MESSAGES_PER_MINUTE: '0',
      COACH_USER_QUEUE: '1000', // the most the setting accepts
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    await until(async () => {
      try {
        return (await fetch(`http://127.0.0.1:${port}/healthz`)).ok;
      } catch {
        return false;
      }
    }, 30_000);
    const acks: number[] = [];
    let sent = 0;
    for (let round = 0; round < 5; round += 1) {
      const results = await Promise.all(
        Array.from({ length: 50 }, (_, i) => {
          const ts = `${1_800_000_000 + round}.${String(i).padStart(6, '0')}`;
          const event = {
            type: 'app_mention',
            user: 'U1',
            text: '<@UCOACH> How do I win a CFO trust?',
            ts,
            channel: 'C1',
          };
          return post(
            port,
            JSON.stringify({ type: 'event_callback', team_id: 'T1', event_id: `EvP${round}x${i}`, event }),
          );
        }),
      );
      sent += 50;
      if (round > 0) acks.push(...results.map((r) => r.ms)); // first round warms up
      await until(() => slack.messages().length >= sent, 60_000);
    }
    const line = (label: string, value: string) => console.log(`  ${label.padEnd(44)} ${value}`);
    console.log('\nSlack adapter, Coach in its own process (HTTP mode, offline answerer)');
    line('ack p50 (50 concurrent signed mentions ×4)', ms(percentile(acks, 50)));
    line('ack p99 (target < 50 ms)', ms(percentile(acks, 99)));
    line('replies posted (expected 250)', String(slack.messages().length));
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    await slack.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await runSlackProcessBench();
