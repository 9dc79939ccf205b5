import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createFeishuAdapter } from '../src/adapters/feishu/index.ts';
import { loadConfig } from '../src/config.ts';
import { silentLogger } from '../src/core/logger.ts';
import { describeAdapterScenarios } from './adapter-scenarios.ts';
import { ENCRYPT_KEY, type FeishuHarness, startFeishuHarness, VERIFICATION_TOKEN } from './feishu-harness.ts';

describeAdapterScenarios('feishu', startFeishuHarness);

describe('feishu adapter', () => {
  let h: FeishuHarness;
  afterEach(async () => {
    // Every request Coach sent in the test stayed within Feishu's documented limits.
    expect(h?.violations() ?? []).toEqual([]);
    await h?.close();
    h = undefined as unknown as FeishuHarness; // a test that starts no harness must not close the last one again
  });
  const sends = () => h.fake.calls.filter((c) => c.op === 'im.message.create' || c.op === 'im.message.reply');
  const logged = (event: string) => h.logs.some((l) => l.event === event);

  describe('requests', () => {
    it('answers the encrypted URL verification challenge', async () => {
      h = await startFeishuHarness({ llm: 'none' });
      const challenge = { challenge: 'ch-123', token: VERIFICATION_TOKEN, type: 'url_verification' };
      const signed = await h.post(h.request(challenge));
      expect(signed).toEqual({ status: 200, body: JSON.stringify({ challenge: 'ch-123' }) });
      const unsigned = await h.post(h.request(challenge, { sign: false }));
      expect(JSON.parse(unsigned.body)).toEqual({ challenge: 'ch-123' });
    });

    it('rejects a bad signature, a missing one, an undecryptable or malformed body with 4xx and no work', async () => {
      h = await startFeishuHarness({ llm: 'none' });
      const { payload } = h.messageEvent({ chatId: 'oc_dm', chatType: 'p2p', text: 'What is a UVP?' });
      expect((await h.post(h.request(payload, { signKey: 'wrong-key' }))).status).toBe(401);
      expect((await h.post(h.request(payload, { sign: false }))).status).toBe(401);
      const garbage = {
        ...h.request(payload),
        body: JSON.stringify({ encrypt: 'bm90IGEgcmVhbCBjaXBoZXJ0ZXh0IGF0IGFsbA==' }),
      };
      expect((await h.post(resign(garbage.body))).status).toBe(400);
      expect((await h.post(resign('{"encrypt": '))).status).toBe(400);
      expect((await h.post(resign('[1, 2]'))).status).toBe(400);
      expect((await h.post({ body: 'x', headers: {} })).status).toBeGreaterThanOrEqual(400);
      expect(await h.sent()).toHaveLength(0);
      expect(sends()).toHaveLength(0);
      expect(logged('feishu_request_rejected')).toBe(true);
    });

    it('without an encrypt key, checks the verification token of plain requests', async () => {
      h = await startFeishuHarness({ llm: 'none', encryptKey: null });
      const wrong = h.messageEvent({ chatId: 'oc_dm', chatType: 'p2p', text: 'What is a UVP?' }).payload as {
        header: { token: string };
      };
      wrong.header.token = 'not-the-token';
      expect((await h.post({ body: JSON.stringify(wrong) })).status).toBe(401);
      expect(await h.sent()).toHaveLength(0);
      const right = h.messageEvent({ chatId: 'oc_dm', chatType: 'p2p', text: 'What is a UVP?' }).payload;
      expect((await h.post({ body: JSON.stringify(right) })).status).toBe(200);
      expect(await h.sent(1)).toHaveLength(1);
      const challenge = { challenge: 'c1', token: VERIFICATION_TOKEN, type: 'url_verification' };
      expect(JSON.parse((await h.post({ body: JSON.stringify(challenge) })).body)).toEqual({
        challenge: 'c1',
      });
    });

    it('acknowledges at once and answers in the background', async () => {
      h = await startFeishuHarness({
        llm: 'up',
        scriptLlm: (llm) => llm.slowChunks(1_500, ['Trust needs proof [1]. ', 'Numbers help [2].']),
      });
      const res = await h.send(
        h.messageEvent({ chatId: 'oc_dm', chatType: 'p2p', text: 'How do I win the trust of a CFO?' })
          .payload,
      );
      expect(res).toEqual({ status: 200, body: '{}' });
      expect(h.fake.calls.some((c) => JSON.stringify(c.body).includes('Sources'))).toBe(false);
      expect((await h.sent(1))[0]?.text).toMatch(/Sources/);
    });

    it('refuses HTTP mode without an encrypt key or verification token', () => {
      const config = loadConfig({
        FEISHU_APP_ID: 'cli_fake_app',
        FEISHU_APP_SECRET: 'fake-secret',
        FEISHU_MODE: 'http',
      });
      const settings = config.feishu;
      if (!settings) throw new Error('no settings');
      expect(() => createFeishuAdapter({ settings, engine: {} as never, logger: silentLogger() })).toThrow(
        /FEISHU_ENCRYPT_KEY/,
      );
    });

    function resign(body: string) {
      const timestamp = String(Math.floor(Date.now() / 1000));
      const nonce = 'n1';
      const signature = createHash('sha256')
        .update(timestamp + nonce + ENCRYPT_KEY + body)
        .digest('hex');
      return {
        body,
        headers: {
          'content-type': 'application/json',
          'x-lark-request-timestamp': timestamp,
          'x-lark-request-nonce': nonce,
          'x-lark-signature': signature,
        },
      };
    }
  });

  describe('messages', () => {
    it('ignores a group message without a mention, and replies in thread to a mention', async () => {
      h = await startFeishuHarness({ llm: 'none' });
      await h.send(
        h.messageEvent({ chatId: 'oc_g', chatType: 'group', text: 'What is a UVP?', mentionBot: false })
          .payload,
      );
      expect(await h.sent()).toHaveLength(0);
      const d = await h.mention('What is a UVP?', { chatId: 'oc_g' });
      await h.sent(1);
      const [reply] = sends();
      expect(reply?.op).toBe('im.message.reply');
      expect(reply?.target).toBe(d.messageId);
      expect(reply?.body).toMatchObject({ msg_type: 'interactive', reply_in_thread: true });
      expect(reply?.body.uuid).toMatch(/^[0-9a-f]{32}$/);
    });

    it('reads rich post content as text, mentions removed', async () => {
      h = await startFeishuHarness({ llm: 'none' });
      const content = JSON.stringify({
        title: '',
        content: [
          [
            { tag: 'at', user_id: '@_user_1', user_name: 'Coach' },
            { tag: 'text', text: ' /review Lowest price on the market!' },
          ],
          [
            { tag: 'text', text: '50% off all plans.' },
            { tag: 'img', image_key: 'img_x' },
          ],
        ],
      });
      await h.send(h.messageEvent({ chatId: 'oc_g', chatType: 'group', msgType: 'post', content }).payload);
      expect((await h.sent(1))[0]?.text).toMatch(/\d+\/100/);
    });

    it('answers an image with a polite text-only note, once', async () => {
      h = await startFeishuHarness({ llm: 'none' });
      const image = h.messageEvent({
        chatId: 'oc_dm',
        chatType: 'p2p',
        msgType: 'image',
        content: JSON.stringify({ image_key: 'img_v2_x' }),
      }).payload;
      await h.send(image);
      await h.send(image);
      const all = await h.sent(1);
      expect(all).toHaveLength(1);
      expect(all[0]?.text).toMatch(/only read text/);
      expect(sends()[0]?.body.msg_type).toBe('text');
    });

    it('runs the commands, Chinese aliases included', async () => {
      h = await startFeishuHarness({ llm: 'none' });
      await h.command('点评 全网最低价，五折促销！');
      expect((await h.sent(1))[0]?.text).toMatch(/\d+\/100/);
      await h.command('每日一招');
      expect((await h.sent(2))[1]?.text).toMatch(/💡/);
      await h.command('帮助');
      expect((await h.sent(3))[2]?.text).toMatch(/点评/);
      await h.command('历史');
      expect((await h.sent(4))[3]?.text).toMatch(/\d+\/100/);
    });

    it('answers one reply for a duplicate event and for a redelivery with a new event id', async () => {
      h = await startFeishuHarness({ llm: 'none' });
      const first = h.messageEvent({ chatId: 'oc_dm', chatType: 'p2p', text: 'What is a UVP?' });
      const raw = h.request(first.payload);
      await h.post(raw);
      await h.post(raw);
      const again = h.messageEvent({
        chatId: 'oc_dm',
        chatType: 'p2p',
        text: 'What is a UVP?',
        messageId: first.messageId,
      });
      await h.send(again.payload);
      expect(await h.sent(1)).toHaveLength(1);
      expect(await h.sent()).toHaveLength(1);
    });

    it('skips and logs an event older than the bound', async () => {
      h = await startFeishuHarness({ llm: 'none' });
      const old = Date.now() - 30 * 60_000;
      await h.send(
        h.messageEvent({ chatId: 'oc_dm', chatType: 'p2p', text: 'What is a UVP?', createTime: old }).payload,
      );
      expect(await h.sent()).toHaveLength(0);
      expect(logged('feishu_event_stale')).toBe(true);
    });

    it('answers a 1.0-schema message', async () => {
      h = await startFeishuHarness({ llm: 'none' });
      await h.send({
        uuid: 'v1-event-1',
        token: VERIFICATION_TOKEN,
        ts: String(Date.now() / 1000),
        type: 'event_callback',
        event: {
          type: 'message',
          app_id: 'cli_fake_app',
          tenant_key: 'tenant_fake',
          root_id: '',
          parent_id: '',
          open_chat_id: 'oc_v1',
          chat_type: 'private',
          msg_type: 'text',
          open_id: 'ou_bob',
          open_message_id: 'om_v1_1',
          is_mention: false,
          text: 'What is a UVP?',
          text_without_at_bot: 'What is a UVP?',
        },
      });
      const [reply] = await h.sent(1);
      expect(reply?.chatId).toBe('oc_v1');
      expect(reply?.text).toMatch(/Sources/);
    });

    it('answers a bot menu click to the user by open_id', async () => {
      h = await startFeishuHarness({ llm: 'none' });
      await h.send(
        h.envelope('application.bot.menu_v6', {
          operator: {
            operator_name: 'Bob',
            operator_id: { open_id: 'ou_bob', union_id: 'on_bob', user_id: 'bob' },
          },
          event_key: 'tip',
          timestamp: Math.floor(Date.now() / 1000),
        }),
      );
      const [tip] = await h.sent(1);
      expect(tip?.text).toMatch(/💡/);
      expect(sends()[0]).toMatchObject({
        op: 'im.message.create',
        query: { receive_id_type: 'open_id' },
        body: { receive_id: 'ou_bob' },
      });
    });
  });
});
