/**
 * The scenario list both chat adapters must pass, so Slack and Feishu stay at parity. Each platform
 * supplies a harness that drives its adapter over real HTTP (signed/encrypted requests to the running
 * app, a fake platform API on 127.0.0.1:0 recording what the bot sends) and reports what users see in
 * a platform-neutral form.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../src/core/store/types.ts';
import { slowClaims } from './support/slow-store.ts';

/** A message the bot sent, flattened: where it went and all visible text (blocks/card included). */
export interface SentMessage {
  chatId: string;
  /** Thread/root the message was posted in (Slack thread_ts, Feishu root/reply target), if any. */
  threadId?: string;
  /** Visible text of the message (sections, sources, buttons' labels…), newest version after updates. */
  text: string;
  /** Only the requesting user sees it (Slack ephemeral / response_url). */
  ephemeral?: boolean;
}

/** What a delivery looks like to the harness: ids so tests can redeliver or follow up. */
export interface Delivered {
  chatId: string;
  messageId: string;
  eventId: string;
  /** Raw delivery, so `redeliver` can send the very same request again. */
  raw: unknown;
}

/** Options to start a harness. */
export interface HarnessOptions {
  /** 'up': the fake LLM answers; 'down': it fails with 500; 'none': no API key (offline). */
  llm: 'up' | 'down' | 'none';
  /** Fake clock for the scheduler. */
  now?: () => Date;
  /** Wraps the store the engine uses (e.g. to slow its claims down). */
  wrapStore?: (store: Store) => Store;
}

/** Drives one platform's adapter in tests. */
export interface AdapterHarness {
  /** A channel/group post that @-mentions the bot. */
  mention(text: string, opts?: { chatId?: string; userId?: string }): Promise<Delivered>;
  /** A direct message (Slack IM, Feishu p2p). */
  dm(text: string, opts?: { userId?: string }): Promise<Delivered>;
  /** A group message without a mention, optionally in the thread of an earlier message. */
  groupMessage(text: string, opts?: { chatId?: string; threadOf?: Delivered }): Promise<Delivered>;
  /** A message posted by a bot (another bot, or Coach itself). */
  botMessage(text: string, opts?: { chatId?: string }): Promise<Delivered>;
  /** The platform's command form: Slack `/coach <text>`, Feishu a `/<text>` message in p2p. */
  command(text: string, opts?: { chatId?: string; userId?: string }): Promise<void>;
  /** Sends the very same delivery again (a platform retry). */
  redeliver(d: Delivered): Promise<void>;
  /** A request with a bad signature (or wrong verification token); returns the HTTP status. */
  badSignature(text: string): Promise<number>;
  /** Clicks 👍 on the latest message that has one. */
  clickThumbsUp(userId?: string): Promise<void>;
  /** Messages the bot has sent so far, after waiting until `count` exist (or a short quiet period). */
  sent(count?: number): Promise<SentMessage[]>;
  /** Feedback records in the store. */
  feedback(): Promise<{ value: 'up' | 'down'; kind: string }[]>;
  /** Runs the tip scheduler once at `at`. */
  tick(at: Date): Promise<void>;
  /** Requests the bot sent that broke the platform's documented limits (the fake checks each one). */
  violations(): string[];
  close(): Promise<void>;
}

/** Registers the shared scenarios for a platform. */
export function describeAdapterScenarios(
  name: string,
  start: (opts: HarnessOptions) => Promise<AdapterHarness>,
) {
  describe(`${name} adapter: shared scenarios`, () => {
    let h: AdapterHarness;
    const open = async (opts: HarnessOptions) => {
      h = await start(opts);
      return h;
    };
    afterEach(async () => {
      // Every request of every scenario stays within the platform's documented limits.
      expect(h?.violations() ?? []).toEqual([]);
      await h?.close();
    });

    describe('claim before ack', () => {
      it('records each message as work before the platform gets its acknowledgement', async () => {
        let recorded = 0;
        await open({ llm: 'none', wrapStore: (store) => slowClaims(store, 300, () => recorded++) });
        await h.mention('What is a UVP?');
        expect(recorded).toBe(1);
        await h.command('tip');
        expect(recorded).toBe(2);
        expect(await h.sent(2)).toHaveLength(2);
      });
    });

    describe('offline', () => {
      beforeEach(async () => {
        await open({ llm: 'none' });
      });

      it('answers a mention in a thread under the message, with sources', async () => {
        const d = await h.mention('How do I win the trust of a CFO in a long B2B deal?');
        const [reply] = await h.sent(1);
        expect(reply?.chatId).toBe(d.chatId);
        expect(reply?.threadId).toBe(d.messageId);
        expect(reply?.text).toMatch(/Sources|来源/);
      });

      it('answers a DM in the DM, in the language of the question', async () => {
        await h.dm('我们要不要靠降价抢客户？');
        const [reply] = await h.sent(1);
        expect(reply?.text).toMatch(/来源/);
        expect(reply?.text).toMatch(/价/);
      });

      it('answers a thread follow-up without a new mention, and ignores unaddressed chatter', async () => {
        const d = await h.mention('What is the 4T model?');
        await h.sent(1);
        await h.groupMessage('random chatter not for the bot');
        await h.groupMessage('and how does the category label part work?', { threadOf: d });
        const all = await h.sent(2);
        expect(all).toHaveLength(2);
        expect(all[1]?.threadId).toBe(d.messageId);
      });

      it('answers a duplicate delivery once', async () => {
        const d = await h.mention('What is a UVP?');
        await h.redeliver(d);
        await h.redeliver(d);
        expect(await h.sent(1)).toHaveLength(1);
        expect(await h.sent()).toHaveLength(1);
      });

      it('never answers bots, its own posts included', async () => {
        await h.botMessage('What is a UVP?');
        expect(await h.sent()).toHaveLength(0);
      });

      it('rejects a bad signature and does no work', async () => {
        const status = await h.badSignature('What is a UVP?');
        expect([200, 401, 403]).toContain(status);
        expect(await h.sent()).toHaveLength(0);
      });

      it('runs every command', async () => {
        await h.command('help');
        expect((await h.sent(1))[0]?.text).toMatch(/review/);
        await h.command('tip');
        expect((await h.sent(2))[1]?.text).toMatch(/💡/);
        await h.command('review Lowest price on the market! 50% off all plans.');
        expect((await h.sent(3))[2]?.text).toMatch(/\d+\/100/);
        await h.command('history');
        expect((await h.sent(4))[3]?.text).toMatch(/\d+\/100/);
        await h.command('tips on 08:30 Europe/Berlin');
        expect((await h.sent(5))[4]?.text).toMatch(/08:30/);
        await h.command('tips off');
        expect((await h.sent(6))[5]?.text).toMatch(/off|关闭/i);
      });

      it('stores 👍 feedback on an answer', async () => {
        await h.dm('What is a UVP?');
        await h.sent(1);
        await h.clickThumbsUp();
        // Stored after the click is acknowledged (and after any burst of deliveries): wait for it.
        let stored = await h.feedback();
        for (let i = 0; i < 500 && stored.length === 0; i += 1) {
          await new Promise((r) => setTimeout(r, 10));
          stored = await h.feedback();
        }
        expect(stored).toEqual([expect.objectContaining({ value: 'up', kind: 'answer' })]);
      });

      it('posts the daily tip to a subscribed chat at its time', async () => {
        await h.command('tips on 09:00 UTC', { chatId: 'C_TIPS' });
        await h.sent(1);
        await h.tick(new Date('2026-11-24T08:59:30Z'));
        expect(await h.sent()).toHaveLength(1);
        await h.tick(new Date('2026-11-24T09:00:30Z'));
        await h.tick(new Date('2026-11-24T09:01:30Z'));
        const all = await h.sent(2);
        expect(all).toHaveLength(2);
        expect(all[1]?.chatId).toBe('C_TIPS');
        expect(all[1]?.text).toMatch(/💡/);
      });
    });

    it('with the LLM down, answers offline with a note', async () => {
      await open({ llm: 'down' });
      await h.dm('How do I win the trust of a CFO?');
      const [reply] = await h.sent(1);
      expect(reply?.text).toMatch(/unavailable|不可用/);
      expect(reply?.text).toMatch(/Sources|来源/);
    });

    it('with the LLM up, answers from the model with sources', async () => {
      await open({ llm: 'up' });
      await h.dm('How do I win the trust of a CFO?');
      const all = await h.sent(1);
      expect(all.at(-1)?.text).toMatch(/Sources|来源/);
    });
  });
}
