/**
 * Slack with several replicas on one real PostgreSQL (child processes running src/main.ts in Slack HTTP
 * mode, one fake Slack Web API): the `message` + `app_mention` pair of one post split across replicas
 * gets one reply; a replica killed after its reply reached Slack, or in the middle of an answer, is taken
 * over without a second post (the reply's message metadata is looked up in the thread first).
 */
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type FakeOpenAI, startFakeOpenAI } from './fakes/fake-openai.ts';
import { type FakeSlack, type FakeSlackCall, startFakeSlack } from './fakes/fake-slack.ts';
import { type PgServer, startPostgres } from './pg-server.ts';
import {
  postSlack,
  type Replica,
  type ReplicaOptions,
  slackMentionPair,
  spawnReplica,
  waitFor,
} from './replicas-support.ts';

let server: PgServer;
let slack: FakeSlack;
const disposers: (() => Promise<void>)[] = [];
let seq = 0;

beforeAll(async () => {
  [server, slack] = await Promise.all([startPostgres(), startFakeSlack()]);
}, 120_000);

afterEach(async () => {
  slack.release();
  for (const dispose of disposers.splice(0).reverse()) await dispose();
});

afterAll(async () => {
  await slack?.close();
  await server?.stop();
});

async function launch(...opts: Omit<ReplicaOptions, 'feishuUrl' | 'slackApiUrl'>[]): Promise<Replica[]> {
  const spawned = opts.map((o) => spawnReplica({ ...o, slackApiUrl: slack.apiUrl }));
  for (const s of spawned) disposers.push(s.dispose);
  return Promise.all(spawned.map((s) => s.ready));
}

/** A unique channel and message ts. */
function post(): { channel: string; ts: string } {
  seq += 1;
  return { channel: `C_${process.pid}_${seq}`, ts: `${1_900_000_000 + seq}.${String(seq).padStart(6, '0')}` };
}

/** Messages Coach posted into the post's thread. */
const postsIn = (p: { channel: string; ts: string }): FakeSlackCall[] =>
  slack.callsOf('chat.postMessage').filter((c) => c.body.channel === p.channel && c.body.thread_ts === p.ts);

async function leaseOf(url: string, key: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const r = await client.query<{ owner: string; status: string }>(
      'SELECT owner, status FROM work_leases WHERE key = $1',
      [key],
    );
    return r.rows[0];
  } finally {
    await client.end();
  }
}

async function quiet(quietMs = 1_000): Promise<void> {
  let count = -1;
  let since = Date.now();
  await waitFor('the fake Slack to go quiet', () => {
    if (slack.calls.length !== count) {
      count = slack.calls.length;
      since = Date.now();
    }
    return Date.now() - since >= quietMs;
  });
}

const LEASE = { COACH_CLAIM_LEASE_MS: '1500', COACH_SWEEP_MS: '300' };

describe('Slack, several replicas on one PostgreSQL', () => {
  it('the message + app_mention pair of 20 posts, split across two replicas and redelivered: 20 replies', async () => {
    const url = await server.createDatabase();
    const [a, b] = await launch({ name: 'a', databaseUrl: url }, { name: 'b', databaseUrl: url });
    if (!a || !b) throw new Error('replicas missing');
    const posts = Array.from({ length: 20 }, post);
    const statuses = await Promise.all(
      posts.flatMap((p) => {
        const [message, mention] = slackMentionPair({ ...p, text: 'What is a UVP?' });
        return [postSlack(a, message), postSlack(b, mention), postSlack(b, message), postSlack(a, mention)];
      }),
    );
    expect(new Set(statuses)).toEqual(new Set([200]));
    await waitFor('20 replies', () => posts.every((p) => postsIn(p).length >= 1));
    await quiet();
    for (const p of posts) expect(postsIn(p)).toHaveLength(1);
    const first = postsIn(posts[0] ?? post())[0];
    expect(first?.body.metadata).toEqual({
      event_type: 'coach_reply',
      event_payload: { ref: `slack:${posts[0]?.channel}:${posts[0]?.ts}` },
    });
  });

  it('a replica killed after Slack took its reply, before recording it: the other posts nothing again', async () => {
    const url = await server.createDatabase();
    const [a, b] = await launch(
      { name: 'a', databaseUrl: url, env: LEASE },
      { name: 'b', databaseUrl: url, env: LEASE },
    );
    if (!a || !b) throw new Error('replicas missing');
    const p = post();
    const key = `msg:slack:T1:${p.channel}:${p.ts}`;
    slack.hold('chat.postMessage'); // Slack posts the reply, but A never hears back
    const [message] = slackMentionPair({ ...p, text: 'What is a UVP?' });
    expect(await postSlack(a, message)).toBe(200);
    await waitFor('A to post its reply', () => postsIn(p).length === 1);
    expect((await leaseOf(url, key))?.status).toBe('claimed');
    a.child.kill('SIGKILL');
    await a.exited;
    slack.release();

    await waitFor('B to take over', () => b.logged('work_taken_over').length > 0);
    await waitFor('B to find the reply', () => b.logged('slack_resume_already_replied').length > 0);
    await waitFor('the work to be done', async () => (await leaseOf(url, key))?.status === 'done');
    await quiet();
    expect(postsIn(p)).toHaveLength(1);
  });

  it('a replica killed in the middle of an answer: the other replaces its placeholder', async () => {
    const url = await server.createDatabase();
    const llm: FakeOpenAI = await startFakeOpenAI();
    disposers.push(() => llm.close());
    for (let i = 0; i < 20; i += 1) llm.hang();
    const hangs = {
      OPENAI_API_KEY: 'sk-fake',
      LLM_RERANK: 'off',
      OPENAI_BASE_URL: llm.url,
      LLM_TIMEOUT_MS: '600000',
      LLM_MAX_RETRIES: '0',
    };
    const [a, b] = await launch(
      { name: 'a', databaseUrl: url, env: { ...LEASE, ...hangs } },
      { name: 'b', databaseUrl: url, env: LEASE },
    );
    if (!a || !b) throw new Error('replicas missing');
    const p = post();
    const [, mention] = slackMentionPair({ ...p, text: 'What is a UVP?' });
    expect(await postSlack(a, mention)).toBe(200);
    await waitFor('A to ask its (hanging) LLM', () => llm.requests.length > 0);
    await waitFor('A to post its placeholder', () => postsIn(p).length === 1);
    a.child.kill('SIGKILL');
    await a.exited;

    const placeholder = postsIn(p)[0]?.ts;
    await waitFor('B to answer', () =>
      slack.callsOf('chat.update').some((c) => c.body.ts === placeholder && c.body.metadata),
    );
    await quiet();
    expect(postsIn(p)).toHaveLength(1);
    const final = slack
      .callsOf('chat.update')
      .filter((c) => c.body.ts === placeholder)
      .at(-1);
    expect(final?.body.metadata).toEqual({
      event_type: 'coach_reply',
      event_payload: { ref: `slack:${p.channel}:${p.ts}` },
    });
    expect(String(final?.body.text)).toMatch(/UVP|value proposition/i);
  });
});
