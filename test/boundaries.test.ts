/**
 * The architecture, as executable rules (read from the import statements of every file under src/):
 * - dependencies point inward: core never imports adapters, the LLM client, the CLI, config or the
 *   entry points; the capability folders of core never import the chat engine;
 * - adapters never import each other (only the shared delivery layer, HTTP server and platform types);
 * - each SDK and driver has one owner folder; only src/config.ts reads process.env;
 * - core names no platform; no import cycles anywhere in src/.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith('.ts') && !path.endsWith('.test.ts') ? [path] : [];
  });
}

const files = sources('src').map((path) => {
  const text = readFileSync(path, 'utf8');
  const specifiers = [
    ...text.matchAll(
      /(?:^|\n)\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g,
    ),
  ].map((m) => m[1] ?? m[2] ?? '');
  const file = relative('.', path);
  // Relative imports resolved to repository paths (`src/core/chat/engine.ts`); packages kept as named.
  const imports = specifiers.map((s) => (s.startsWith('.') ? normalize(join(dirname(file), s)) : s));
  return { path: file, text, imports };
});

/** Package → the only folder allowed to import it. */
const OWNERS: [RegExp, string][] = [
  [/^openai(\/|$)/, 'src/llm/'],
  [/^@slack\//, 'src/adapters/slack/'],
  [/^@larksuiteoapi\//, 'src/adapters/feishu/'],
  [/^better-sqlite3$/, 'src/core/store/'],
  [/^pg$|^node-pg-migrate/, 'src/core/store/'],
  // It evaluates `---js` front matter unless given engines: one guarded place reads front matter.
  [/^gray-matter$/, 'src/core/knowledge/front-matter.ts'],
  [/^@notionhq\//, 'src/adapters/notion/'],
  // Document parsers run in the isolated child process only.
  [/^mammoth$|^pdfjs-dist/, 'src/core/team/readers/parse-child.ts'],
];

/** Folders of src/adapters shared by every platform. */
const SHARED_ADAPTER_PARTS = new Set(['delivery', 'http', 'platform.ts']);

/** Core capabilities that must not know the chat engine. */
const CAPABILITIES = ['answer', 'knowledge', 'retrieval', 'review', 'store', 'tips', 'reply', 'team'];

function violations(from: (path: string) => boolean, to: (target: string) => boolean): string[] {
  return files
    .filter((f) => from(f.path))
    .flatMap((f) => f.imports.filter(to).map((i) => `${f.path} → ${i}`));
}

describe('architecture boundaries', () => {
  it('finds the source files', () => {
    expect(files.length).toBeGreaterThan(30);
  });

  it('core never imports adapters, the LLM client, the CLI, config or the entry points', () => {
    expect(
      violations(
        (p) => p.startsWith('src/core/'),
        (i) => /^src\/(adapters|llm|cli)\//.test(i) || /^src\/(app|main|service|config)\.ts$/.test(i),
      ),
    ).toEqual([]);
  });

  it('core capabilities never import the chat engine', () => {
    expect(
      violations(
        (p) => CAPABILITIES.some((c) => p.startsWith(`src/core/${c}/`)),
        (i) => i.startsWith('src/core/chat/'),
      ),
    ).toEqual([]);
  });

  it('adapters never import each other', () => {
    const platformOf = (p: string) => /^src\/adapters\/([^/]+)/.exec(p)?.[1];
    const bad = files.flatMap((f) => {
      const own = platformOf(f.path);
      if (!own || SHARED_ADAPTER_PARTS.has(own)) return [];
      return f.imports
        .filter((i) => {
          const other = platformOf(i);
          return other !== undefined && other !== own && !SHARED_ADAPTER_PARTS.has(other);
        })
        .map((i) => `${f.path} → ${i}`);
    });
    expect(bad).toEqual([]);
  });

  it('the shared adapter layer imports no platform', () => {
    expect(
      violations(
        (p) => /^src\/adapters\/(delivery|http)\//.test(p) || p === 'src/adapters/platform.ts',
        (i) => /^src\/adapters\/(slack|feishu|terminal)\//.test(i),
      ),
    ).toEqual([]);
  });

  it('each SDK and driver is imported only by its owner', () => {
    const bad = files.flatMap((f) =>
      f.imports
        .filter((i) => OWNERS.some(([re, owner]) => re.test(i) && !f.path.startsWith(owner)))
        .map((i) => `${f.path} → ${i}`),
    );
    expect(bad).toEqual([]);
  });

  it('only src/config.ts reads process.env', () => {
    const readers = files.filter((f) => /process\.env\b/.test(f.text)).map((f) => f.path);
    expect(readers.filter((p) => p !== 'src/config.ts')).toEqual([]);
  });

  it('core names no chat platform: each adapter names its own', () => {
    const bad = files
      .filter((f) => f.path.startsWith('src/core/'))
      .filter((f) => /['"`](slack|feishu|lark)['"`]/i.test(f.text.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '')))
      .map((f) => f.path);
    expect(bad).toEqual([]);
  });

  it('has no import cycles', () => {
    const graph = new Map(files.map((f) => [f.path, f.imports.filter((i) => i.startsWith('src/'))]));
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (node: string, trail: string[]) => {
      if (state.get(node) === 'done') return;
      if (state.get(node) === 'open') {
        cycles.push([...trail.slice(trail.indexOf(node)), node].join(' → '));
        return;
      }
      state.set(node, 'open');
      for (const next of graph.get(node) ?? []) visit(next, [...trail, node]);
      state.set(node, 'done');
    };
    for (const node of graph.keys()) visit(node, []);
    expect(cycles).toEqual([]);
  });
});
