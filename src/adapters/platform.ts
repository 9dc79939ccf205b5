import type { IncomingMessage as HttpRequest, ServerResponse } from 'node:http';
import type { IncomingMessage } from '../core/chat/types.ts';
import type { Platform } from '../core/store/types.ts';
import type { PostFn } from '../core/tips/scheduler.ts';

/** A Node request listener mounted on the shared HTTP server. */
export type RequestListener = (req: HttpRequest, res: ServerResponse) => void | Promise<void>;

/** What every chat platform adapter gives the process. */
export interface PlatformAdapter {
  readonly platform: Platform;
  /** Routes to mount on the shared HTTP server (HTTP mode), e.g. `POST /slack/events`. */
  readonly routes: Record<string, RequestListener>;
  /** Connects (Socket Mode / long connection) or prepares (HTTP mode). */
  start(): Promise<void>;
  /** Stops taking new events and waits up to `graceMs` (`COACH_SHUTDOWN_GRACE_MS`) for work in flight. */
  stop(graceMs: number): Promise<void>;
  /**
   * Answers a message taken over from a replica that died (the takeover sweeper holds its lease):
   * runs `engine.resume(msg)` in the background, like a new event, and makes sure the reply is not
   * posted twice when the dead replica got that far (Feishu: the same send `uuid`s; Slack: looks for
   * its marked reply in the thread first). Returns at once; `stop` waits for it like other work.
   */
  resume(msg: IncomingMessage): void;
  /** Posts a reply into a chat: used by the daily-tip scheduler. */
  post: PostFn;
  /** A line for /healthz. */
  health(): Record<string, unknown>;
}
