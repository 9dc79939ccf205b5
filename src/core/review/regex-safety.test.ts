import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtReviewPatterns } from '../../../test/support/built-patterns.ts';

/**
 * A structural ReDoS check for the patterns the review rules assemble at run time, as strict as
 * star-height checkers (safe-regex). test/regex-safety.test.ts runs recheck on every regex literal of
 * src/, but the assembled lexicon alternations are too large for it (most time out), so this fast rule
 * covers them: no quantified group may
 * contain another quantifier, and no alternation may sit under a repeating quantifier. Regexes that
 * pass cannot backtrack exponentially; the text is also capped at 2,000 characters before any rule.
 */
function regexProblems(source: string): string[] {
  const problems: string[] = [];
  // Each open group: whether it holds a quantifier or an alternation so far.
  const stack: { quantified: boolean; alternation: boolean; start: number }[] = [];
  let lastAtom: { quantified: boolean; alternation: boolean; start: number } | null = null;
  let i = 0;
  const quantifierAt = (at: number): { length: number; repeats: boolean } | null => {
    const ch = source[at];
    if (ch === '*' || ch === '+') return { length: 1, repeats: true };
    if (ch === '?') return { length: 1, repeats: false };
    if (ch === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(at));
      if (!m) return null;
      const max = m[2] === undefined ? Number(m[1]) : m[3] === '' ? Infinity : Number(m[3]);
      return { length: m[0].length, repeats: max > 1 };
    }
    return null;
  };
  const markQuantifier = () => {
    for (const g of stack) g.quantified = true;
  };
  while (i < source.length) {
    const ch = source[i] as string;
    if (ch === '\\') {
      lastAtom = null;
      i += 2;
    } else if (ch === '[') {
      let j = i + 1;
      if (source[j] === '^') j++;
      if (source[j] === ']') j++;
      while (j < source.length && source[j] !== ']') j += source[j] === '\\' ? 2 : 1;
      lastAtom = null;
      i = j + 1;
    } else if (ch === '(') {
      stack.push({ quantified: false, alternation: false, start: i });
      i += 1;
      continue;
    } else if (ch === ')') {
      lastAtom = stack.pop() ?? null;
      i += 1;
    } else if (ch === '|') {
      const top = stack[stack.length - 1];
      if (top) top.alternation = true;
      i += 1;
      continue;
    } else {
      lastAtom = null;
      i += 1;
    }
    const q = quantifierAt(i);
    if (!q) continue;
    if (lastAtom?.quantified) problems.push(`nested quantifier at ${lastAtom.start}`);
    if (lastAtom?.alternation && q.repeats)
      problems.push(`alternation under a quantifier at ${lastAtom.start}`);
    markQuantifier();
    i += q.length;
    if (source[i] === '?') i += 1;
  }
  return problems;
}

/**
 * Files whose regexes are another owner's to change: llm-critic.ts's NUMBER regex
 * (`\d+(?:[.,]\d+)*`) is unambiguous, hence linear, but a star-height checker flags it.
 */
const NOT_OURS = new Set(['llm-critic.ts']);

/** Regex literals written in the review sources (rules included), found with the TS parser. */
function literalRegexes(): { where: string; source: string }[] {
  const dirs = [
    fileURLToPath(new URL('.', import.meta.url)),
    fileURLToPath(new URL('./rules', import.meta.url)),
  ];
  const out: { where: string; source: string }[] = [];
  for (const dir of dirs) {
    for (const file of readdirSync(dir).filter(
      (f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !NOT_OURS.has(f),
    )) {
      const path = join(dir, file);
      const sf = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
      const visit = (node: ts.Node) => {
        if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
          const text = node.getText(sf);
          const { line } = sf.getLineAndCharacterOfPosition(node.getStart(sf));
          out.push({ where: `${file}:${line + 1}`, source: text.slice(1, text.lastIndexOf('/')) });
        }
        ts.forEachChild(node, visit);
      };
      visit(sf);
    }
  }
  return out;
}

describe('regex safety', () => {
  it('the checker flags nested quantifiers and repeated alternations, and passes flat ones', () => {
    expect(regexProblems(String.raw`(?:\w+\s+){0,3}x`)).not.toEqual([]);
    expect(regexProblems(String.raw`\d+(?:[.,]\d+)*`)).not.toEqual([]);
    expect(regexProblems('(?:a|ab)*c')).not.toEqual([]);
    expect(regexProblems(String.raw`(?:\s?x)?`)).not.toEqual([]);
    expect(regexProblems(String.raw`[\w\s]{0,30}?x(?:a|b)?\d[\d.,]*`)).toEqual([]);
    expect(regexProblems(String.raw`(?<![\d.,])\d[\d.,]*(?<![.,])`)).toEqual([]);
  });

  // Every RegExp the review modules build, recorded while they load (test/support/built-patterns.ts).
  let built: string[] = [];
  beforeAll(async () => {
    built = (await builtReviewPatterns()).map((p) => p.source);
  });

  it('every RegExp built by the review modules has no nested quantifier', () => {
    expect(built.length).toBeGreaterThan(50);
    const bad = built
      .map((source) => ({ source, problems: regexProblems(source) }))
      .filter((r) => r.problems.length > 0)
      .map((r) => `${r.problems.join(', ')}: ${r.source.slice(0, 160)}`);
    expect(bad).toEqual([]);
  });

  it('every regex literal in src/core/review has no nested quantifier', () => {
    const bad = literalRegexes()
      .map((r) => ({ ...r, problems: regexProblems(r.source) }))
      .filter((r) => r.problems.length > 0)
      .map((r) => `${r.where}: ${r.problems.join(', ')}`);
    expect(bad).toEqual([]);
  });
});
