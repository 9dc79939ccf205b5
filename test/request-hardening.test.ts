/**
 * Requests that must cause no work and get a clear status: a signed Slack body that is not an object,
 * Slack and Feishu timestamps outside ±5 minutes, bodies over the limit (refused before they are read
 * to the end), a card click delivered again, and a /healthz that tells status only.
 */
import { request as httpRequest } from 'node:http';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { acksInProgress } from '../src/core/async.ts';
import { type FeishuHarness, startFeishuHarness } from './feishu-harness.ts';
import { type SlackHarness, startSlackHarness } from './slack-harness.ts';

/** Streams `total` bytes of JSON-ish filler to `url`; resolves with the status and how much was written. */
function postHuge(
  url: string,
  headers: Record<string, string>,
  total: number,
): Promise<{ status: number; written: number }> {
  return new Promise((resolve, reject) => {
    let written = 0;
    const req = httpRequest(url, {
      method: 'POST',
      headers: { ...headers, 'content-length': String(total) },
    });
    req.on('response', (res) => {
      res.resume();
      resolve({ status: res.statusCode ?? 0, written });
      req.destroy();
    });
    req.on('error', (err) => (written > 0 ? resolve({ status: -1, written }) : reject(err)));
    const chunk = Buffer.alloc(64 * 1024, 'a');
    const pump = () => {
      while (written < total) {
        written += chunk.length;
        if (!req.write(chunk)) return req.once('drain', pump);
      }
      req.end();
    };
    pump();
  });
}

describe('Slack requests', () => {
  let h: SlackHarness;
  afterEach(async () => {
    await h?.close();
  });

  it('answers a signed body of null with 400 at once (no hanging request, no work)', async () => {
    h = await startSlackHarness({ llm: 'none' });
    const res = await Promise.race([
      h.post('null'),
      new Promise<{ status: number }>((r) => setTimeout(() => r({ status: -1 }), 3_000)),
    ]);
    expect(res.status).toBe(400);
    for (const body of ['[]', '"text"', '42']) expect((await h.post(body)).status).toBe(400);
    expect(h.slack.calls.filter((c) => c.method !== 'auth.test')).toEqual([]);
  });

  it('refuses a request signed with a timestamp in the future (401, no work)', async () => {
    h = await startSlackHarness({ llm: 'none' });
    const ts = h.nextTs();
    const envelope = JSON.stringify({
      type: 'event_callback',
      team_id: 'T1',
      event_id: 'EvFuture',
      event: { type: 'message', channel: 'D_U1', channel_type: 'im', user: 'U1', text: 'What is a UVP?', ts },
    });
    const res = await h.post(envelope, { timestamp: Math.floor(Date.now() / 1000) + 3_600 });
    expect(res.status).toBe(401);
    expect(await h.sent()).toHaveLength(0);
  });

  it('refuses a body over 1 MB with 413 before reading it all', async () => {
    h = await startSlackHarness({ llm: 'none' });
    const headers = {
      'content-type': 'application/json',
      'x-slack-request-timestamp': String(Math.floor(Date.now() / 1000)),
      'x-slack-signature': 'v0=whatever',
    };
    const res = await postHuge(h.eventsUrl, headers, 50 * 1024 * 1024);
    expect(res.status).toBe(413);
    expect(res.written).toBeLessThan(20 * 1024 * 1024);
  });
});

describe("acknowledgements in progress (what the store's checkpoints wait for)", () => {
  let h: SlackHarness;
  afterEach(async () => {
    await h?.close();
  });

  it('counts a delivery while it is being read and uncounts it once answered, refused ones too', async () => {
    h = await startSlackHarness({ llm: 'none' });
    expect(acksInProgress()).toBe(0);
    // A body still arriving: counted.
    const req = httpRequest(h.eventsUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-slack-request-timestamp': String(Math.floor(Date.now() / 1000)),
      },
    });
    const answered = new Promise<number>((resolve) =>
      req.on('response', (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      }),
    );
    req.on('error', () => undefined);
    req.write('{"type":"event_');
    await vi.waitFor(() => expect(acksInProgress()).toBe(1), { timeout: 5_000 });
    req.end('callback"}');
    expect(await answered).toBe(401); // unsigned
    await vi.waitFor(() => expect(acksInProgress()).toBe(0), { timeout: 5_000 });
    expect((await h.post('null')).status).toBe(400);
    await vi.waitFor(() => expect(acksInProgress()).toBe(0), { timeout: 5_000 });
  });
});

describe('Feishu requests', () => {
  let h: FeishuHarness;
  afterEach(async () => {
    await h?.close();
  });

  it('refuses a request signed two hours ago (401, no work), and one from the future', async () => {
    h = await startFeishuHarness({ llm: 'none' });
    const { payload } = h.messageEvent({ chatId: 'oc_dm', chatType: 'p2p', text: 'What is a UVP?' });
    const old = await h.post(h.request(payload, { timestamp: Math.floor(Date.now() / 1000) - 7_200 }));
    expect(old.status).toBe(401);
    const future = await h.post(h.request(payload, { timestamp: Math.floor(Date.now() / 1000) + 7_200 }));
    expect(future.status).toBe(401);
    await h.idle();
    expect(h.fake.calls.filter((c) => c.op === 'im.message.create' || c.op === 'im.message.reply')).toEqual(
      [],
    );
  });

  it('runs a card click delivered three times once', async () => {
    h = await startFeishuHarness({ llm: 'none' });
    await h.dm('review Lowest price on the market! 50% off all plans.');
    await h.sent(1);
    const card = [...h.fake.calls]
      .reverse()
      .find((c) => c.messageId && String(c.body.content ?? '').includes('review_again'));
    expect(card).toBeDefined();
    const value = JSON.parse(String(card?.body.content))
      .elements.find((e: { tag: string }) => e.tag === 'action')
      .actions.find((a: { value: { coach: string } }) => a.value.coach === 'review_again').value;
    const click = h.envelope(
      'card.action.trigger',
      {
        operator: { tenant_key: 'tenant_fake', open_id: 'ou_alice' },
        token: 'c-fake-card-token',
        action: { value, tag: 'button' },
        context: { open_message_id: card?.messageId, open_chat_id: 'oc_dm_ou_alice' },
      },
      { eventId: 'ev-click-1' },
    );
    for (let i = 0; i < 3; i += 1) expect((await h.send(click)).status).toBe(200);
    await h.idle();
    const reviews = await h.store.reviews('feishu:tenant_fake:ou_alice', 10);
    expect(reviews).toHaveLength(2); // the first review and one "review again", not three
  });

  it('refuses a 50 MB body with 413 before reading it to the end', async () => {
    h = await startFeishuHarness({ llm: 'none' });
    const res = await postHuge(h.eventsUrl, { 'content-type': 'application/json' }, 50 * 1024 * 1024);
    expect(res.status).toBe(413);
    expect(res.written).toBeLessThan(20 * 1024 * 1024);
  });
});

describe('/healthz', () => {
  it('tells status only: no bot id, handler list, owner or ids', async () => {
    const feishu = await startFeishuHarness({ llm: 'none' });
    const slack = await startSlackHarness({ llm: 'none' });
    try {
      for (const health of [feishu.adapter.health(), slack.adapter.health()]) {
        expect(JSON.stringify(health)).not.toMatch(/ou_coach|UCOACH|handlers|cli_|"bot/);
      }
    } finally {
      await feishu.close();
      await slack.close();
    }
  });
});
