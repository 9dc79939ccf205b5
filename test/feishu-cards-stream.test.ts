/**
 * The Feishu adapter's cards and API use: buttons and legacy card callbacks, retries and refused
 * sends, cards split under 30 KB, streaming by patches, and tip posts. Requests and messages:
 * feishu-adapter.test.ts.
 */
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { isCoachError } from '../src/core/errors.ts';
import { type FeishuHarness, flatten, startFeishuHarness, VERIFICATION_TOKEN } from './feishu-harness.ts';

describe('feishu adapter', () => {
  let h: FeishuHarness;
  afterEach(async () => {
    // Every request Coach sent in the test stayed within Feishu's documented limits.
    expect(h?.violations() ?? []).toEqual([]);
    await h?.close();
    h = undefined as unknown as FeishuHarness; // a test that starts no harness must not close the last one again
  });
  const sends = () => h.fake.calls.filter((c) => c.op === 'im.message.create' || c.op === 'im.message.reply');

  describe('cards and the API', () => {
    it('stores 👍 and replaces the buttons with thanks; a legacy card callback works too', async () => {
      h = await startFeishuHarness({ llm: 'none' });
      await h.dm('What is a UVP?');
      await h.sent(1);
      await h.clickThumbsUp();
      expect(await h.feedback()).toEqual([{ value: 'up', kind: 'answer' }]);
      const [msg] = await h.sent();
      expect(msg?.text).toMatch(/Thanks for the feedback/);
      expect(msg?.text).not.toMatch(/Helpful/);

      await h.dm('What is the 4T model?');
      const second = (await h.sent(2)) && sends()[1];
      const down = JSON.parse(String(second?.body.content)).elements.find(
        (e: { tag: string }) => e.tag === 'action',
      ).actions[1].value;
      const legacy = JSON.stringify({
        open_id: 'ou_alice',
        open_message_id: second?.messageId,
        open_chat_id: 'oc_dm_ou_alice',
        tenant_key: 'tenant_fake',
        token: 'c-update-token',
        action: { value: down, tag: 'button' },
      });
      const timestamp = String(Math.floor(Date.now() / 1000));
      const signature = createHash('sha1')
        .update(`${timestamp}n2${VERIFICATION_TOKEN}${legacy}`)
        .digest('hex');
      const res = await h.post({
        body: legacy,
        headers: {
          'content-type': 'application/json',
          'x-lark-request-timestamp': timestamp,
          'x-lark-request-nonce': 'n2',
          'x-lark-signature': signature,
        },
      });
      expect(res.status).toBe(200);
      await h.idle();
      expect((await h.feedback()).map((f) => f.value).sort()).toEqual(['down', 'up']);
    });

    it('retries a rate-limited send (non-zero code) and posts once', async () => {
      h = await startFeishuHarness({ llm: 'none' });
      h.fake.failNext('im.message.create', { code: 99991400, msg: 'request trigger frequency limit' });
      h.fake.failNext('im.message.create', { status: 429, code: 99991400 });
      await h.dm('What is a UVP?');
      expect(await h.sent(1)).toHaveLength(1);
      expect(h.fake.calls.filter((c) => c.op === 'im.message.create')).toHaveLength(3);
    });

    it('retries a reply refused once (non-zero code) and delivers it', async () => {
      h = await startFeishuHarness({ llm: 'none' });
      h.fake.failNext('im.message.create', { code: 230002, msg: 'Bot is not in the chat' });
      await h.dm('What is a UVP?');
      const [reply] = await h.sent(1);
      expect(reply?.text).toMatch(/来源|Sources/);
      expect(h.logs.filter((l) => l.event === 'reply_final_failed')).toHaveLength(1);
    });

    it('treats a reply refused every time as undelivered: one error line and a short visible notice', async () => {
      h = await startFeishuHarness({ llm: 'none' });
      for (let i = 0; i < 4; i += 1) {
        h.fake.failNext('im.message.create', { code: 230002, msg: 'Bot is not in the chat' });
      }
      await h.dm('What is a UVP?');
      const [notice] = await h.sent(1);
      expect(notice?.text).toMatch(/could not post/);
      expect(h.logs.filter((l) => l.event === 'reply_undelivered')).toHaveLength(1);
    });

    it('splits a card over 30 KB into several', async () => {
      h = await startFeishuHarness({ llm: 'up', scriptLlm: (llm) => llm.setDefaultReply(longAnswer()) });
      await h.dm('How do I win the trust of a CFO?');
      await h.sent(2);
      const bodies = [...sends(), ...h.fake.calls.filter((c) => c.op === 'im.message.patch')].map((c) =>
        String(c.body.content),
      );
      for (const b of bodies) expect(Buffer.byteLength(b)).toBeLessThanOrEqual(30_000);
      const all = await h.sent();
      expect(all.length).toBeGreaterThanOrEqual(2);
      expect(all.at(-1)?.text).toMatch(/Sources/);
      expect(all.at(-1)?.text).toMatch(/Helpful/);
    });

    it('keeps every request under 30 KB for a long answer full of quotes and code (streamed and final)', async () => {
      h = await startFeishuHarness({ llm: 'up', scriptLlm: (llm) => llm.setDefaultReply(quotedAnswer()) });
      await h.dm('How do I win the trust of a CFO?');
      await h.sent(2);
      // The fake refuses (and records) any request body over 30 KB: none was refused.
      expect(h.fake.violations).toEqual([]);
      const all = await h.sent();
      expect(all.length).toBeGreaterThanOrEqual(2);
      const shown = all.map((m) => m.text).join('\n');
      expect(shown.split('"proof"').length - 1).toBe(300);
      expect(all.at(-1)?.text).toMatch(/Sources/);
    });

    it('streams: placeholder card, patches, then the complete card', async () => {
      h = await startFeishuHarness({
        llm: 'up',
        scriptLlm: (llm) =>
          llm.slowChunks(600, ['Trust needs proof [1]. ', 'Show numbers [2]. ', 'Then ask.']),
      });
      await h.dm('How do I win the trust of a CFO?');
      const [msg] = await h.sent(1);
      expect(flatten(sends()[0]?.body ?? {})).toMatch(/Thinking|Writing/);
      const patches = h.fake.calls.filter((c) => c.op === 'im.message.patch');
      expect(patches.length).toBeGreaterThanOrEqual(1);
      expect(patches.every((p) => p.target === sends()[0]?.messageId)).toBe(true);
      expect(msg?.text).toMatch(/Trust needs proof[\s\S]*Then ask[\s\S]*Sources[\s\S]*Helpful/);
      expect(await h.sent()).toHaveLength(1);
    });

    it('posts tips with an idempotent uuid, and `post` throws platform_error when Feishu refuses', async () => {
      h = await startFeishuHarness({ llm: 'none' });
      const reply = {
        kind: 'tip',
        lang: 'en',
        title: '💡 Tip',
        sections: ['x'],
        citations: [],
        notes: [],
        buttons: [],
      };
      const chat = { platform: 'feishu', workspace: 'tenant_fake', chatId: 'oc_tips' } as const;
      await h.adapter.post(chat, { ...reply, kind: 'tip', ref: 'tip:1' } as never);
      await h.adapter.post(chat, { ...reply, kind: 'tip', ref: 'tip:1' } as never);
      expect(await h.sent()).toHaveLength(1);
      h.fake.failNext('im.message.create', { code: 230002, msg: 'Bot is not in the chat' });
      const err = await h.adapter.post(chat, { ...reply, ref: 'tip:2' } as never).catch((e: unknown) => e);
      expect(isCoachError(err, 'platform_error')).toBe(true);
    });
  });
});

/** A long answer whose escaping costs much more than its length: quotes, backslashes, code. */
function quotedAnswer(): string {
  const quote = 'He said "proof" beats "promises" \\ every "time" [1].';
  const code = '```json\n{"cfo": "payback", "risk": ["audit", "lock-in"]}\n```';
  return Array.from({ length: 300 }, (_, i) => (i % 3 === 2 ? `${quote}\n${code}` : quote)).join('\n\n');
}

/** An answer long enough (≈ 45 KB) to need more than one card. */
function longAnswer(): string {
  const para = 'A CFO trusts proof, not promises [1]. Show the result in numbers and who else got it [2]. ';
  return Array.from({ length: 12 }, (_, i) => `Part ${i + 1}. ${para.repeat(40)}`).join('\n\n');
}
