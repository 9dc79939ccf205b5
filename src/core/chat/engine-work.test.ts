import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ENGINE_SETTINGS } from '../../../test/support/engine-fixture.ts';
import { memoryLogger } from '../../../test/support/memory-logger.ts';
import { type Answerer, createAnswerer } from '../answer/answerer.ts';
import { loadKnowledge } from '../knowledge/load.ts';
import { silentLogger } from '../logger.ts';
import type { ReplyEvent } from '../reply/types.ts';
import { createRetriever } from '../retrieval/retriever.ts';
import { reviewOffline } from '../review/offline-critic.ts';
import { openSqliteStore } from '../store/sqlite-store.ts';
import type { Store } from '../store/types.ts';
import { type ChatEngine, type ChatEngineDeps, createChatEngine } from './engine.ts';
import type { IncomingMessage } from './types.ts';
import { parseWorkPayload, workKeyOf } from './work.ts';

const kb = loadKnowledge(fileURLToPath(new URL('../../../knowledge', import.meta.url)));
const answerer = createAnswerer({ retriever: createRetriever(kb), logger: silentLogger() });

let dir: string;
let store: Store;
let current: Date;
let seq = 0;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'coach-engine-work-'));
  store = openSqliteStore(join(dir, 'coach.db'));
  current = new Date('2025-03-10T08:00:00Z');
});

afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

function engine(
  owner: string,
  over: Partial<
    Pick<ChatEngineDeps, 'store' | 'answerer' | 'logger' | 'now' | 'claimLeaseMs' | 'renewEveryMs'>
  > = {},
): ChatEngine {
  return createChatEngine({
    answerer,
    reviewer: { review: async (d) => reviewOffline(d) },
    kb,
    store,
    logger: silentLogger(),
    now: () => current,
    owner,
    ...ENGINE_SETTINGS,
    claimLeaseMs: 1_000,
    ...over,
  });
}

/** An answerer whose answers wait until `open()`; `asks()` counts the questions it was asked. */
function gatedAnswerer(): { answerer: Answerer; open: () => void; asks: () => number } {
  let open = () => {};
  const gate = new Promise<void>((resolve) => {
    open = resolve;
  });
  let asks = 0;
  return {
    answerer: {
      online: false,
      answer: (q, o) => answerer.answer(q, o),
      async *ask(q, o) {
        asks += 1;
        await gate;
        yield* answerer.ask(q, o);
      },
    },
    open: () => open(),
    asks: () => asks,
  };
}

/** The store with its `renewWork` calls counted (and optionally replaced). */
function countingRenewals(
  base: Store,
  renew: Store['renewWork'] = (...args) => base.renewWork(...args),
): { store: Store; calls: () => number } {
  let calls = 0;
  return {
    store: {
      ...base,
      renewWork: (...args) => {
        calls += 1;
        return renew(...args);
      },
    },
    calls: () => calls,
  };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Polls `cond` until it holds, failing after `ms`. */
async function eventually(cond: () => boolean | Promise<boolean>, what: string, ms = 5_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > deadline) throw new Error(`never reached: ${what}`);
    await sleep(10);
  }
}

const realNow = () => new Date();

function msg(over: Partial<IncomingMessage> = {}): IncomingMessage {
  seq += 1;
  return {
    platform: 'slack',
    workspace: 'T1',
    chatId: 'C1',
    messageId: `1700000000.00${seq}`,
    eventId: `Ev${seq}`,
    userId: 'U1',
    text: 'What is a UVP?',
    direct: false,
    addressed: true,
    ...over,
  };
}

async function collect(events: AsyncIterable<ReplyEvent>): Promise<ReplyEvent[]> {
  const out: ReplyEvent[] = [];
  for await (const ev of events) out.push(ev);
  return out;
}

const later = (ms: number) => new Date(current.getTime() + ms);

describe('work leases on messages', () => {
  it('claims the message with its payload, and completes it once the consumer comes back after the final reply', async () => {
    const m = msg();
    const it = engine('A').handle(m)[Symbol.asyncIterator]();
    let ev = await it.next();
    while (!ev.done && ev.value.type !== 'final') ev = await it.next();
    expect(ev.done).toBe(false);
    // The final reply is out, but not yet posted: still claimed, and another replica sees it as busy.
    expect(await store.claimWork(workKeyOf(m), {}, current, 1_000, 'B')).toBe('busy');
    expect((await it.next()).done).toBe(true);
    expect(await store.claimWork(workKeyOf(m), {}, later(5_000), 1_000, 'B')).toBe('done');
  });

  it('caps a huge message before it is claimed or stored: the lease holds at most 8,000 characters', async () => {
    const m = msg({ text: `review ${'x'.repeat(600_000)}` });
    const it = engine('A').handle(m)[Symbol.asyncIterator]();
    await it.next();
    const expired = await store.expiredWork(later(10_000), 10);
    const payload = parseWorkPayload(expired.find((w) => w.key === workKeyOf(m))?.payload);
    expect(payload?.message.text.length).toBeLessThanOrEqual(8_000);
    await it.return?.();
  });

  it('leaves the work claimed when the consumer stops at the final reply (posting failed): it expires for takeover', async () => {
    const m = msg();
    for await (const ev of engine('A').handle(m)) if (ev.type === 'final') break;
    const expired = await store.expiredWork(later(1_000), 10);
    expect(expired.map((e) => [e.key, e.owner])).toEqual([[workKeyOf(m), 'A']]);
    expect(parseWorkPayload(expired[0]?.payload)?.message).toEqual(m);
  });

  it('drops a message another replica is answering, or has answered', async () => {
    const m = msg();
    await store.claimWork(workKeyOf(m), {}, current, 60_000, 'B');
    expect(await collect(engine('A').handle(m))).toEqual([]);
    await store.completeWork(workKeyOf(m), 'B', current);
    expect(await collect(engine('A').handle({ ...m, eventId: 'another-delivery' }))).toEqual([]);
  });

  it('resume answers taken-over work without claiming it, and completes it', async () => {
    const m = msg();
    await store.claimWork(workKeyOf(m), {}, current, 1_000, 'A');
    await store.claimWork(workKeyOf(m), {}, later(2_000), 1_000, 'B'); // B took it over
    const events = await collect(engine('B').resume(m));
    expect(events.filter((e) => e.type === 'final')).toHaveLength(1);
    expect(await store.claimWork(workKeyOf(m), {}, later(10_000), 1_000, 'C')).toBe('done');
  });

  it('complete records the work as done without answering', async () => {
    const m = msg();
    await store.claimWork(workKeyOf(m), {}, current, 1_000, 'B');
    await engine('B').complete(m);
    expect(await store.claimWork(workKeyOf(m), {}, later(10_000), 1_000, 'C')).toBe('done');
  });

  it('a store that cannot claim gets one short "unavailable" note per message', async () => {
    const broken: Store = {
      ...store,
      claim: async () => {
        throw new Error('connection refused');
      },
    };
    const e = engine('A', { store: broken });
    const m = msg();
    const [first] = await collect(e.handle(m));
    expect(first?.type === 'final' && first.reply.kind).toBe('error');
    expect(first?.type === 'final' && first.reply.sections.join(' ')).toMatch(/database/);
    expect(await collect(e.handle({ ...m, eventId: 'retry' }))).toEqual([]);
  });

  it('renews the lease while a slow answer runs: never expired, never claimed elsewhere, completed once', async () => {
    const lease = 400; // renewed every third of it
    const slow = gatedAnswerer();
    const counted = countingRenewals(store);
    const a = engine('A', {
      store: counted.store,
      answerer: slow.answerer,
      now: realNow,
      claimLeaseMs: lease,
    });
    const m = msg();
    const answering = collect(a.handle(m));
    await eventually(() => slow.asks() === 1, 'the answer started');

    const second = openSqliteStore(join(dir, 'coach.db'));
    try {
      const b = engine('B', { store: second, now: realNow, claimLeaseMs: lease });
      // Five leases long: without renewals the claim would have run out several times over.
      const end = Date.now() + 5 * lease;
      for (let i = 0; Date.now() < end; i += 1) {
        expect(await store.expiredWork(new Date(), 10)).toEqual([]);
        expect(await second.expiredWork(new Date(), 10)).toEqual([]);
        expect(await collect(b.handle({ ...m, eventId: `redelivery-${i}` }))).toEqual([]);
        await sleep(lease / 4);
      }
    } finally {
      await second.close();
    }
    expect(counted.calls()).toBeGreaterThan(1);

    slow.open();
    const events = await answering;
    expect(events.filter((e) => e.type === 'final')).toHaveLength(1);
    expect(slow.asks()).toBe(1);
    expect(await store.claimWork(workKeyOf(m), {}, new Date(Date.now() + 60_000), lease, 'C')).toBe('done');
    // The renewals ended with the work.
    const calls = counted.calls();
    await sleep(lease);
    expect(counted.calls()).toBe(calls);
  });

  it('stops renewing when the consumer stops early, so the lease runs out for a takeover', async () => {
    const lease = 300;
    const counted = countingRenewals(store);
    const m = msg();
    const a = engine('A', { store: counted.store, now: realNow, claimLeaseMs: lease });
    for await (const ev of a.handle(m)) if (ev.type === 'final') break;
    await eventually(
      async () => (await store.expiredWork(new Date(), 10)).some((w) => w.key === workKeyOf(m)),
      'the lease ran out',
    );
    const calls = counted.calls();
    await sleep(lease);
    expect(counted.calls()).toBe(calls);
  });

  it('keeps renewing through store failures, and stops with a work_lost warning once the work is lost', async () => {
    const logs = memoryLogger();
    // Two failed renewals (store down), one that works, then another replica holds the work.
    let calls = 0;
    const counted = countingRenewals(store, async (...args) => {
      calls += 1;
      if (calls <= 2) throw new Error('connection refused');
      if (calls === 4) {
        await store.releaseOwner('A');
        expect(await store.claimWork(args[0], {}, current, 60_000, 'B')).toBe('claimed');
      }
      return store.renewWork(...args);
    });
    const slow = gatedAnswerer();
    const a = engine('A', {
      store: counted.store,
      answerer: slow.answerer,
      logger: logs.logger,
      claimLeaseMs: 60_000,
      renewEveryMs: 10,
    });
    const m = msg();
    const answering = collect(a.handle(m));
    const lost = () => logs.lines().filter((l) => l.event === 'work_lost');
    await eventually(() => lost().length > 0, 'work_lost logged');
    expect(logs.lines().filter((l) => l.event === 'work_renew_failed')).toHaveLength(2);
    expect(lost()).toEqual([expect.objectContaining({ level: 40, key: workKeyOf(m), owner: 'A' })]);
    expect(counted.calls()).toBe(4); // no renewal after the one that found the work lost
    await sleep(50);
    expect(counted.calls()).toBe(4);
    slow.open();
    expect((await answering).filter((e) => e.type === 'final')).toHaveLength(1);
    expect(lost()).toHaveLength(1);
  });
});
