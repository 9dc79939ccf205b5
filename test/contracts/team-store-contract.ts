import { beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/core/store/types.ts';
import type { NewPassage } from '../../src/core/team/types.ts';
import type { WorkContractContext } from './store-contract-work.ts';

const T0 = new Date('2025-03-01T08:00:00.000Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1_000);

function passages(...texts: string[]): NewPassage[] {
  return texts.map((text, seq) => ({
    seq,
    heading: `H${seq}`,
    link: `doc.md#h${seq}`,
    text,
    hash: `hash-${text}`,
  }));
}

const DOC = { key: 'cases/acme.md', title: 'Acme case', link: 'docs/cases/acme.md', revision: 'r1' };

/**
 * The behaviour every `store.team` backend must have (`TeamKnowledgeStore`), registered by
 * `describeStoreContract` for each backend (SQLite file and memory, PostgreSQL).
 */
export function describeTeamContract(c: WorkContractContext): void {
  describe('team knowledge', () => {
    let store: Store;
    beforeEach(() => {
      store = c.store();
    });
    const second = c.second;

    const addSource = (id: string, chat = '', location = `/docs/${id}`) =>
      store.team.addSource({ id, kind: 'folder', location, chat, title: id, addedBy: 'cli' }, T0);

    it('registers a source once per kind, location and chat', async () => {
      const first = await addSource('s1');
      expect(first.created).toBe(true);
      expect(first.source).toMatchObject({
        id: 's1',
        kind: 'folder',
        location: '/docs/s1',
        chat: '',
        status: 'pending',
        documents: 0,
        passages: 0,
        problems: [],
        addedBy: 'cli',
      });
      expect(first.source.addedAt.toISOString()).toBe(T0.toISOString());
      const again = await store.team.addSource(
        { id: 'other-id', kind: 'folder', location: '/docs/s1', chat: '', title: 'x' },
        at(5),
      );
      expect(again).toMatchObject({ created: false, source: { id: 's1' } });
      const scoped = await addSource('s2', 'slack:C1', '/docs/s1');
      expect(scoped).toMatchObject({ created: true, source: { id: 's2', chat: 'slack:C1' } });
      expect((await store.team.sources()).map((s) => s.id)).toEqual(['s1', 's2']);
      expect(await store.team.source('nope')).toBeUndefined();
    });

    it('writes a document with its passages, replaces them on rewrite, and counts them', async () => {
      await addSource('s1', 'feishu:oc_1');
      const r0 = await store.team.revision();
      await store.team.writeDocument('s1', DOC, passages('one', 'two', 'three'), at(1));
      expect(await store.team.revision()).toBeGreaterThan(r0);
      expect(await store.team.documents('s1')).toEqual([{ ...DOC, passages: 3 }]);
      await store.team.writeDocument('s1', { ...DOC, revision: 'r2', title: 'Acme' }, passages('uno'), at(2));
      expect(await store.team.documents('s1')).toEqual([
        { ...DOC, revision: 'r2', title: 'Acme', passages: 1 },
      ]);
      const all = await store.team.changes(0);
      expect(all.passages).toHaveLength(1);
      expect(all.passages[0]).toMatchObject({
        sourceId: 's1',
        docKey: DOC.key,
        seq: 0,
        chat: 'feishu:oc_1',
        title: 'Acme',
        heading: 'H0',
        link: 'doc.md#h0',
        text: 'uno',
        hash: 'hash-uno',
      });
      expect(all.passages[0]?.id).toMatch(/^team:s1:/);
      const source = await store.team.source('s1');
      expect(source).toMatchObject({ documents: 1, passages: 1 });
    });

    it('reports only the passages of documents written after a revision, and every document version', async () => {
      await addSource('s1');
      await store.team.writeDocument('s1', { ...DOC, key: 'a' }, passages('alpha'), at(1));
      const mid = await store.team.revision();
      await store.team.writeDocument('s1', { ...DOC, key: 'b' }, passages('beta', 'gamma'), at(2));
      const changes = await store.team.changes(mid);
      expect(changes.revision).toBe(await store.team.revision());
      expect(changes.passages.map((p) => p.text)).toEqual(['beta', 'gamma']);
      expect(changes.docs.map((d) => d.key).sort()).toEqual(['a', 'b']);
      const b = changes.docs.find((d) => d.key === 'b');
      expect(b?.version).toBeGreaterThan(mid);
      expect((await store.team.changes(changes.revision)).passages).toEqual([]);
    });

    it('prunes documents and removes sources with everything they hold', async () => {
      await addSource('s1');
      await addSource('s2');
      await store.team.writeDocument('s1', { ...DOC, key: 'a' }, passages('alpha'), at(1));
      await store.team.writeDocument('s1', { ...DOC, key: 'b' }, passages('beta'), at(1));
      await store.team.writeDocument('s2', { ...DOC, key: 'c' }, passages('gamma'), at(1));
      const before = await store.team.revision();
      expect(await store.team.removeDocuments('s1', ['a', 'missing'])).toBe(1);
      expect(await store.team.revision()).toBeGreaterThan(before);
      expect((await store.team.documents('s1')).map((d) => d.key)).toEqual(['b']);
      expect(await store.team.removeDocuments('s1', [])).toBe(0);
      expect(await store.team.removeSource('s1')).toBe(true);
      expect(await store.team.removeSource('s1')).toBe(false);
      const left = await store.team.changes(0);
      expect(left.passages.map((p) => p.text)).toEqual(['gamma']);
      expect(left.docs.map((d) => d.sourceId)).toEqual(['s2']);
      // A document written for a source removed meanwhile is dropped.
      await store.team.writeDocument('s1', { ...DOC, key: 'late' }, passages('late'), at(2));
      expect((await store.team.changes(0)).passages.map((p) => p.text)).toEqual(['gamma']);
    });

    it('keeps every chat scope on its passages', async () => {
      await addSource('a', 'slack:CA', '/docs/a');
      await addSource('b', 'slack:CB', '/docs/b');
      await addSource('all', '', '/docs/all');
      for (const id of ['a', 'b', 'all']) {
        await store.team.writeDocument(id, { ...DOC, key: id }, passages(`text of ${id}`), at(1));
      }
      const scopes = Object.fromEntries((await store.team.changes(0)).passages.map((p) => [p.text, p.chat]));
      expect(scopes).toEqual({ 'text of a': 'slack:CA', 'text of b': 'slack:CB', 'text of all': '' });
    });

    it('records how a sync ended, keeping the last good time through a failure', async () => {
      await addSource('s1');
      await store.team.recordSync('s1', { status: 'ok', problems: [], title: 'Team docs' }, at(10));
      let s = await store.team.source('s1');
      expect(s).toMatchObject({ status: 'ok', title: 'Team docs', problems: [] });
      expect(s?.lastOkAt?.toISOString()).toBe(at(10).toISOString());
      await store.team.recordSync(
        's1',
        { status: 'error', error: 'folder is gone', problems: [{ file: 'a.pdf', reason: 'broken' }] },
        at(20),
      );
      s = await store.team.source('s1');
      expect(s).toMatchObject({
        status: 'error',
        error: 'folder is gone',
        title: 'Team docs',
        problems: [{ file: 'a.pdf', reason: 'broken' }],
      });
      expect(s?.lastSyncAt?.toISOString()).toBe(at(20).toISOString());
      expect(s?.lastOkAt?.toISOString()).toBe(at(10).toISOString());
      await store.team.recordSync('s1', { status: 'warning', problems: [] }, at(30));
      s = await store.team.source('s1');
      expect(s?.error).toBeUndefined();
      expect(s?.lastOkAt?.toISOString()).toBe(at(30).toISOString());
    });

    it('grants a lease to one owner until it runs out; the owner renews and releases it', async () => {
      const t = store.team;
      expect(await t.claimLease('sync', 'A', T0, 60_000)).toBe(true);
      expect(await t.claimLease('sync', 'B', at(30), 60_000)).toBe(false);
      expect(await t.claimLease('sync', 'A', at(30), 60_000)).toBe(false); // held, even by its owner
      expect(await t.renewLease('sync', 'B', at(31), 60_000)).toBe(false);
      expect(await t.renewLease('sync', 'A', at(31), 60_000)).toBe(true);
      expect(await t.claimLease('sync', 'B', at(90), 60_000)).toBe(false); // renewed until 91
      expect(await t.claimLease('sync', 'B', at(91), 60_000)).toBe(true);
      await t.releaseLease('sync', 'A'); // not A's any more: nothing happens
      expect(await t.claimLease('sync', 'C', at(92), 60_000)).toBe(false);
      await t.releaseLease('sync', 'B');
      expect(await t.claimLease('sync', 'C', at(93), 60_000)).toBe(true);
      expect(await t.claimLease('other', 'B', at(93), 60_000)).toBe(true);
    });

    it('gives a lease to exactly one of two processes claiming at once', async (ctx) => {
      const other = await second(ctx);
      for (let round = 0; round < 5; round++) {
        const name = `source:${round}`;
        const won = await Promise.all([
          store.team.claimLease(name, 'A', T0, 60_000),
          other.team.claimLease(name, 'B', T0, 60_000),
        ]);
        expect(won.filter(Boolean)).toHaveLength(1);
      }
    });

    it('caches vectors by model and text hash', async () => {
      const v = Float32Array.from([0.25, -1, 3.5]);
      await store.team.saveVectors('m1', [{ hash: 'h1', vector: v }]);
      await store.team.saveVectors('m1', [{ hash: 'h1', vector: Float32Array.from([9, 9, 9]) }]);
      const got = await store.team.vectors('m1', ['h1', 'h2']);
      expect(got.map((g) => [g.hash, Array.from(g.vector)])).toEqual([['h1', [0.25, -1, 3.5]]]);
      expect(await store.team.vectors('m2', ['h1'])).toEqual([]);
      expect(await store.team.vectors('m1', [])).toEqual([]);
    });

    it('sees another process write documents (the revision tells replicas to refresh)', async (ctx) => {
      const other = await second(ctx);
      await addSource('s1');
      const seen = await other.team.revision();
      await store.team.writeDocument('s1', DOC, passages('fresh'), at(1));
      expect(await other.team.revision()).toBeGreaterThan(seen);
      expect((await other.team.changes(seen)).passages.map((p) => p.text)).toEqual(['fresh']);
    });
  });
}
