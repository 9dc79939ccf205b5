/**
 * The team's knowledge from the command line, as scripts use it (real processes, a temp SQLite file):
 * add, list, sync, status and remove; `ask`, `search` and `review` with and without `--chat`; the JSON
 * contract of a team citation.
 */
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCoach } from './cli-run.ts';

let dir: string;
let env: Record<string, string>;
let docs: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'coach-team-cli-'));
  docs = join(dir, 'team-docs');
  mkdirSync(join(docs, 'cases'), { recursive: true });
  writeFileSync(
    join(docs, 'cases', 'helix.md'),
    '# Helix Robotics case study\n\n## Results\n\nHelix Robotics cut quote turnaround from 5 days to 1 day with our configurator, and won 18 % more deals.\n',
  );
  writeFileSync(join(docs, 'broken.docx'), 'not really a docx');
  mkdirSync(join(dir, 'board'));
  writeFileSync(
    join(dir, 'board', 'memo.md'),
    '# Quasar pricing memo\n\nQuasar tier discount for the board deal is 12 %.\n',
  );
  env = { COACH_DB_PATH: join(dir, 'coach.db'), TEAM_KNOWLEDGE_DIR: docs };
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** The CLI's one JSON value (its shape asserted by each test). */
// biome-ignore lint/suspicious/noExplicitAny: parsed output, checked field by field below
const json = (stdout: string): any => JSON.parse(stdout);

describe('coach knowledge (team sources)', () => {
  it('registers TEAM_KNOWLEDGE_DIR, syncs it and answers with a team citation in the JSON contract', async () => {
    const sync = await runCoach(['knowledge', 'sync', '--json'], { env });
    expect(sync.code).toBe(0);
    const [report] = JSON.parse(sync.stdout) as {
      status: string;
      documents: number;
      problems: { file: string }[];
    }[];
    expect(report).toMatchObject({ status: 'warning', documents: 1 });
    expect(report?.problems.map((p) => p.file)).toEqual(['team-docs/broken.docx']);

    const ask = await runCoach(['ask', 'How much did Helix Robotics cut quote turnaround?', '--json'], {
      env,
    });
    expect(ask.code).toBe(0);
    const answer = json(ask.stdout);
    const team = answer.citations.find((c: { team?: boolean }) => c.team === true);
    expect(team).toBeDefined();
    expect(Object.keys(team ?? {}).sort()).toEqual(['id', 'source', 'team', 'title']);
    expect(team).toMatchObject({
      id: expect.stringMatching(/^team:k[0-9a-f]{7}:/),
      title: 'Helix Robotics case study › Results',
      source: 'team-docs/cases/helix.md#results',
    });
    const principle = await runCoach(['ask', '我们要不要靠降价抢客户？', '--json'], { env });
    expect(Object.keys(json(principle.stdout).citations[0] ?? {}).sort()).toEqual(['id', 'source', 'title']);
  });

  it('keeps a --chat source to that chat in ask, search and review', async () => {
    const add = await runCoach(['knowledge', 'add', join(dir, 'board'), '--chat', 'slack:CBOARD', '--json'], {
      env,
    });
    expect(add.code).toBe(0);
    expect(json(add.stdout)).toMatchObject({
      created: true,
      source: { chat: 'slack:CBOARD' },
      sync: { status: 'ok', passages: 1 },
    });
    const q = 'What is the Quasar tier discount?';
    const inChat = await runCoach(['ask', q, '--json', '--chat', 'slack:CBOARD'], { env });
    expect(inChat.stdout).toContain('Quasar pricing memo');
    const elsewhere = await runCoach(['ask', q, '--json', '--chat', 'slack:COTHER'], { env });
    expect(elsewhere.stdout).not.toContain('Quasar');
    const teamWide = await runCoach(['search', q, '--json'], { env });
    expect(teamWide.stdout).not.toContain('Quasar');
    const search = await runCoach(['search', q, '--json', '--chat', 'slack:CBOARD'], { env });
    expect((JSON.parse(search.stdout) as { team?: boolean; title: string }[])[0]).toMatchObject({
      team: true,
      title: 'Quasar pricing memo',
    });
    const review = await runCoach(
      ['review', 'Helix Robotics uses our configurator to quote faster.', '--json', '--chat', 'slack:CBOARD'],
      { env },
    );
    expect(json(review.stdout).suggestions.join('\n')).toContain('Helix Robotics case study');
    const bad = await runCoach(['ask', q, '--chat', 'no colon'], { env });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--chat takes <platform>:<chat id>');
  });

  it('lists sources and their state; a broken sync fails loudly; remove takes a source away', async () => {
    const list = await runCoach(['knowledge', 'list', '--json'], { env });
    const sources = JSON.parse(list.stdout) as {
      id: string;
      title: string;
      chat: string | null;
      passages: number;
    }[];
    expect(sources.map((s) => [s.title, s.chat])).toEqual([
      ['team-docs', null],
      ['board', 'slack:CBOARD'],
    ]);
    renameSync(docs, join(dir, 'moved-away'));
    const sync = await runCoach(['knowledge', 'sync'], { env });
    expect(sync.code).toBe(1);
    expect(sync.stdout).toContain('does not exist');
    const status = await runCoach(['knowledge', 'status', '--json'], { env });
    expect(status.code).toBe(1);
    const body = json(status.stdout) as {
      ok: boolean;
      failing: { id: string }[];
      sources: { id: string; passages: number; lastSyncAt: string; error: string | null }[];
    };
    expect(body.ok).toBe(false);
    const failing = body.sources.find((s) => s.id === body.failing[0]?.id);
    expect(failing).toMatchObject({ passages: 1, error: expect.stringContaining('does not exist') });
    expect(failing?.lastSyncAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    const removed = await runCoach(['knowledge', 'remove', sources[1]?.id ?? ''], { env });
    expect(removed.code).toBe(0);
    expect(removed.stdout).toContain('removed');
    const again = await runCoach(['knowledge', 'remove', sources[1]?.id ?? ''], { env });
    expect(again.code).toBe(1);
    const check = await runCoach(['knowledge', 'check'], { env });
    expect(check.code).toBe(0);
  });
});
