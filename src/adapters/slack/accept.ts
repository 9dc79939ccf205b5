/**
 * Claim before ack. Bolt acknowledges an Events API delivery before any listener runs, so a crash
 * right after the ack would lose a message that was never recorded. Coach therefore runs the engine's
 * `accept` (decide, claim, record the work with its lease) on the verified body *before* handing it to
 * Bolt, by wrapping `app.processEvent`; the listener then finds the ticket and answers in the background.
 * Commands, the modal and the shortcut call `accept` themselves before their `ack()`.
 */
import type { App } from '@slack/bolt';
import { type SlackEventEnvelope, type SlackMessageEvent, translateEvent } from './events.ts';
import type { Accepted, AcceptedEvents, SlackRuntime } from './runtime.ts';

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

/** Accepts a message event's body before Bolt acks it; other bodies pass untouched. */
export async function acceptEventBody(rt: SlackRuntime, body: unknown): Promise<void> {
  if (typeof body !== 'object' || body === null) return;
  const envelope = body as SlackEventEnvelope & { type?: unknown; event?: SlackMessageEvent };
  if (envelope.type !== 'event_callback' || !envelope.event || !MESSAGE_EVENTS.has(envelope.event.type ?? ''))
    return;
  const t = translateEvent(envelope, envelope.event, rt.botUserId());
  if ('skip' in t) return; // the listener logs why
  rt.accepted.set(body, { translated: t, ticket: await rt.engine.accept(t.msg) });
}

/** Makes every delivery go through {@link acceptEventBody} before Bolt (and its ack) sees it. */
export function acceptBeforeAck(app: App, rt: SlackRuntime): void {
  const boltProcess = app.processEvent.bind(app);
  app.processEvent = async (event) => {
    await acceptEventBody(rt, event.body);
    return boltProcess(event);
  };
}
