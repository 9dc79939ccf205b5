/**
 * Reviews name proof from the team's own documents: offline, and with a model (which sees the proof as
 * data in its prompt). Scoped passages never reach another chat's review.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FakeOpenAI, startFakeOpenAI } from '../../../test/fakes/fake-openai.ts';
import { testClient } from '../../../test/support/llm-test-support.ts';
import { dataBlock, messagesOf } from '../../../test/support/prompt-data.ts';
import { kb, modelJson } from '../../../test/support/review-fixture.ts';
import { silentLogger } from '../logger.ts';
import { createRetriever, type Retriever } from '../retrieval/retriever.ts';
import { createTeamIndex } from '../retrieval/team-index.ts';
import { openSqliteStore } from '../store/sqlite-store.ts';
import type { Store } from '../store/types.ts';
import { splitPassages } from '../team/passages.ts';
import { createReviewer } from './reviewer.ts';

const T0 = new Date('2025-03-01T08:00:00Z');
const DRAFT = 'FlowCRM is the quoting CRM for machine builders. Quote faster and win more deals.';

let store: Store;
let retriever: Retriever;

async function addDoc(id: string, chat: string, title: string, text: string) {
  await store.team.addSource({ id, kind: 'folder', location: `/d/${id}`, chat, title }, T0);
  const passages = splitPassages(
    [{ heading: 1, text: 'Results', anchor: 'results' }, { text }],
    `docs/${id}.md`,
  );
  await store.team.writeDocument(id, { key: id, title, link: `docs/${id}.md`, revision: 'r' }, passages, T0);
}

beforeAll(async () => {
  store = openSqliteStore(':memory:');
  const index = createTeamIndex({ refreshMs: 0 });
  index.connect(store.team);
  retriever = createRetriever(kb, {}, { index });
  await addDoc(
    'acme',
    '',
    'Acme case study',
    'Acme Machines moved its quoting to FlowCRM in 2023. Quote turnaround fell from 5 days to 1 day, and the win rate rose by 18 %.',
  );
  await addDoc(
    'board',
    'slack:CA',
    'Board memo',
    'FlowCRM quoting: Zenith Tools signed after a pilot; 12 plants use it.',
  );
  await addDoc('office', '', 'Office guide', 'The office opens at nine. Coffee is on the second floor.');
});

afterAll(async () => {
  await store.close();
});

describe('team proof in reviews', () => {
  it('offline: suggests the proof the team documents hold, quoting it with the document and link', async () => {
    const reviewer = createReviewer({ retriever, logger: silentLogger() });
    const result = await reviewer.review(DRAFT);
    const proof = result.suggestions[0] ?? '';
    expect(proof).toContain('Acme case study');
    expect(proof).toContain('docs/acme.md#results');
    expect(proof).toContain('Quote turnaround fell from 5 days to 1 day');
    expect(result.suggestions.length).toBeLessThanOrEqual(4);
    expect(result.suggestions.join('\n')).not.toContain('Office guide');
    // The stronger version uses the proof instead of asking for "[customer name] cut [metric] by [X%]".
    expect(result.rewrite).toContain('Quote turnaround fell from 5 days to 1 day');
    expect(result.rewrite).not.toContain('[customer name]');
    const without = await createReviewer({
      retriever: createRetriever(kb, {}, { index: createTeamIndex() }),
      logger: silentLogger(),
    }).review(DRAFT);
    expect(without.rewrite).toContain('[customer name]');
  });

  it("uses a chat's own passages in that chat only", async () => {
    const reviewer = createReviewer({ retriever, logger: silentLogger() });
    const inA = await reviewer.review(DRAFT, { chat: 'slack:CA' });
    expect(inA.suggestions.join('\n')).toContain('Board memo');
    for (const chat of ['slack:CB', '']) {
      const elsewhere = await reviewer.review(DRAFT, { chat });
      expect(JSON.stringify(elsewhere)).not.toContain('Zenith');
    }
  });

  it('writes in Chinese for a Chinese draft', async () => {
    const reviewer = createReviewer({ retriever, logger: silentLogger() });
    const result = await reviewer.review(
      'FlowCRM 是给机床厂做报价的 CRM，报价更快，赢单更多。FlowCRM quoting',
    );
    expect(result.lang).toBe('zh');
    expect(result.suggestions[0]).toContain('团队文档《Acme case study › Results》');
  });

  describe('with a model', () => {
    let fake: FakeOpenAI;
    beforeEach(async () => {
      fake = await startFakeOpenAI();
    });
    afterEach(async () => {
      await fake.close();
    });

    it('gives the proof to the model as data and makes sure a suggestion names it', async () => {
      fake.reply(modelJson({ suggestions: ['Name a customer.'] }));
      const reviewer = createReviewer({
        llm: testClient(fake.url, { logger: silentLogger() }),
        retriever,
        logger: silentLogger(),
      });
      const result = await reviewer.review(DRAFT);
      expect(result.mode).toBe('llm');
      const { user } = messagesOf(fake.requests.at(-1));
      const data = dataBlock(user);
      expect(data).toContain('TEAM PROOF');
      expect(data).toContain('Acme case study › Results — docs/acme.md#results');
      expect(data).not.toContain('Zenith');
      expect(result.suggestions.some((s) => s.includes('Acme case study'))).toBe(true);
      expect(result.suggestions).toContain('Name a customer.');
    });

    it('keeps numbers from the proof in the rewrite and no others', async () => {
      fake.reply(
        modelJson({
          suggestions: ['Use the Acme case study result.'],
          rewrite: 'FlowCRM: quotes in 1 day instead of 5 at Acme Machines, and 40 % more wins.',
        }),
      );
      const reviewer = createReviewer({
        llm: testClient(fake.url, { logger: silentLogger() }),
        retriever,
        logger: silentLogger(),
      });
      const result = await reviewer.review(DRAFT);
      expect(result.rewrite).toContain('quotes in 1 day instead of 5');
      expect(result.rewrite).toContain('[X%] more wins');
      // The model named the document already: no second suggestion for it.
      expect(result.suggestions.filter((s) => s.includes('Acme case study'))).toHaveLength(1);
    });
  });
});
