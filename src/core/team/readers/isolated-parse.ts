/**
 * Runs the PDF and DOCX parsers in a child process (`parse-child.mjs`) with a small heap and a time limit:
 * a file that makes a parser loop, allocate without end or crash costs that child only. Coach itself keeps
 * running and reports the file with the reason.
 */
import { fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CoachError } from '../../errors.ts';
import type { ParseAnswer, ParseRequest } from './parse-child.ts';

/**
 * The child's script: compiled JavaScript next to this module when Coach runs from `dist/`, else the
 * TypeScript source, run with the tsx loader (development, tests).
 */
const COMPILED = fileURLToPath(new URL('./parse-child.js', import.meta.url));
const CHILD = existsSync(COMPILED) ? COMPILED : fileURLToPath(new URL('./parse-child.ts', import.meta.url));
const LOADER = CHILD === COMPILED ? [] : ['--import', import.meta.resolve('tsx')];

/** Heap of the parsing process (MB): ample for real documents, small enough to stop a bomb early. */
const HEAP_MB = 384;

/** What the child read. */
export type ParsedFile = { title: string; pages: string[] } | { title: string; html: string };

/** Options of {@link parseIsolated}. */
export interface IsolatedParseOptions {
  maxPages: number;
  /** Longest a parse may take; default 60 s. */
  timeoutMs?: number;
}

/** Parses a PDF or DOCX in a child process. Throws `input_invalid` with the reason it could not be read. */
export function parseIsolated(
  kind: 'pdf' | 'docx',
  data: Buffer,
  opts: IsolatedParseOptions,
): Promise<ParsedFile> {
  return new Promise((resolve, reject) => {
    const child = fork(CHILD, [], {
      execArgv: [...LOADER, `--max-old-space-size=${HEAP_MB}`],
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    let stderr = '';
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
    };
    const fail = (reason: string) => finish(() => reject(new CoachError('input_invalid', reason)));
    const timeoutMs = opts.timeoutMs ?? 60_000;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(`refused: parsing took longer than ${Math.round(timeoutMs / 1000)} s`);
    }, timeoutMs);
    child.stderr?.on('data', (d: Buffer) => {
      stderr = (stderr + d.toString('utf8')).slice(-2_000);
    });
    child.on('message', (answer: ParseAnswer) => {
      if (!answer.ok) return fail(answer.reason);
      finish(() => resolve(answer));
    });
    child.on('error', (err) => fail(`the parser could not start: ${err.message}`));
    child.on('exit', (code, signal) => {
      if (settled) return;
      const oom = /heap out of memory|allocation failed/i.test(stderr);
      fail(
        oom
          ? 'refused: parsing it needed more memory than allowed (a huge or malformed file?)'
          : `the parser stopped (${signal ?? `exit code ${code}`}) on this file`,
      );
    });
    child.send({ kind, data, maxPages: opts.maxPages } satisfies ParseRequest);
  });
}
