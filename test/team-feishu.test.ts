/**
 * Feishu / Lark documents as team knowledge, through the real Lark SDK against a fake open platform on
 * 127.0.0.1: docx links, wiki spaces and wiki nodes; incremental sync by revision, pruning, failures.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFeishuDocsProvider } from '../src/adapters/feishu/docs-provider.ts';
import { isCoachError } from '../src/core/errors.ts';
import { openSqliteStore } from '../src/core/store/sqlite-store.ts';
import type { Store } from '../src/core/store/types.ts';
import type { TeamKnowledge } from '../src/core/team/team-knowledge.ts';
import { blocksOf, type FakeFeishuDocs, startFakeFeishuDocs } from './fakes/fake-feishu-docs.ts';
import { memoryLogger } from './support/memory-logger.ts';
import { teamOn } from './support/team-fixture.ts';

const HOST = 'https://acme.feishu.cn';

describe('Feishu / Lark documents as team knowledge', () => {
  let fake: FakeFeishuDocs;
  let store: Store;
  let team: TeamKnowledge;
  let log: ReturnType<typeof memoryLogger>;

  const texts = async () => (await store.team.changes(0)).passages.map((p) => p.text).join('\n');

  beforeEach(async () => {
    fake = await startFakeFeishuDocs();
    store = openSqliteStore(':memory:');
    log = memoryLogger();
    const provider = createFeishuDocsProvider({
      credentials: { appId: 'cli_a1b2c3d4e5f60789', appSecret: 'secret', domain: fake.url },
      logger: log.logger,
      perSecond: 0,
      retryBaseMs: 1,
    });
    team = teamOn(store, [provider], { logger: log.logger, owner: 'A' });
  });

  afterEach(async () => {
    await store.close();
    await fake.close();
  });

  it('reads a docx document with block anchors, again only when its revision changes, and reports a failure', async () => {
    fake.docs.set('DocTok12345', {
      title: 'Messaging guide',
      revision: 7,
      blocks: blocksOf([
        '# Positioning',
        'We sell certainty to plant managers.',
        '## Proof',
        'Used by 120 plants.',
        'ISO 27001 certified.',
      ]),
    });
    const { source } = await team.add(`${HOST}/docx/DocTok12345?from=share`);
    expect(source.location).toBe(`${HOST}/docx/DocTok12345`);
    const [first] = await team.sync();
    expect(first).toMatchObject({ status: 'ok', documents: 1, read: 1, title: 'Messaging guide' });
    const passages = (await store.team.changes(0)).passages;
    expect(passages.map((p) => [p.heading, p.link])).toEqual([
      ['Positioning', `${HOST}/docx/DocTok12345#blk0`],
      ['Positioning › Proof', `${HOST}/docx/DocTok12345#blk2`],
    ]);
    expect((await store.team.source(source.id))?.title).toBe('Messaging guide');
    expect(fake.count('docx.blocks')).toBeGreaterThan(1); // three pages of two blocks

    const blockCalls = fake.count('docx.blocks');
    expect((await team.sync())[0]).toMatchObject({ read: 0 });
    expect(fake.count('docx.blocks')).toBe(blockCalls);

    fake.docs.set('DocTok12345', {
      title: 'Messaging guide',
      revision: 8,
      blocks: blocksOf(['# Positioning', 'We sell speed.']),
    });
    expect((await team.sync())[0]).toMatchObject({ read: 1, status: 'ok' });
    expect(await texts()).toContain('We sell speed.');
    expect(await texts()).not.toContain('certainty');

    fake.failNext('docx.get', { code: 1770032, msg: 'forbidden: the app has no access to this document' });
    const [failed] = await team.sync();
    expect(failed).toMatchObject({
      status: 'error',
      error: expect.stringContaining('no access to this document'),
    });
    expect(await texts()).toContain('We sell speed.');
    expect(log.lines().some((l) => l.event === 'team_sync_failed' && l.source === source.id)).toBe(true);
  });

  it('reads a whole wiki space, nested pages included, skipping what is not a docx; syncs edits and deletions', async () => {
    const node = (token: string, title: string, time: string, parent?: string, type = 'docx') => ({
      space_id: '7034502641455497244',
      node_token: `wik${token}`,
      obj_token: `obj${token}`,
      obj_type: type,
      title,
      obj_edit_time: time,
      ...(parent ? { parent_node_token: `wik${parent}` } : {}),
    });
    fake.nodes.push(
      node('Cases0001', 'Case studies', '100'),
      node('Acme00001', 'Acme', '100', 'Cases0001'),
      node('Zeta00001', 'Zeta', '100', 'Cases0001'),
      node('Sheet0001', 'Pipeline', '100', undefined, 'sheet'),
    );
    fake.docs.set('objCases0001', {
      title: 'Case studies',
      revision: 1,
      blocks: blocksOf(['Our cases, by industry.']),
    });
    fake.docs.set('objAcme00001', {
      title: 'Acme',
      revision: 1,
      blocks: blocksOf(['Acme cut onboarding by 40 %.']),
    });
    fake.docs.set('objZeta00001', {
      title: 'Zeta',
      revision: 1,
      blocks: blocksOf(['Zeta doubled its pipeline.']),
    });
    const { source } = await team.add(`${HOST}/wiki/space/7034502641455497244`);
    const [first] = await team.sync();
    expect(first).toMatchObject({ status: 'warning', documents: 3, read: 3 });
    expect(first?.problems).toEqual([
      { file: source.location, reason: expect.stringContaining('skipped sheet ×1') },
    ]);
    expect((await store.team.changes(0)).passages.find((p) => p.text.includes('Acme'))?.link).toBe(
      `${HOST}/wiki/wikAcme00001#blk0`,
    );

    const reads = () => fake.calls.filter((c) => c.op === 'docx.blocks').map((c) => c.path);
    const before = reads().length;
    const acme = fake.nodes.find((n) => n.title === 'Acme');
    if (acme) acme.obj_edit_time = '200';
    fake.docs.set('objAcme00001', {
      title: 'Acme',
      revision: 2,
      blocks: blocksOf(['Acme cut onboarding by 55 %.']),
    });
    fake.nodes.splice(
      fake.nodes.findIndex((n) => n.title === 'Zeta'),
      1,
    );
    const [second] = await team.sync();
    expect(second).toMatchObject({ read: 1, removed: 1, documents: 2 });
    expect(
      reads()
        .slice(before)
        .every((p) => p.includes('objAcme00001')),
    ).toBe(true);
    expect(await texts()).toContain('55 %');
    expect(await texts()).not.toContain('Zeta');
  });

  it('reads a wiki node with the pages under it, and retries a rate-limited call', async () => {
    fake.nodes.push(
      {
        space_id: '123456789',
        node_token: 'wikTop000001',
        obj_token: 'objTop000001',
        obj_type: 'docx',
        title: 'Playbook',
        obj_edit_time: '1',
      },
      {
        space_id: '123456789',
        node_token: 'wikKid000001',
        obj_token: 'objKid000001',
        obj_type: 'docx',
        title: 'Objections',
        obj_edit_time: '1',
        parent_node_token: 'wikTop000001',
      },
      {
        space_id: '123456789',
        node_token: 'wikOther0001',
        obj_token: 'objOther0001',
        obj_type: 'docx',
        title: 'Elsewhere',
        obj_edit_time: '1',
      },
    );
    fake.docs.set('objTop000001', { title: 'Playbook', revision: 1, blocks: blocksOf(['Discovery first.']) });
    fake.docs.set('objKid000001', {
      title: 'Objections',
      revision: 1,
      blocks: blocksOf(['Price objection: show the payback.']),
    });
    fake.docs.set('objOther0001', { title: 'Elsewhere', revision: 1, blocks: blocksOf(['Not part of it.']) });
    fake.failNext('wiki.getNode', { code: 99991400, msg: 'request trigger frequency limit' });
    await team.add(`${HOST}/wiki/wikTop000001`);
    const [report] = await team.sync();
    expect(report).toMatchObject({ status: 'ok', documents: 2, title: 'Playbook' });
    expect(await texts()).toContain('show the payback');
    expect(await texts()).not.toContain('Not part of it');
    expect(fake.count('wiki.getNode')).toBe(2);
  });

  it('refuses links it cannot read, and Feishu links without credentials, saying what to set', async () => {
    const err = await team.add(`${HOST}/sheets/shtcnAbc12345`).catch((e: unknown) => e);
    expect(isCoachError(err, 'input_invalid')).toBe(true);
    expect((err as Error).message).toContain('not a docx document');
    const bare = teamOn(store, [createFeishuDocsProvider({ logger: log.logger })], {
      logger: log.logger,
      owner: 'A',
    });
    const missing = await bare.add(`${HOST}/docx/DocTok12345`).catch((e: unknown) => e);
    expect((missing as Error).message).toContain('FEISHU_APP_ID');
    const other = await bare.add('https://example.com/page').catch((e: unknown) => e);
    expect((other as Error).message).toContain('Coach can read: a Feishu/Lark docx document');
  });
});
