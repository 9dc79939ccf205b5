import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../logger.ts';
import { openSqliteStore } from '../store/sqlite-store.ts';
import type { Store } from '../store/types.ts';
import { createTakeoverSweeper, type Resumer } from './takeover.ts';
import type { IncomingMessage } from './types.ts';
import { workKeyOf, workPayload } from './work.ts';

let dir: string;
let store: Store;
const t0 = new Date('2025-03-10T08:00:00Z');
const at = (ms: number) => new Date(t0.getTime() + ms);

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'coach-takeover-'));
  store = openSqliteStore(join(dir, 'coach.db'));
});

afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

function msg(platform: IncomingMessage['platform'], id: string): IncomingMessage {
  return {
    platform,
    workspace: 'W',
    chatId: 'C',
    messageId: id,
    userId: 'U',
    text: 'What is a UVP?',
    direct: true,
    addressed: true,
  };
}

async function claim(m: IncomingMessage, owner: string, when = t0) {
  await store.claimWork(workKeyOf(m), workPayload(m, when), when, 1_000, owner);
}

function sweeper(
  owner: string,
  now: Date,
  resumers: Record<string, Resumer>,
  holds?: (key: string) => boolean,
) {
  return createTakeoverSweeper({
    store,
    logger: silentLogger(),
    owner,
    leaseMs: 1_000,
    intervalMs: 5_000,
    resumers,
    now: () => now,
    ...(holds ? { holds } : {}),
  });
}

describe('takeover sweeper', () => {
  it('takes over expired work of another replica and hands the message to its platform', async () => {
    const m = msg('feishu', 'om_1');
    await claim(m, 'dead');
    const resumed: IncomingMessage[] = [];
    expect(await sweeper('B', at(500), { feishu: (x) => resumed.push(x) }).sweep()).toBe(0); // lease runs
    expect(await sweeper('B', at(1_500), { feishu: (x) => resumed.push(x) }).sweep()).toBe(1);
    expect(resumed).toEqual([m]);
    expect(await store.claimWork(workKeyOf(m), {}, at(1_600), 1_000, 'C')).toBe('busy'); // B's now
  });

  it('only one of two racing replicas takes a message over', async () => {
    const m = msg('feishu', 'om_2');
    await claim(m, 'dead');
    const resumed: string[] = [];
    const sweepers = ['B', 'C'].map((o) => sweeper(o, at(2_000), { feishu: () => resumed.push(o) }));
    const taken = await Promise.all(sweepers.map((s) => s.sweep()));
    expect(taken.reduce((a, b) => a + b, 0)).toBe(1);
    expect(resumed).toHaveLength(1);
  });

  it('leaves its own slow work, and platforms it does not run, alone', async () => {
    const mine = msg('feishu', 'om_3');
    const slack = msg('slack', '1700000000.000100');
    await claim(mine, 'B');
    await claim(slack, 'dead');
    const resumed: IncomingMessage[] = [];
    expect(await sweeper('B', at(5_000), { feishu: (x) => resumed.push(x) }).sweep()).toBe(0);
    expect(resumed).toEqual([]);
    expect((await store.expiredWork(at(5_000), 10)).length).toBe(2);
  });

  it('takes its own expired work over again when nothing here holds it any more (a reply given up)', async () => {
    const running = msg('feishu', 'om_running');
    const given = msg('feishu', 'om_given_up');
    await claim(running, 'B');
    await claim(given, 'B');
    const resumed: IncomingMessage[] = [];
    const held = new Set([workKeyOf(running)]);
    expect(
      await sweeper('B', at(5_000), { feishu: (x) => resumed.push(x) }, (k) => held.has(k)).sweep(),
    ).toBe(1);
    expect(resumed).toEqual([given]);
  });

  it('gives up work too old to answer, and payloads it cannot read', async () => {
    const old = msg('feishu', 'om_old');
    await claim(old, 'dead', at(-3_600_000));
    await store.claimWork('msg:feishu:W:C:bad', { nonsense: true }, t0, 1_000, 'dead');
    const resumed: IncomingMessage[] = [];
    expect(await sweeper('B', at(5_000), { feishu: (x) => resumed.push(x) }).sweep()).toBe(0);
    expect(resumed).toEqual([]);
    expect(await store.expiredWork(at(10_000), 10)).toEqual([]);
  });

  it('never rejects when the store fails', async () => {
    await store.close();
    expect(await sweeper('B', at(5_000), {}).sweep()).toBe(0);
  });
});
