/**
 * The bare Lark app of the ack race (bench/ack-race.ts): the SDK's EventDispatcher behind its own HTTP
 * adapter (decryption and signature checks by the SDK), every `im.message.receive_v1` recorded and
 * answered with a fixed reply, not awaited, so the HTTP answer goes out at once. Prints "ready <port>".
 */
import { createServer } from 'node:http';
import * as lark from '@larksuiteoapi/node-sdk';

const client = new lark.Client({
  appId: 'cli_fake_app',
  appSecret: 'fake-secret',
  domain: process.env.FEISHU_DOMAIN,
  loggerLevel: lark.LoggerLevel.error,
});
const seen = new Set();
const dispatcher = new lark.EventDispatcher({
  encryptKey: process.env.FEISHU_ENCRYPT_KEY,
  verificationToken: process.env.FEISHU_VERIFICATION_TOKEN,
  loggerLevel: lark.LoggerLevel.error,
}).register({
  'im.message.receive_v1': (data) => {
    const id = data.message.message_id;
    if (seen.has(id)) return;
    seen.add(id);
    void client.im.message
      .reply({
        path: { message_id: id },
        data: { msg_type: 'text', content: JSON.stringify({ text: 'Thanks, noted.' }), uuid: `bare-${id}` },
      })
      .catch(() => {});
  },
});
const server = createServer(lark.adaptDefault('/feishu/events', dispatcher, { autoChallenge: true }));
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () =>
  console.log(`ready ${server.address().port}`),
);
process.on('SIGTERM', () => process.exit(0));
