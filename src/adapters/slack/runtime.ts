import type { webApi } from '@slack/bolt';
import type { ChatEngine } from '../../core/chat/engine.ts';
import type { Logger } from '../../core/logger.ts';
import type { BackgroundWork } from '../delivery/background.ts';
import type { DeliverySettings } from '../delivery/deliver.ts';
import type { Pacer } from '../delivery/pacer.ts';
import type { AcceptedEvents } from './accept.ts';
import type { ShareStore } from './ephemeral.ts';

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
