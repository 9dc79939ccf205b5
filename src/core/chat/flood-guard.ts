/**
 * The flood limits on questions and reviews (the ones that cost a model call): a token bucket per user and
 * per chat, and a bound on how many of one user's messages may wait or run at once. A message past them
 * gets a short "try again in a minute" reply and costs nothing more.
 */
import { createRateLimiter } from './rate-limit.ts';

/** The limits (`COACH_USER_MESSAGES_PER_MINUTE`, `COACH_CHAT_MESSAGES_PER_MINUTE`, `COACH_USER_QUEUE`). */
export interface FloodLimits {
  userPerMinute: number;
  chatPerMinute: number;
  userQueue: number;
}

/** The guard. */
export interface FloodGuard {
  /** Why the user's message must wait (`user_queue`, `user_rate`, `chat_rate`), or undefined: then it is counted. */
  admit(userKey: string, chatKey: string): string | undefined;
  /** The user's admitted message is finished (answered or given up). */
  done(userKey: string): void;
}

/** Creates the guard. */
export function createFloodGuard(limits: FloodLimits, now: () => number): FloodGuard {
  const userRate = createRateLimiter(limits.userPerMinute, now);
  const chatRate = createRateLimiter(limits.chatPerMinute, now);
  /** Admitted, unfinished messages per user, in this process. */
  const outstanding = new Map<string, number>();
  return {
    admit(userKey, chatKey) {
      if ((outstanding.get(userKey) ?? 0) >= limits.userQueue) return 'user_queue';
      if (!userRate.take(userKey)) return 'user_rate';
      if (!chatRate.take(chatKey)) return 'chat_rate';
      outstanding.set(userKey, (outstanding.get(userKey) ?? 0) + 1);
      return undefined;
    },
    done(userKey) {
      const left = (outstanding.get(userKey) ?? 1) - 1;
      if (left > 0) outstanding.set(userKey, left);
      else outstanding.delete(userKey);
    },
  };
}
