/**
 * The Slack adapter over real HTTP: the shared adapter scenarios, then what is particular to Slack
 * (signatures, url_verification, duplicate deliveries, slash commands, modals, shortcuts, buttons,
 * streaming, limits, Web API failures, Socket Mode).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createSlackAdapter } from '../src/adapters/slack/index.ts';
import { createChatEngine } from '../src/core/chat/engine.ts';
import { silentLogger } from '../src/core/logger.ts';
import { describeAdapterScenarios } from './adapter-scenarios.ts';
import {
  blockActionPayload,
  buttonsOf,
  flatten,
  hasAction,
  type SlackHarness,
  startSlackHarness,
} from './slack-harness.ts';
import { ENGINE_SETTINGS } from './support/engine-fixture.ts';

describeAdapterScenarios('slack', startSlackHarness);

const COPY = 'Lowest price on the market! 50% off all plans.';

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
  const webCalls = () => h.slack.calls.filter((c) => c.method !== 'auth.test');

  describe('requests', () => {
    it('echoes the url_verification challenge', async () => {
      await offline();
      const res = await h.post(JSON.stringify({ type: 'url_verification', token: 't', challenge: 'ch-123' }));
      expect(res.status).toBe(200);
      expect(res.text).toContain('ch-123');
    });

    it('rejects a bad signature and a 6-minute-old timestamp with 401, and does no work', async () => {
      await offline();
      const body = JSON.stringify({
        type: 'event_callback',
        team_id: 'T1',
        event_id: 'EvOld',
        event: {
          type: 'app_mention',
          user: 'U1',
          text: '<@UCOACH> What is a UVP?',
          ts: '1.1',
          channel: 'C1',
        },
      });
      expect((await h.post(body, { secret: 'wrong' })).status).toBe(401);
      expect((await h.post(body, { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 })).status).toBe(401);
      expect(await h.sent()).toHaveLength(0);
      expect(webCalls()).toHaveLength(0);
    });

    it('answers a post that arrives as message and as app_mention (different event ids) once', async () => {
      await offline();
      const ts = h.nextTs();
      const ev = {
        user: 'U1',
        text: '<@UCOACH> What is a UVP?',
        ts,
        channel: 'C_GENERAL',
        channel_type: 'channel',
      };
      await Promise.all([h.event({ type: 'message', ...ev }), h.event({ type: 'app_mention', ...ev })]);
      const all = await h.sent();
      expect(all).toHaveLength(1);
      expect(all[0]?.threadId).toBe(ts);
    });

    it('answers a Slack retry (x-slack-retry-num) once', async () => {
      await offline();
      const d = await h.mention('What is a UVP?');
      await h.redeliver(d);
      expect(await h.sent()).toHaveLength(1);
    });

    it('ignores edits, joins, deletions, bot posts without subtype, Slackbot and itself', async () => {
      await offline();
      const base = { channel: 'D_U1', channel_type: 'im' };
      await h.event({
        type: 'message',
        subtype: 'message_changed',
        ...base,
        ts: h.nextTs(),
        message: { text: 'hi' },
      });
      await h.event({ type: 'message', subtype: 'message_deleted', ...base, ts: h.nextTs() });
      await h.event({
        type: 'message',
        subtype: 'channel_join',
        channel: 'C_GENERAL',
        user: 'U1',
        ts: h.nextTs(),
        text: 'joined',
      });
      await h.event({
        type: 'message',
        ...base,
        user: 'U9',
        bot_id: 'B9',
        text: 'What is a UVP?',
        ts: h.nextTs(),
      });
      await h.event({ type: 'message', ...base, user: 'USLACKBOT', text: 'What is a UVP?', ts: h.nextTs() });
      await h.event({ type: 'message', ...base, user: 'UCOACH', text: 'What is a UVP?', ts: h.nextTs() });
      await h.event({ type: 'message', ...base, user: 'U1', ts: h.nextTs() }); // trimmed: no text
      await h.event({ type: 'message', channel: 'C_GENERAL', user: 'U1', text: 'chatter', ts: h.nextTs() });
      expect(await h.sent()).toHaveLength(0);
      expect(webCalls()).toHaveLength(0);
    });

    it('never echoes @channel / @here, and handles a trimmed org-install event', async () => {
      await offline();
      const ts = h.nextTs();
      await h.event(
        {
          type: 'app_mention',
          user: 'W1',
          text: '<!channel> <@UCOACH> What is a UVP? <!here|here>',
          ts,
          channel: 'C_ORG',
        },
        {
          team_id: undefined,
          event_id: undefined,
          enterprise_id: 'E1',
          authorizations: [{ team_id: null, enterprise_id: 'E1' }],
        },
      );
      const [reply] = await h.sent(1);
      expect(reply?.threadId).toBe(ts);
      const bodies = JSON.stringify(webCalls().map((c) => c.body));
      expect(bodies).not.toMatch(/<!channel>|<!here|@channel|@here/);
    });
  });

  describe('/coach', () => {
    it('answers every sub-command privately with a Share button, and Share posts to the channel', async () => {
      await offline();
      for (const [i, cmd] of [
        'help',
        'tip',
        `review ${COPY}`,
        'history',
        'tips on 09:00 Asia/Shanghai',
        'tips off',
        'What is a UVP?',
      ].entries()) {
        const res = await h.slash(cmd);
        expect(res.status).toBe(200);
        const all = await h.sent(i + 1);
        expect(all[i]?.ephemeral).toBe(true);
      }
      const msgs = h.slack.messages();
      expect(msgs.every((m) => hasAction(m, 'coach_share'))).toBe(true);
      expect(flatten(msgs[4] as (typeof msgs)[number])).toMatch(/09:00 \(Asia\/Shanghai\)/);
      const review = msgs[2];
      if (!review) throw new Error('no review');
      await h.interact(blockActionPayload(review, 'coach_share', 'U1', h.slack.responseUrlBase));
      const all = await h.sent(8);
      const shared = all[7];
      expect(shared?.ephemeral).toBeUndefined();
      expect(shared?.chatId).toBe('C_GENERAL');
      expect(shared?.text).toMatch(/\d+\/100/);
      expect(shared?.text).toMatch(/Shared by <@U1>/);
    });

    it('applies tips on/off to the channel the command was typed in', async () => {
      await offline();
      await h.slash('tips on 07:15 UTC', { chatId: 'C_MKT' });
      await h.sent(1);
      const sub = await h.store.subscription({ platform: 'slack', workspace: 'T1', chatId: 'C_MKT' });
      expect(sub).toMatchObject({ time: '07:15', timezone: 'UTC', enabled: true, createdBy: 'U1' });
    });

    it('opens the review modal for `/coach review` alone, and reviews its submission', async () => {
      await offline();
      const { triggerId } = await h.slash('review');
      await h.sent();
      const open = h.slack.callsOf('views.open');
      expect(open).toHaveLength(1);
      expect(open[0]?.body.trigger_id).toBe(triggerId);
      const view = open[0]?.body.view as {
        callback_id: string;
        private_metadata: string;
        blocks: Array<{ block_id: string }>;
      };
      expect(view.callback_id).toBe('coach_review_modal');
      expect(view.blocks.map((b) => b.block_id)).toEqual(['copy', 'audience', 'context']);

      const submit = (copy: string) =>
        h.interact({
          type: 'view_submission',
          team: { id: 'T1' },
          user: { id: 'U1', team_id: 'T1' },
          api_app_id: 'A1',
          token: 't',
          trigger_id: 'trig-submit',
          view: {
            id: 'V1',
            type: 'modal',
            callback_id: 'coach_review_modal',
            private_metadata: view.private_metadata,
            hash: 'h1',
            state: {
              values: {
                copy: { copy: { type: 'plain_text_input', value: copy } },
                audience: { audience: { type: 'plain_text_input', value: 'CFOs' } },
                context: { context: { type: 'plain_text_input', value: null } },
              },
            },
          },
        });
      const empty = await submit('   ');
      expect(JSON.parse(empty.text)).toEqual({
        response_action: 'errors',
        errors: { copy: expect.any(String) },
      });
      expect((await submit(COPY)).status).toBe(200);
      const [reply] = await h.sent(1);
      expect(reply?.ephemeral).toBe(true);
      expect(reply?.text).toMatch(/\d+\/100/);
      expect(reply?.text).toMatch(/Share in channel/);
    });

    it('reviews a message through the "Review with Coach" shortcut, with a button to post in the thread', async () => {
      await offline();
      const ts = h.nextTs();
      await h.interact({
        type: 'message_action',
        callback_id: 'coach_review_message',
        trigger_id: 'trig-shortcut',
        response_url: `${h.slack.responseUrlBase}C_GENERAL/sc`,
        team: { id: 'T1' },
        user: { id: 'U1', team_id: 'T1' },
        channel: { id: 'C_GENERAL', name: 'general' },
        message: { type: 'message', user: 'U2', ts, text: COPY },
        message_ts: ts,
        action_ts: '1.2',
        token: 't',
      });
      const [reply] = await h.sent(1);
      expect(reply?.text).toMatch(/\d+\/100/);
      const msg = h.slack.messages()[0];
      if (!msg) throw new Error('no reply');
      expect(buttonsOf(msg).find((b) => b.action_id === 'coach_share')?.text?.text).toBe('Post in thread');
      await h.interact(blockActionPayload(msg, 'coach_share', 'U1', h.slack.responseUrlBase));
      const all = await h.sent(2);
      expect(all[1]?.threadId).toBe(ts);
    });
  });

  describe('buttons', () => {
    it('stores 👍 and replaces the feedback buttons with a thank-you', async () => {
      await offline();
      await h.mention('What is a UVP?');
      await h.sent(1);
      await h.clickThumbsUp();
      await h.sent();
      expect(await h.feedback()).toEqual([{ value: 'up', kind: 'answer' }]);
      const [msg] = h.slack.messages();
      expect(msg?.updates).toBe(1);
      expect(hasAction(msg as NonNullable<typeof msg>, 'coach_feedback_up')).toBe(false);
      expect(flatten(msg as NonNullable<typeof msg>)).toMatch(/Thanks for the feedback/);
    });

    it('"Review again" posts a new review in the thread', async () => {
      await offline();
      await h.mention(`review ${COPY}`);
      await h.sent(1);
      const [msg] = h.slack.messages();
      if (!msg) throw new Error('no review');
      await h.interact(blockActionPayload(msg, 'coach_review_again', 'U1', h.slack.responseUrlBase));
      const all = await h.sent(2);
      expect(all[1]?.threadId).toBe(msg.threadTs);
      expect(all[1]?.text).toMatch(/\d+\/100/);
    });
  });

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
      const chunks = Array.from({ length: 400 }, (_, i) => `${i % 3 === 2 ? `${quote}\n${code}` : quote}\n\n`);
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
      const words = Array.from({ length: 9_000 }, (_, i) => `word${i}`);
      const paragraphs = Array.from({ length: 30 }, (_, p) =>
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
