/**
 * What a platform gives the shared delivery layer: a thin sink that can show a placeholder, update it,
 * deliver the complete reply and say that delivery failed. Everything else (throttling, pacing,
 * coalescing, retries, the engine's completion rule) lives once in `deliver.ts`.
 */
import type { Lang } from '../../core/knowledge/types.ts';
import type { RichReply } from '../../core/reply/types.ts';

/** The state of a reply while it is being written. */
export interface ProgressView {
  lang: Lang;
  /** The latest status line ("Thinking…"). */
  status: string;
  /** The text streamed so far (Markdown, possibly cut mid-sentence). */
  text: string;
}

/** What a platform error means for delivery. */
export type SinkFailure =
  /** The platform asked to slow down; try again after `retryAfterMs` (when it said). */
  | { kind: 'rate_limited'; retryAfterMs?: number }
  /** The placeholder can no longer be changed (deleted, recalled, too old): post anew. */
  | { kind: 'gone' }
  /** The request was too large for the platform (the sink splits finer on its own). */
  | { kind: 'too_large' }
  /** Anything else: may work on a later attempt. */
  | { kind: 'other' };

/** A platform's side of delivering one reply. Each method may reject; the layer decides what follows. */
export interface ReplySink {
  /**
   * Shows that Coach is working: posts a placeholder and resolves with its id, or shows a status some
   * other way and resolves with undefined (then no updates are sent).
   */
  start(view: ProgressView): Promise<string | undefined>;
  /** Replaces the placeholder's content with the progress so far. */
  update(placeholder: string, view: ProgressView): Promise<void>;
  /**
   * Delivers the complete reply, its first part replacing the placeholder when there is one (and
   * posting anew when the placeholder cannot be changed). Resolves once the reply is out; rejects when
   * nothing of it could be delivered.
   */
  final(reply: RichReply, placeholder: string | undefined): Promise<void>;
  /** A short visible notice that the reply could not be delivered (best effort). */
  failed(lang: Lang, placeholder: string | undefined): Promise<void>;
  /** What an error thrown by this sink means. */
  classify(err: unknown): SinkFailure;
}
