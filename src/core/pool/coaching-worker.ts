/**
 * A thread of the coaching pool (`coaching-pool.ts`): it loads the knowledge, builds its index once and
 * connects to the same store as the service (read-only use: the team's passages), then answers and
 * reviews offline. It is a replica of retrieval, kept in step with the database's revision counter like
 * any other replica, so no passage lives only in one thread.
 *
 * The thread's script is `coaching-worker-sqlite.ts` or `coaching-worker-postgres.ts`: each imports its
 * own store (statically: a thread started with the tsx loader cannot import TypeScript dynamically), so
 * that a SQLite service's threads do not load the PostgreSQL client and migrator.
 */
import { workerData } from 'node:worker_threads';
import { latestOf, topicOf } from '../answer/llm-answer.ts';
import { answerOffline } from '../answer/offline.ts';
import { cleanedOrRaw } from '../answer/question.ts';
import type { Answer } from '../answer/types.ts';
import { describeError, isCoachError } from '../errors.ts';
import { loadKnowledge } from '../knowledge/load.ts';
import { createLogger, type Logger } from '../logger.ts';
import { createRetriever, type Retriever } from '../retrieval/retriever.ts';
import { createTeamIndex } from '../retrieval/team-index.ts';
import { reviewOffline } from '../review/offline-critic.ts';
import { findTeamProof, withTeamProof } from '../review/team-proof.ts';
import type { ReviewResult } from '../review/types.ts';
import type { Store } from '../store/types.ts';
import type { PoolSettings, PoolTask, PoolTaskResult } from './types.ts';

const settings = workerData as PoolSettings;
const logger = createLogger(settings.logLevel);

/** Opens the service's store in this thread. */
export type StoreOpener = (store: NonNullable<PoolSettings['store']>, logger: Logger) => Promise<Store>;

/** Built on the first task (the pool starts its threads at once, so that is start-up, not a reply). */
let ready: Promise<Retriever> | undefined;
let openStore: StoreOpener | undefined;

async function setUp(): Promise<Retriever> {
  const kb = loadKnowledge(settings.knowledgeDir);
  const index = createTeamIndex();
  if (settings.store && openStore) index.connect((await openStore(settings.store, logger)).team);
  return createRetriever(
    kb,
    {},
    {
      index,
      onError: (err) =>
        logger.warn(
          { event: 'team_index_unavailable', reason: (err as Error).message, thread: 'pool' },
          'team passages not refreshed',
        ),
    },
  );
}

/** The thread's task function, with the store it opens (the entry scripts' default export). */
export function coachingTask(opener: StoreOpener): (task: PoolTask) => Promise<PoolTaskResult> {
  openStore = opener;
  return run;
}

/** Runs one task. Errors come back as data: a thread boundary keeps an error's message but not its code. */
async function run(task: PoolTask): Promise<PoolTaskResult> {
  try {
    // A failed set-up (the store briefly unavailable) is tried again by the next task.
    ready ??= setUp().catch((err: unknown) => {
      ready = undefined;
      throw err;
    });
    const retriever = await ready;
    if (task.op === 'warm') {
      await retriever.prepare('warm up'); // loads the team's passages
      return { ok: true, value: null };
    }
    if (task.op === 'answer') {
      await retriever.prepare(cleanedOrRaw(task.question), { chat: task.chat });
      const answer: Answer = answerOffline(retriever, task.question, {
        topic: topicOf(task.history),
        latest: latestOf(task.history),
        chat: task.chat,
      });
      return { ok: true, value: answer };
    }
    const result: ReviewResult = reviewOffline(task.draft);
    if (!task.draft.trim()) return { ok: true, value: result };
    await retriever.prepare(task.draft, { chat: task.chat });
    return { ok: true, value: withTeamProof(result, findTeamProof(retriever, task.draft, task.chat)) };
  } catch (err) {
    const { code, message } = describeError(err);
    return {
      ok: false,
      error: { code, message, coach: isCoachError(err), details: isCoachError(err) ? err.details : {} },
    };
  }
}
