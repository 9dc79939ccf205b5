/**
 * Runs real Coach replicas for the multi-replica tests and the benchmark: child processes running
 * `src/main.ts` (through tsx) on one PostgreSQL, each with its own SQLite path (so only the shared
 * database can dedupe) and its own port, Feishu in HTTP mode with an encrypt key, pointed at one fake
 * Feishu open platform. Also builds the encrypted, signed Feishu event requests they are sent.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encryptText } from './feishu-payloads.ts';

export const REPLICA_ENCRYPT_KEY = 'fake-encrypt-key';
export const REPLICA_VERIFICATION_TOKEN = 'fake-verification-token';
export const REPLICA_TENANT = 'tenant_fake';
export const SLACK_TEST_SECRET = 'fake-signing-secret';

/** A running replica. */
export interface Replica {
  readonly name: string;
  readonly child: ChildProcess;
  /** `http://127.0.0.1:PORT`. */
  readonly url: string;
  /** Parsed JSON log lines (stderr), in order. */
  readonly logs: Record<string, unknown>[];
  /** Resolves with the exit code (or signal name) once the process ended. */
  readonly exited: Promise<number | string>;
  /** The owner id of its work leases. */
  readonly owner: string;
  /** Log lines with this `event` (adapters, service) or `event_type` (engine). */
  logged(event: string): Record<string, unknown>[];
  /** Kills it if it still runs (SIGKILL) and deletes its folder. */
  dispose(): Promise<void>;
}

/** Options of `startReplica`. */
export interface ReplicaOptions {
  name: string;
  /** PostgreSQL; without it the replica uses SQLite (`dbPath`, or a file in its own folder). */
  databaseUrl?: string;
  /** The SQLite file (kept across restarts: the test owns it). */
  dbPath?: string;
  /** Base URL of the fake Feishu open platform: runs Feishu in HTTP mode. */
  feishuUrl?: string;
  /** `apiUrl` of the fake Slack: runs Slack in HTTP mode (signing secret `SLACK_TEST_SECRET`). */
  slackApiUrl?: string;
  /** Extra or overriding environment variables (e.g. `OPENAI_BASE_URL`, `COACH_CLAIM_LEASE_MS`). */
  env?: Record<string, string>;
  /** How long to wait for "service_started"; default 30 s. */
  startTimeoutMs?: number;
}

/** Spawns a replica; resolves once it serves HTTP (its `service_started` log line). */
export function spawnReplica(opts: ReplicaOptions): { ready: Promise<Replica>; dispose(): Promise<void> } {
  const dir = mkdtempSync(join(tmpdir(), `coach-replica-${opts.name}-`));
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: process.cwd(),
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      KNOWLEDGE_DIR: 'knowledge',
      LOG_LEVEL: 'info',
      COACH_DB_PATH: opts.dbPath ?? join(dir, 'coach.db'),
      ...(opts.databaseUrl ? { DATABASE_URL: opts.databaseUrl } : {}),
      PORT: '0',
      COACH_USER_MESSAGES_PER_MINUTE: '0',
      COACH_CHAT_MESSAGES_PER_MINUTE: '0',
      COACH_USER_QUEUE: '1000',
      ...(opts.feishuUrl
        ? {
            FEISHU_APP_ID: 'cli_fake_app',
            FEISHU_APP_SECRET: 'fake-secret',
            FEISHU_DOMAIN: opts.feishuUrl,
            FEISHU_MODE: 'http',
            FEISHU_ENCRYPT_KEY: REPLICA_ENCRYPT_KEY,
            FEISHU_VERIFICATION_TOKEN: REPLICA_VERIFICATION_TOKEN,
          }
        : {}),
      ...(opts.slackApiUrl
        ? {
            SLACK_BOT_TOKEN: 'xoxb-fake-bot-token',
            SLACK_SIGNING_SECRET: SLACK_TEST_SECRET,
            SLACK_API_URL: opts.slackApiUrl,
          }
        : {}),
      ...opts.env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const logs: Record<string, unknown>[] = [];
  let stderrTail = '';
  let buffer = '';
  const exited = new Promise<number | string>((resolve) => {
    child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown'));
  });
  let made: Replica | undefined;
  const dispose = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
    rmSync(dir, { recursive: true, force: true });
  };
  const ready = new Promise<Replica>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`replica ${opts.name} did not start:\n${stderrTail}`)),
      opts.startTimeoutMs ?? 30_000,
    );
    child.stderr?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        if (!line.trim()) continue;
        stderrTail = `${stderrTail}${line}\n`.slice(-4_000);
        let entry: Record<string, unknown>;
        try {
          entry = JSON.parse(line) as Record<string, unknown>;
        } catch {
          entry = { raw: line };
        }
        logs.push(entry);
        if (entry.event === 'service_started' && !made) {
          clearTimeout(timer);
          made = {
            name: opts.name,
            child,
            url: `http://127.0.0.1:${String(entry.port)}`,
            logs,
            exited,
            owner: String(entry.owner),
            logged: (event) => logs.filter((l) => l.event === event || l.event_type === event),
            dispose,
          };
          resolve(made);
        }
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      if (!made) reject(new Error(`replica ${opts.name} exited (${code}) before starting:\n${stderrTail}`));
    });
  });
  // Whatever happens to the test, the child must not outlive it.
  const cleanup = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  process.once('exit', cleanup);
  void exited.then(() => process.off('exit', cleanup));
  return { ready, dispose };
}

/** Starts a replica and waits until it serves. */
export async function startReplica(opts: ReplicaOptions): Promise<Replica> {
  return spawnReplica(opts).ready;
}

/** A raw Feishu request. */
export interface FeishuRequest {
  body: string;
  headers: Record<string, string>;
}

/** A group message mentioning the bot (`im.message.receive_v1`, schema 2.0). */
export function groupMention(spec: {
  chatId: string;
  messageId: string;
  eventId: string;
  text: string;
  botOpenId: string;
}): object {
  const now = String(Date.now());
  return {
    schema: '2.0',
    header: {
      event_id: spec.eventId,
      token: REPLICA_VERIFICATION_TOKEN,
      create_time: now,
      event_type: 'im.message.receive_v1',
      tenant_key: REPLICA_TENANT,
      app_id: 'cli_fake_app',
    },
    event: {
      sender: {
        sender_id: { open_id: 'ou_alice', union_id: 'on_alice', user_id: 'alice' },
        sender_type: 'user',
        tenant_key: REPLICA_TENANT,
      },
      message: {
        message_id: spec.messageId,
        create_time: now,
        chat_id: spec.chatId,
        chat_type: 'group',
        message_type: 'text',
        content: JSON.stringify({ text: `@_user_1 ${spec.text}` }),
        mentions: [
          {
            key: '@_user_1',
            id: { open_id: spec.botOpenId, union_id: 'on_coach', user_id: '' },
            name: 'Coach',
            tenant_key: REPLICA_TENANT,
          },
        ],
      },
    },
  };
}

/** A direct (p2p) message to the bot (`im.message.receive_v1`, schema 2.0). */
export function directMessage(spec: {
  chatId: string;
  messageId: string;
  eventId: string;
  text: string;
}): object {
  const event = groupMention({ ...spec, botOpenId: 'ou_unused' }) as {
    event: { message: Record<string, unknown> };
  };
  event.event.message.chat_type = 'p2p';
  event.event.message.content = JSON.stringify({ text: spec.text });
  event.event.message.mentions = [];
  return event;
}

/** Encrypts and signs a payload as Feishu does. */
export function feishuRequest(payload: object): FeishuRequest {
  const body = JSON.stringify({ encrypt: encryptText(JSON.stringify(payload), REPLICA_ENCRYPT_KEY) });
  const timestamp = String(Math.floor(Date.now() / 1000));
  const nonce = randomBytes(8).toString('hex');
  const signature = createHash('sha256')
    .update(timestamp + nonce + REPLICA_ENCRYPT_KEY + body)
    .digest('hex');
  return {
    body,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'x-lark-request-timestamp': timestamp,
      'x-lark-request-nonce': nonce,
      'x-lark-signature': signature,
    },
  };
}

/** POSTs a request to a replica's `/feishu/events`; resolves with the HTTP status. */
export async function postFeishu(replica: Pick<Replica, 'url'>, req: FeishuRequest): Promise<number> {
  const res = await fetch(`${replica.url}/feishu/events`, {
    method: 'POST',
    headers: req.headers,
    body: req.body,
  });
  await res.arrayBuffer();
  return res.status;
}

/** POSTs a `/coach` slash command (form-encoded, signed) to a replica; resolves with the HTTP status. */
export async function postSlackCommand(
  replica: Pick<Replica, 'url'>,
  spec: { channel: string; user: string; text: string; triggerId: string; responseUrl: string },
): Promise<number> {
  const raw = new URLSearchParams({
    command: '/coach',
    text: spec.text,
    team_id: 'T1',
    channel_id: spec.channel,
    user_id: spec.user,
    trigger_id: spec.triggerId,
    response_url: spec.responseUrl,
  }).toString();
  const timestamp = Math.floor(Date.now() / 1000);
  const signature = `v0=${createHmac('sha256', SLACK_TEST_SECRET).update(`v0:${timestamp}:${raw}`).digest('hex')}`;
  const res = await fetch(`${replica.url}/slack/events`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-slack-signature': signature,
      'x-slack-request-timestamp': String(timestamp),
    },
    body: raw,
  });
  await res.arrayBuffer();
  return res.status;
}

/** POSTs a Slack Events API body, signed, to a replica's `/slack/events`; resolves with the HTTP status. */
export async function postSlack(replica: Pick<Replica, 'url'>, envelope: object): Promise<number> {
  const raw = JSON.stringify(envelope);
  const timestamp = Math.floor(Date.now() / 1000);
  const signature = `v0=${createHmac('sha256', SLACK_TEST_SECRET).update(`v0:${timestamp}:${raw}`).digest('hex')}`;
  const res = await fetch(`${replica.url}/slack/events`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-slack-signature': signature,
      'x-slack-request-timestamp': String(timestamp),
    },
    body: raw,
  });
  await res.arrayBuffer();
  return res.status;
}

/**
 * The two deliveries Slack makes of one channel post that mentions the bot: `message` and `app_mention`,
 * different event ids, the same channel and `ts`.
 */
export function slackMentionPair(spec: { channel: string; ts: string; text: string }): [object, object] {
  const event = {
    user: 'U1',
    text: `<@UCOACH> ${spec.text}`,
    ts: spec.ts,
    event_ts: spec.ts,
    channel: spec.channel,
    client_msg_id: `cm-${spec.ts}`,
    team: 'T1',
  };
  const envelope = (ev: object) => ({
    token: 'fake-verification-token',
    team_id: 'T1',
    api_app_id: 'A1',
    type: 'event_callback',
    event_id: uid('Ev'),
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: 'T1', user_id: 'UCOACH', is_bot: true }],
    event: ev,
  });
  return [
    envelope({ type: 'message', channel_type: 'channel', ...event }),
    envelope({ type: 'app_mention', ...event }),
  ];
}

/** GET /healthz: status and parsed body. */
export async function health(
  replica: Pick<Replica, 'url'>,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${replica.url}/healthz`);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** Polls `check` every 25 ms until it returns a value other than undefined/false, or fails after `ms`. */
export async function waitFor<T>(
  what: string,
  check: () => T | undefined | false | Promise<T | undefined | false>,
  ms = 20_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await check();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** A unique id with a prefix. */
export function uid(prefix: string): string {
  return `${prefix}_${randomBytes(6).toString('hex')}`;
}
