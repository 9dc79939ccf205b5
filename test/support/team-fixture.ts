/** Shared set-up of the team-knowledge tests: small limits, and the service over a store. */
import type { Logger } from '../../src/core/logger.ts';
import { silentLogger } from '../../src/core/logger.ts';
import type { Store } from '../../src/core/store/types.ts';
import {
  createTeamKnowledge,
  type TeamKnowledge,
  type TeamKnowledgeDeps,
} from '../../src/core/team/team-knowledge.ts';
import type { DocumentProvider, TeamLimits } from '../../src/core/team/types.ts';

/** Limits small enough for tests to reach, large enough for their documents. */
export const TEST_LIMITS: TeamLimits = {
  fileBytes: 2_000_000,
  sourceBytes: 20_000_000,
  pdfPages: 50,
  passages: 1_000,
  documents: 1_000,
};

/** The team's knowledge over `store` with these providers (owner `A` unless told). */
export function teamOn(
  store: Store,
  providers: DocumentProvider[],
  opts: { logger?: Logger; owner?: string } & Partial<Pick<TeamKnowledgeDeps, 'limits' | 'onChange'>> = {},
): TeamKnowledge {
  return createTeamKnowledge({
    store: store.team,
    providers,
    limits: opts.limits ?? TEST_LIMITS,
    logger: opts.logger ?? silentLogger(),
    owner: opts.owner ?? 'A',
    ...(opts.onChange ? { onChange: opts.onChange } : {}),
  });
}

/** A provider that records the keys of the documents it reads. */
export function counting(inner: DocumentProvider): DocumentProvider & { reads: string[] } {
  const reads: string[] = [];
  const read: DocumentProvider['read'] = (source, doc, ctx) => {
    reads.push(doc.key);
    return inner.read(source, doc, ctx);
  };
  return { ...inner, reads, read };
}
