import type { CoachServices } from '../app.ts';
import type { Io } from './context.ts';

export const REVIEW_USAGE = 'usage: coach review "<draft>" [--json] [--offline] | coach review --jsonl < drafts.jsonl';
/** Placeholder until the review issue lands. */
export async function reviewCommand(_argv: string[], _s: (o: { offline?: boolean }) => CoachServices, _io: Io): Promise<number> {
  return 2;
}
