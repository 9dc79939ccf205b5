import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runTsx } from './cli-run.ts';
import { startFakeOpenAI } from './fakes/fake-openai.ts';

const dir = mkdtempSync(join(tmpdir(), 'coach-terminal-'));
const env = { COACH_DB_PATH: join(dir, 'coach.db') };
afterAll(() => rmSync(dir, { recursive: true, force: true }));

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

  it('runs every command through the engine and keeps state in the database', async () => {
    const first = await runTsx('src/main.ts', [], {
      stdin:
        '/review Lowest price on the market!\nreview Cut AP close from 9 days to 4 for 140 distributors\nhistory\ntips on 08:30 Europe/Berlin\n/bogus\n/good\n/quit\n',
      env,
    });
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/Overall: \d+\/100/);
    expect(first.stdout).toMatch(/Trend: \d+ → \d+/);
    expect(first.stdout).toMatch(/08:30 \(Europe\/Berlin\)/);
    expect(first.stdout).toMatch(/I don't know the command \/bogus/);
    expect(first.stdout).toMatch(/Thanks for the feedback/);
    // A new process on the same database still has the user's reviews.
    const second = await runTsx('src/main.ts', [], { stdin: 'history\n/quit\n', env });
    expect(second.stdout).toMatch(/Your recent reviews \((2|3|4)\)/);
  });

  it('reviews a multi-line paste after `review` alone, up to an empty line, as one draft', async () => {
    const r = await runTsx('src/main.ts', [], {
      stdin:
        'review\n“Ledgerly closed our books in 4 days instead of 9.”\nJane Doe\nCFO, Northwind Health\n\nWhat is the 4T model?\n/quit\n',
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/empty line to review it/);
    // One review: the signature lines belong to the draft (the customer is credited), not new questions.
    expect(r.stdout.match(/Overall: \d+\/100/g)).toHaveLength(1);
    expect(r.stdout).toMatch(/Names customers \("Northwind Health"\)/);
    expect(r.stdout).toMatch(/\(four-t-model\)/);
  });

  it('streams the model answer, then lists the cited sources on their own lines', async () => {
    const fake = await startFakeOpenAI();
    try {
      fake.reply('Start with the risk the CFO answers for [1]. Ignore [9].');
      const r = await runTsx('src/main.ts', [], {
        stdin: 'How do I win a CFO trust?\n/quit\n',
        env: {
          ...env,
          OPENAI_API_KEY: 'sk-fake-terminal',
          OPENAI_BASE_URL: fake.url,
          LLM_MAX_RETRIES: '0',
          LLM_RERANK: 'off',
        },
      });
      expect(r.stdout).toMatch(/AI model: /);
      expect(r.stdout).toContain('Start with the risk the CFO answers for [1]. Ignore.\n\nSources:\n  [1] ');
      expect(r.stdout).not.toContain('[9]');
      expect(fake.requests).toHaveLength(1);
    } finally {
      await fake.close();
    }
  });

  it('prints no control characters from the model: no colour codes, OSC 8 links or OSC 52 clipboard writes', async () => {
    const fake = await startFakeOpenAI();
    try {
      const ESC = '\u001b';
      fake.reply([
        `${ESC}[31mRed alert${ESC}[0m. `,
        `${ESC}]8;;https://evil.example${ESC}\\Click here${ESC}]8;;${ESC}\\ `,
        `${ESC}]52;c;ZWNobyBwd25lZA==\u0007 and trust matters [1].`,
      ]);
      const r = await runTsx('src/main.ts', [], {
        stdin: 'How do I win a CFO trust?\n/quit\n',
        env: {
          ...env,
          OPENAI_API_KEY: 'sk-fake-terminal',
          OPENAI_BASE_URL: fake.url,
          LLM_MAX_RETRIES: '0',
          LLM_RERANK: 'off',
        },
      });
      expect(r.stdout).toContain('Red alert');
      expect(r.stdout).toContain('Click here');
      // biome-ignore lint/suspicious/noControlCharactersInRegex: the test looks for control characters
      expect(r.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    } finally {
      await fake.close();
    }
  });
});
