import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../knowledge/load.ts';
import { openSqliteStore } from '../store/sqlite-store.ts';
import type { Store } from '../store/types.ts';
import { splitPassages } from '../team/passages.ts';
import { createRetriever, type Retriever } from './retriever.ts';
import { createTeamIndex, type TeamIndex } from './team-index.ts';

const kb = loadKnowledge('knowledge');
const T0 = new Date('2025-03-01T08:00:00Z');

/** Stores one document of `blocks` Markdown-like text as a source's passages. */
async function addDoc(store: Store, sourceId: string, chat: string, title: string, paragraphs: string[]) {
  await store.team.addSource(
    { id: sourceId, kind: 'folder', location: `/docs/${sourceId}`, chat, title },
    T0,
  );
  const passages = splitPassages(
    paragraphs.map((text) =>
      text.startsWith('# ') ? { heading: 1, text: text.slice(2), anchor: 'h' } : { text },
    ),
    `docs/${sourceId}.md`,
  );
  await store.team.writeDocument(
    sourceId,
    { key: `${sourceId}.md`, title, link: `docs/${sourceId}.md`, revision: 'r1' },
    passages,
    T0,
  );
}

describe('retrieval over curated entries and team passages', () => {
  let store: Store;
  let index: TeamIndex;
  let retriever: Retriever;

  beforeEach(async () => {
    store = openSqliteStore(':memory:');
    index = createTeamIndex({ refreshMs: 0 });
    index.connect(store.team);
    retriever = createRetriever(kb, {}, { index });
    await addDoc(store, 'acme', '', 'Acme case study', [
      '# Results',
      'Acme, a logistics firm, cut onboarding time by 40 % in three months with our platform. Their CFO approved the rollout after the pilot.',
    ]);
    await addDoc(store, 'east', '', '华东制造客户案例', [
      '# 结果',
      '华东制造集团上线三个月后，设备停机时间下降了 35%，工厂经理说验收一次通过。',
    ]);
    await addDoc(store, 'office', '', 'Office guide', [
      'Our Paris office is next to the station; visitors sign in at reception.',
    ]);
    await addDoc(store, 'secret', 'slack:CA', 'Board pricing memo', [
      'Zephyr discount policy: the Zephyr tier gets 12 % off for the board deal.',
    ]);
    await retriever.prepare('warm up');
  });

  afterEach(async () => {
    await store.close();
  });

  it('answers from a team passage a question only the team documents cover, in English and Chinese', () => {
    const en = retriever.lookup('What did the Acme case achieve in onboarding?', { k: 3 });
    expect(en.coverage).toBe('covered');
    expect(en.hits[0]?.entry.team?.docTitle).toBe('Acme case study');
    expect(en.hits[0]?.entry.id).toMatch(/^team:acme:/);
    const zh = retriever.lookup('华东制造的案例里停机时间降了多少？', { k: 3 });
    expect(zh.coverage).toBe('covered');
    expect(zh.hits[0]?.entry.team?.docTitle).toBe('华东制造客户案例');
  });

  it('keeps curated answers first for questions about the principles', () => {
    const found = retriever.lookup('how do I write a UVP instead of listing features', { k: 3 });
    expect(found.hits[0]?.entry.id).toBe('usp-vs-uvp');
    expect(found.hits.some((h) => h.entry.team)).toBe(false);
  });

  it('offers both the principle and the team case when a question names the team case', () => {
    const found = retriever.lookup("How do I win a CFO's trust with the Acme case?", { k: 3 });
    expect(found.coverage).toBe('covered');
    expect(found.hits.some((h) => !h.entry.team)).toBe(true);
    expect(found.hits.some((h) => h.entry.team?.docTitle === 'Acme case study')).toBe(true);
  });

  it('does not let one shared word carry an off-topic question', () => {
    const found = retriever.lookup("What's the weather in Paris tomorrow?", { k: 3 });
    expect(found.coverage).toBe('not_covered');
    expect(found.hits).toEqual([]);
  });

  it("never shows a chat's passage in another chat or team-wide", () => {
    const q = 'What is the Zephyr discount policy?';
    expect(retriever.lookup(q, { chat: 'slack:CA' }).hits[0]?.entry.team?.docTitle).toBe(
      'Board pricing memo',
    );
    for (const chat of ['slack:CB', '', 'feishu:CA']) {
      expect(retriever.lookup(q, { chat }).hits.every((h) => h.entry.team?.chat !== 'slack:CA')).toBe(true);
    }
  });

  it('follows the database: new passages appear and removed ones go after a refresh', async () => {
    const q = 'What does the Orion onboarding checklist say?';
    expect(retriever.lookup(q).hits.some((h) => h.entry.team)).toBe(false);
    await addDoc(store, 'orion', '', 'Orion checklist', [
      'The Orion onboarding checklist has five steps, starting with a kickoff call.',
    ]);
    await retriever.prepare(q);
    expect(retriever.lookup(q).hits[0]?.entry.team?.docTitle).toBe('Orion checklist');
    await store.team.removeSource('orion');
    await retriever.prepare(q);
    expect(retriever.lookup(q).hits.some((h) => h.entry.team?.docTitle === 'Orion checklist')).toBe(false);
    expect(index.size).toBe(4);
  });
});
