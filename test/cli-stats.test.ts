import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../src/core/store/sqlite-store.ts';
import { runCoach } from './cli-run.ts';
import { answerEvent, reviewEvent, vote } from './support/insights-seed.ts';

let dir: string;
let env: Record<string, string>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'coach-cli-stats-'));
  const dbPath = join(dir, 'coach.db');
  const store = openSqliteStore(dbPath);
  const at = new Date(Date.now() - 2 * 86_400_000);
  await store.insights.record([
    answerEvent({ at, ref: 'r1', cited: ['usp-vs-uvp'], tokensIn: 100, tokensOut: 20, latencyMs: 400 }),
    answerEvent({ at, outcome: 'partly', platform: 'feishu', chatId: 'oc_1', cited: ['category-first'] }),
    answerEvent({ at, outcome: 'unanswered', question: 'What CTR is normal for Google Ads?', cited: [] }),
    reviewEvent(4, { at }),
    vote('r1', 'up', { at }),
  ]);
  await store.close();
  env = { COACH_DB_PATH: dbPath };
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('coach stats (real process)', () => {
  it('--json prints one value with exactly the documented keys', async () => {
    const r = await runCoach(['stats', '--json', '--since', '30d'], { env });
    expect(r.code).toBe(0);
    const v = JSON.parse(r.stdout);
    expect(Object.keys(v)).toEqual([
      'since',
      'questions',
      'answered',
      'partly',
      'unanswered',
      'fallbacks',
      'feedback',
      'reviews',
      'review_avg',
      'top_entries',
      'unanswered_questions',
      'tokens',
      'latency_ms',
    ]);
    expect(v).toMatchObject({
      questions: 3,
      answered: 1,
      partly: 1,
      unanswered: 1,
      fallbacks: 0,
      feedback: { up: 1, down: 0 },
      reviews: 1,
      top_entries: [
        { id: 'category-first', count: 1 },
        { id: 'usp-vs-uvp', count: 1 },
      ],
      unanswered_questions: [{ text: 'What CTR is normal for Google Ads?', count: 1 }],
      tokens: { in: 100, out: 20 },
    });
    // Latencies are counted in bins 5 % wide: within 2.5 % of the true 100 ms (p50) and 400 ms (p95).
    expect(Math.abs(v.latency_ms.p50 - 100)).toBeLessThanOrEqual(2.5);
    expect(Math.abs(v.latency_ms.p95 - 400)).toBeLessThanOrEqual(10);
    expect(Object.keys(v.review_avg)).toHaveLength(7);
    expect(v.review_avg.clarity).toBe(4);
  });

  it('filters by chat, prints a table without --json, and refuses a bad period', async () => {
    const one = JSON.parse((await runCoach(['stats', '--json', '--chat', 'feishu:oc_1'], { env })).stdout);
    expect(one.questions).toBe(1);
    const table = await runCoach(['stats'], { env });
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/questions\s+3/);
    expect(table.stdout).toContain('What CTR is normal for Google Ads?');
    const bad = await runCoach(['stats', '--since', 'forever'], { env });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--since');
  });
});
