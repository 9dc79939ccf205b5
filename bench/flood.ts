/**
 * A flood: 40 mentions from one user at once, with a slow model (each answer streams over about two
 * seconds), then one question from another user. Prints how long the other user waited for the answer,
 * how many model calls the flood made, and how many flood messages were asked to wait. Loopback only.
 */
import { DEFAULTS } from '../src/config.ts';
import { startSlackHarness } from '../test/slack-harness.ts';
import { ms } from './stats.ts';

const line = (label: string, value: string) => console.log(`  ${label.padEnd(58)} ${value}`);

/** Prints the flood figures (called from bench/run.ts). */
export async function runFloodBench(): Promise<void> {
  console.log('\nFlood (Slack HTTP mode, slow fake model: 20 chunks 100 ms apart; default limits)');
  const h = await startSlackHarness({
    llm: 'up',
    logLevel: 'error',
    updateIntervalMs: 1_000,
    limits: {
      userPerMinute: DEFAULTS.userMessagesPerMinute,
      chatPerMinute: DEFAULTS.chatMessagesPerMinute,
      userQueue: DEFAULTS.userQueue,
    },
    maxConcurrentLlm: DEFAULTS.maxConcurrentLlm,
  });
  try {
    const chunks = Array.from({ length: 20 }, (_, i) => `Part ${i + 1} about trust [1]. `);
    h.openai?.setDefaultReply(chunks);
    h.openai?.slowChunks(100, chunks);
    for (let i = 0; i < 60; i += 1) h.openai?.slowChunks(100, chunks);
    const started = performance.now();
    const flood = Array.from({ length: 40 }, (_, i) =>
      h.mention(`How do I win the trust of a CFO? (${i})`, { userId: 'UFLOOD', chatId: 'CFLOOD' }),
    );
    await Promise.all(flood);
    await new Promise((r) => setTimeout(r, 200));
    const asked = performance.now();
    const other = await h.dm('What is a UVP, and how do I write one?', { userId: 'UOTHER' });
    let answeredAt: number | undefined;
    const deadline = Date.now() + 60_000;
    while (answeredAt === undefined && Date.now() < deadline) {
      const reply = h.slack
        .messages()
        .find(
          (m) =>
            m.channel === other.chatId &&
            m.kind === 'message' &&
            /Sources|来源/.test(JSON.stringify(m.blocks)),
        );
      if (reply) answeredAt = performance.now();
      else await new Promise((r) => setTimeout(r, 20));
    }
    await h.sent(41);
    const floodCalls = (h.openai?.requests ?? []).filter((r) =>
      String(r.body.messages?.at(-1)?.content ?? '').includes('How do I win the trust of a CFO? ('),
    ).length;
    const busy = h.slack.messages().filter((m) => /try again in a minute/.test(m.text)).length;
    line(
      "other user's question → answer posted (target < 10 s)",
      answeredAt ? ms(answeredAt - asked) : 'not answered',
    );
    line(
      'model calls made for the 40 flood messages',
      `${floodCalls} (limits: ${DEFAULTS.userQueue} at once, ${DEFAULTS.userMessagesPerMinute}/min)`,
    );
    line('flood messages told to try again in a minute', String(busy));
    line(
      'flood: all 40 got a reply',
      String(h.slack.messages().filter((m) => m.channel === 'CFLOOD').length >= 40),
    );
    line('total time', ms(performance.now() - started));
  } finally {
    await h.close();
  }
}
