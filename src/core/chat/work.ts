/**
 * Work leases on user messages, for several replicas on one database. A message Coach answers is
 * claimed with `store.claimWork` under a key made of platform, workspace, chat and message id (never
 * the delivery's event id alone: Slack delivers one channel post twice, as `message` and as
 * `app_mention`, with different event ids). The lease's payload is the message itself plus the time it
 * was first claimed, which is all another replica needs to finish the work when the claimer dies.
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { z } from 'zod';
import { describeError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import type { Store } from '../store/types.ts';
import type { IncomingMessage } from './types.ts';

/** The work key of a message: `msg:platform:workspace:chat:messageId`. */
export function workKeyOf(
  msg: Pick<IncomingMessage, 'platform' | 'workspace' | 'chatId' | 'messageId'>,
): string {
  return `msg:${msg.platform}:${msg.workspace}:${msg.chatId}:${msg.messageId}`;
}

/** The ref of the reply to a message (`RichReply.ref`): adapters mark posted replies with it. */
export function replyRefOf(msg: Pick<IncomingMessage, 'platform' | 'chatId' | 'messageId'>): string {
  return `${msg.platform}:${msg.chatId}:${msg.messageId}`;
}

/** The claim key of a delivery (`evt:platform:eventId`), when the platform gave one. */
export function eventKeyOf(msg: Pick<IncomingMessage, 'platform' | 'eventId'>): string | undefined {
  return msg.eventId ? `evt:${msg.platform}:${msg.eventId}` : undefined;
}

/** What a work lease stores: the message, and when it was first claimed (ISO time). */
export interface WorkPayload {
  message: IncomingMessage;
  claimedAt: string;
}

/** The payload of a message claimed at `at`. */
export function workPayload(msg: IncomingMessage, at: Date): WorkPayload {
  return { message: msg, claimedAt: at.toISOString() };
}

const messageSchema = z.object({
  platform: z.string().min(1),
  workspace: z.string(),
  chatId: z.string().min(1),
  threadId: z.string().optional(),
  messageId: z.string().min(1),
  eventId: z.string().optional(),
  userId: z.string(),
  text: z.string(),
  direct: z.boolean(),
  addressed: z.boolean(),
  reviewContext: z.string().optional(),
  replyTo: z.record(z.string(), z.string()).optional(),
});

const payloadSchema = z.object({ message: messageSchema, claimedAt: z.iso.datetime() });

/**
 * Reads a stored payload back (it comes from the database, possibly written by another version of
 * Coach): undefined when it does not have the expected shape.
 */
export function parseWorkPayload(
  payload: unknown,
): { message: IncomingMessage; claimedAt: Date } | undefined {
  const parsed = payloadSchema.safeParse(payload);
  if (!parsed.success) return undefined;
  const { message, claimedAt } = parsed.data;
  const clean: IncomingMessage = {
    platform: message.platform,
    workspace: message.workspace,
    chatId: message.chatId,
    messageId: message.messageId,
    userId: message.userId,
    text: message.text,
    direct: message.direct,
    addressed: message.addressed,
    ...(message.threadId !== undefined ? { threadId: message.threadId } : {}),
    ...(message.eventId !== undefined ? { eventId: message.eventId } : {}),
    ...(message.reviewContext !== undefined ? { reviewContext: message.reviewContext } : {}),
    ...(message.replyTo !== undefined ? { replyTo: message.replyTo } : {}),
  };
  return { message: clean, claimedAt: new Date(claimedAt) };
}

/** A replica's owner id for its leases: host, process id and a random part (pids repeat in containers). */
export function newWorkOwner(): string {
  return `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
}

/** How long claims (and done work) are kept for dedupe before pruning. */
const CLAIM_TTL_MS = 48 * 3_600_000;

/** The engine's side of work leases: claim, complete, and the once-per-message outage note. */
export interface WorkClaims {
  /**
   * Claims the delivery (event id), then the message as work, so that a retry or a duplicate (here or
   * on another replica) is dropped, even after a restart. False for a duplicate; rejects when the
   * store cannot answer.
   */
  claim(msg: IncomingMessage): Promise<boolean>;
  /**
   * Keeps this replica's lease on `key` alive while it works on the message: renews it every
   * `renewEveryMs` (an `unref`ed timer). A renewal that finds the work taken over by another owner (or
   * done, or released) logs `work_lost` and ends the renewals; one that fails (store down) is logged
   * and retried at the next tick. Returns the function that stops renewing (idempotent; results of a
   * renewal still in flight are ignored after it).
   */
  keepAlive(key: string): () => void;
  /** Marks the work done. Never rejects: a failure only risks a takeover (logged). */
  complete(key: string, log: Logger): Promise<void>;
  /** True the first time this process notes `key` (bounded memory): one outage note per message. */
  firstNote(key: string): boolean;
}

/** Creates the engine's work claims. Old claims are pruned at most once an hour, in the background. */
export function createWorkClaims(deps: {
  store: Store;
  logger: Logger;
  now: () => Date;
  owner: string;
  leaseMs: number;
  /** Pause between two renewals of a lease; default a third of `leaseMs`. */
  renewEveryMs?: number;
}): WorkClaims {
  const { store, logger, now, owner, leaseMs } = deps;
  const renewEveryMs = deps.renewEveryMs ?? Math.max(1, Math.floor(leaseMs / 3));
  const noted = new Set<string>();
  let lastPrune = 0;
  return {
    async claim(msg) {
      const at = now();
      const eventKey = eventKeyOf(msg);
      if (eventKey && !(await store.claim(eventKey, at))) return false;
      const result = await store.claimWork(workKeyOf(msg), workPayload(msg, at), at, leaseMs, owner);
      if (result !== 'claimed') return false;
      if (at.getTime() - lastPrune > 3_600_000) {
        lastPrune = at.getTime();
        store.pruneClaims(new Date(at.getTime() - CLAIM_TTL_MS)).catch((err) => {
          logger.warn({ event: 'prune_failed', ...describeError(err) }, 'pruning old claims failed');
        });
      }
      return true;
    },
    keepAlive(key) {
      let stopped = false;
      let renewing = false;
      const stop = () => {
        stopped = true;
        clearInterval(timer);
      };
      const renew = async () => {
        // A renewal still waiting for a slow store is not doubled up.
        if (renewing || stopped) return;
        renewing = true;
        try {
          const kept = await store.renewWork(key, owner, now(), leaseMs);
          if (!kept && !stopped) {
            stop();
            logger.warn(
              { event: 'work_lost', key, owner },
              'lease not renewed: another replica took the message over (or it was released)',
            );
          }
        } catch (err) {
          if (!stopped) {
            logger.warn(
              { event: 'work_renew_failed', key, owner, ...describeError(err) },
              'lease renewal failed: trying again at the next interval',
            );
          }
        } finally {
          renewing = false;
        }
      };
      const timer = setInterval(() => void renew(), renewEveryMs);
      timer.unref();
      return stop;
    },
    async complete(key, log) {
      try {
        await store.completeWork(key, owner, now());
      } catch (err) {
        log.warn(
          { event_type: 'work_not_completed', ...describeError(err) },
          'reply delivered but not recorded as done: another replica may take the message over',
        );
      }
    },
    firstNote(key) {
      if (noted.has(key)) return false;
      if (noted.size >= 5_000) noted.clear();
      noted.add(key);
      return true;
    },
  };
}
