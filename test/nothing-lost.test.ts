/**
 * Nothing lost: real child processes (src/main.ts serving Slack and Feishu over HTTP) against the fake
 * platforms and model, on SQLite (one process, restarted on the same file) and on PostgreSQL.
 *
 * - A crash (SIGKILL) in the middle of a burst of mentions, slash-command reviews and Feishu messages
 *   queued behind each other in one chat: after a restart, every acknowledged message is answered,
 *   once.
 * - A Slack or Feishu API outage (HTTP 500, then 429 with Retry-After): the same process delivers every
 *   reply once the platform is back, and `/healthz` shows the replies it is retrying meanwhile.
 * - A model outage: after a few failures the breaker answers offline at once (no more model calls),
 *   and the model answers again once it is back.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type FakeFeishu, startFakeFeishu } from './fakes/fake-feishu.ts';
import { type FakeOpenAI, startFakeOpenAI } from './fakes/fake-openai.ts';
import { type FakeSlack, startFakeSlack } from './fakes/fake-slack.ts';
import { type PgServer, startPostgres } from './pg-server.ts';
import {
  directMessage,
  feishuRequest,
  groupMention,
  health,
  postFeishu,
  postSlack,
  postSlackCommand,
  type Replica,
  type ReplicaOptions,
  slackMentionPair,
  spawnReplica,
  uid,
  waitFor,
} from './replicas-support.ts';

let pgServer: PgServer;
let slack: FakeSlack;
let feishu: FakeFeishu;
const disposers: (() => Promise<void>)[] = [];

beforeAll(async () => {
  [pgServer, slack, feishu] = await Promise.all([startPostgres(), startFakeSlack(), startFakeFeishu()]);
}, 120_000);

afterEach(async () => {
  slack.clear();
  for (const dispose of disposers.splice(0).reverse()) await dispose();
});

afterAll(async () => {
  await Promise.all([slack?.close(), feishu?.close()]);
  await pgServer?.stop();
});

/** Where a test's state lives: a fresh PostgreSQL database, or an SQLite file kept across restarts. */
interface Db {
  name: string;
  options(): Promise<Pick<ReplicaOptions, 'databaseUrl' | 'dbPath'>>;
}

const STORES: Db[] = [
  {
    name: 'SQLite',
    async options() {
      const dir = mkdtempSync(join(tmpdir(), 'coach-lost-'));
      disposers.push(async () => rmSync(dir, { recursive: true, force: true }));
      return { dbPath: join(dir, 'coach.db') };
    },
  },
  { name: 'PostgreSQL', options: async () => ({ databaseUrl: await pgServer.createDatabase() }) },
];

const FAST_TAKEOVER = { COACH_CLAIM_LEASE_MS: '1500', COACH_SWEEP_MS: '300' };

async function launch(opts: Omit<ReplicaOptions, 'feishuUrl' | 'slackApiUrl'>): Promise<Replica> {
  const spawned = spawnReplica({ ...opts, slackApiUrl: slack.apiUrl, feishuUrl: feishu.url });
  disposers.push(spawned.dispose);
  return spawned.ready;
}

async function model(script: (m: FakeOpenAI) => void): Promise<FakeOpenAI> {
  const m = await startFakeOpenAI();
  script(m);
  disposers.push(() => m.close());
  return m;
}

const usingModel = (m: FakeOpenAI, extra: Record<string, string> = {}) => ({
  OPENAI_API_KEY: 'sk-fake-test',
  OPENAI_BASE_URL: m.url,
  LLM_RERANK: 'off',
  LLM_TIMEOUT_MS: '600000',
  LLM_MAX_RETRIES: '0',
  ...extra,
});

/** Slack messages users see in one thread (newest versions). */
const slackThread = (channel: string, ts: string) =>
  slack.messages().filter((m) => m.kind === 'message' && m.channel === channel && m.threadTs === ts);

/** Slack's private replies through one response URL. */
const responses = (id: string) =>
  slack.calls.filter((c) => c.method === 'response_url' && c.responseId === id && !c.body.delete_original);

/** Distinct Feishu messages Coach sent for one incoming message (a reply to it, or into a DM chat by uuid seed). */
const feishuReplies = (messageId: string) =>
  new Set(
    feishu.calls
      .filter((c) => c.op === 'im.message.reply' && c.target === messageId && c.code === 0)
      .map((c) => c.messageId),
  );
const feishuDmMessages = (chatId: string) =>
  new Set(
    feishu.calls
      .filter(
        (c) =>
          c.op === 'im.message.create' &&
          c.query.receive_id_type === 'chat_id' &&
          c.body.receive_id === chatId &&
          c.code === 0,
      )
      .map((c) => c.messageId),
  );

describe.each(STORES)('nothing lost on $name', (db) => {
  it('a crash mid-burst: after a restart every acknowledged message is answered once', async () => {
    const store = await db.options();
    const hanging = await model((m) => {
      for (let i = 0; i < 50; i += 1) m.hang();
    });
    const a = await launch({ name: 'a', ...store, env: { ...FAST_TAKEOVER, ...usingModel(hanging) } });

    const run = uid('r');
    const mentions = Array.from({ length: 6 }, (_, i) => ({
      channel: `C${run}m${i}`,
      ts: `${1_900_000_000 + i}.000100`,
    }));
    const commands = Array.from({ length: 3 }, (_, i) => ({
      channel: `C${run}c${i}`,
      triggerId: `${run}.t${i}`,
    }));
    const dmChat = `oc_${run}_dm`;
    const dms = Array.from({ length: 3 }, (_, i) => `om_${run}_dm${i}`);
    const groups = Array.from({ length: 3 }, (_, i) => ({
      chatId: `oc_${run}_g${i}`,
      messageId: `om_${run}_g${i}`,
    }));

    const acks = await Promise.all([
      ...mentions.flatMap((p) =>
        slackMentionPair({ ...p, text: 'How do I win the trust of a CFO?' }).map((e) => postSlack(a, e)),
      ),
      ...commands.map((c) =>
        postSlackCommand(a, {
          channel: c.channel,
          user: 'U1',
          text: 'review The fastest CRM for everyone. Best price!',
          triggerId: c.triggerId,
          responseUrl: `${slack.responseUrlBase}${c.channel}/${c.triggerId}`,
        }),
      ),
      ...groups.map((g) =>
        postFeishu(
          a,
          feishuRequest(
            groupMention({ ...g, eventId: uid('ev'), text: 'What is a UVP?', botOpenId: feishu.botOpenId }),
          ),
        ),
      ),
    ]);
    // The DMs of one chat, in order: each waits behind the one before it.
    for (const messageId of dms) {
      acks.push(
        await postFeishu(
          a,
          feishuRequest(
            directMessage({ chatId: dmChat, messageId, eventId: uid('ev'), text: 'What is the 4T model?' }),
          ),
        ),
      );
    }
    expect(acks.every((s) => s === 200)).toBe(true);
    await waitFor('A to be mid-answer', () => hanging.requests.length >= 4);
    a.child.kill('SIGKILL');
    expect(await a.exited).toBe('SIGKILL');

    const fast = await model((m) => m.setDefaultReply('Trust comes from proof, not adjectives [1].'));
    const b = await launch({
      name: 'b',
      ...store,
      env: { ...FAST_TAKEOVER, ...usingModel(fast, { LLM_TIMEOUT_MS: '5000' }) },
    });

    await waitFor(
      'every acknowledged message to be answered',
      () =>
        mentions.every((p) => slackThread(p.channel, p.ts).some((m) => /CFO|trust|proof/i.test(m.text))) &&
        commands.every((c) =>
          responses(`${c.channel}/${c.triggerId}`).some((r) => /\/100/.test(JSON.stringify(r.body))),
        ) &&
        groups.every((g) => feishuReplies(g.messageId).size > 0) &&
        feishuDmMessages(dmChat).size >= dms.length,
      60_000,
    );
    await new Promise((r) => setTimeout(r, 1_500)); // anything posted twice would show by now
    for (const p of mentions) expect(slackThread(p.channel, p.ts)).toHaveLength(1);
    for (const c of commands) expect(responses(`${c.channel}/${c.triggerId}`)).toHaveLength(1);
    for (const g of groups) expect(feishuReplies(g.messageId).size).toBe(1);
    expect(feishuDmMessages(dmChat).size).toBe(dms.length);
    expect(b.logged('work_taken_over').length).toBeGreaterThanOrEqual(mentions.length + commands.length + 6);
  }, 120_000);

  it('a Slack outage (500, then 429): the same process delivers every reply once Slack is back', async () => {
    const store = await db.options();
    const a = await launch({ name: 'a', ...store, env: { COACH_DELIVERY_RETRY_MS: '120000' } });
    slack.fail('chat.postMessage', 'http_500');
    const run = uid('s');
    const posts = Array.from({ length: 4 }, (_, i) => ({
      channel: `C${run}${i}`,
      ts: `${1_900_000_100 + i}.000100`,
    }));
    for (const p of posts) {
      const [, mention] = slackMentionPair({ ...p, text: 'What is a UVP?' });
      expect(await postSlack(a, mention)).toBe(200);
    }
    await waitFor(
      'replies to be retried',
      async () => {
        const h = await health(a);
        return (
          (h.body as { platforms?: { slack?: { delivery?: { retrying: number } } } }).platforms?.slack
            ?.delivery?.retrying === posts.length
        );
      },
      30_000,
    );
    slack.clear().fail('chat.postMessage', 'ratelimited', { times: 3, retryAfter: 1 });
    await waitFor(
      'every reply after the outage',
      () => posts.every((p) => slackThread(p.channel, p.ts).length > 0),
      90_000,
    );
    await new Promise((r) => setTimeout(r, 1_000));
    for (const p of posts) expect(slackThread(p.channel, p.ts)).toHaveLength(1);
    const h = await health(a);
    expect((h.body as { platforms: { slack: { delivery: unknown } } }).platforms.slack.delivery).toEqual({
      retrying: 0,
      undelivered: 0,
    });
  }, 150_000);

  it('a Feishu outage (500, then 429): the same process delivers every reply once Feishu is back', async () => {
    const store = await db.options();
    const a = await launch({ name: 'a', ...store, env: { COACH_DELIVERY_RETRY_MS: '120000' } });
    feishu.failNext('im.message.reply', { status: 500 }, 12);
    feishu.failNext('im.message.reply', { code: 99991400, msg: 'request trigger frequency limit' }, 3);
    const run = uid('f');
    const groups = Array.from({ length: 3 }, (_, i) => ({
      chatId: `oc_${run}_${i}`,
      messageId: `om_${run}_${i}`,
    }));
    for (const g of groups) {
      const event = groupMention({
        ...g,
        eventId: uid('ev'),
        text: 'What is a UVP?',
        botOpenId: feishu.botOpenId,
      });
      expect(await postFeishu(a, feishuRequest(event))).toBe(200);
    }
    await waitFor(
      'every reply after the outage',
      () => groups.every((g) => feishuReplies(g.messageId).size > 0),
      90_000,
    );
    await new Promise((r) => setTimeout(r, 1_000));
    for (const g of groups) expect(feishuReplies(g.messageId).size).toBe(1);
    expect(a.logged('reply_final_failed').length).toBeGreaterThan(0);
    expect(a.logged('reply_undelivered')).toHaveLength(0);
  }, 150_000);

  it('a model outage: offline answers without waiting on the model, then the model again', async () => {
    const store = await db.options();
    const llm = await model((m) => {
      m.failTimes(1_000, 500);
      m.setDefaultReply('From the model: trust comes from proof [1].');
    });
    const a = await launch({
      name: 'a',
      ...store,
      env: {
        ...usingModel(llm, {
          LLM_TIMEOUT_MS: '5000',
          LLM_BREAKER_FAILURES: '3',
          LLM_BREAKER_COOLDOWN_MS: '3000',
        }),
      },
    });
    const run = uid('o');
    const ask = async (i: number) => {
      const p = { channel: `C${run}${i}`, ts: `${1_900_000_200 + i}.000100` };
      const [, mention] = slackMentionPair({ ...p, text: 'How do I win the trust of a CFO?' });
      expect(await postSlack(a, mention)).toBe(200);
      const final = () => slackThread(p.channel, p.ts).find((m) => !/Thinking|Writing/.test(m.text));
      await waitFor(`answer ${i}`, () => final() !== undefined, 30_000);
      return final()?.text ?? '';
    };
    for (let i = 0; i < 6; i += 1) expect(await ask(i)).toMatch(/offline|unavailable|knowledge base/i);
    // Three failures opened the breaker: the other answers never called the model.
    expect(llm.requests.length).toBeLessThanOrEqual(4);
    const calls = llm.requests.length;
    llm.clearQueue();
    await new Promise((r) => setTimeout(r, 3_500)); // the cool-down
    let answer = '';
    for (let i = 6; i < 12 && !/From the model/.test(answer); i += 1) answer = await ask(i);
    expect(answer).toMatch(/From the model/);
    expect(llm.requests.length).toBeGreaterThan(calls);
  }, 150_000);
});
