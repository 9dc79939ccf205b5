import { type ParseArgsConfig, parseArgs } from 'node:util';

/** A CLI usage error: printed as one line plus usage on stderr, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Parses flags strictly: an unknown flag is a UsageError, not a silent ignore. */
export function parseFlags(
  argv: string[],
  options: NonNullable<ParseArgsConfig['options']>,
): { values: Record<string, string | boolean | undefined>; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
    return { values: values as Record<string, string | boolean | undefined>, positionals };
  } catch (err) {
    throw new UsageError((err as Error).message.split('\n')[0] ?? 'bad arguments');
  }
}

/** Reads all of stdin as text (empty when stdin is a terminal). */
export async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) return '';
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Reads stdin line by line as it arrives, so batch mode answers each line before the next comes. */
export async function* stdinLines(): AsyncIterable<string> {
  const { createInterface } = await import('node:readline');
  const rl = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of rl) yield line;
}

/** `--chat <platform>:<chat id>`: answer as that chat would be answered (its own team documents too). */
export const CHAT_FLAG = { chat: { type: 'string' } } as const;

/** The value of `--chat`, checked; '' when absent (team-wide documents only). */
export function chatOf(value: string | boolean | undefined): string {
  if (value === undefined) return '';
  if (typeof value !== 'string' || !/^[a-z]+:[A-Za-z0-9_.:@-]{1,128}$/.test(value)) {
    throw new UsageError('--chat takes <platform>:<chat id>, e.g. slack:C0123ABCD or feishu:oc_1a2b3c');
  }
  return value;
}
