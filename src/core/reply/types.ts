import type { Citation } from '../answer/types.ts';
import type { Lang } from '../knowledge/types.ts';
import type { ReviewResult } from '../review/types.ts';
import type { ChatRef } from '../store/types.ts';
import type { ScoreTrend } from './trend.ts';

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
  /** The user's review scores over time (`history`): a chart where the platform draws one, bars elsewhere. */
  trend?: ScoreTrend;
  /** One-line notices (offline, truncated input, model unavailable). */
  notes: string[];
  buttons: Button[];
  /** Stable id of this reply, for feedback and "review again". */
  ref: string;
}

/**
 * What the engine streams for one message. Progress events carry the reply's language (the engine
 * decides it, from the message), so a platform's placeholder and error notice speak it too.
 */
export type ReplyEvent =
  | { type: 'status'; text: string; lang: Lang }
  | { type: 'delta'; text: string; lang: Lang }
  | { type: 'final'; reply: RichReply };

/** A click on a reply's button. */
export interface ActionInput {
  chat: ChatRef;
  userId: string;
  action: Button['action'];
  value: string;
  /** Platform id of the message that carried the button. */
  messageRef: string;
  /** The delivery's id (Feishu `event_id`, Slack `trigger_id`): a click delivered again is dropped. */
  eventId?: string;
}
