/**
 * The bare Bolt app of the ack race (bench/ack-race.ts): HTTP mode, signature checked by Bolt, every
 * `app_mention` recorded and answered with a fixed reply in its thread. What any Bolt bot does at the
 * least; Coach's acks are compared with its acks. Prints "ready <port>" once it listens.
 */
import bolt from '@slack/bolt';

const { App, HTTPReceiver } = bolt;
const receiver = new HTTPReceiver({
  signingSecret: process.env.SLACK_SIGNING_SECRET ?? '',
  processBeforeResponse: false,
});
const app = new App({
  token: process.env.SLACK_BOT_TOKEN,
  receiver,
  clientOptions: { slackApiUrl: process.env.SLACK_API_URL },
  deferInitialization: true,
  convoStore: false,
  logLevel: bolt.LogLevel.ERROR,
});
const seen = new Set();
app.event('app_mention', async ({ event, client }) => {
  if (seen.has(event.ts)) return;
  seen.add(event.ts);
  await client.chat.postMessage({ channel: event.channel, thread_ts: event.ts, text: 'Thanks, noted.' });
});
await app.init();
const server = await receiver.start(Number(process.env.PORT ?? 0));
console.log(`ready ${server.address().port}`);
process.on('SIGTERM', () => process.exit(0));
