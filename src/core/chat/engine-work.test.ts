import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAnswerer } from '../answer/answerer.ts';
import { loadKnowledge } from '../knowledge/load.ts';
import { silentLogger } from '../logger.ts';
import { createRetriever } from '../retrieval/retriever.ts';
import { reviewOffline } from '../review/offline-critic.ts';
import { openSqliteStore } from '../store/sqlite-store.ts';
import type { Store } from '../store/types.ts';
import { type ChatEngine, createChatEngine } from './engine.ts';
import type { IncomingMessage, ReplyEvent } from './types.ts';
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

function engine(owner: string, over: { store?: Store } = {}): ChatEngine {
  return createChatEngine({
    answerer,
    reviewer: { review: async (d) => reviewOffline(d) },
    kb,
    store: over.store ?? store,
    logger: silentLogger(),
    now: () => current,
    owner,
    claimLeaseMs: 1_000,
  });
}

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
});
