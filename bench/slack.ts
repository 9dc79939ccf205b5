/**
 * Slack adapter figures: how fast a signed Events API request is acknowledged under load, and how long
 * a mention takes to become a `chat.postMessage` with the offline answerer. Everything runs on loopback
 * against the fake Slack Web API; nothing is asserted.
 */
import { type SlackHarness, startSlackHarness } from '../test/slack-harness.ts';
import { ms, percentile } from './stats.ts';

const line = (label: string, value: string) => console.log(`  ${label.padEnd(44)} ${value}`);

/** Sends `n` signed mentions at once; returns each one's ack latency and its time to the first post. */
async function burst(h: SlackHarness, n: number, round: number) {
  const sentAt = new Map<string, number>();
  const acks = await Promise.all(
    Array.from({ length: n }, async (_, i) => {
      const ts = h.nextTs();
      const event = {
        type: 'app_mention',
        user: `U${i}`,
        text: `<@UCOACH> How do I win the trust of a CFO? (${round}.${i})`,
        ts,
        channel: `C${i % 10}`,
      };
      const raw = JSON.stringify({ type: 'event_callback', team_id: 'T1', event_id: `EvB${ts}`, event });
      sentAt.set(ts, performance.now());
      return (await h.post(raw)).ms;
    }),
  );
  await h.sent(h.slack.messages().length + n);
  const posts: number[] = [];
  for (const [ts, at] of sentAt) {
    const call = h.slack.calls.find((c) => c.method === 'chat.postMessage' && c.body.thread_ts === ts);
    if (call?.at !== undefined) posts.push(call.at - at);
  }
  return { acks, posts };
}

/** Prints the Slack adapter's figures (called from bench/run.ts). */
export async function runSlackBench(): Promise<void> {
  console.log('\nSlack adapter (HTTP mode, fake Slack Web API on 127.0.0.1, offline answerer)');
  const h = await startSlackHarness({ llm: 'none', logLevel: 'warn' });
  try {
    await burst(h, 10, 0); // warm-up
    const acks: number[] = [];
    const posts: number[] = [];
    h.serverTimes.length = 0;
    for (let round = 1; round <= 4; round += 1) {
      const r = await burst(h, 50, round);
      acks.push(...r.acks);
      posts.push(...r.posts);
    }
    // Server side: from the request's arrival to the end of the 200 (what Slack waits for, minus network).
    line('ack p50, server side (50 concurrent mentions ×4)', ms(percentile(h.serverTimes, 50)));
    line('ack p99, server side (target < 50 ms)', ms(percentile(h.serverTimes, 99)));
    // The in-process client shares the event loop with the server and the engine's work.
    line(
      'ack p50 / p99 seen by the in-process client',
      `${ms(percentile(acks, 50))} / ${ms(percentile(acks, 99))}`,
    );
    line(`mention → chat.postMessage p50 (${posts.length} mentions)`, ms(percentile(posts, 50)));
    line('mention → chat.postMessage p99', ms(percentile(posts, 99)));
  } finally {
    await h.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await runSlackBench();
