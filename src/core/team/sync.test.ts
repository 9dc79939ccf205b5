import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeDocx, makePdf } from '../../../test/support/make-docs.ts';
import { memoryLogger } from '../../../test/support/memory-logger.ts';
import { counting, TEST_LIMITS, teamOn } from '../../../test/support/team-fixture.ts';
import { openSqliteStore } from '../store/sqlite-store.ts';
import type { Store } from '../store/types.ts';
import { createFolderProvider } from './folder-provider.ts';
import type { TeamKnowledge } from './team-knowledge.ts';

describe('team knowledge sync (folder)', () => {
  let dir: string;
  let docs: string;
  let store: Store;
  let log: ReturnType<typeof memoryLogger>;
  let provider: ReturnType<typeof counting>;
  let team: TeamKnowledge;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'coach-sync-'));
    docs = join(dir, 'team-docs');
    mkdirSync(join(docs, 'cases', 'deep'), { recursive: true });
    writeFileSync(
      join(docs, 'positioning.md'),
      '# Positioning\n\nWe are the planning tool for mid-size logistics firms.\n',
    );
    writeFileSync(join(docs, 'notes.txt'), 'Sales note one.\n\nSales note two.');
    writeFileSync(
      join(docs, 'cases', 'acme.pdf'),
      makePdf([['Acme cut onboarding by 40 percent.']], 'Acme case'),
    );
    writeFileSync(
      join(docs, 'cases', 'deep', 'guide.docx'),
      makeDocx([{ style: 'Heading1', text: 'Brand guide' }, { text: 'Say planning, not scheduling.' }]),
    );
    writeFileSync(
      join(docs, 'cases', 'page.html'),
      '<html><head><title>FAQ</title></head><body><h1>FAQ</h1><p>Yes, we integrate with SAP.</p></body></html>',
    );
    writeFileSync(join(docs, 'cases', 'broken.docx'), 'this is not a docx');
    writeFileSync(join(docs, 'logo.png'), 'png bytes');
    store = openSqliteStore(join(dir, 'coach.db'));
    log = memoryLogger();
    provider = counting(createFolderProvider());
    team = teamOn(store, [provider], { logger: log.logger });
  });

  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads every supported file of nested folders, naming the one it cannot read', async () => {
    const { source } = await team.add(docs);
    const [report] = await team.sync();
    expect(report).toMatchObject({ status: 'warning', documents: 5, read: 5, removed: 0 });
    expect(report?.problems).toEqual([
      { file: 'team-docs/cases/broken.docx', reason: expect.stringContaining('not a ZIP') },
    ]);
    const stored = await store.team.documents(source.id);
    expect(stored.map((d) => d.key)).toEqual([
      'cases/acme.pdf',
      'cases/deep/guide.docx',
      'cases/page.html',
      'notes.txt',
      'positioning.md',
    ]);
    const passages = (await store.team.changes(0)).passages;
    expect(passages.find((p) => p.text.includes('40 percent'))?.link).toBe('team-docs/cases/acme.pdf#page=1');
    expect(passages.find((p) => p.text.includes('not scheduling'))?.link).toBe(
      'team-docs/cases/deep/guide.docx#brand-guide',
    );
    const status = await team.status();
    expect(status).toMatchObject({
      ok: true,
      sources: 1,
      documents: 5,
      failing: [],
      warnings: [{ id: source.id, problems: 1 }],
    });
    expect(status.passages).toBe(passages.length);
  });

  it('re-reads only what changed, and prunes what vanished', async () => {
    await team.add(docs);
    await team.sync();
    provider.reads.length = 0;
    expect((await team.sync())[0]).toMatchObject({ read: 0, removed: 0 });
    expect(provider.reads).toEqual([]);
    writeFileSync(
      join(docs, 'positioning.md'),
      '# Positioning\n\nWe are the planning tool for large ports.\n',
    );
    rmSync(join(docs, 'notes.txt'));
    const [report] = await team.sync();
    expect(report).toMatchObject({ read: 1, removed: 1, documents: 4 });
    expect(provider.reads).toEqual(['positioning.md']);
    const texts = (await store.team.changes(0)).passages.map((p) => p.text).join('\n');
    expect(texts).toContain('large ports');
    expect(texts).not.toContain('mid-size logistics');
    expect(texts).not.toContain('Sales note');
  });

  it('makes a failure visible and keeps the passages when the folder is gone or empty', async () => {
    const { source } = await team.add(docs);
    await team.sync();
    const before = (await store.team.changes(0)).passages.length;
    renameSync(docs, join(dir, 'moved'));
    const [gone] = await team.sync();
    expect(gone).toMatchObject({ status: 'error', error: expect.stringContaining('does not exist') });
    expect((await store.team.changes(0)).passages).toHaveLength(before);
    const failed = log.lines().find((l) => l.event === 'team_sync_failed');
    expect(failed).toMatchObject({ source: source.id, level: 50 });
    mkdirSync(docs);
    const [empty] = await team.sync();
    expect(empty?.error).toContain('read nothing where the last sync read 5 document(s)');
    expect((await store.team.changes(0)).passages).toHaveLength(before);
    const status = await team.status();
    expect(status.ok).toBe(false);
    expect(status.failing).toEqual([
      { id: source.id, title: 'team-docs', error: expect.stringContaining('read nothing') },
    ]);
  });

  it('never reports a source that yields nothing as a success', async () => {
    const empty = join(dir, 'empty');
    mkdirSync(empty);
    writeFileSync(join(empty, 'blank.md'), '---\ntitle: x\n---\n');
    await team.add(empty);
    const [report] = await team.sync();
    expect(report).toMatchObject({
      status: 'error',
      passages: 0,
      error: expect.stringContaining('found no text'),
    });
  });

  it('keeps a source within its passage limit, naming what was left out', async () => {
    const small = teamOn(store, [provider], { logger: log.logger, limits: { ...TEST_LIMITS, passages: 3 } });
    await small.add(docs);
    const [report] = await small.sync();
    expect(report?.passages).toBeLessThanOrEqual(3);
    expect(report?.problems.some((p) => p.reason.includes('limit of 3 passages'))).toBe(true);
  });

  it('two processes syncing at once read each document once', async () => {
    const otherStore = openSqliteStore(join(dir, 'coach.db'));
    const otherProvider = counting(createFolderProvider());
    const other = teamOn(otherStore, [otherProvider], { logger: log.logger, owner: 'B' });
    try {
      const { source } = await team.add(docs);
      const [a, b] = await Promise.all([team.sync(), other.sync()]);
      const statuses = [a[0]?.status, b[0]?.status].sort();
      expect(statuses).toEqual(['busy', 'warning']);
      // The five documents and the broken one, each read by one process only.
      expect([...provider.reads, ...otherProvider.reads].sort()).toEqual([
        'cases/acme.pdf',
        'cases/broken.docx',
        'cases/deep/guide.docx',
        'cases/page.html',
        'notes.txt',
        'positioning.md',
      ]);
      expect((await store.team.source(source.id))?.documents).toBe(5);
    } finally {
      await otherStore.close();
    }
  });
});
