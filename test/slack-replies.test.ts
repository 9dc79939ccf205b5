/**
 * The Slack adapter's replies over real HTTP: streaming, Slack's size limits, Web API failures and
 * daily tips; and Socket Mode. Requests, commands and buttons: slack-adapter.test.ts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createSlackAdapter } from '../src/adapters/slack/index.ts';
import { createChatEngine } from '../src/core/chat/engine.ts';
import { silentLogger } from '../src/core/logger.ts';
import { type SlackHarness, startSlackHarness } from './slack-harness.ts';
import { ENGINE_SETTINGS } from './support/engine-fixture.ts';

describe('slack adapter: Slack specifics', () => {
  let h: SlackHarness;
  afterEach(async () => {
    // Every request Coach sent in the test stayed within Slack's documented limits.
    expect(h?.violations() ?? []).toEqual([]);
    await h?.close();
  });
  const offline = async () => {
    h = await startSlackHarness({ llm: 'none' });
    return h;
  };

  describe('replies', () => {
    it('streams: placeholder, updates of the text so far, then the final reply with sources', async () => {
      h = await startSlackHarness({ llm: 'up', updateIntervalMs: 20 });
      h.openai?.slowChunks(60, 'Trust comes from proof [1]. Numbers the CFO can check [2]. Then a pilot.');
      await h.dm('How do I win the trust of a CFO?');
      const [reply] = await h.sent(1);
      expect(h.slack.callsOf('chat.postMessage')).toHaveLength(1);
      expect(h.slack.callsOf('chat.postMessage')[0]?.body.text).toMatch(/Thinking/);
      const updates = h.slack.callsOf('chat.update');
      expect(updates.length).toBeGreaterThanOrEqual(2);
      expect(updates.slice(0, -1).some((u) => String(u.body.text).includes('Trust comes from proof'))).toBe(
        true,
      );
      expect(reply?.text).toMatch(/Sources/);
      expect(reply?.text).toMatch(/Then a pilot/);
    });

    it('keeps a long answer full of quotes and code within Slack limits, streamed and final', async () => {
      h = await startSlackHarness({ llm: 'up', updateIntervalMs: 0 });
      const quote = 'He said "proof" beats <promises> & "time" [1].';
      const code = '```json\n{"cfo": "payback", "risk": ["audit", "lock-in"]}\n```';
      const chunks = Array.from(
        { length: 400 },
        (_, i) => `${i % 3 === 2 ? `${quote}\n${code}` : quote}\n\n`,
      );
      h.openai?.reply(chunks);
      await h.dm('How do I win the trust of a CFO?');
      await h.sent(2);
      // The fake checked every request against Slack's limits (afterEach asserts none was broken).
      const shown = (await h.sent()).map((m) => m.text).join('\n');
      expect(h.slack.callsOf('chat.update').length).toBeGreaterThan(0);
      expect(shown.split('"proof"').length - 1).toBe(400);
      expect(shown).toMatch(/Sources/);
    });

    it('splits a long answer across sections and messages within Slack limits, never mid-word', async () => {
      h = await startSlackHarness({ llm: 'up' });
      const words = Array.from({ length: 6_000 }, (_, i) => `word${i}`);
      const paragraphs = Array.from({ length: 20 }, (_, p) =>
        words.slice(p * 300, p * 300 + 300).join(' '),
      ).join('\n\n');
      h.openai?.reply([`${paragraphs} [1]`]);
      await h.dm('How do I win the trust of a CFO?');
      await h.sent(2);
      const finals = h.slack.calls.filter((c) => c.ok && Array.isArray(c.body.blocks));
      expect(finals.length).toBeGreaterThanOrEqual(2);
      const seen = new Set<string>();
      for (const c of finals) {
        const blocks = c.body.blocks as Array<{ type: string; text?: { text: string } }>;
        expect(blocks.length).toBeLessThanOrEqual(50);
        expect(c.body.text).toBeTruthy();
        for (const b of blocks.filter((x) => x.type === 'section')) {
          expect(b.text?.text.length).toBeLessThanOrEqual(3000);
          for (const w of (b.text?.text ?? '').split(/\s+/))
            if (/^word/.test(w)) seen.add(w.replace(/\W+$/, ''));
        }
      }
      expect([...seen].every((w) => /^word\d+$/.test(w) && words.includes(w))).toBe(true);
      expect(seen.size).toBe(words.length);
    });

    it('posts a new message when the final update fails, and waits out a rate limit', async () => {
      h = await startSlackHarness({ llm: 'up' });
      h.slack.fail('chat.update', 'message_not_found');
      h.slack.fail('chat.postMessage', 'ratelimited', { times: 1, retryAfter: 1 });
      await h.dm('How do I win the trust of a CFO?');
      const all = await h.sent(2);
      expect(all.at(-1)?.text).toMatch(/Sources/);
      expect(h.logs().some((l) => l.event === 'slack_final_update_failed')).toBe(true);
    });
  });

  describe('daily tips', () => {
    it('on not_in_channel: logs, tells the subscriber by DM, and the scheduler carries on', async () => {
      await offline();
      await h.slash('tips on 09:00 UTC', { chatId: 'C_SECRET', userId: 'U7' });
      await h.sent(1);
      h.slack.fail('chat.postMessage', 'not_in_channel', { channel: 'C_SECRET' });
      const result = await h.scheduler.tick(new Date('2026-11-24T09:00:30Z'));
      expect(result.failed).toEqual(['C_SECRET']);
      const dms = h.slack.callsOf('chat.postMessage').filter((c) => c.body.channel === 'U7');
      expect(dms).toHaveLength(1);
      expect(String(dms[0]?.body.text)).toMatch(/invite/);
      expect(h.logs().some((l) => l.event === 'slack_not_in_channel')).toBe(true);
      expect(
        h.logs().some((l) => l.event === 'tip_post_failed' && String(l.message).includes('invite')),
      ).toBe(true);
    });

    it('splits a tip further when Slack answers msg_too_long', async () => {
      await offline();
      await h.slash('tips on 09:00 UTC', { chatId: 'C_TIPS' });
      await h.sent(1);
      h.slack.fail('chat.postMessage', 'msg_too_long', { times: 1 });
      const result = await h.scheduler.tick(new Date('2026-11-24T09:00:30Z'));
      expect(result.posted).toEqual(['C_TIPS']);
      expect((await h.sent(2))[1]?.text).toMatch(/💡/);
    });
  });
});

describe('slack adapter: Socket Mode', () => {
  it('registers the same handlers and no HTTP route, without connecting', async () => {
    const engine = createChatEngine({
      answerer: {
        online: false,
        ask: async function* () {},
        answer: async () => Promise.reject(new Error('unused')),
      },
      reviewer: { review: async () => Promise.reject(new Error('unused')) },
      kb: { entries: [] } as never,
      store: {} as never,
      logger: silentLogger(),
      ...ENGINE_SETTINGS,
    });
    const settings = { botToken: 'xoxb-fake-test', signingSecret: 'fake-signing-secret' };
    const socket = createSlackAdapter({
      settings: { ...settings, appToken: 'xapp-fake-test' },
      engine,
      logger: silentLogger(),
    });
    const http = createSlackAdapter({ settings, engine, logger: silentLogger() });
    expect(socket.routes).toEqual({});
    expect(Object.keys(http.routes)).toEqual(['/slack/events']);
    expect(socket.health()).toMatchObject({ mode: 'socket', ready: false });
    expect(http.health()).toMatchObject({ mode: 'http', ready: false });
  });
});
