/** Messages between the service and the threads of the coaching pool (plain data: they are cloned). */
import type { HistoryTurn } from '../answer/types.ts';

/** What a thread needs to build its own copy of the retrieval. */
export interface PoolSettings {
  knowledgeDir: string;
  /** The service's store, for the team's passages; absent: curated knowledge only. */
  store?: { dbPath: string; databaseUrl?: string };
  logLevel: string;
}

/** One piece of coaching work. */
export type PoolTask =
  | { op: 'warm' }
  | { op: 'answer'; question: string; history: HistoryTurn[]; chat: string }
  | { op: 'review'; draft: string; chat: string };

/** What a thread sends back: a value, or the error it met (with the code of a `CoachError`). */
export type PoolTaskResult =
  | { ok: true; value: unknown }
  | {
      ok: false;
      error: { code: string; message: string; coach: boolean; details: Record<string, unknown> };
    };
