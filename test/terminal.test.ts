import { describe, expect, it } from 'vitest';
import { runTsx } from './cli-run.ts';

describe('terminal chat (npm start without platform settings)', () => {
  it('says it is offline, answers a question with sources, and quits on /quit', async () => {
    const r = await runTsx('src/main.ts', [], {
      stdin: 'What is the 4T model?\n/tip\n/quit\nthis line is never read\n',
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Running offline/);
    expect(r.stdout).toMatch(/OPENAI_API_KEY/);
    expect(r.stdout).toMatch(/Sources:\n\s+\[1\] .*\(four-t-model\)/);
    expect(r.stdout).toMatch(/💡/);
    expect(r.stdout.trim().endsWith('Bye.')).toBe(true);
  });
});
