import { describe, expect, it } from 'vitest';
import type { ReplyEvent } from '../../core/chat/types.ts';
import { silentLogger } from '../../core/logger.ts';
import { streamToThread } from './streaming.ts';

/** A Web API client stand-in that records calls (the real one is covered over HTTP in test/). */
function recordingClient() {
  const calls: Array<{ method: string; args: Record<string, unknown> }> = [];
  let ts = 0;
  const client = {
    chat: {
      postMessage: async (args: Record<string, unknown>) => {
        calls.push({ method: 'postMessage', args });
        ts += 1;
        return { ok: true, ts: `${ts}.0` };
      },
      update: async (args: Record<string, unknown>) => {
        calls.push({ method: 'update', args });
        return { ok: true };
      },
    },
  };
  return { calls, client: client as never };
}

describe('streamToThread', () => {
  it('updates the placeholder at most once per interval, then replaces it with the final reply', async () => {
    let clock = 0;
    async function* events(): AsyncIterable<ReplyEvent> {
      yield { type: 'status', text: 'Thinking…' };
      for (let i = 0; i < 20; i += 1) {
        clock += 250; // a delta every 250 ms for 5 s
        yield { type: 'delta', text: `part${i} ` };
      }
      yield {
        type: 'final',
        reply: {
          kind: 'answer',
          lang: 'en',
          sections: ['done'],
          citations: [],
          notes: [],
          buttons: [],
          ref: 'r',
        },
      };
    }
    const { calls, client } = recordingClient();
    const result = await streamToThread(
      { client, logger: silentLogger(), updateIntervalMs: 1_000, now: () => clock },
      { channel: 'C1', threadTs: '1.0' },
      events(),
    );
    expect(result).toEqual({ replied: true, ts: '1.0' });
    expect(calls[0]).toMatchObject({ method: 'postMessage', args: { channel: 'C1', thread_ts: '1.0' } });
    const updates = calls.filter((c) => c.method === 'update');
    // 5 s of deltas at ≤ 1 update/s, plus the final update.
    expect(updates.length - 1).toBeLessThanOrEqual(5);
    expect(updates.length - 1).toBeGreaterThanOrEqual(4);
    expect(updates.at(-1)?.args.blocks).toBeDefined();
  });
});
