/**
 * The coaching pool: worker threads (piscina) that answer and review offline, so that the event loop of
 * the service only verifies, acknowledges, claims and posts. Segmentation, retrieval over the curated
 * entries and the team's passages, and the rule-based critic run there, each thread with its own index
 * built when it starts (a replica of retrieval, in step with the store like any other replica). Threads
 * start on demand and end after {@link THREAD_IDLE_MS} without work: an idle service is one thread.
 *
 * Nothing is dropped: the queue has no bound (each user has at most `COACH_USER_QUEUE` messages in
 * flight, so one user cannot fill it), and a task the pool cannot run (a thread that died, the pool
 * closed) is done in the calling thread instead, with a warn log line `pool_task_failed`.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { Answer, HistoryTurn } from '../answer/types.ts';
import { createTurnQueue } from '../async.ts';
import { CoachError, type CoachErrorCode, describeError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import type { ReviewResult } from '../review/types.ts';
import type { PoolSettings, PoolTask, PoolTaskResult } from './types.ts';

/** The offline coaching, run in the pool or (the fallback) in the calling thread. */
export interface OfflineCoaching {
  answer(question: string, opts: { history: HistoryTurn[]; chat: string }): Promise<Answer>;
  review(draft: string, opts: { chat: string }): Promise<ReviewResult>;
}

/** The pool, as the answerer and the reviewer use it. */
export interface CoachingPool extends OfflineCoaching {
  readonly threads: number;
  /** Threads running now, tasks waiting for a thread, tasks done, and tasks done in the calling thread instead. */
  stats(): { running: number; queued: number; completed: number; fallbacks: number };
  /** Starts the threads and resolves once each has built its index (tests and benchmarks). */
  warm(): Promise<void>;
  /** Ends the threads (after the service drained its work). */
  close(): Promise<void>;
}

/**
 * How many threads for `COACH_WORKERS=auto`: one per core beyond the one the event loop uses, at least
 * one, at most four (the index is copied per thread: more threads cost memory, not speed, for chat).
 */
export function autoThreads(cores = availableParallelism()): number {
  return Math.max(1, Math.min(4, cores - 1));
}

/** Running from `dist/` (compiled JavaScript) or from the TypeScript with tsx. */
const COMPILED = existsSync(fileURLToPath(new URL('./coaching-worker.js', import.meta.url)));
const LOADER = COMPILED ? [] : ['--import', import.meta.resolve('tsx')];

/** The thread's script for the service's store: a SQLite service's threads never load the PostgreSQL client. */
function workerScript(settings: PoolSettings): string {
  const name = `coaching-worker-${settings.store?.databaseUrl ? 'postgres' : 'sqlite'}`;
  return fileURLToPath(new URL(`./${name}.${COMPILED ? 'js' : 'ts'}`, import.meta.url));
}

/** Longest a task may take in a thread before it is done in the main thread instead. */
const TASK_TIMEOUT_MS = 30_000;

/** A thread with no task for this long ends (and its memory with it); the next task starts one again. */
export const THREAD_IDLE_MS = 5 * 60_000;

/** How much lower the coaching threads' priority is than the event loop's (nice, 0–19). */
const NICE = 10;

/** Creates the pool; `local` does a task in the calling thread when the pool cannot. */
export function createCoachingPool(opts: {
  threads: number;
  settings: PoolSettings;
  local: OfflineCoaching;
  logger: Logger;
  /** A thread's quiet spell before it ends (default {@link THREAD_IDLE_MS}). */
  idleMs?: number;
}): CoachingPool {
  const { threads, local, logger } = opts;
  const piscina = new Piscina({
    filename: workerScript(opts.settings),
    // Threads start with the first task and end after a quiet spell: an idle service holds no second
    // copy of the index and the segmenter's dictionary.
    minThreads: 0,
    maxThreads: threads,
    idleTimeout: opts.idleMs ?? THREAD_IDLE_MS,
    workerData: opts.settings,
    execArgv: LOADER,
    // Lower OS priority for the coaching threads (Linux, through @napi-rs/nice): where cores are few, the
    // event loop's acknowledgements get the CPU first and coaching takes what is left.
    niceIncrement: NICE,
    // Idle threads keep running their event loop (the default parks them in Atomics.wait), so their
    // store connections see timeouts and errors while no question comes.
    atomics: 'disabled',
  });
  let fallbacks = 0;
  /** Set when the pool cannot run tasks any more: its threads failed to start, or it was closed. */
  let closed = false;
  /** Set by `close()`: the service is stopping and hands unfinished work to other replicas. */
  let stopping = false;
  // Results of a burst come back together; their replies (store writes, rendering, sending) are let in
  // one per event-loop turn, so that acknowledgements arriving meanwhile are not queued behind them all.
  const inTurn = createTurnQueue();
  const nextTurn = () => new Promise<void>((resolve) => inTurn(resolve));
  piscina.on('error', (err: unknown) => {
    logger.error({ event: 'pool_error', ...describeError(err) }, 'coaching pool error');
    // Threads that fail while starting are not replaced, and tasks given to such a pool never settle:
    // stop using it, so that waiting and later tasks are done in the main thread.
    if (!closed && piscina.threads.length === 0) {
      closed = true;
      logger.error({ event: 'pool_unavailable' }, 'coaching pool has no thread: coaching in the main thread');
      void piscina.destroy().catch(() => undefined);
    }
  });

  async function run<T>(task: PoolTask, inThread: () => Promise<T>): Promise<T> {
    let failure: { code: string; message: string };
    try {
      if (closed) throw new Error('the pool is closed');
      // A thread that stops answering (stuck, or lost without an error) costs a task this long at most.
      const result = (await piscina.run(task, {
        signal: AbortSignal.timeout(TASK_TIMEOUT_MS),
      })) as PoolTaskResult;
      await nextTurn();
      if (result.ok) return result.value as T;
      const { error } = result;
      // The user's input (empty, too long, unreadable) is the answer; anything else is the thread's problem.
      if (error.coach && error.code.startsWith('input_')) {
        throw new CoachError(error.code as CoachErrorCode, error.message, { details: error.details });
      }
      failure = error;
    } catch (err) {
      if (err instanceof CoachError) throw err;
      // Stopping: the unfinished work was handed to another replica; this process does not answer it.
      if (stopping) throw new Error('the coaching pool stopped with the service');
      failure = describeError(err);
    }
    fallbacks += 1;
    logger.warn(
      { event: 'pool_task_failed', op: task.op, ...failure },
      'coaching pool failed a task: done in the main thread instead',
    );
    return inThread();
  }

  return {
    threads,
    answer: (question, o) =>
      run({ op: 'answer', question, history: o.history, chat: o.chat }, () => local.answer(question, o)),
    review: (draft, o) => run({ op: 'review', draft, chat: o.chat }, () => local.review(draft, o)),
    stats: () => ({
      running: piscina.threads.length,
      queued: piscina.queueSize,
      completed: piscina.completed,
      fallbacks,
    }),
    async warm() {
      await Promise.all(
        Array.from({ length: threads }, () => piscina.run({ op: 'warm' } satisfies PoolTask)),
      );
    },
    async close() {
      closed = true;
      stopping = true;
      await piscina.destroy();
    },
  };
}
