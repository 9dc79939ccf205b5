/**
 * Feishu adapter figures: how fast `/feishu/events` acknowledges encrypted, signed events under a burst
 * (Feishu retries after ~3 s; the target is p99 < 50 ms), and how long an event takes to become a reply
 * call on the (fake) open platform with the offline answerer. Loopback only; nothing is asserted.
 */
import { Worker } from 'node:worker_threads';
import { type RawDelivery, startFeishuHarness } from '../test/feishu-harness.ts';
import { ms, percentile } from './stats.ts';

const line = (label: string, value: string) => console.log(`  ${label.padEnd(44)} ${value}`);

/** Prints the Feishu adapter's figures. */
export async function runFeishuBench(): Promise<void> {
  console.log('\nFeishu adapter (HTTP mode, encrypted events, fake open platform on 127.0.0.1)');
  const h = await startFeishuHarness({ llm: 'none', logLevel: 'warn' });
  try {
    const questions = [
      'What is a UVP?',
      'What is the 4T model?',
      'How do I win the trust of a CFO?',
      '我们要不要靠降价抢客户？',
    ];
    let n = 0;
    const event = () => {
      n += 1;
      const chatId = `oc_bench_${n}`;
      const { payload } = h.messageEvent({
        chatId,
        chatType: 'p2p',
        text: questions[n % questions.length] ?? '',
      });
      return { chatId, raw: h.request(payload) };
    };

    // Warm-up: token, bot info, retrieval and SQLite paths.
    for (let i = 0; i < 5; i += 1) await h.post(event().raw);
    await h.idle();

    // Acknowledgement latency: rounds of 50 concurrent events, sent from a worker thread so that the
    // client's own work does not run on the adapter's event loop.
    const acks: number[] = [];
    for (let round = 0; round < 6; round += 1) {
      const batch = Array.from({ length: 50 }, () => event().raw);
      const timings = await burst(h.eventsUrl, batch);
      if (round > 0) acks.push(...timings); // the first round warms up connections and JIT
      await h.idle();
    }
    line(`ack latency p50 (${acks.length} events, 50 at once)`, ms(percentile(acks, 50)));
    line('ack latency p99 (target < 50 ms)', ms(percentile(acks, 99)));

    // Event → reply call, one event at a time.
    const replies: number[] = [];
    for (let i = 0; i < 50; i += 1) {
      const { chatId, raw } = event();
      const t = performance.now();
      await h.post(raw);
      for (;;) {
        const call = h.fake.calls.find((c) => c.op === 'im.message.create' && c.body.receive_id === chatId);
        if (call) {
          replies.push(call.at - t);
          break;
        }
        await new Promise((r) => setImmediate(r));
      }
    }
    line('event → reply call p50 (offline answerer)', ms(percentile(replies, 50)));
    line('event → reply call p99', ms(percentile(replies, 99)));
  } finally {
    await h.close();
  }
}

/** POSTs all requests at once from a worker thread; resolves with each request's time to its answer. */
function burst(url: string, requests: RawDelivery[]): Promise<number[]> {
  const worker = new Worker(BURST_WORKER, { eval: true, workerData: { url, requests } });
  return new Promise((resolve, reject) => {
    worker.once('message', (m: { timings: number[]; statuses: number[] }) => {
      if (m.statuses.some((s) => s !== 200)) reject(new Error(`statuses ${[...new Set(m.statuses)]}`));
      else resolve(m.timings);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}

const BURST_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const http = require('node:http');
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
const { url, requests } = workerData;
const one = (r) => new Promise((resolve, reject) => {
  const t = performance.now();
  const req = http.request(url, { method: 'POST', headers: r.headers, agent }, (res) => {
    res.resume();
    res.on('end', () => resolve({ ms: performance.now() - t, status: res.statusCode }));
  });
  req.on('error', reject);
  req.end(r.body);
});
Promise.all(requests.map(one)).then((all) => {
  parentPort.postMessage({ timings: all.map((a) => a.ms), statuses: all.map((a) => a.status) });
  agent.destroy();
});
`;

if (import.meta.url === `file://${process.argv[1]}`) await runFeishuBench();
