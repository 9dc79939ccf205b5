import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { adminCommand } from '../src/cli/admin.ts';

const saved = { ...process.env };
const dirs: string[] = [];
afterEach(() => {
  process.env = { ...saved };
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function useEnv(vars: Record<string, string>): void {
  const dir = mkdtempSync(join(tmpdir(), 'coach-cli-admin-'));
  dirs.push(dir);
  process.env = {
    PATH: saved.PATH ?? '',
    COACH_DB_PATH: join(dir, 'coach.db'),
    LOG_LEVEL: 'silent',
    ...vars,
  };
}

describe('coach admin', () => {
  it('serves the admin page and /healthz alone, until told to stop', async () => {
    useEnv({ COACH_ADMIN_TOKEN: 'cli-admin-token-0123456789' });
    let out = '';
    let stop = () => {};
    const stopped = new Promise<void>((resolve) => {
      stop = resolve;
    });
    const running = adminCommand(
      ['--port', '0', '--host', '127.0.0.1'],
      { out: (t) => (out += t), err: () => {} },
      stopped,
    );
    for (let i = 0; i < 200 && !out; i += 1) await new Promise((r) => setTimeout(r, 10));
    const url = /http:\/\/\S+\/admin/.exec(out)?.[0] ?? '';
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/admin$/);
    expect((await fetch(url)).status).toBe(401);
    const data = await fetch(`${url}/data.json`, {
      headers: { authorization: 'Bearer cli-admin-token-0123456789' },
    });
    expect(data.status).toBe(200);
    expect(((await data.json()) as { questions: number }).questions).toBe(0);
    expect((await fetch(url.replace('/admin', '/healthz'))).status).toBe(200);
    stop();
    expect(await running).toBe(0);
  });

  it('refuses to start without COACH_ADMIN_TOKEN', async () => {
    useEnv({});
    await expect(adminCommand([], { out: () => {}, err: () => {} }, Promise.resolve())).rejects.toThrow(
      /COACH_ADMIN_TOKEN/,
    );
  });
});
