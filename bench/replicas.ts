/**
 * Several replicas on one PostgreSQL: two real Coach processes (src/main.ts, Feishu in HTTP mode,
 * offline answerer) on a throwaway local PostgreSQL (test/pg-server.ts) and one fake Feishu open
 * platform. Prints the acknowledgement latency and the number of replies when 100 posts are each
 * delivered to both replicas at once, and the time from killing a replica mid-answer (SIGKILL) to the
 * other replica's takeover reply. Loopback only; nothing is asserted. Run alone with
 * `npx tsx bench/replicas.ts`. (Claim latency on PostgreSQL and SQLite: bench/store.ts.)
 */
import { Agent, request } from 'node:http';
import { pathToFileURL } from 'node:url';
import { startFakeFeishu } from '../test/fakes/fake-feishu.ts';
import { startFakeOpenAI } from '../test/fakes/fake-openai.ts';
import { startPostgres } from '../test/pg-server.ts';
import {
  type FeishuRequest,
  feishuRequest,
  groupMention,
  postFeishu,
  type Replica,
  spawnReplica,
  uid,
  waitFor,
} from '../test/replicas-support.ts';
import { ms, percentile } from './stats.ts';

const line = (label: string, value: string) => console.log(`  ${label.padEnd(44)} ${value}`);
const POSTS = 100;
const ROUNDS = 3;
const LEASE_MS = 1_500;
const SWEEP_MS = 300;

/** Prints the multi-replica figures. */
export async function runReplicaBench(): Promise<void> {
  console.log('\nSeveral replicas (2 processes, one PostgreSQL, Feishu HTTP mode, offline answerer)');
  const [pg, fake, llm] = await Promise.all([startPostgres(), startFakeFeishu(), startFakeOpenAI()]);
  const disposers: (() => Promise<void>)[] = [];
  const launch = (name: string, databaseUrl: string, env: Record<string, string> = {}) => {
    const s = spawnReplica({ name, databaseUrl, feishuUrl: fake.url, env: { LOG_LEVEL: 'info', ...env } });
    disposers.push(s.dispose);
    return s.ready;
  };
  const replies = (ids: string[]) => {
    const wanted = new Set(ids);
    return fake.calls.filter((c) => c.op === 'im.message.reply' && c.code === 0 && wanted.has(c.target ?? ''))
      .length;
  };
  try {
    // ── Duplicated deliveries ────────────────────────────────────────────────
    const url = await pg.createDatabase();
    const [a, b] = await Promise.all([launch('a', url), launch('b', url)]);
    const chatId = uid('oc_bench');
    const acks: number[] = [];
    const counts: number[] = [];
    for (let round = 0; round <= ROUNDS; round += 1) {
      const ids = Array.from({ length: POSTS }, (_, i) => uid(`om_${round}_${i}`));
      const requests = ids.flatMap((messageId) => {
        const req = feishuRequest(
          groupMention({
            chatId,
            messageId,
            eventId: uid('ev'),
            text: 'What is a UVP?',
            botOpenId: fake.botOpenId,
          }),
        );
        return [a, b].map((r) => ({ r, req }));
      });
      const timings = await Promise.all(requests.map(({ r, req }) => timedPost(r.url, req)));
      await waitFor('the replies', () => replies(ids) >= ids.length, 60_000);
      await new Promise((r) => setTimeout(r, 500)); // a late second reply would show up by now
      if (round === 0) continue; // warm-up: connections, JIT, token, pools
      acks.push(...timings);
      counts.push(replies(ids));
    }
    line(`ack p50 (${POSTS} posts × 2 replicas at once, ×${ROUNDS})`, ms(percentile(acks, 50)));
    line('ack p99', ms(percentile(acks, 99)));
    line(`replies per round (expected ${POSTS})`, counts.join(', '));

    // ── Takeover after SIGKILL ───────────────────────────────────────────────
    for (let i = 0; i < 10; i += 1) llm.hang();
    const url2 = await pg.createDatabase();
    const lease = { COACH_CLAIM_LEASE_MS: String(LEASE_MS), COACH_SWEEP_MS: String(SWEEP_MS) };
    const [dying, survivor]: Replica[] = await Promise.all([
      launch('dying', url2, {
        ...lease,
        OPENAI_API_KEY: 'sk-fake',
        LLM_RERANK: 'off',
        OPENAI_BASE_URL: llm.url,
        LLM_TIMEOUT_MS: '600000',
        LLM_MAX_RETRIES: '0',
      }),
      launch('survivor', url2, lease),
    ]);
    if (!dying || !survivor) throw new Error('replicas missing');
    const messageId = uid('om_kill');
    await postFeishu(
      dying,
      feishuRequest(
        groupMention({
          chatId,
          messageId,
          eventId: uid('ev'),
          text: 'What is a UVP?',
          botOpenId: fake.botOpenId,
        }),
      ),
    );
    await waitFor('the placeholder', () => replies([messageId]) > 0);
    const killedAt = performance.now();
    dying.child.kill('SIGKILL');
    const card = fake.calls.find((c) => c.op === 'im.message.reply' && c.target === messageId)?.messageId;
    const answer = await waitFor(
      'the takeover reply',
      () => fake.calls.find((c) => c.op === 'im.message.patch' && c.target === card && c.at > killedAt),
      30_000,
    );
    line(`kill -9 → takeover reply (lease ${LEASE_MS} ms, sweep ${SWEEP_MS} ms)`, ms(answer.at - killedAt));
    await new Promise((r) => setTimeout(r, 500));
    const sent = fake.calls.filter(
      (c) => c.op === 'im.message.reply' && c.target === messageId && c.code === 0,
    );
    line('messages in the chat for it (expected 1)', String(new Set(sent.map((c) => c.messageId)).size));
  } finally {
    for (const dispose of disposers.reverse()) await dispose();
    await Promise.all([fake.close(), llm.close()]);
    await pg.stop();
    agent.destroy();
  }
}

const agent = new Agent({ keepAlive: true, maxSockets: 256 });

/** POSTs one event over a kept-alive connection; resolves with the time to the whole answer. */
function timedPost(base: string, req: FeishuRequest): Promise<number> {
  return new Promise((resolve, reject) => {
    const t = performance.now();
    const r = request(`${base}/feishu/events`, { method: 'POST', headers: req.headers, agent }, (res) => {
      res.resume();
      res.on('end', () => resolve(performance.now() - t));
    });
    r.on('error', reject);
    r.end(req.body);
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await runReplicaBench();
