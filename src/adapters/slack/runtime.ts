import type { webApi } from '@slack/bolt';
import type { ChatEngine, Ticket } from '../../core/chat/engine.ts';
import type { Logger } from '../../core/logger.ts';
import type { BackgroundWork } from '../delivery/background.ts';
import type { DeliverySettings } from '../delivery/deliver.ts';
import type { Pacer } from '../delivery/pacer.ts';
import type { ShareStore } from './ephemeral.ts';
import type { Translated } from './events.ts';

/** What the Slack listeners share: Web API clients, the engine, shares, pacing and background work. */
export interface SlackRuntime {
  /** The Web API client (retries, waits out rate limits). */
  client: webApi.WebClient;
  /**
   * A client for streaming edits only: it neither retries nor waits on a rate limit, so a 429 comes
   * back at once and the delivery layer pauses that workspace's edits instead of holding the stream.
   */
  updateClient: webApi.WebClient;
  engine: ChatEngine;
  logger: Logger;
  shares: ShareStore;
  /** Coach's own user id (from `auth.test`), once known. */
  botUserId(): string | undefined;
  /** Paces streaming edits per workspace (Slack's `chat.update` is Tier 3, about 50 a minute). */
  pacer: Pacer;
  /** Delivery settings shared by every reply. */
  delivery: DeliverySettings;
  /** Runs work after the listener has returned (Slack is acked first); logs a failure, never throws. */
  background: BackgroundWork['run'];
  /** Message deliveries accepted before Bolt acked them (see accept.ts). */
  accepted: AcceptedEvents;
  /** Whether a `response_url` kept in a work lease may be called (Slack's hosts, or the configured API's). */
  trustedResponseUrl(url: string): boolean;
}

/** What `accept` made of one delivery: the translation, and the ticket (undefined: not for Coach, or a duplicate). */
export interface Accepted {
  translated: Translated;
  ticket: Ticket | undefined;
}

/** Accepted deliveries, keyed by the body object Bolt hands to the listener. */
export interface AcceptedEvents {
  set(body: object, accepted: Accepted): void;
  /** The delivery's acceptance, once (a second listener for the same body gets undefined). */
  take(body: object): Accepted | undefined;
}
