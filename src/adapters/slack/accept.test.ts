import type { App } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { memoryLogger } from '../../../test/support/memory-logger.ts';
import { acceptBeforeAck, createAcceptedEvents } from './accept.ts';
import type { SlackRuntime } from './runtime.ts';

type Event = Parameters<App['processEvent']>[0];

/** A Bolt app reduced to `processEvent`, recording what reaches it; and a runtime whose engine claims. */
function setUp() {
  const steps: string[] = [];
  const seen: Event[] = [];
  const app = {
    processEvent: async (event: Event) => {
      steps.push('bolt');
      seen.push(event);
      await event.ack(); // Bolt acks events itself: after an early ack this must be harmless
    },
  } as unknown as App;
  const log = memoryLogger();
  const rt = {
    accepted: createAcceptedEvents(),
    botUserId: () => 'UCOACH',
    logger: log.logger,
    engine: {
      accept: async (msg: unknown) => {
        steps.push('claim');
        return { msg, kind: 'claimed' };
      },
    },
  } as unknown as SlackRuntime;
  acceptBeforeAck(app, rt);
  return { app, rt, steps, seen, log };
}

const mention = (ts: string) => ({
  type: 'event_callback',
  team_id: 'T1',
  event_id: `Ev${ts}`,
  event: { type: 'app_mention', user: 'U1', text: '<@UCOACH> What is a UVP?', ts, channel: 'C1' },
});

describe('acceptBeforeAck', () => {
  it('claims a message event, acks it, and only then lets Bolt process it (whose ack does nothing)', async () => {
    const { app, rt, steps, seen } = setUp();
    const body = mention('1.0001');
    await app.processEvent({
      body,
      ack: async () => {
        steps.push('ack');
      },
    });
    expect(steps).toEqual(['claim', 'ack', 'bolt']);
    expect(seen).toHaveLength(1);
    expect(seen[0]?.body).toBe(body); // the listener finds its ticket by this very object
    expect(rt.accepted.take(body)?.ticket).toMatchObject({ kind: 'claimed' });
  });

  it('still hands a claimed message to Bolt when the ack fails, and logs the failure', async () => {
    const { app, steps, log } = setUp();
    await app.processEvent({
      body: mention('1.0002'),
      ack: async () => {
        throw new Error('socket hang up');
      },
    });
    expect(steps).toEqual(['claim', 'bolt']);
    expect(log.events()).toContain('slack_ack_failed');
  });

  it('passes anything else (a command, an action) to Bolt untouched, to ack as it does', async () => {
    const { app, steps } = setUp();
    const ack = async () => {
      steps.push('ack');
    };
    await app.processEvent({ body: { command: '/coach', text: 'help' }, ack });
    expect(steps).toEqual(['bolt', 'ack']);
  });
});
