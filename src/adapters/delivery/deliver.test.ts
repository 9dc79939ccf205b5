import { describe, expect, it } from 'vitest';
import { memoryLogger } from '../../../test/support/memory-logger.ts';
import type { ReplyEvent, RichReply } from '../../core/reply/types.ts';
import { createDeliveryStats, deliverReply } from './deliver.ts';
import { createPacer } from './pacer.ts';
import type { ProgressView, ReplySink, SinkFailure } from './sink.ts';

const reply: RichReply = {
  kind: 'answer',
  lang: 'zh',
  sections: ['完整的回答'],
  citations: [],
  notes: [],
  buttons: [],
  ref: 'r1',
};

/** A sink that records every call; `fail` makes the named calls reject with a classified error. */
function recordingSink(fail: Partial<Record<'start' | 'update' | 'final', SinkFailure[]>> = {}) {
  const calls: string[] = [];
  const views: ProgressView[] = [];
  const failure = (kind: 'start' | 'update' | 'final') => {
    const f = fail[kind]?.shift();
    return f ? Object.assign(new Error(`${kind} failed`), { failure: f }) : undefined;
  };
  const sink: ReplySink = {
    async start(view) {
      calls.push(`start:${view.status}|${view.text}`);
      const err = failure('start');
      if (err) throw err;
      return 'P1';
    },
    async update(id, view) {
      calls.push(`update:${id}:${view.text}`);
      views.push(view);
      const err = failure('update');
      if (err) throw err;
    },
    async final(r, placeholder) {
      calls.push(`final:${placeholder ?? '-'}:${r.sections[0]}`);
      const err = failure('final');
      if (err) throw err;
    },
    async failed(lang, placeholder) {
      calls.push(`failed:${lang}:${placeholder ?? '-'}`);
    },
    classify: (err) => (err as { failure?: SinkFailure }).failure ?? { kind: 'other' },
  };
  return { sink, calls, views };
}

/** Events with a fake clock: each delta advances it by `stepMs`; `after` records whether the engine was asked for more. */
function stream(clock: { t: number }, deltas: number, stepMs: number, state: { askedAfterFinal: boolean }) {
  return (async function* (): AsyncIterable<ReplyEvent> {
    yield { type: 'status', text: '思考中…', lang: 'zh' };
    for (let i = 0; i < deltas; i += 1) {
      clock.t += stepMs;
      yield { type: 'delta', text: `${i} `, lang: 'zh' };
    }
    yield { type: 'final', reply };
    state.askedAfterFinal = true;
  })();
}

const noSleep = async () => {};

describe('deliverReply', () => {
  it('posts a placeholder, updates it at most once per interval, then replaces it; the engine is asked for more only after', async () => {
    const clock = { t: 0 };
    const state = { askedAfterFinal: false };
    const { sink, calls } = recordingSink();
    const result = await deliverReply(stream(clock, 20, 250, state), sink, {
      log: memoryLogger().logger,
      updateIntervalMs: 1_000,
      now: () => clock.t,
    });
    expect(result.delivered).toBe(true);
    expect(state.askedAfterFinal).toBe(true);
    expect(calls[0]).toBe('start:思考中…|');
    const updates = calls.filter((c) => c.startsWith('update:'));
    expect(updates.length).toBeGreaterThanOrEqual(4);
    expect(updates.length).toBeLessThanOrEqual(5);
    expect(calls.at(-1)).toBe('final:P1:完整的回答');
  });

  it('skips updates while the pacer is empty and pauses the key after a rate limit, without holding the stream', async () => {
    const clock = { t: 0 };
    const pacer = createPacer({ perMinute: 60, burst: 1, now: () => clock.t });
    const { sink, calls } = recordingSink({ update: [{ kind: 'rate_limited', retryAfterMs: 60_000 }] });
    const state = { askedAfterFinal: false };
    const result = await deliverReply(stream(clock, 40, 500, state), sink, {
      log: memoryLogger().logger,
      updateIntervalMs: 0,
      now: () => clock.t,
      pacer: { pacer, key: 'T1' },
    });
    // One update went out and was refused: the workspace is paused for the rest of the 20 s stream.
    expect(calls.filter((c) => c.startsWith('update:'))).toHaveLength(1);
    expect(result.delivered).toBe(true);
    expect(pacer.take('T1')).toBe(false);
    expect(pacer.take('T2')).toBe(true);
  });

  it('stops updating a placeholder that is gone, and posts the final reply anew when it cannot replace it', async () => {
    const clock = { t: 0 };
    const { sink, calls } = recordingSink({ update: [{ kind: 'gone' }], final: [{ kind: 'gone' }] });
    const result = await deliverReply(stream(clock, 10, 2_000, { askedAfterFinal: false }), sink, {
      log: memoryLogger().logger,
      updateIntervalMs: 1_000,
      now: () => clock.t,
      sleep: noSleep,
    });
    expect(calls.filter((c) => c.startsWith('update:'))).toHaveLength(1);
    expect(calls.filter((c) => c.startsWith('final:'))).toEqual([
      'final:P1:完整的回答',
      'final:-:完整的回答',
    ]);
    expect(result.delivered).toBe(true);
  });

  it('retries the final reply with backoff (Retry-After when given), then says it failed and leaves the work claimed', async () => {
    const waits: number[] = [];
    const other = { kind: 'other' } as const;
    const { sink, calls } = recordingSink({
      final: [other, { kind: 'rate_limited', retryAfterMs: 9_000 }, other, other],
    });
    const state = { askedAfterFinal: false };
    const log = memoryLogger();
    const result = await deliverReply(stream({ t: 0 }, 0, 0, state), sink, {
      log: log.logger,
      updateIntervalMs: 1_000,
      retryBaseMs: 100,
      retryWindowMs: 0,
      sleep: async (ms) => {
        waits.push(ms);
      },
    });
    expect(result).toMatchObject({ delivered: false, reply });
    expect(waits).toEqual([100, 9_000, 400]);
    expect(calls.filter((c) => c.startsWith('final:'))).toHaveLength(4);
    expect(calls.at(-1)).toBe('failed:zh:P1');
    expect(state.askedAfterFinal).toBe(false);
    expect(log.events()).toContain('reply_undelivered');
  });

  it('through an outage, retries for the whole window with capped backoff, and delivers when the platform is back', async () => {
    const clock = { t: 0 };
    const outage = Array.from({ length: 40 }, () => ({ kind: 'other' }) as const);
    const { sink, calls } = recordingSink({ final: outage });
    const stats = createDeliveryStats();
    const seen: number[] = [];
    const state = { askedAfterFinal: false };
    const result = await deliverReply(stream(clock, 0, 0, state), sink, {
      log: memoryLogger().logger,
      updateIntervalMs: 0,
      retryBaseMs: 1_000,
      maxBackoffMs: 30_000,
      retryWindowMs: 20 * 60_000,
      stats,
      now: () => clock.t,
      sleep: async (ms) => {
        seen.push(stats.retrying);
        clock.t += ms;
      },
    });
    expect(result.delivered).toBe(true);
    expect(calls.filter((c) => c.startsWith('final:'))).toHaveLength(41);
    expect(Math.max(...seen)).toBe(1);
    expect(stats).toEqual({ retrying: 0, undelivered: 0 });
    expect(calls.some((c) => c.startsWith('failed:'))).toBe(false);
    expect(state.askedAfterFinal).toBe(true);
  });

  it('gives up once the window is over: one notice, counted as undelivered, the work left claimed', async () => {
    const clock = { t: 0 };
    const { sink, calls } = recordingSink({
      final: Array.from({ length: 100 }, () => ({ kind: 'other' }) as const),
    });
    const stats = createDeliveryStats();
    const state = { askedAfterFinal: false };
    const waits: number[] = [];
    const result = await deliverReply(stream(clock, 0, 0, state), sink, {
      log: memoryLogger().logger,
      updateIntervalMs: 0,
      retryBaseMs: 1_000,
      retryWindowMs: 5 * 60_000,
      stats,
      now: () => clock.t,
      sleep: async (ms) => {
        waits.push(ms);
        clock.t += ms;
      },
    });
    expect(result.delivered).toBe(false);
    expect(Math.max(...waits)).toBe(30_000);
    expect(waits.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(5 * 60_000);
    expect(calls.filter((c) => c.startsWith('failed:'))).toHaveLength(1);
    expect(stats).toEqual({ retrying: 0, undelivered: 1 });
    expect(state.askedAfterFinal).toBe(false);
  });

  it('stops retrying at once when the process stops: no notice, the work left for another replica', async () => {
    const { sink, calls } = recordingSink({
      final: Array.from({ length: 100 }, () => ({ kind: 'other' }) as const),
    });
    const stop = new AbortController();
    const state = { askedAfterFinal: false };
    let sleeps = 0;
    const result = await deliverReply(stream({ t: 0 }, 0, 0, state), sink, {
      log: memoryLogger().logger,
      updateIntervalMs: 0,
      signal: stop.signal,
      sleep: (ms) =>
        new Promise((resolve) => {
          sleeps += 1;
          if (sleeps === 3) stop.abort();
          setTimeout(resolve, Math.min(ms, 5));
        }),
    });
    expect(result).toMatchObject({ delivered: false, aborted: true });
    expect(calls.filter((c) => c.startsWith('final:'))).toHaveLength(3);
    expect(calls.some((c) => c.startsWith('failed:'))).toBe(false);
    expect(state.askedAfterFinal).toBe(false);
  });

  it('keeps going when the placeholder cannot be posted: the final reply goes out as a new message', async () => {
    const { sink, calls } = recordingSink({ start: [{ kind: 'other' }] });
    const result = await deliverReply(stream({ t: 0 }, 3, 10, { askedAfterFinal: false }), sink, {
      log: memoryLogger().logger,
      updateIntervalMs: 0,
    });
    expect(result.delivered).toBe(true);
    expect(calls.filter((c) => c.startsWith('update:'))).toHaveLength(0);
    expect(calls.at(-1)).toBe('final:-:完整的回答');
  });

  it('tells the user in the language of the reply when the stream itself breaks', async () => {
    const { sink, calls } = recordingSink();
    const broken = (async function* (): AsyncIterable<ReplyEvent> {
      yield { type: 'delta', text: '一半', lang: 'zh' };
      throw new Error('boom');
    })();
    const result = await deliverReply(broken, sink, { log: memoryLogger().logger, updateIntervalMs: 0 });
    expect(result.delivered).toBe(false);
    expect(calls.at(-1)).toBe('failed:zh:P1');
  });
});

describe('createPacer', () => {
  it('refills per minute up to the burst, per key', () => {
    let t = 0;
    const pacer = createPacer({ perMinute: 60, burst: 2, now: () => t });
    expect([pacer.take('a'), pacer.take('a'), pacer.take('a')]).toEqual([true, true, false]);
    t += 1_000;
    expect([pacer.take('a'), pacer.take('a')]).toEqual([true, false]);
    pacer.pause('a', 5_000);
    t += 4_000;
    expect(pacer.take('a')).toBe(false);
    t += 2_000;
    expect(pacer.take('a')).toBe(true);
  });
});
