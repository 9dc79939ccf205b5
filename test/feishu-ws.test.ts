import { afterEach, describe, expect, it } from 'vitest';
import { createFeishuAdapter, type WsClientLike } from '../src/adapters/feishu/index.ts';
import { silentLogger } from '../src/core/logger.ts';
import { ENCRYPT_KEY, type FeishuHarness, startFeishuHarness, VERIFICATION_TOKEN } from './feishu-harness.ts';

describe('feishu adapter in long-connection mode', () => {
  let h: FeishuHarness;
  afterEach(async () => {
    await h?.close();
  });

  it('registers the same handlers in ws mode and answers events without opening a connection', async () => {
    h = await startFeishuHarness({ llm: 'none' });
    const keys = (d: { handles: Map<string, unknown> }) => [...d.handles.keys()].sort();
    let httpKeys: string[] = [];
    createFeishuAdapter({
      settings: settings('http'),
      engine: h.engine,
      logger: silentLogger(),
      onDispatcher: (d) => {
        httpKeys = keys(d);
      },
    });
    const started: WsClientLike[] = [];
    let dispatcher: Parameters<WsClientLike['start']>[0]['eventDispatcher'] | undefined;
    const ws = createFeishuAdapter({
      settings: settings('ws'),
      engine: h.engine,
      logger: silentLogger(),
      createWsClient: () => {
        const client: WsClientLike = {
          start: (p) => {
            dispatcher = p.eventDispatcher;
          },
          close: () => {},
          getConnectionStatus: () => ({ state: 'connected' }),
        };
        started.push(client);
        return client;
      },
    });
    expect(ws.routes).toEqual({});
    await ws.start();
    expect(started).toHaveLength(1);
    if (!dispatcher) throw new Error('not started');
    expect(keys(dispatcher)).toEqual(httpKeys);
    expect(httpKeys).toEqual(expect.arrayContaining(['im.message.receive_v1', 'card.action.trigger']));
    // What WSClient does with a frame: invoke the dispatcher without a signature check.
    const { payload } = h.messageEvent({ chatId: 'oc_ws', chatType: 'p2p', text: 'What is a UVP?' });
    await dispatcher.invoke(payload, { needCheck: false });
    const [reply] = await h.sent(1);
    expect(reply?.chatId).toBe('oc_ws');
    expect(ws.health()).toMatchObject({ mode: 'ws', connection: 'connected' });
    await ws.stop(5_000);
  });

  function settings(mode: 'ws' | 'http') {
    return {
      appId: 'cli_fake_app',
      appSecret: 'fake-secret',
      domain: h.fake.url,
      mode,
      encryptKey: ENCRYPT_KEY,
      verificationToken: VERIFICATION_TOKEN,
    };
  }
});
