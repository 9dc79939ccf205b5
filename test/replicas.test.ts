/**
 * Several Coach replicas on one real PostgreSQL (test/pg-server.ts; no mock of the database): real
 * child processes running src/main.ts, each with its own SQLite path and port, Feishu in HTTP mode,
 * one fake Feishu open platform. Exactly one reply per message however it is delivered, takeover of a
 * killed replica's work, one daily tip per chat and day, concurrent first start, clean SIGTERM, and a
 * database outage. No timing assertions: everything waits by polling with a generous deadline.
 */
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../src/core/knowledge/load.ts';
import { silentLogger } from '../src/core/logger.ts';
import type { RichReply } from '../src/core/reply/types.ts';
import { openPostgresStore } from '../src/core/store/postgres-store.ts';
import type { ChatRef, Store } from '../src/core/store/types.ts';
import { createTipScheduler } from '../src/core/tips/scheduler.ts';
import { type FakeFeishu, type FeishuCall, startFakeFeishu } from './fakes/fake-feishu.ts';
import { type FakeOpenAI, startFakeOpenAI } from './fakes/fake-openai.ts';
import { flatten } from './feishu-payloads.ts';
import { type PgServer, startPostgres } from './pg-server.ts';
import {
  feishuRequest,
  groupMention,
  health,
  postFeishu,
  type Replica,
  type ReplicaOptions,
  spawnReplica,
  uid,
  waitFor,
} from './replicas-support.ts';

let server: PgServer;
let fake: FakeFeishu;
const disposers: (() => Promise<void>)[] = [];

beforeAll(async () => {
  [server, fake] = await Promise.all([startPostgres(), startFakeFeishu()]);
}, 120_000);

afterEach(async () => {
  for (const dispose of disposers.splice(0).reverse()) await dispose();
});

afterAll(async () => {
  await fake?.close();
  await server?.stop();
});

/** Starts replicas at the same time; each is disposed after the test, even when it fails to start. */
async function launch(...opts: Omit<ReplicaOptions, 'feishuUrl' | 'slackApiUrl'>[]): Promise<Replica[]> {
  const spawned = opts.map((o) => spawnReplica({ ...o, feishuUrl: fake.url }));
  for (const s of spawned) disposers.push(s.dispose);
  return Promise.all(spawned.map((s) => s.ready));
}

/** A fake LLM that never answers: a replica using it stays mid-answer until killed. */
async function hangingLlm(): Promise<FakeOpenAI> {
  const llm = await startFakeOpenAI();
  for (let i = 0; i < 20; i += 1) llm.hang();
  disposers.push(() => llm.close());
  return llm;
}

const LLM_HANGS = (llm: FakeOpenAI) => ({
  OPENAI_API_KEY: 'sk-fake',
  LLM_RERANK: 'off',
  OPENAI_BASE_URL: llm.url,
  LLM_TIMEOUT_MS: '600000',
  LLM_MAX_RETRIES: '0',
});

/**
 * Two replicas on a fresh database, A's model hanging, and a group mention delivered to A; resolves once
 * A is stuck answering it. `env` goes to both replicas.
 */
async function mentionStuckOnA(env: Record<string, string>, label: string) {
  const url = await server.createDatabase();
  const llm = await hangingLlm();
  const [a, b] = await launch(
    { name: 'a', databaseUrl: url, env: { ...env, ...LLM_HANGS(llm) } },
    { name: 'b', databaseUrl: url, env },
  );
  if (!a || !b) throw new Error('replicas missing');
  const chatId = uid('oc_group');
  const messageId = uid(label);
  const key = `msg:feishu:tenant_fake:${chatId}:${messageId}`;
  const event = groupMention({
    chatId,
    messageId,
    eventId: uid('ev'),
    text: 'What is a UVP?',
    botOpenId: fake.botOpenId,
  });
  expect(await postFeishu(a, feishuRequest(event))).toBe(200);
  await waitFor('A to ask its (hanging) LLM', () => llm.requests.length > 0);
  return { url, a, b, chatId, messageId, key };
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

const leaseOf = (url: string, key: string) =>
  query<{ owner: string; status: string; expired: boolean }>(
    url,
    'SELECT owner, status, expires_at <= claimed_at AS expired FROM work_leases WHERE key = $1',
    [key],
  ).then((rows) => rows[0]);

/** Sends (create / reply) the fake recorded for replies to `messageId`. */
const sendsTo = (messageId: string): FeishuCall[] =>
  fake.calls.filter((c) => c.op === 'im.message.reply' && c.target === messageId && c.code === 0);

/** Waits until the fake saw no new call for `quietMs`. */
async function quiet(quietMs = 1_000): Promise<void> {
  let count = -1;
  let since = Date.now();
  await waitFor('the fake Feishu to go quiet', () => {
    if (fake.calls.length !== count) {
      count = fake.calls.length;
      since = Date.now();
    }
    return Date.now() - since >= quietMs;
  });
}

describe('several replicas on one PostgreSQL', () => {
  it('start at once on a fresh database: one migration, both healthy', async () => {
    const url = await server.createDatabase();
    const [a, b] = await launch({ name: 'a', databaseUrl: url }, { name: 'b', databaseUrl: url });
    if (!a || !b) throw new Error('replicas missing');
    const applied = [...a.logged('store_migration_applied'), ...b.logged('store_migration_applied')].map(
      (l) => l.name,
    );
    const names = (await query<{ name: string }>(url, 'SELECT name FROM schema_migrations')).map(
      (r) => r.name,
    );
    expect(names.length).toBeGreaterThan(0);
    expect([...applied].sort()).toEqual([...names].sort()); // each migration applied once, by one of them
    for (const r of [a, b]) {
      const h = await health(r);
      expect(h.status).toBe(200);
      expect(h.body.store).toEqual({ kind: 'postgres', ok: true });
    }
  });

  it('50 posts, each delivered to both replicas twice (same event, then a new event id): 50 replies', async () => {
    const url = await server.createDatabase();
    const [a, b] = await launch({ name: 'a', databaseUrl: url }, { name: 'b', databaseUrl: url });
    if (!a || !b) throw new Error('replicas missing');
    const chatId = uid('oc_group');
    const posts = Array.from({ length: 50 }, (_, i) => ({
      messageId: uid(`om_${i}`),
      text: `What is a UVP? (${i})`,
    }));
    const deliveries = posts.flatMap((p) => {
      const first = feishuRequest(
        groupMention({ ...p, chatId, eventId: uid('ev'), botOpenId: fake.botOpenId }),
      );
      const second = feishuRequest(
        groupMention({ ...p, chatId, eventId: uid('ev'), botOpenId: fake.botOpenId }),
      );
      return [postFeishu(a, first), postFeishu(b, first), postFeishu(b, second), postFeishu(a, second)];
    });
    expect(new Set(await Promise.all(deliveries))).toEqual(new Set([200]));

    const replies = () => posts.reduce((n, p) => n + sendsTo(p.messageId).length, 0);
    await waitFor('50 replies', () => replies() >= 50);
    await quiet();
    for (const p of posts) expect(sendsTo(p.messageId)).toHaveLength(1);
    expect(replies()).toBe(50);
    // Every other delivery was recognised as a duplicate, by one replica or the other.
    const dropped = a.logged('duplicate_dropped').length + b.logged('duplicate_dropped').length;
    expect(dropped).toBe(150);
    const done = await query<{ n: string }>(
      url,
      "SELECT count(*) AS n FROM work_leases WHERE status = 'done'",
    );
    expect(Number(done[0]?.n)).toBe(50);
  });

  it('a replica killed (SIGKILL) right after claiming: the other takes over after the lease, one reply', async () => {
    const lease = { COACH_CLAIM_LEASE_MS: '1500', COACH_SWEEP_MS: '300' };
    const { url, a, b, messageId, key } = await mentionStuckOnA(lease, 'om_kill');
    expect((await leaseOf(url, key))?.owner).toBe(a.owner);
    a.child.kill('SIGKILL');
    expect(await a.exited).toBe('SIGKILL');

    await waitFor('B to take over', () => b.logged('work_taken_over').length > 0);
    await waitFor('the work to be done', async () => (await leaseOf(url, key))?.status === 'done');
    await quiet();
    // A had posted a "writing…" placeholder; B sent it again with the same uuid (Feishu posts nothing
    // new) and patched it into the answer: one message in the chat.
    const sends = sendsTo(messageId);
    expect(sends).toHaveLength(2); // A's placeholder, and B's resend of it
    expect(new Set(sends.map((c) => c.body.uuid)).size).toBe(1);
    expect(new Set(sends.map((c) => c.messageId)).size).toBe(1);
    const card = sends[0]?.messageId;
    const patches = fake.calls.filter((c) => c.op === 'im.message.patch' && c.target === card);
    const final = flatten({ msg_type: 'interactive', content: patches.at(-1)?.body.content });
    expect(final).toMatch(/UVP|value proposition/i);
    expect((await leaseOf(url, key))?.owner).toBe(b.owner);
  });

  it('SIGTERM: stops, hands its unfinished work to the other replica at once, exits 0', async () => {
    // A minute-long lease: only the release on shutdown lets B answer within the test's deadline.
    const env = { COACH_CLAIM_LEASE_MS: '60000', COACH_SWEEP_MS: '300', COACH_SHUTDOWN_GRACE_MS: '2000' };
    const { url, a, b, chatId, messageId, key } = await mentionStuckOnA(env, 'om_term');

    a.child.kill('SIGTERM');
    // During the grace period (the hung answer keeps A there), A refuses new events and reports itself
    // unhealthy, so that the proxy sends traffic to B.
    await waitFor('A to begin stopping', () => a.logged('shutdown').length > 0);
    const late = groupMention({
      chatId,
      messageId: uid('om_late'),
      eventId: uid('ev'),
      text: 'hi',
      botOpenId: fake.botOpenId,
    });
    expect(await postFeishu(a, feishuRequest(late))).toBe(503);
    const h = await health(a);
    expect(h.status).toBe(503);
    expect(h.body.stopping).toBe(true);
    expect(await a.exited).toBe(0);
    expect(a.logged('leases_released')[0]?.released).toBe(1);
    await waitFor('B to take over', () => b.logged('work_taken_over').length > 0, 15_000);
    await waitFor('the work to be done', async () => (await leaseOf(url, key))?.status === 'done');
    await quiet();
    expect(new Set(sendsTo(messageId).map((c) => c.messageId)).size).toBe(1);
  });

  it('two schedulers with the same subscription over a whole local day: exactly one tip', async () => {
    const url = await server.createDatabase();
    const stores: Store[] = [];
    try {
      stores.push(
        await openPostgresStore(url, { poolSize: 2 }),
        await openPostgresStore(url, { poolSize: 2 }),
      );
      const chat: ChatRef = { platform: 'feishu', workspace: 'tenant_fake', chatId: uid('oc_tips') };
      await stores[0]?.upsertSubscription(
        { ...chat, time: '09:00', timezone: 'Asia/Shanghai', enabled: true, lang: 'en' },
        new Date('2025-03-09T00:00:00Z'),
      );
      const kb = loadKnowledge('knowledge');
      const posted: { replica: number; reply: RichReply }[] = [];
      const schedulers = stores.map((store, i) =>
        createTipScheduler({
          store,
          kb,
          logger: silentLogger(),
          posters: { feishu: async (_chat, reply) => void posted.push({ replica: i, reply }) },
        }),
      );
      // 2025-03-10 00:00 to 23:59 in Shanghai (UTC+8), a tick every minute on both at the same moment.
      const start = Date.parse('2025-03-09T16:00:00Z');
      for (let minute = 0; minute < 24 * 60; minute += 1) {
        const at = new Date(start + minute * 60_000);
        await Promise.all(schedulers.map((s) => s.tick(at)));
      }
      expect(posted).toHaveLength(1);
      expect(posted[0]?.reply.kind).toBe('tip');
      expect((await stores[1]?.lastTipSlot(chat))?.status).toBe('posted');
    } finally {
      for (const s of stores) await s.close();
    }
  });

  // Last: it stops the shared server for a while.
  it('database outage: no crash, /healthz 503 then 200 again, a friendly note to the user', async () => {
    const url = await server.createDatabase();
    const [a] = await launch({ name: 'a', databaseUrl: url, env: { COACH_SWEEP_MS: '300' } });
    if (!a) throw new Error('replica missing');
    await server.halt();
    try {
      const down = await waitFor('/healthz to report the outage', async () => {
        const h = await health(a);
        return h.status === 503 ? h : undefined;
      });
      expect(down.body.store).toEqual({ kind: 'postgres', ok: false });
      const chatId = uid('oc_group');
      const messageId = uid('om_outage');
      const event = groupMention({
        chatId,
        messageId,
        eventId: uid('ev'),
        text: 'What is a UVP?',
        botOpenId: fake.botOpenId,
      });
      expect(await postFeishu(a, feishuRequest(event))).toBe(200);
      const note = await waitFor('the outage note', () => sendsTo(messageId)[0]);
      expect(flatten(note.body)).toMatch(/database/i);
    } finally {
      await server.resume();
    }
    await waitFor('/healthz to recover', async () => (await health(a)).status === 200);
    expect(a.child.exitCode).toBeNull();
    // And it answers again.
    const chatId = uid('oc_group');
    const messageId = uid('om_after');
    const event = groupMention({
      chatId,
      messageId,
      eventId: uid('ev'),
      text: 'What is a UVP?',
      botOpenId: fake.botOpenId,
    });
    expect(await postFeishu(a, feishuRequest(event))).toBe(200);
    await waitFor('an answer after the outage', () => sendsTo(messageId)[0]);
  });
});
