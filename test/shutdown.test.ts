/**
 * Graceful shutdown honours `COACH_SHUTDOWN_GRACE_MS` end to end: a real `src/main.ts` process (Slack
 * HTTP mode, SQLite, a fake Slack and a fake model that takes 12 s to write its answer) gets SIGTERM
 * while it answers, lets the answer finish, posts it, and exits 0.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeOpenAI, startFakeOpenAI } from './fakes/fake-openai.ts';
import { type FakeSlack, startFakeSlack } from './fakes/fake-slack.ts';
import { postSlack, slackMentionPair, spawnReplica, waitFor } from './replicas-support.ts';

let slack: FakeSlack;
let llm: FakeOpenAI;

beforeAll(async () => {
  [slack, llm] = await Promise.all([startFakeSlack(), startFakeOpenAI()]);
});

afterAll(async () => {
  await slack?.close();
  await llm?.close();
});

describe('SIGTERM', () => {
  it('with COACH_SHUTDOWN_GRACE_MS=20000, a 12-second answer finishes and is posted before exit 0', async () => {
    const chunks = Array.from({ length: 12 }, (_, i) => `Part ${i + 1} of the answer [1]. `);
    llm.slowChunks(1_000, chunks);
    const spawned = spawnReplica({
      name: 'grace',
      databaseUrl: '',
      slackApiUrl: slack.apiUrl,
      env: {
        COACH_SHUTDOWN_GRACE_MS: '20000',
        OPENAI_API_KEY: 'sk-fake-shutdown',
        LLM_RERANK: 'off',
        OPENAI_BASE_URL: llm.url,
        LLM_MAX_RETRIES: '0',
      },
    });
    try {
      const replica = await spawned.ready;
      const post = { channel: 'C_SHUTDOWN', ts: '1900000001.000100' };
      const [, mention] = slackMentionPair({ ...post, text: 'How do I win the trust of a CFO?' });
      expect(await postSlack(replica, mention)).toBe(200);
      await waitFor('the model request', () => llm.requests.length >= 1, 15_000);
      replica.child.kill('SIGTERM');
      expect(await replica.exited).toBe(0);
      // The model sends the last part 12 s after it starts (past the adapters' old fixed 8 s stop wait):
      // the answer was posted whole.
      const final = slack
        .messages()
        .find(
          (m) => m.channel === post.channel && m.threadTs === post.ts && /Part 12 of the answer/.test(m.text),
        );
      expect(final?.text).toMatch(/Part 1 of the answer/);
      expect(replica.logged('shutdown_timeout')).toEqual([]);
    } finally {
      await spawned.dispose();
    }
  }, 60_000);
});
