import type { Platform } from '../store/types.ts';

/** A user's message, already translated from the platform's event by its adapter. */
export interface IncomingMessage {
  platform: Platform;
  /** Slack team / Feishu tenant (`local` in the terminal). */
  workspace: string;
  chatId: string;
  /** The thread the message is in (Slack `thread_ts`, Feishu `root_id`); absent for a top-level post. */
  threadId?: string;
  /** The platform's id of this message (Slack `ts`, Feishu `message_id`): the dedupe key. */
  messageId: string;
  /** The delivery's id (Slack `event_id`, Feishu `header.event_id`), when there is one. */
  eventId?: string;
  userId: string;
  /** Text with the platform's mark-up and the bot mention removed. */
  text: string;
  /** A direct message (Slack IM, Feishu p2p, terminal). */
  direct: boolean;
  /** The bot was @-mentioned, or the message came through a command/shortcut aimed at it. */
  addressed: boolean;
  /** For `review`: who the copy is for and what the product is (e.g. from Slack's review modal). */
  reviewContext?: string;
  /**
   * What the adapter needs to answer the message later, on any replica (kept in the work lease): e.g. a
   * Slack command's `response_url`. Opaque to the core; strings only.
   */
  replyTo?: Record<string, string>;
}
