import type { Citation } from '../answer/types.ts';
import type { Lang } from '../knowledge/types.ts';
import type { ReviewResult } from '../review/types.ts';
import type { ChatRef, Platform } from '../store/types.ts';

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
}

/** A button under a reply; `action` is what the adapter sends back to `engine.action`. */
export interface Button {
  action: 'feedback_up' | 'feedback_down' | 'review_again' | 'share';
  label: string;
  /** Opaque value the engine gets back (e.g. the reply's ref). */
  value: string;
  style?: 'primary' | 'danger';
}

/** The final, complete reply: adapters render it as Block Kit, a Feishu card or terminal text. */
export interface RichReply {
  kind: 'answer' | 'review' | 'tip' | 'help' | 'history' | 'notice' | 'error';
  lang: Lang;
  /** Short heading, plain text. */
  title?: string;
  /** Markdown paragraphs, in order. */
  sections: string[];
  citations: Citation[];
  review?: ReviewResult;
  /** One-line notices (offline, truncated input, model unavailable). */
  notes: string[];
  buttons: Button[];
  /** Stable id of this reply, for feedback and "review again". */
  ref: string;
}

/** What the engine streams for one message. */
export type ReplyEvent =
  | { type: 'status'; text: string }
  | { type: 'delta'; text: string }
  | { type: 'final'; reply: RichReply };

/** A click on a reply's button. */
export interface ActionInput {
  chat: ChatRef;
  userId: string;
  action: Button['action'];
  value: string;
  /** Platform id of the message that carried the button. */
  messageRef: string;
}

/** Reviews marketing copy (the LLM critic with the offline one as fallback, or the offline one alone). */
export interface Reviewer {
  review(draft: string, opts?: { context?: string }): Promise<ReviewResult>;
}
