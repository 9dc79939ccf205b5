/**
 * The compiled service as the benchmarks run it: `node dist/main.js` with the Dockerfile's flags, its
 * port read from the "service_started" log line, and the resident memory of its process tree.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** Node's flags for the service, as the Dockerfile and `npm start` pass them. */
export const SERVICE_FLAGS = ['--max-semi-space-size=4', '--heap-growing-percent=50'];

/** Starts `node dist/main.js` (as the Dockerfile does) with `env`; resolves once it listens. */
export function startService(env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [...SERVICE_FLAGS, 'dist/main.js'], {
    env: { MALLOC_ARENA_MAX: '2', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let buffer = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      const m =
        /"event":"service_started"[^\n]*"port":(\d+)/.exec(buffer) ??
        /"port":(\d+)[^\n]*"event":"service_started"/.exec(buffer);
      if (m) resolve({ child, url: `http://127.0.0.1:${m[1]}` });
      if (buffer.length > 100_000) buffer = buffer.slice(-10_000);
    });
    child.once('exit', (code) => reject(new Error(`service exited (${code}) before starting`)));
  });
}

/** Resident memory of a process and its children (MB), from /proc. */
export function treeRss(pid: number): number {
  const kb = (p: number) => {
    try {
      return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, 'utf8'))?.[1] ?? 0);
    } catch {
      return 0;
    }
  };
  let total = kb(pid);
  try {
    for (const task of readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
      .split(/\s+/)
      .filter(Boolean)) {
      total += treeRss(Number(task)) * 1024;
    }
  } catch {
    // no children file: the process is gone
  }
  return total / 1024;
}
