/**
 * The team's knowledge from chat: admins `learn` a Feishu document for their chat, list `sources`,
 * `forget` one; others get a clear no. What a chat learns answers its questions, with the document's
 * title and link, and never reaches another chat's answers, reviews or source list.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFeishuDocsProvider } from '../src/adapters/feishu/docs-provider.ts';
import { createAnswerer } from '../src/core/answer/answerer.ts';
import { createAdmins } from '../src/core/chat/admins.ts';
import { parseCommand } from '../src/core/chat/commands/index.ts';
import type { ChatEngine } from '../src/core/chat/engine.ts';
import { silentLogger } from '../src/core/logger.ts';
import { createRetriever } from '../src/core/retrieval/retriever.ts';
import { createTeamIndex } from '../src/core/retrieval/team-index.ts';
import { createReviewer } from '../src/core/review/reviewer.ts';
import type { Store } from '../src/core/store/types.ts';
import { createFolderProvider } from '../src/core/team/folder-provider.ts';
import { blocksOf, type FakeFeishuDocs, startFakeFeishuDocs } from './fakes/fake-feishu-docs.ts';
import { engineWith, kb, msg, replyTo, setupEngineFixture, textOf } from './support/engine-fixture.ts';
import { teamOn } from './support/team-fixture.ts';

const LINK = 'https://acme.feishu.cn/docx/CaseTok1234';
const A = { chatId: 'C1' };
const B = { chatId: 'C2' };
const ADMIN = { userId: 'U1' };
const OTHER = { userId: 'U2' };

setupEngineFixture();

describe('team knowledge from chat', () => {
  let fake: FakeFeishuDocs;
  let engine: ChatEngine;
  let store: Store;

  beforeEach(async () => {
    fake = await startFakeFeishuDocs();
    fake.docs.set('CaseTok1234', {
      title: 'Orbis case study',
      revision: 1,
      blocks: blocksOf([
        '# Results',
        'Orbis Freight cut customer onboarding from 30 days to 9 days with our planner.',
      ]),
    });
    const built = engineWith();
    store = built.store;
    const index = createTeamIndex({ refreshMs: 0 });
    index.connect(store.team);
    const retriever = createRetriever(kb, {}, { index });
    const team = teamOn(
      store,
      [
        createFolderProvider(),
        createFeishuDocsProvider({
          credentials: { appId: 'cli_a1b2c3d4e5f60789', appSecret: 's', domain: fake.url },
          logger: silentLogger(),
          perSecond: 0,
        }),
      ],
      { onChange: () => index.refresh(true) },
    );
    engine = engineWith({
      store,
      answerer: createAnswerer({ retriever, logger: silentLogger() }),
      reviewer: createReviewer({ retriever, logger: silentLogger() }),
      admins: createAdmins(['slack:U1']),
      team,
    }).engine;
  });

  afterEach(async () => {
    await fake.close();
  });

  const ask = async (where: { chatId: string }, text: string, who = ADMIN) =>
    replyTo(engine, msg({ ...where, ...who, text }));

  it('says no, politely and in the asker’s language, to anyone not named in COACH_ADMINS', async () => {
    for (const text of [`/learn ${LINK}`, '/sources', '/forget k1234567']) {
      expect(textOf(await ask(A, text, OTHER))).toContain("Only Coach's admins");
    }
    expect(textOf(await ask(A, `/学习 ${LINK}`, OTHER))).toContain('只有 Coach 的管理员');
    expect(await store.team.sources()).toEqual([]);
  });

  it("learns a document for one chat: that chat's answers cite it, other chats never see it", async () => {
    const learned = textOf(await ask(A, `/learn ${LINK}`));
    expect(learned).toContain('Learned **Orbis case study**');
    expect(learned).toContain('1 documents');
    const id = /`(k[0-9a-f]{7})`/.exec(learned)?.[1] ?? '';

    const q = 'How long did Orbis Freight onboarding take with our planner?';
    const inA = await ask(A, q, OTHER);
    expect(inA.citations[0]).toMatchObject({
      id: expect.stringMatching(/^team:/),
      title: 'Orbis case study › Results',
      source: `${LINK}#blk0`,
      team: true,
    });
    expect(textOf(inA)).toContain('30 days to 9 days');
    const inB = await ask(B, q, OTHER);
    expect(JSON.stringify(inB)).not.toContain('Orbis');

    const reviewB = await ask(B, 'review Our planner cuts onboarding for freight firms.', OTHER);
    expect(JSON.stringify(reviewB)).not.toContain('Orbis');
    const reviewA = await ask(A, 'review Our planner cuts onboarding for freight firms like Orbis.', OTHER);
    expect(reviewA.review?.suggestions[0]).toContain('Orbis case study');

    expect(textOf(await ask(A, '/sources'))).toContain(`\`${id}\` **Orbis case study** (this chat only)`);
    expect(textOf(await ask(B, '/sources'))).toContain('No documents yet');
    expect(textOf(await ask(B, `/forget ${id}`))).toContain(`There is no source \`${id}\` here`);
    expect(textOf(await ask(A, `/forget ${id}`))).toContain('Forgot **Orbis case study**');
    expect(JSON.stringify(await ask(A, q, OTHER))).not.toContain('Orbis case study');
  });

  it('learns only links from chat, never a path on the server, and explains a bad link', async () => {
    const path = textOf(await ask(A, '/learn /etc'));
    expect(path).toContain('Cannot learn from "/etc"');
    const sheet = textOf(await ask(A, '/learn https://acme.feishu.cn/sheets/shtAbc12345'));
    expect(sheet).toContain('not a docx document');
    expect(textOf(await ask(A, '/learn'))).toContain('Send `learn <link>`');
    expect(await store.team.sources()).toEqual([]);
  });

  it('reads words that start questions as questions, not commands', () => {
    expect(parseCommand('学习 B2B 营销应该从哪里开始？')).toEqual({
      name: 'ask',
      text: '学习 B2B 营销应该从哪里开始？',
    });
    expect(parseCommand('forget about price, what matters?')).toMatchObject({ name: 'ask' });
    expect(parseCommand(`learn ${LINK}`)).toEqual({ name: 'team', action: 'learn', arg: LINK });
    expect(parseCommand('/sources')).toEqual({ name: 'team', action: 'sources', arg: '' });
    expect(parseCommand('forget k1a2b3c4')).toEqual({ name: 'team', action: 'forget', arg: 'k1a2b3c4' });
  });
});
