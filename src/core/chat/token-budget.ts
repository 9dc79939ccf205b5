/**
 * The optional daily budget of model tokens per workspace (`COACH_DAILY_TOKEN_BUDGET`). Counts live in
 * the store, so every replica sees one total; a day is the local date in `COACH_TIMEZONE`. When a
 * workspace has spent its budget, Coach answers from the knowledge (offline) with a note until midnight.
 */

import { describeError } from '../errors.ts';
import type { TokenUsage } from '../llm-port.ts';
import type { Logger } from '../logger.ts';
import type { Store } from '../store/types.ts';
import { localTime } from '../tips/local-time.ts';

/** The budget as the commands use it. */
export interface TokenBudget {
  /** False when the workspace has spent today's budget (a store that cannot tell allows: logged). */
  allows(workspace: string): Promise<boolean>;
  /** Adds what a call used to the workspace's day; never rejects (a failure is logged). */
  record(workspace: string, usage: TokenUsage | undefined): Promise<void>;
  /** The daily budget (0: none) and the zone its days are counted in. */
  readonly daily: number;
  readonly timezone: string;
}

/** Creates the budget. `daily` 0 turns it off (nothing is read or counted). */
export function createTokenBudget(deps: {
  store: Store;
  logger: Logger;
  daily: number;
  timezone: string;
  now: () => Date;
}): TokenBudget {
  const { store, logger, daily, timezone, now } = deps;
  const today = () => localTime(now(), timezone).date;
  return {
    daily,
    timezone,
    async allows(workspace) {
      if (daily <= 0) return true;
      try {
        return (await store.tokensUsed(workspace, today())) < daily;
      } catch (err) {
        logger.warn({ event_type: 'budget_unknown', ...describeError(err) }, 'token budget not read');
        return true;
      }
    },
    async record(workspace, usage) {
      if (daily <= 0 || !usage) return;
      const tokens = usage.input + usage.output;
      if (tokens <= 0) return;
      try {
        const total = await store.addTokens(workspace, today(), tokens);
        if (total >= daily && total - tokens < daily) {
          logger.warn(
            { event_type: 'budget_spent', workspace, daily },
            "workspace spent today's token budget",
          );
        }
      } catch (err) {
        logger.warn({ event_type: 'budget_not_recorded', ...describeError(err) }, 'token usage not recorded');
      }
    },
  };
}
