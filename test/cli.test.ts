import { describe, expect, it } from 'vitest';
import { runCoach } from './cli-run.ts';

describe('coach CLI (real process)', () => {
  it('search --json prints the best entries as a JSON array', async () => {
    const r = await runCoach([
      'search',
      'how do I write a UVP instead of listing features',
      '--json',
      '--k',
      '3',
    ]);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThanOrEqual(3);
    expect(Object.keys(rows[0]).sort()).toEqual(['id', 'score', 'source', 'text', 'title']);
    expect(rows.map((x: { id: string }) => x.id)).toContain('usp-vs-uvp');
  });

  it('search reads questions from stdin, one JSON array per line', async () => {
    const r = await runCoach(['search', '--json', '--k', '2'], {
      stdin: '我们要不要降价促销？\n\nwhat is ABM\n',
    });
    expect(r.code).toBe(0);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    expect(lines[0][0].id).toBe('value-over-price');
    expect(lines[1].map((x: { id: string }) => x.id)).toContain('abm-fit');
    expect(r.stderr).toContain('skipped an empty line');
  });

  it('ask --json answers offline with citations', async () => {
    const r = await runCoach(['ask', '我们要不要靠降价抢客户？', '--json']);
    expect(r.code).toBe(0);
    const a = JSON.parse(r.stdout);
    expect(a.mode).toBe('offline');
    expect(a.citations.map((c: { id: string }) => c.id)).toContain('value-over-price');
    expect(Object.keys(a.citations[0]).sort()).toEqual(['id', 'source', 'title']);
    expect(a.answer).toContain('离线');
  });

  it('ask on an off-topic question answers with no citations', async () => {
    const r = await runCoach(['ask', 'How long should I boil an egg for a runny yolk?', '--json']);
    expect(JSON.parse(r.stdout)).toMatchObject({ citations: [], mode: 'offline' });
  });

  it('tip --json prints one tip', async () => {
    const r = await runCoach(['tip', '--json']);
    expect(r.code).toBe(0);
    expect(Object.keys(JSON.parse(r.stdout)).sort()).toEqual(['id', 'source', 'text', 'title']);
  });

  it('knowledge check passes on the shipped knowledge and fails on a broken folder', async () => {
    const ok = await runCoach(['knowledge', 'check']);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/knowledge ok: \d+ entries/);
    const bad = await runCoach(['knowledge', 'check', '--dir', 'test']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/problem/);
  });

  it('bad input exits 2 with one error line and usage on stderr', async () => {
    for (const args of [
      ['ask'],
      ['ask', '   '],
      ['search', 'x', '--bogus'],
      ['nope'],
      ['search', 'x', '--k', 'many'],
    ]) {
      const r = await runCoach(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^coach .*\n.*usage|coach: a B2B/s);
    }
  });

  it('a 100 KB question is answered, truncated with a note', async () => {
    const r = await runCoach(['ask', `${'price discount '.repeat(7000)}?`, '--json']);
    expect(r.code).toBe(0);
    const a = JSON.parse(r.stdout);
    expect(a.notes[0]).toMatch(/read the first/);
  });
});
