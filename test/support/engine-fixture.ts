/**
 * Shared fixtures of the chat engine's tests (src/core/chat/engine-*.test.ts): a temp SQLite store per
 * test, a fake clock, message builders and answerers that record or wait.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, expect } from 'vitest';
import { DEFAULTS } from '../../src/config.ts';
import { type Answerer, createAnswerer } from '../../src/core/answer/answerer.ts';
import type { Answer, HistoryTurn } from '../../src/core/answer/types.ts';
import { type ChatEngine, type ChatEngineDeps, createChatEngine } from '../../src/core/chat/engine.ts';
import type { IncomingMessage } from '../../src/core/chat/types.ts';
import { loadKnowledge } from '../../src/core/knowledge/load.ts';
import { silentLogger } from '../../src/core/logger.ts';
import type { ReplyEvent, RichReply } from '../../src/core/reply/types.ts';
import { createRetriever } from '../../src/core/retrieval/retriever.ts';
import { reviewOffline } from '../../src/core/review/offline-critic.ts';
import type { Reviewer } from '../../src/core/review/types.ts';
import { openSqliteStore } from '../../src/core/store/sqlite-store.ts';
import type { ChatRef, Store } from '../../src/core/store/types.ts';

/** The knowledge, an offline answerer and reviewer, and the chat most tests use. */
export const kb = loadKnowledge(fileURLToPath(new URL('../../knowledge', import.meta.url)));
export const offlineAnswerer = createAnswerer({ retriever: createRetriever(kb), logger: silentLogger() });
export const offlineReviewer: Reviewer = { review: async (d) => reviewOffline(d) };
/** The settings every engine gets from config, at their defaults. */
export const ENGINE_SETTINGS = {
  defaultTimezone: DEFAULTS.timezone,
  maxConcurrentLlm: DEFAULTS.maxConcurrentLlm,
  claimLeaseMs: DEFAULTS.claimLeaseMs,
  // Tests send many messages from one user at once: the flood limits have their own tests.
  limits: { userPerMinute: 0, chatPerMinute: 0, userQueue: 1_000 },
  dailyTokenBudget: 0,
};

export const CHAT: ChatRef = { platform: 'slack', workspace: 'T1', chatId: 'C1' };

let dir: string;
let dbPath: string;
let stores: Store[];
let seq: number;

/** The engine's clock in these tests: set `clock.current` to move time. */
export const clock = { current: new Date('2025-03-10T08:00:00Z') };

/** Registers the per-test set-up: a fresh temp folder for SQLite files, the clock, message ids. */
export function setupEngineFixture(): void {
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'coach-engine-'));
    dbPath = join(dir, 'coach.db');
    stores = [];
    clock.current = new Date('2025-03-10T08:00:00Z');
    seq = 0;
  });
  afterEach(async () => {
    for (const s of stores) await s.close();
    rmSync(dir, { recursive: true, force: true });
  });
}

export function openStore(): Store {
  const store = openSqliteStore(dbPath);
  stores.push(store);
  return store;
}

export function engineWith(over: Partial<ChatEngineDeps> = {}): { engine: ChatEngine; store: Store } {
  const store = over.store ?? openStore();
  const engine = createChatEngine({
    answerer: offlineAnswerer,
    reviewer: offlineReviewer,
    kb,
    store,
    logger: silentLogger(),
    now: () => clock.current,
    ...ENGINE_SETTINGS,
    ...over,
  });
  return { engine, store };
}

export function msg(over: Partial<IncomingMessage> = {}): IncomingMessage {
  seq += 1;
  return {
    ...CHAT,
    messageId: `1700000000.00${seq}`,
    userId: 'U1',
    text: 'What is a UVP?',
    direct: false,
    addressed: true,
    ...over,
  };
}

export async function collect(events: AsyncIterable<ReplyEvent>): Promise<ReplyEvent[]> {
  const out: ReplyEvent[] = [];
  for await (const ev of events) out.push(ev);
  return out;
}

export function finals(events: ReplyEvent[]): RichReply[] {
  return events.flatMap((ev) => (ev.type === 'final' ? [ev.reply] : []));
}

/** The one final reply of a message (fails when there is not exactly one). */
export async function replyTo(engine: ChatEngine, m: IncomingMessage): Promise<RichReply> {
  const got = finals(await collect(engine.handle(m)));
  expect(got).toHaveLength(1);
  return got[0] as RichReply;
}

export function textOf(reply: RichReply): string {
  return [reply.title ?? '', ...reply.sections].join('\n');
}

export function doneAnswer(text: string): Answer {
  return { answer: text, citations: [], mode: 'offline', lang: 'en', notes: [] };
}

/** Lets pending promises and I/O callbacks run until `cond` holds (a bounded number of turns, no timers). */
export async function until(cond: () => boolean, what = 'condition'): Promise<void> {
  for (let i = 0; i < 500; i += 1) {
    if (cond()) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  throw new Error(`never reached: ${what}`);
}

/** An answerer that records each question with the history it got, and answers at once. */
export function recordingAnswerer() {
  const calls: { question: string; history: HistoryTurn[] }[] = [];
  const answerer: Answerer = {
    online: false,
    async *ask(question, opts) {
      calls.push({ question, history: opts?.history ?? [] });
      yield { type: 'done', answer: doneAnswer(`Answer to: ${question}`) };
    },
    async answer() {
      throw new Error('not used by the engine');
    },
  };
  return { answerer, calls };
}

/** An answerer whose answers wait until the test opens their gate; it tracks how many run at once. */
export function gatedAnswerer(online: boolean, timeline: string[] = []) {
  const gates = new Map<string, () => void>();
  const state = { active: 0, maxActive: 0 };
  const answerer: Answerer = {
    online,
    async *ask(question) {
      timeline.push(`start:${question}`);
      state.active += 1;
      state.maxActive = Math.max(state.maxActive, state.active);
      try {
        yield { type: 'status', text: 'Thinking…' };
        await new Promise<void>((resolve) => gates.set(question, resolve));
        yield { type: 'done', answer: doneAnswer(`Answer to: ${question}`) };
      } finally {
        state.active -= 1;
      }
    },
    async answer() {
      throw new Error('not used by the engine');
    },
  };
  return {
    answerer,
    state,
    waiting: () => [...gates.keys()],
    open(question: string) {
      const gate = gates.get(question);
      if (!gate) throw new Error(`${question} is not waiting`);
      gates.delete(question);
      gate();
    },
  };
}

/** Runs a message in the background, noting its final reply in `timeline`. */
export function handleInBackground(
  engine: ChatEngine,
  m: IncomingMessage,
  label: string,
  timeline: string[],
) {
  return collect(engine.handle(m)).then((events) => {
    for (const r of finals(events)) timeline.push(`final:${label}:${r.kind}`);
    return events;
  });
}
