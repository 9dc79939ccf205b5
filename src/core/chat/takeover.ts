/**
 * Takeover of work a dead replica left behind. Every few seconds the sweeper asks the store for
 * claimed messages whose lease ran out, claims each again (`claimWork`: only one replica wins) and
 * hands the message to its platform's adapter, which answers it with `engine.resume` and makes sure
 * the reply is not posted twice (Feishu: the same send `uuid`; Slack: a marked reply in the thread).
 */
import { describeError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import type { Platform, Store } from '../store/types.ts';
import type { IncomingMessage } from './types.ts';
import { parseWorkPayload } from './work.ts';

/**
 * Work older than this (since its first claim) is given up rather than taken over: the user has long
 * moved on, and Feishu forgets a send `uuid` after an hour, so a late takeover could post twice.
 */
export const MAX_TAKEOVER_AGE_MS = 30 * 60_000;

/** Hands a taken-over message to an adapter; it queues the work and returns at once. */
export type Resumer = (msg: IncomingMessage) => void;

/** Dependencies of the sweeper. */
export interface TakeoverSweeperDeps {
  store: Store;
  logger: Logger;
  /** This replica's owner id (the engine's). */
  owner: string;
  /** Lease of a taken-over message (`COACH_CLAIM_LEASE_MS`). */
  leaseMs: number;
  /** Pause between sweeps (`COACH_SWEEP_MS`). */
  intervalMs: number;
  /** One resumer per platform this process runs; other platforms' work is left to replicas running them. */
  resumers: Partial<Record<Platform, Resumer>>;
  now?: () => Date;
  /** Expired leases looked at per sweep; default 20. */
  batch?: number;
  /** Default `MAX_TAKEOVER_AGE_MS`. */
  maxAgeMs?: number;
  /**
   * Whether this process is still working on the message (`engine.holds`): such a lease of our own is
   * left alone. Our own expired lease that nothing here holds (a reply given up after an outage, work
   * refused while a restart was under way) is taken over like any other. Without it, every lease of
   * our own is left alone.
   */
  holds?: (key: string) => boolean;
}

/** The sweeper. */
export interface TakeoverSweeper {
  /** One sweep; resolves with how many messages it took over. Never rejects. */
  sweep(): Promise<number>;
  /** Sweeps every `intervalMs` until `stop`. */
  start(): void;
  /** Stops sweeping and waits for a sweep in progress. */
  stop(): Promise<void>;
}

/** Creates the sweeper. */
export function createTakeoverSweeper(deps: TakeoverSweeperDeps): TakeoverSweeper {
  const { store, owner, leaseMs, resumers } = deps;
  const logger = deps.logger.child({ component: 'takeover' });
  const now = deps.now ?? (() => new Date());
  const { intervalMs } = deps;
  const batch = deps.batch ?? 20;
  const maxAgeMs = deps.maxAgeMs ?? MAX_TAKEOVER_AGE_MS;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;
  let stopped = true;
  let failing = false;

  async function sweepOnce(): Promise<number> {
    const at = now();
    const expired = await store.expiredWork(at, batch);
    let taken = 0;
    for (const item of expired) {
      // Our own expired lease may be a slow answer still running here, not a dead replica's.
      if (item.owner === owner && (!deps.holds || deps.holds(item.key))) continue;
      const parsed = parseWorkPayload(item.payload);
      const resume = parsed ? resumers[parsed.message.platform] : undefined;
      if (parsed && !resume) continue;
      if ((await store.claimWork(item.key, item.payload, at, leaseMs, owner)) !== 'claimed') continue;
      if (!parsed || !resume || at.getTime() - parsed.claimedAt.getTime() > maxAgeMs) {
        logger.warn(
          {
            event: 'work_abandoned',
            key: item.key,
            from: item.owner,
            reason: parsed ? 'too_old' : 'bad_payload',
          },
          'expired work given up instead of taken over',
        );
        await store.completeWork(item.key, owner, at);
        continue;
      }
      logger.info(
        { event: 'work_taken_over', key: item.key, from: item.owner, platform: parsed.message.platform },
        'taking over a message another replica left unanswered',
      );
      resume(parsed.message);
      taken += 1;
    }
    return taken;
  }

  async function sweep(): Promise<number> {
    try {
      const taken = await sweepOnce();
      if (failing) logger.info({ event: 'takeover_sweep_recovered' }, 'takeover sweeps work again');
      failing = false;
      return taken;
    } catch (err) {
      // One line per outage: the store logs its own failures, and /healthz reports it.
      if (!failing) logger.warn({ event: 'takeover_sweep_failed', ...describeError(err) }, 'sweep failed');
      failing = true;
      return 0;
    }
  }

  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = sweep();
      void running.finally(() => {
        running = undefined;
        schedule();
      });
    }, intervalMs);
    timer.unref();
  };

  return {
    sweep,
    start() {
      if (!stopped) return;
      stopped = false;
      schedule();
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
