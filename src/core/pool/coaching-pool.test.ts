import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startFakeOpenAI } from '../../../test/fakes/fake-openai.ts';
import { memoryLogger } from '../../../test/support/memory-logger.ts';
import { teamOn } from '../../../test/support/team-fixture.ts';
import { type CoachServices, createServices } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { isCoachError } from '../errors.ts';
import { openSqliteStore } from '../store/sqlite-store.ts';
import type { Store } from '../store/types.ts';
import { createFolderProvider } from '../team/folder-provider.ts';
import { autoThreads, createCoachingPool } from './coaching-pool.ts';

// The pool's threads are real worker threads over a real SQLite file, compared with this thread's answers.
describe('coaching pool', () => {
  let dir: string;
  let store: Store;
  let pooled: CoachServices;
  let inline: CoachServices;
  const log = memoryLogger('info');

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'coach-pool-'));
    const shared = join(dir, 'shared');
    const secret = join(dir, 'secret');
    mkdirSync(shared);
    mkdirSync(secret);
    writeFileSync(
      join(shared, 'acme.md'),
      '# Acme case study\n\n## Results\n\nAcme cut onboarding time by 40 percent after moving 1,200 field engineers to our scheduling platform.\n',
    );
    writeFileSync(
      join(secret, 'zephyr.md'),
      '# Zephyr pricing playbook\n\nZephyr renewals rose 18 percent once the CFO saw the payback in seven months.\n',
    );
    const dbPath = join(dir, 'coach.db');
    store = openSqliteStore(dbPath);
    const team = teamOn(store, [createFolderProvider()]);
    await team.add(shared);
    await team.add(secret, { chat: 'slack:CSECRET' });
    await team.sync();
    const config = loadConfig({ COACH_DB_PATH: dbPath, COACH_WORKERS: '1' });
    pooled = createServices(config, log.logger, { store, pool: true });
    inline = createServices(config, log.logger, { store });
    await pooled.pool?.warm();
  }, 60_000);

  afterAll(async () => {
    await pooled.pool?.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers exactly as this thread does, with the team passages each chat may see', async () => {
    expect(pooled.pool?.threads).toBe(1);
    const cases: [string, string][] = [
      ['How do I convince a CFO to buy our scheduling platform?', ''],
      ['What did Zephyr renewals do once the CFO saw the payback?', 'slack:CSECRET'],
      ['What did Zephyr renewals do once the CFO saw the payback?', 'slack:COTHER'],
      ['什么是UVP？', ''],
      ['What is the best pizza in Naples?', ''],
    ];
    for (const [question, chat] of cases) {
      const history = [{ role: 'user' as const, text: 'We sell scheduling software to utilities.' }];
      const a = await pooled.answerer.answer(question, { chat, history });
      const b = await inline.answerer.answer(question, { chat, history });
      expect(a).toEqual(b);
    }
    const secret = await pooled.answerer.answer('What did Zephyr renewals do?', { chat: 'slack:CSECRET' });
    expect(JSON.stringify(secret.citations)).toContain('Zephyr');
    const other = await pooled.answerer.answer('What did Zephyr renewals do?', { chat: 'slack:COTHER' });
    expect(JSON.stringify(other)).not.toContain('Zephyr');
    expect(pooled.pool?.stats()).toMatchObject({ fallbacks: 0 });
    expect(pooled.pool?.stats().completed).toBeGreaterThanOrEqual(cases.length + 2);
  });

  it('reviews exactly as this thread does, naming the team proof, and keeps input errors as they are', async () => {
    const before = pooled.pool?.stats().completed ?? 0;
    for (const draft of [
      'The smartest scheduling platform for field service teams',
      '全流程智能排班平台，专业、高效',
      'Cut month-end close from 9 days to 4, trusted by 140 finance teams, SOC 2 audited.',
    ]) {
      expect(await pooled.reviewer.review(draft, { chat: '' })).toEqual(
        await inline.reviewer.review(draft, { chat: '' }),
      );
    }
    const withProof = await pooled.reviewer.review('Scheduling for field engineers, faster onboarding', {});
    expect(withProof.suggestions.join('\n')).toContain('Acme');
    const err = await pooled.reviewer.review('   ', {}).catch((e: unknown) => e);
    expect(isCoachError(err, 'input_empty')).toBe(true);
    expect((pooled.pool?.stats().completed ?? 0) - before).toBe(5); // 3 compared, 1 with proof, 1 empty
    expect(pooled.pool?.stats().fallbacks).toBe(0);
  });

  it('starts no thread before the first task, and ends an idle thread (the next task starts one again)', async () => {
    const config = loadConfig({ COACH_DB_PATH: join(dir, 'coach.db'), COACH_WORKERS: '1' });
    const lazy = createServices(config, memoryLogger().logger, { store, pool: true });
    const pool = createCoachingPool({
      threads: 1,
      logger: memoryLogger().logger,
      settings: { knowledgeDir: config.knowledgeDir, store: { dbPath: config.dbPath }, logLevel: 'silent' },
      local: {
        answer: () => Promise.reject(new Error('not used')),
        review: () => Promise.reject(new Error('not used')),
      },
      idleMs: 100,
    });
    try {
      expect(pool.stats().running).toBe(0);
      const first = await pool.answer('What is a UVP?', { history: [], chat: '' });
      expect(first.citations.length).toBeGreaterThan(0);
      expect(pool.stats()).toMatchObject({ running: 1, fallbacks: 0 });
      await vi.waitFor(() => expect(pool.stats().running).toBe(0), { timeout: 10_000, interval: 50 });
      expect(await pool.answer('What is a UVP?', { history: [], chat: '' })).toEqual(first);
      expect(pool.stats()).toMatchObject({ completed: 2, fallbacks: 0 });
      // The service's own pool has no thread until a question comes.
      expect(lazy.pool?.stats().running).toBe(0);
    } finally {
      await pool.close();
      await lazy.pool?.close();
    }
  });

  it('does the work in the calling thread when a thread fails it, and keeps trying the thread', async () => {
    const failing = memoryLogger('info');
    let local = 0;
    const pool = createCoachingPool({
      threads: 1,
      logger: failing.logger,
      // A knowledge folder that is not there: every thread task fails while setting up.
      settings: { knowledgeDir: join(dir, 'no-such-folder'), logLevel: 'silent' },
      local: {
        answer: async () => {
          local += 1;
          return { answer: 'from the main thread', citations: [], mode: 'offline', lang: 'en', notes: [] };
        },
        review: async () => {
          throw new Error('not used');
        },
      },
    });
    try {
      for (let i = 0; i < 2; i++) {
        const answer = await pool.answer('What is a UVP?', { history: [], chat: '' });
        expect(answer.answer).toBe('from the main thread');
      }
      expect(local).toBe(2);
      expect(pool.stats()).toMatchObject({ fallbacks: 2, completed: 2 });
      const failed = failing.lines().filter((l) => l.event === 'pool_task_failed');
      expect(failed).toHaveLength(2);
      expect(failed[0]).toMatchObject({ op: 'answer', code: 'knowledge_invalid' });
    } finally {
      await pool.close();
    }
  });

  it('once closed with the service, does no more coaching (the work is handed to other replicas)', async () => {
    const config = loadConfig({ COACH_DB_PATH: join(dir, 'coach.db'), COACH_WORKERS: '1' });
    const closing = memoryLogger('info');
    const services = createServices(config, closing.logger, { store, pool: true });
    expect(closing.lines().find((l) => l.event === 'pool_started')).toMatchObject({ threads: 1 });
    await services.pool?.close();
    await expect(services.answerer.answer('What is a UVP?', {})).rejects.toThrow(/stopped with the service/);
    expect(services.pool?.stats().fallbacks).toBe(0);
  });

  it('with a model, answers a model outage offline in the main thread once it holds the index (no second copy)', async () => {
    const model = await startFakeOpenAI();
    const config = loadConfig({
      COACH_DB_PATH: join(dir, 'coach.db'),
      COACH_WORKERS: '1',
      OPENAI_API_KEY: 'sk-fake-pool',
      OPENAI_BASE_URL: model.url,
      LLM_MAX_RETRIES: '0',
      LLM_RERANK: 'off',
    });
    const services = createServices(config, memoryLogger().logger, { store, pool: true });
    try {
      model.setDefaultReply('Name the customers and the numbers [1].');
      const first = await services.answerer.answer('What is a UVP?', {});
      expect(first.mode).not.toBe('offline');
      model.failTimes(20, 500);
      const outage = await services.answerer.answer('What is a UVP?', {});
      expect(outage.mode).toBe('offline');
      expect(outage.citations.length).toBeGreaterThan(0);
      const review = await services.reviewer.review('The smartest CRM for everyone!', {});
      expect(review.mode).toBe('offline');
      // Composed here, with the index the model's sources already built: the pool started no thread.
      expect(services.pool?.stats()).toMatchObject({ running: 0, completed: 0 });
    } finally {
      await services.pool?.close();
      await model.close();
    }
  });

  it('has no pool for an in-memory database or with 0 threads, and sizes auto from the cores', () => {
    const logger = memoryLogger().logger;
    expect(
      createServices(loadConfig({ COACH_DB_PATH: ':memory:' }), logger, { pool: true }).pool,
    ).toBeUndefined();
    expect(
      createServices(loadConfig({ COACH_DB_PATH: join(dir, 'coach.db'), COACH_WORKERS: '0' }), logger, {
        pool: true,
      }).pool,
    ).toBeUndefined();
    expect([1, 2, 4, 8, 64].map((cores) => autoThreads(cores))).toEqual([1, 1, 3, 4, 4]);
    expect(() => loadConfig({ COACH_WORKERS: 'many' })).toThrow(/COACH_WORKERS/);
    expect(() => loadConfig({ COACH_WORKERS: '17' })).toThrow(/COACH_WORKERS/);
  });
});
