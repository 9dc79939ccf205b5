/**
 * Dependencies point inward: adapters → core, never the reverse; each platform SDK, the LLM SDK and
 * the database drivers are imported in one place only; only src/config.ts reads process.env.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
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
  const imports = [
    ...text.matchAll(
      /(?:^|\n)\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g,
    ),
  ].map((m) => m[1] ?? m[2] ?? '');
  return { path: relative('.', path), text, imports };
});

/** Package → the only folder (or file) allowed to import it. */
const OWNERS: [RegExp, string][] = [
  [/^openai(\/|$)/, 'src/llm/'],
  [/^@slack\//, 'src/adapters/slack/'],
  [/^@larksuiteoapi\//, 'src/adapters/feishu/'],
  [/^better-sqlite3$/, 'src/core/store/'],
  [/^pg$|^node-pg-migrate/, 'src/core/store/'],
];

describe('architecture boundaries', () => {
  it('finds the source files', () => {
    expect(files.length).toBeGreaterThan(30);
  });

  it('core never imports adapters, the LLM client, the CLI or the entry points', () => {
    const bad = files
      .filter((f) => f.path.startsWith('src/core/'))
      .flatMap((f) =>
        f.imports
          .filter((i) => /\/(adapters|llm|cli)\/|\/(app|main|service|config)\.ts$/.test(i))
          .map((i) => `${f.path} → ${i}`),
      );
    expect(bad).toEqual([]);
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
});
