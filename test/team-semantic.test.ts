/**
 * Optional semantic search over the team's passages: vectors from an OpenAI-compatible embeddings
 * endpoint (a fake on 127.0.0.1 whose vectors fold synonyms), cached in the database by text hash, fused
 * with the keyword ranks; another replica reuses the cache; a failing endpoint leaves keyword search.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type CoachServices, createServices } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { silentLogger } from '../src/core/logger.ts';
import { openSqliteStore } from '../src/core/store/sqlite-store.ts';
import type { Store } from '../src/core/store/types.ts';
import { createTeam } from '../src/team-setup.ts';
import { type FakeEmbeddings, startFakeEmbeddings } from './fakes/fake-embeddings.ts';

const Q = 'How did we reduce churn?';

describe('semantic search over team passages', () => {
  let fake: FakeEmbeddings;
  let dir: string;
  let stores: Store[];

  beforeEach(async () => {
    fake = await startFakeEmbeddings();
    dir = mkdtempSync(join(tmpdir(), 'coach-semantic-'));
    mkdirSync(join(dir, 'docs'));
    writeFileSync(
      join(dir, 'docs', 'retention.md'),
      '# Retention report\n\nCustomer attrition fell from 9 % to 4 % after onboarding calls.\n',
    );
    writeFileSync(
      join(dir, 'docs', 'events.md'),
      '# Events\n\nOur booth at the logistics fair drew 300 visitors.\n',
    );
    stores = [];
  });

  afterEach(async () => {
    for (const s of stores) await s.close();
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  });

  function replica(embeddings: boolean): CoachServices {
    const store = openSqliteStore(join(dir, 'coach.db'));
    stores.push(store);
    const config = loadConfig({
      KNOWLEDGE_DIR: 'knowledge',
      ...(embeddings
        ? { EMBEDDINGS_MODEL: 'fake-embed', EMBEDDINGS_API_KEY: 'sk-fake', EMBEDDINGS_BASE_URL: fake.url }
        : {}),
    });
    return createServices(config, silentLogger(), { store });
  }

  const teamTitles = async (s: CoachServices, chat = '') => {
    await s.retriever.prepare(Q, { chat });
    return s.retriever
      .lookup(Q, { chat, k: 5 })
      .hits.flatMap((h) => (h.entry.team ? [h.entry.team.docTitle] : []));
  };

  it('finds a passage by meaning that shares no word with the question, and reuses cached vectors', async () => {
    const a = replica(true);
    const team = createTeam(a, stores[0] as Store, 'A');
    await team.add(join(dir, 'docs'));
    await team.sync();
    expect(fake.inputs).toHaveLength(2); // each passage embedded once
    expect(await teamTitles(a)).toEqual(['Retention report']);
    expect(await teamTitles(replica(false))).toEqual([]); // keywords alone miss it

    const b = replica(true);
    expect(await teamTitles(b)).toEqual(['Retention report']);
    expect(fake.inputs.filter((t) => t !== Q)).toHaveLength(2); // B took the vectors from the cache

    await team.sync();
    expect(fake.inputs.filter((t) => t !== Q)).toHaveLength(2);

    // The answerer prepares the question it looks up, so its answer cites the passage found by meaning.
    const c = replica(true);
    const answer = await c.answerer.answer(`  How did we   reduce churn?  `);
    expect(answer.citations.filter((c) => c.team).map((c) => c.title)).toEqual(['Retention report']);
  });

  it('falls back to keyword search when the embeddings endpoint fails', async () => {
    const a = replica(true);
    const team = createTeam(a, stores[0] as Store, 'A');
    await team.add(join(dir, 'docs'));
    await team.sync();
    const b = replica(true);
    fake.failNext(10);
    await expect(b.retriever.prepare('What did the logistics fair booth draw?')).resolves.toBeUndefined();
    const hits = b.retriever.lookup('What did the logistics fair booth draw?').hits;
    expect(hits[0]?.entry.team?.docTitle).toBe('Events');
  });
});
