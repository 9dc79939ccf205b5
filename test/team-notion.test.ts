/**
 * Notion pages and databases as team knowledge, through the real @notionhq/client against a fake Notion
 * API on 127.0.0.1: nested pages, databases, incremental sync by last_edited_time, pruning, pacing within
 * three requests a second (on a virtual clock), 429 with Retry-After, and a page not shared.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createNotionProvider } from '../src/adapters/notion/provider.ts';
import { openSqliteStore } from '../src/core/store/sqlite-store.ts';
import type { Store } from '../src/core/store/types.ts';
import type { TeamKnowledge } from '../src/core/team/team-knowledge.ts';
import { block, type FakeNotion, startFakeNotion } from './fakes/fake-notion.ts';
import { memoryLogger } from './support/memory-logger.ts';
import { teamOn } from './support/team-fixture.ts';

const id = (n: number) => `1d2c3b4a-0000-4000-8000-${String(n).padStart(12, '0')}`;
const bare = (n: number) => id(n).replace(/-/g, '');

describe('Notion as team knowledge', () => {
  let fake: FakeNotion;
  let store: Store;
  let team: TeamKnowledge;
  let log: ReturnType<typeof memoryLogger>;
  let clock: number;
  let sleeps: number[];

  const texts = async () => (await store.team.changes(0)).passages.map((p) => p.text).join('\n');

  beforeEach(async () => {
    fake = await startFakeNotion();
    store = openSqliteStore(':memory:');
    log = memoryLogger();
    clock = 0;
    sleeps = [];
    const provider = createNotionProvider({
      token: 'ntn_test_secret',
      baseUrl: fake.url,
      logger: log.logger,
      now: () => clock,
      sleep: async (ms) => {
        sleeps.push(ms);
        clock += ms;
      },
    });
    team = teamOn(store, [provider], { logger: log.logger, owner: 'A' });
    fake.pages.set(id(1), {
      id: id(1),
      title: 'Sales playbook',
      last_edited_time: '2025-01-01T00:00:00.000Z',
      url: `https://www.notion.so/Sales-playbook-${bare(1)}`,
    });
    fake.blocks.set(id(1), [
      block(id(11), 'heading_1', 'Discovery'),
      block(id(12), 'paragraph', 'Ask about the last failed rollout.', { has_children: true }),
      block(id(13), 'heading_2', 'Objections'),
      block(id(14), 'bulleted_list_item', 'Price: show the 6-month payback.'),
      {
        object: 'block',
        id: id(2),
        type: 'child_page',
        child_page: { title: 'Case: Acme' },
        has_children: true,
        last_edited_time: '2025-01-01T00:00:00.000Z',
      },
    ]);
    fake.blocks.set(id(12), [block(id(15), 'paragraph', 'Then ask who signs off.')]);
    fake.pages.set(id(2), {
      id: id(2),
      title: 'Case: Acme',
      last_edited_time: '2025-01-01T00:00:00.000Z',
      url: `https://www.notion.so/Case-Acme-${bare(2)}`,
    });
    fake.blocks.set(id(2), [block(id(21), 'paragraph', 'Acme cut onboarding by 40 %.')]);
  });

  afterEach(async () => {
    await store.close();
    await fake.close();
  });

  it('reads a page with its nested blocks and pages, anchored at each block; then only what was edited', async () => {
    const { source } = await team.add(`https://www.notion.so/acme/Sales-playbook-${bare(1)}`);
    const [first] = await team.sync();
    expect(first).toMatchObject({ status: 'ok', documents: 2, read: 2, title: 'Sales playbook' });
    const passages = (await store.team.changes(0)).passages;
    expect(passages.map((p) => [p.heading, p.link])).toContainEqual([
      'Discovery',
      `https://www.notion.so/Sales-playbook-${bare(1)}#${bare(11)}`,
    ]);
    expect(await texts()).toContain('Then ask who signs off.');
    expect(await texts()).toContain('Acme cut onboarding by 40 %.');
    expect(fake.calls.every((c) => c.auth === 'Bearer ntn_test_secret' && c.version)).toBe(true);

    // Block children below the top level are read only with the content: none for an unchanged sync.
    const contentReads = () => fake.calls.filter((c) => c.path === `/v1/blocks/${id(12)}/children`).length;
    const before = contentReads();
    expect((await team.sync())[0]).toMatchObject({ read: 0 });
    expect(contentReads()).toBe(before);
    const page1 = fake.pages.get(id(1));
    if (page1) page1.last_edited_time = '2025-02-01T00:00:00.000Z';
    fake.blocks.set(id(1), [
      block(id(11), 'heading_1', 'Discovery'),
      block(id(16), 'paragraph', 'Start with the trigger event.'),
    ]);
    const [edited] = await team.sync();
    expect(edited).toMatchObject({ read: 1, removed: 1, documents: 1 }); // the child page is no longer in it
    expect(await texts()).toContain('Start with the trigger event.');
    expect(await texts()).not.toContain('Acme');
    expect((await store.team.source(source.id))?.status).toBe('ok');
  });

  it('reads every page of a database', async () => {
    fake.databases.set(id(9), { title: 'Case studies', pages: [id(1), id(2)] });
    await team.add(`https://www.notion.so/acme/${bare(9)}?v=${bare(99)}`);
    const [report] = await team.sync();
    expect(report).toMatchObject({ status: 'ok', documents: 2, title: 'Case studies' });
    expect(await texts()).toContain('show the 6-month payback');
  });

  it('stays within three requests a second and waits as long as a 429 asks', async () => {
    fake.rateLimitNext('2');
    await team.add(`https://www.notion.so/Sales-playbook-${bare(1)}`);
    const [report] = await team.sync();
    expect(report?.status).toBe('ok');
    const limited = fake.calls.filter((c) => c.status === 429);
    expect(limited).toHaveLength(1);
    // The rate-limited request was sent again after the pause it asked for.
    expect(fake.calls[1]?.path).toBe(fake.calls[0]?.path);
    expect(Math.max(...sleeps)).toBeGreaterThanOrEqual(2_000);
    const sent = fake.calls.length;
    // The retry went out 2 s after the 429; every other request a third of a second after the one before.
    expect(clock).toBeGreaterThanOrEqual(2_000 + ((sent - 2) / 3) * 1_000 - 1);
    expect(log.lines().some((l) => l.event === 'notion_rate_limited' && l.pauseMs === 2_000)).toBe(true);
  });

  it('says to share the page when Notion cannot find it, and asks for a token when none is set', async () => {
    const { source } = await team.add(`https://www.notion.so/Secret-${bare(5)}`);
    const [report] = await team.sync();
    expect(report).toMatchObject({
      status: 'error',
      error: expect.stringContaining('share the page or database with the integration'),
    });
    expect((await store.team.source(source.id))?.status).toBe('error');
    const none = teamOn(store, [createNotionProvider({ logger: log.logger })], {
      logger: log.logger,
      owner: 'A',
    });
    const err = await none.add(`https://www.notion.so/x-${bare(1)}`).catch((e: unknown) => e);
    expect((err as Error).message).toContain('NOTION_TOKEN');
  });
});
