import type { Config } from './config.ts';
import { type Answerer, createAnswerer } from './core/answer/answerer.ts';
import type { HistoryTurn } from './core/answer/types.ts';
import { createAdmins } from './core/chat/admins.ts';
import { type ChatEngine, createChatEngine } from './core/chat/engine.ts';
import type { InsightsRecorder } from './core/insights/recorder.ts';
import { loadKnowledge } from './core/knowledge/load.ts';
import type { KnowledgeBase } from './core/knowledge/types.ts';
import type { Logger } from './core/logger.ts';
import { autoThreads, type CoachingPool, createCoachingPool } from './core/pool/coaching-pool.ts';
import { createRetriever, lazyRetriever, type Retriever } from './core/retrieval/retriever.ts';
import { createSemanticSearch } from './core/retrieval/semantic.ts';
import { createTeamIndex, type TeamIndex } from './core/retrieval/team-index.ts';
import { createReviewer } from './core/review/reviewer.ts';
import type { Reviewer } from './core/review/types.ts';
import type { Store } from './core/store/types.ts';
import type { TeamKnowledge } from './core/team/team-knowledge.ts';
import { type GuardedClient, withBreaker } from './llm/breaker.ts';
import { createConfiguredLlmClient } from './llm/client.ts';
import { createEmbeddingsClient } from './llm/embeddings.ts';

/** The platform-neutral services every entry point (CLI, terminal chat, chat platforms) shares. */
export interface CoachServices {
  config: Config;
  logger: Logger;
  kb: KnowledgeBase;
  retriever: Retriever;
  /** The model behind its circuit breaker (undefined offline). */
  llm?: GuardedClient;
  answerer: Answerer;
  reviewer: Reviewer;
  /** The team's passages in memory, kept in step with the store it was given (empty without one). */
  teamIndex: TeamIndex;
  /** Run after a sync changed the team's passages (computes missing embeddings, when configured). */
  afterTeamChange?: () => Promise<void>;
  /** The threads that answer and review offline (the service only; see {@link createServices}). */
  pool?: CoachingPool;
}

/**
 * Wires config → knowledge → retrieval → (optional) LLM → answerer and reviewer. Loading the knowledge fails
 * loudly (`knowledge_invalid`) rather than starting a coach with broken entries.
 */
export function createServices(
  config: Config,
  logger: Logger,
  opts: {
    offline?: boolean;
    store?: Store;
    /**
     * Answer and review offline in `COACH_WORKERS` threads (the service). Not with an in-memory
     * database (threads cannot share it) or embeddings (their ranks are found per question in this thread).
     */
    pool?: boolean;
  } = {},
): CoachServices {
  const kb = loadKnowledge(config.knowledgeDir);
  const teamIndex = createTeamIndex();
  if (opts.store) teamIndex.connect(opts.store.team);
  const emb = config.team.embeddings;
  const semantic =
    emb && opts.store && !opts.offline
      ? createSemanticSearch({
          store: opts.store.team,
          index: teamIndex,
          embeddings: createEmbeddingsClient({ ...emb, logger }),
          logger,
        })
      : undefined;
  // Built on the first question: with the coaching pool, or before any question, the main thread holds
  // no index and no segmenter dictionary (the threads hold their own).
  const retriever = lazyRetriever(
    kb,
    () =>
      createRetriever(
        kb,
        {},
        {
          index: teamIndex,
          ...(semantic ? { semantic } : {}),
          onError: (err) =>
            logger.warn(
              { event: 'team_index_unavailable', reason: (err as Error).message },
              'team passages not refreshed',
            ),
        },
      ),
    (ms) => logger.info({ event: 'retriever_built', ms: Math.round(ms) }, 'knowledge index built'),
  );
  const llm =
    config.llm && !opts.offline
      ? withBreaker(createConfiguredLlmClient(config.llm, logger), {
          failures: config.llm.breakerFailures,
          cooldownMs: config.llm.breakerCooldownMs,
          logger,
        })
      : undefined;
  if (opts.pool && semantic) {
    logger.info(
      { event: 'pool_off', reason: 'embeddings' },
      'coaching in the main thread: semantic ranks are found per question there',
    );
  }
  // Offline coaching in this thread: the pool's fallback, and, with a model, the answers the breaker
  // sends offline once this thread holds the index for the model's sources (a thread would load a
  // second copy of the index and the segmenter's dictionary for an outage).
  const local = {
    answerer: createAnswerer({ retriever, logger }),
    reviewer: createReviewer({ retriever, logger }),
  };
  const pool = opts.pool && !semantic ? startPool(config, logger, local) : undefined;
  const inPool = () => !(llm && retriever.built());
  const answerer = createAnswerer({
    retriever,
    llm,
    logger,
    ...(config.llm?.rerankTimeoutMs === undefined ? {} : { rerankTimeoutMs: config.llm.rerankTimeoutMs }),
    ...(pool
      ? {
          offline: (question: string, o: { history: HistoryTurn[]; chat: string }) =>
            inPool() ? pool.answer(question, o) : local.answerer.answer(question, o),
        }
      : {}),
  });
  const reviewer = createReviewer({
    llm,
    retriever,
    logger,
    ...(pool
      ? {
          offline: (draft: string, o: { chat: string }) =>
            inPool() ? pool.review(draft, o) : local.reviewer.review(draft, o),
        }
      : {}),
  });
  const afterTeamChange = semantic
    ? async () => {
        await teamIndex.refresh(true);
        await semantic.indexVectors();
      }
    : undefined;
  return {
    config,
    logger,
    kb,
    retriever,
    llm,
    answerer,
    reviewer,
    teamIndex,
    ...(afterTeamChange ? { afterTeamChange } : {}),
    ...(pool ? { pool } : {}),
  };
}

/** The coaching threads, with this thread's own answerer and reviewer as their fallback; none for 0. */
function startPool(
  config: Config,
  logger: Logger,
  local: { answerer: Answerer; reviewer: Reviewer },
): CoachingPool | undefined {
  const threads = config.workers === 'auto' ? autoThreads() : config.workers;
  const memory = !config.databaseUrl && config.dbPath === ':memory:';
  if (threads === 0 || memory) {
    if (memory && threads > 0) {
      logger.info(
        { event: 'pool_off', reason: 'memory database' },
        'coaching in the main thread: threads cannot share an in-memory database',
      );
    }
    return undefined;
  }
  const { answerer, reviewer } = local;
  const pool = createCoachingPool({
    threads,
    logger,
    settings: {
      knowledgeDir: config.knowledgeDir,
      store: { dbPath: config.dbPath, ...(config.databaseUrl ? { databaseUrl: config.databaseUrl } : {}) },
      // The threads log only what goes wrong (their store opening is the service's own, logged once).
      logLevel: ['error', 'fatal', 'silent'].includes(config.logLevel) ? config.logLevel : 'warn',
    },
    local: {
      answer: (question, o) => answerer.answer(question, o),
      review: (draft, o) => reviewer.review(draft, o),
    },
  });
  logger.info(
    { event: 'pool_started', threads },
    `coaching in up to ${threads} thread(s), started on the first question`,
  );
  return pool;
}

/**
 * The chat engine over these services and a store, with the settings from config. `owner` names this
 * replica in work leases; `now` is the clock (tests pass a fake one).
 */
export function createEngine(
  services: CoachServices,
  store: Store,
  opts: { owner?: string; now?: () => Date; insights?: InsightsRecorder; team?: TeamKnowledge } = {},
): ChatEngine {
  const { config } = services;
  return createChatEngine({
    answerer: services.answerer,
    reviewer: services.reviewer,
    kb: services.kb,
    store,
    logger: services.logger,
    defaultTimezone: config.timezone,
    maxConcurrentLlm: config.maxConcurrentLlm,
    claimLeaseMs: config.claimLeaseMs,
    limits: config.limits,
    dailyTokenBudget: config.dailyTokenBudget,
    admins: createAdmins(config.admins),
    ...(opts.owner === undefined ? {} : { owner: opts.owner }),
    ...(opts.now === undefined ? {} : { now: opts.now }),
    ...(opts.insights === undefined ? {} : { insights: opts.insights }),
    ...(opts.team === undefined ? {} : { team: opts.team }),
  });
}
