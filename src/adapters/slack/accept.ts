/**
 * Claim before ack. Bolt acknowledges an Events API delivery before any listener runs, so a crash
 * right after the ack would lose a message that was never recorded. Coach therefore runs the engine's
 * `accept` (decide, claim, record the work with its lease) on the verified body *before* handing it to
 * Bolt, by wrapping `app.processEvent`; the listener then finds the ticket and answers in the background.
 * Commands, the modal and the shortcut call `accept` themselves before their `ack()`.
 *
 * A message event that was accepted is acknowledged right then, and Bolt's own processing of it (its
 * middleware and the listener) waits for its turn after the burst of deliveries has been acknowledged
 * (core/async.ts `createTurnQueue`): during a burst the event loop only verifies, claims and acks.
 */
import type { App } from '@slack/bolt';
import { createTurnQueue } from '../../core/async.ts';
import { type SlackEventEnvelope, type SlackMessageEvent, translateEvent } from './events.ts';
import type { Accepted, AcceptedEvents, SlackRuntime } from './runtime.ts';
import { describeSlackError } from './web-errors.ts';

/** Accepted deliveries, keyed by the body object Bolt hands to the listener. */
export function createAcceptedEvents(): AcceptedEvents {
  const map = new WeakMap<object, Accepted>();
  return {
    set: (body, accepted) => map.set(body, accepted),
    take(body) {
      const found = map.get(body);
      map.delete(body);
      return found;
    },
  };
}

/** Event types that carry a message for Coach. */
const MESSAGE_EVENTS = new Set(['message', 'app_mention']);

/**
 * Accepts a message event's body before Bolt acks it; other bodies pass untouched. True when the body
 * was a message for the listener (accepted, or decided not to be answered).
 */
export async function acceptEventBody(rt: SlackRuntime, body: unknown): Promise<boolean> {
  if (typeof body !== 'object' || body === null) return false;
  const envelope = body as SlackEventEnvelope & { type?: unknown; event?: SlackMessageEvent };
  if (envelope.type !== 'event_callback' || !envelope.event || !MESSAGE_EVENTS.has(envelope.event.type ?? ''))
    return false;
  const t = translateEvent(envelope, envelope.event, rt.botUserId());
  if ('skip' in t) return false; // the listener logs why
  rt.accepted.set(body, { translated: t, ticket: await rt.engine.accept(t.msg) });
  return true;
}

/** Makes every delivery go through {@link acceptEventBody} before Bolt (and its ack) sees it. */
export function acceptBeforeAck(app: App, rt: SlackRuntime): void {
  const boltProcess = app.processEvent.bind(app);
  const inTurn = createTurnQueue();
  app.processEvent = async (event) => {
    if (!(await acceptEventBody(rt, event.body))) return boltProcess(event);
    // Recorded: acknowledged now (an empty 200, as Bolt acks events); Bolt's ack becomes a no-op. A
    // failed ack (the connection is gone) still leaves a claimed message to answer.
    await event
      .ack()
      .catch((err: unknown) =>
        rt.logger.warn({ event: 'slack_ack_failed', ...describeSlackError(err) }, 'could not acknowledge'),
      );
    const acked = { ...event, ack: async () => undefined };
    return new Promise<void>((resolve, reject) => {
      inTurn(() => {
        boltProcess(acked).then(resolve, reject);
      });
    });
  };
}
