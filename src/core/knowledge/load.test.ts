import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isCoachError } from '../errors.ts';
import { loadKnowledge, readKnowledge, splitBody } from './load.ts';

const FIXTURE = 'test/fixtures/knowledge';
const dirs: string[] = [];
function copyFixture(): string {
  const dir = mkdtempSync(join(tmpdir(), 'coach-kb-'));
  cpSync(FIXTURE, dir, { recursive: true });
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('readKnowledge', () => {
  it('never runs front matter written for another engine (---js): the file is a validation error', () => {
    const dir = copyFixture();
    const marker = join(dir, 'pwned.txt');
    const js = `---js\n(function () { require('node:fs').writeFileSync(${JSON.stringify(marker)}, 'x'); globalThis.__coachPwned = true; return { id: 'evil' }; })()\n---\n\n## en\n\nx\n\n## zh\n\nx\n`;
    writeFileSync(join(dir, 'evil.md'), js);
    writeFileSync(join(dir, 'evil-two.md'), js.replace('---js', '---javascript'));
    const { problems } = readKnowledge(dir);
    expect((globalThis as { __coachPwned?: boolean }).__coachPwned).toBeUndefined();
    expect(() => readFileSync(marker)).toThrow();
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^evil\.md: .*only YAML front matter/),
        expect.stringMatching(/^evil-two\.md: .*only YAML front matter/),
      ]),
    );
  });

  it('loads valid entries with both languages, sources and glossary', () => {
    const { kb, problems } = readKnowledge(FIXTURE);
    expect(problems).toEqual([]);
    expect(kb.entries.map((e) => e.id)).toEqual(['buyer-trust', 'category-first', 'price-last']);
    const e = kb.byId.get('buyer-trust');
    expect(e?.body.en).toContain('trust');
    expect(e?.body.zh).toContain('信任');
    expect(e?.title.zh).toBe('客户只和信任的供应商签约');
    expect(kb.byId.get('category-first')?.questions.zh).toHaveLength(1);
    expect(kb.glossary[0]?.ids).toEqual(['buyer-trust']);
  });

  it('reports every problem: missing field, dangling related, one language, duplicate id, unknown source', () => {
    const dir = copyFixture();
    const trust = join(dir, 'buyer-trust.md');
    writeFileSync(trust, readFileSync(trust, 'utf8').replace(/^tags:.*\n/m, ''));
    const price = join(dir, 'price-last.md');
    writeFileSync(
      price,
      readFileSync(price, 'utf8')
        .replace(/## zh[\s\S]*$/, '')
        .replace('source: fixture', 'source: nowhere'),
    );
    const cat = join(dir, 'category-first.md');
    writeFileSync(
      cat,
      readFileSync(cat, 'utf8').replace('related: [buyer-trust]', 'related: [no-such-entry]'),
    );
    writeFileSync(join(dir, 'copy-of-category.md'), readFileSync(cat, 'utf8'));
    const { problems } = readKnowledge(dir);
    const text = problems.join('\n');
    expect(text).toMatch(/buyer-trust\.md: tags/);
    expect(text).toMatch(/price-last\.md: the "## zh" section is missing/);
    expect(text).toMatch(/category-first\.md: related id "no-such-entry" does not exist/);
    expect(text).toMatch(/copy-of-category\.md: duplicate id "category-first"/);
    expect(text).toMatch(/glossary\.json: term "KP" points to unknown id "buyer-trust"/);
  });

  it('reports broken YAML and an id that differs from the file name', () => {
    const dir = copyFixture();
    writeFileSync(join(dir, 'broken.md'), '---\nid: [unclosed\n---\n## en\nx\n## zh\ny\n');
    const cat = join(dir, 'category-first.md');
    writeFileSync(
      join(dir, 'renamed.md'),
      readFileSync(cat, 'utf8').replace('id: category-first', 'id: renamed-entry'),
    );
    const { problems } = readKnowledge(dir);
    expect(problems.join('\n')).toMatch(/broken\.md: front matter is not valid YAML/);
    expect(problems.join('\n')).toMatch(/renamed\.md: id "renamed-entry" does not match the file name/);
  });

  it("reports an out-of-scope question under an unknown concept, a repeat, or one of the entries' own", () => {
    const dir = copyFixture();
    const own = 'How do buyers decide whom to trust?';
    const entry = join(dir, 'buyer-trust.md');
    writeFileSync(
      entry,
      readFileSync(entry, 'utf8').replace(
        'related: [price-last]\n',
        `related: [price-last]\nquestions:\n  en:\n    - "${own}"\n`,
      ),
    );
    writeFileSync(
      join(dir, 'out-questions.json'),
      JSON.stringify([
        { lang: 'en', topic: 'other', q: 'How often should we post on LinkedIn?' },
        { lang: 'en', topic: 'other', q: 'How often should we post on LinkedIn?' },
        { lang: 'en', topic: 'no-such-concept', q: 'Which CRM is best?' },
        { lang: 'en', topic: 'other', q: own },
      ]),
    );
    const { kb, problems } = readKnowledge(dir);
    expect(problems.join('\n')).toMatch(/item 1 repeats/);
    expect(problems.join('\n')).toMatch(/unknown out-of-scope concept "no-such-concept"/);
    expect(problems.join('\n')).toMatch(/item 3 is an entry's own question/);
    expect(problems).toHaveLength(3);
    expect(kb.outQuestions).toHaveLength(4);
  });

  it('reports worth-it entries on a topic concept, or worth-it or near entries pointing to an unknown entry', () => {
    const dir = copyFixture();
    const terms = (t: string) => ({ en: [t], zh: [] });
    const label = { en: 'x', zh: 'x' };
    writeFileSync(
      join(dir, 'concepts.json'),
      JSON.stringify([
        { id: 'tv', kind: 'out', label, terms: terms('tv ad'), worthIt: { 'buyer-trust': 1 } },
        { id: 'radio', kind: 'out', label, terms: terms('radio ad'), worthIt: { 'no-such-entry': 1 } },
        {
          id: 'trust',
          kind: 'topic',
          label,
          terms: terms('trust'),
          entries: { 'buyer-trust': 1 },
          worthIt: { 'buyer-trust': 1 },
        },
      ]),
    );
    const { problems } = readKnowledge(dir);
    expect(problems.join('\n')).toMatch(/only an out-of-scope concept has worthIt or near entries/);
    writeFileSync(
      join(dir, 'concepts.json'),
      JSON.stringify([
        { id: 'tv', kind: 'out', label, terms: terms('tv ad'), worthIt: { 'buyer-trust': 1 } },
        { id: 'radio', kind: 'out', label, terms: terms('radio ad'), worthIt: { 'no-such-entry': 1 } },
      ]),
    );
    const second = readKnowledge(dir);
    expect(second.problems).toEqual(['concepts.json: concept "radio" points to unknown id "no-such-entry"']);
    writeFileSync(
      join(dir, 'concepts.json'),
      JSON.stringify([
        { id: 'ar', kind: 'out', label, terms: terms('magic quadrant'), near: { 'no-such-entry': 1 } },
      ]),
    );
    expect(readKnowledge(dir).problems).toEqual([
      'concepts.json: concept "ar" points to unknown id "no-such-entry"',
    ]);
    expect(second.kb.concepts.find((c) => c.id === 'tv')?.worthIt).toEqual({ 'buyer-trust': 1 });
  });

  it('reports a term two concepts share as the matcher reads it (stemmed), not only as spelled', () => {
    const dir = copyFixture();
    const label = { en: 'x', zh: 'x' };
    const topic = (id: string, en: string[], zh: string[] = []) => ({
      id,
      kind: 'topic',
      label,
      terms: { en, zh },
      entries: { 'buyer-trust': 1 },
    });
    writeFileSync(
      join(dir, 'concepts.json'),
      JSON.stringify([
        topic('deals', ['renewal', 'cold call', '续约', "buyer's journey"]),
        topic('retention', ['renew', 'renews', '續約']),
        topic('outreach', ['Cold  Calling', 'buyer’s journey']),
        topic('contracts', ['续约合同', 'B2B 品牌']),
        topic('brand', ['b2b品牌']),
      ]),
    );
    const { problems } = readKnowledge(dir);
    expect(problems).toEqual([
      'concepts.json: term "renewal" / "renews" is in both "deals" and "retention" (pick one)',
      'concepts.json: term "续约" / "續約" is in both "deals" and "retention" (pick one)',
      'concepts.json: term "cold call" / "Cold  Calling" is in both "deals" and "outreach" (pick one)',
      'concepts.json: term "buyer\'s journey" / "buyer’s journey" is in both "deals" and "outreach" (pick one)',
      'concepts.json: term "B2B 品牌" / "b2b品牌" is in both "contracts" and "brand" (pick one)',
    ]);
  });

  it('loadKnowledge throws knowledge_invalid listing the problems', () => {
    const dir = copyFixture();
    writeFileSync(join(dir, 'sources.json'), '{ not json');
    try {
      loadKnowledge(dir);
      expect.unreachable();
    } catch (err) {
      expect(isCoachError(err, 'knowledge_invalid')).toBe(true);
      expect((err as Error).message).toContain('sources.json');
    }
  });

  it('the real knowledge base has no problems and covers both articles', () => {
    const { kb, problems } = readKnowledge('knowledge');
    expect(problems).toEqual([]);
    expect(kb.entries.length).toBeGreaterThanOrEqual(50);
    const sources = new Set(kb.entries.map((e) => e.source));
    expect(sources).toEqual(new Set(['first-principles', 'marketing-ends-in-b2b']));
    for (const id of [
      'usp-vs-uvp',
      'four-t-model',
      'decision-chain',
      'maturity-levels',
      'value-over-price',
    ]) {
      expect(kb.byId.has(id), id).toBe(true);
    }
  });
});

describe('splitBody', () => {
  it('splits the en and zh sections', () => {
    expect(splitBody('## en\n\nHello\n\n## zh\n\n你好\n')).toEqual({ en: 'Hello', zh: '你好' });
    expect(splitBody('no sections')).toEqual({});
  });
});
