/**
 * The Slack adapter over real HTTP: the shared adapter scenarios, then what is particular to Slack
 * (signatures, url_verification, duplicate deliveries, slash commands, modals, shortcuts, buttons).
 * Replies (streaming, limits, Web API failures), daily tips and Socket Mode: slack-replies.test.ts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { describeAdapterScenarios } from './adapter-scenarios.ts';
import {
  blockActionPayload,
  buttonsOf,
  flatten,
  hasAction,
  type SlackHarness,
  startSlackHarness,
} from './slack-harness.ts';

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

    it('acks a recorded mention itself (empty 200), runs Bolt and the listener after it, once', async () => {
      await offline();
      const ts = h.nextTs();
      const body = JSON.stringify({
        type: 'event_callback',
        team_id: 'T1',
        event_id: `Ev${ts}`,
        event: {
          type: 'app_mention',
          user: 'U1',
          text: '<@UCOACH> What is a UVP?',
          ts,
          channel: 'C_GENERAL',
        },
      });
      const res = await h.post(body);
      expect(res).toMatchObject({ status: 200, text: '' });
      const all = await h.sent(1);
      expect(all).toHaveLength(1);
      expect(all[0]?.threadId).toBe(ts);
      // Bolt's own ack was made a no-op: no "ack called twice" or any other error was logged.
      expect(h.logs().filter((l) => Number(l.level) >= 50)).toEqual([]);
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
});
