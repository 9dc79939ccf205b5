import type { CoachServices } from '../app.ts';
import { CoachError, describeError } from '../core/errors.ts';
import { reviewReply } from '../core/reply/replies.ts';
import { looksLikeQuestion } from '../core/review/input.ts';
import type { ReviewResult } from '../core/review/types.ts';
import { CHAT_FLAG, chatOf, parseFlags, stdinLines, UsageError } from './args.ts';
import type { Io } from './context.ts';

export const REVIEW_USAGE =
  'usage: coach review "<draft>" [--json] [--offline] [--chat <platform>:<chat id>] | coach review --jsonl [--offline] < drafts.jsonl';

/** The review as the CLI prints it with --json (a contract scripts rely on). */
function contract(r: ReviewResult) {
  const { overall, scores, findings, suggestions, rewrite, mode, lang, notes } = r;
  return { overall, scores, findings, suggestions, rewrite, mode, lang, notes };
}

/** `coach review`: scores copy against the principles; `--jsonl` reviews a batch from stdin. */
export async function reviewCommand(
  argv: string[],
  services: (o: { offline?: boolean }) => Promise<CoachServices>,
  io: Io,
): Promise<number> {
  const { values, positionals } = parseFlags(argv, {
    json: { type: 'boolean' },
    jsonl: { type: 'boolean' },
    offline: { type: 'boolean' },
    ...CHAT_FLAG,
  });
  const chat = chatOf(values.chat);
  const s = await services({ offline: Boolean(values.offline) });
  if (values.jsonl) {
    if (positionals.length > 0)
      throw new UsageError('--jsonl reads drafts from stdin; pass no draft argument');
    for await (const line of stdinLines()) {
      if (!line.trim()) continue;
      io.out(`${JSON.stringify(await reviewLine(s, line, chat))}\n`);
    }
    return 0;
  }
  const draft = positionals.join(' ');
  if (!draft.trim())
    throw new CoachError('input_empty', 'no copy given: pass the tagline, USP/UVP or claim to review');
  if (looksLikeQuestion(draft)) {
    throw new CoachError(
      'input_invalid',
      'that looks like a question, not copy to review: try `coach ask "<question>"`',
    );
  }
  const result = await s.reviewer.review(draft, { chat });
  if (values.json) io.out(`${JSON.stringify(contract(result))}\n`);
  else io.out(`${formatReview(result, draft)}\n`);
  return 0;
}

async function reviewLine(s: CoachServices, line: string, chat: string): Promise<Record<string, unknown>> {
  let id: unknown = null;
  try {
    const parsed: unknown = JSON.parse(line);
    if (typeof parsed !== 'object' || parsed === null)
      return { id, error: 'each line must be a JSON object {"id","draft"}' };
    const item = parsed as { id?: unknown; draft?: unknown };
    id = item.id ?? null;
    if (typeof item.draft !== 'string' || !item.draft.trim())
      return { id, error: 'missing or empty "draft"' };
    return { id, ...contract(await s.reviewer.review(item.draft, { chat })) };
  } catch (err) {
    if (err instanceof SyntaxError) return { id, error: `not valid JSON: ${err.message}` };
    s.logger.warn({ event: 'review_line_failed', ...describeError(err) }, 'review of a batch line failed');
    return { id, error: describeError(err).message };
  }
}

/** A review as terminal text: the same sections the chat shows, Markdown stripped of bold. */
export function formatReview(r: ReviewResult, draft: string): string {
  const reply = reviewReply(r, 'cli', draft);
  const head =
    r.mode === 'offline' ? (r.lang === 'zh' ? '（离线规则点评）' : '(offline rule-based review)') : '';
  return [head, ...r.notes.map((n) => `(${n})`), ...reply.sections.map((x) => x.replace(/\*\*/g, ''))]
    .filter(Boolean)
    .join('\n\n');
}
