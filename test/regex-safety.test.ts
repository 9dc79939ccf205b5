/**
 * Every regular expression in src/ is checked by a ReDoS checker (recheck): none may take more than
 * linear time on some input. Patterns built at run time with `new RegExp` are listed with the reason they
 * are safe (see DYNAMIC_ALLOWED). A new unsafe pattern fails this test with its file, line and the attack string recheck found.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { checkSync } from 'recheck';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

interface Found {
  where: string;
  source: string;
  flags: string;
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith('.ts') && !path.endsWith('.test.ts') ? [path] : [];
  });
}

/** Regex literals and `new RegExp(…)` calls of every source file. */
function collect(): { literals: Found[]; dynamic: string[] } {
  const literals: Found[] = [];
  const dynamic: string[] = [];
  for (const path of sources('src')) {
    const text = readFileSync(path, 'utf8');
    const file = ts.createSourceFile(path, text, ts.ScriptTarget.ES2022, true);
    const visit = (node: ts.Node) => {
      const where = `${relative('.', path)}:${file.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const raw = node.getText(file);
        const end = raw.lastIndexOf('/');
        literals.push({ where, source: raw.slice(1, end), flags: raw.slice(end + 1) });
      }
      if (ts.isNewExpression(node) && node.expression.getText(file) === 'RegExp') dynamic.push(where);
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  return { literals, dynamic };
}

/** Patterns built at run time, and why each is safe. */
const DYNAMIC_ALLOWED: Record<string, string> = {
  'src/core/review/rules/regex-source.ts':
    'compile(): review lexicons and rule fragments, each built pattern checked for star height one by ' +
    'src/core/review/regex-safety.test.ts (recheck times out on these large alternations: 67 of 102 ' +
    'at 1 s each), on text capped at 2,000 characters; bench/fuzz.ts measures the worst case',
};

function unsafeOf(patterns: Found[]): string[] {
  const unsafe: string[] = [];
  for (const r of patterns) {
    const result = checkSync(r.source, r.flags.replace(/[gy]/g, ''), { timeout: 10_000 });
    if (result.status !== 'safe') {
      const attack = result.status === 'vulnerable' ? ` attack ${JSON.stringify(result.attack.pattern)}` : '';
      unsafe.push(`${r.where} /${r.source.slice(0, 200)}/${r.flags}: ${result.status}${attack}`);
    }
  }
  return unsafe;
}

describe('regular expressions in src/', () => {
  const { literals, dynamic } = collect();

  it('finds the patterns', () => {
    expect(literals.length).toBeGreaterThan(50);
  });

  it('are all safe from catastrophic backtracking (recheck)', () => {
    expect(unsafeOf(literals)).toEqual([]);
  }, 300_000);

  it('builds none at run time without a reason on record', () => {
    expect(dynamic.filter((w) => !Object.keys(DYNAMIC_ALLOWED).some((k) => w.startsWith(k)))).toEqual([]);
  });
});
