import type { RuleRun } from './rule-engine.ts';
import type { Signal } from './rules/index.ts';
import type { ReviewLang } from './types.ts';

/** Facts found in the draft, each a verbatim piece of it. */
export interface DraftFacts {
  /** Opening category label ("Clamp-on energy meters for molders"). */
  label: string | null;
  segment: string | null;
  role: string | null;
  results: string[];
  proofs: string[];
  guarantee: string | null;
}

const CLAUSE_MARKS = new Set(['，', '。', '；', '！', '？', ';', '!', '?', '：', ':', '\n']);
const MAX_CLAUSE_CHARS = 140;
const PROOF_SIGNALS: readonly Signal[] = ['customer-count', 'named-customer', 'certification'];

/** Collects the draft's own facts from what the rules matched, widened to their clause. */
export function extractFacts(run: RuleRun, copy: string): DraftFacts {
  const hitsWith = (pred: (signals: readonly Signal[], id: string) => boolean) =>
    run.fired.filter((f) => pred(f.rule.effect.signals ?? [], f.rule.id)).flatMap((f) => f.hits);
  const clauses = (hits: string[]) => distinct(hits.map((h) => clauseAround(copy, h)));
  const label = hitsWith((_s, id) => id === 'cf.lead-label')[0]?.replace(/\s*[:：]$/, '') ?? null;
  const guarantee = clauses(hitsWith((s) => s.includes('guarantee')))[0] ?? null;
  const results = clauses(hitsWith((s) => s.includes('result-number'))).slice(0, 2);
  const proofs = clauses(
    hitsWith((s, id) => s.some((x) => PROOF_SIGNALS.includes(x)) || id === 'cr.case-or-testimony'),
  )
    .filter((p) => p !== guarantee && !results.includes(p))
    .slice(0, 2);
  return {
    label,
    segment: hitsWith((_s, id) => id === 'cf.segment')[0] ?? null,
    role: hitsWith((s) => s.includes('role'))[0] ?? null,
    results,
    proofs,
    guarantee,
  };
}

/**
 * A rewrite skeleton in the draft's language: category and segment, result in numbers, proof, and
 * the decision maker's risk. It reuses the draft's own facts verbatim and marks every missing fact
 * as a `[placeholder]`; it never invents a number or a name.
 */
export function buildRewrite(facts: DraftFacts, lang: ReviewLang): string {
  return lang === 'zh' ? rewriteZh(facts) : rewriteEn(facts);
}

function rewriteEn(f: DraftFacts): string {
  const head = f.label ?? `[Category] for ${f.segment ?? '[target segment]'}`;
  const result = f.results.length ? f.results.join('; ') : 'cut [metric] by [X%], from [before] to [after]';
  const proof = f.proofs.length
    ? f.proofs.join('; ')
    : '[customer name] and [N] other [segment] customers; [certification or audit]';
  const risk = f.guarantee ?? '[guarantee / SLA / acceptance terms]';
  return [
    `${head}: ${stripEnd(result)}.`,
    `Proof: ${stripEnd(proof)}.`,
    `For ${f.role ? `the ${f.role}` : '[the decision maker, e.g. CFO]'}: ${stripEnd(risk)}, so [the risk they answer for] is covered.`,
  ].join('\n');
}

function rewriteZh(f: DraftFacts): string {
  const head = f.label ?? `面向${f.segment ?? '[目标行业]'}的[品类]`;
  const result = f.results.length ? f.results.join('；') : '把[指标]降低[X%]（从[之前]缩短到[之后]）';
  const proof = f.proofs.length ? f.proofs.join('；') : '[客户名]等[N]家[行业]客户在用；[认证/第三方审计]';
  const risk = f.guarantee ?? '[保障/SLA/验收条款]';
  return [
    `${head}：${stripEnd(result)}。`,
    `证据：${stripEnd(proof)}。`,
    `${f.role ?? '[关键决策者]'}最担心的[风险/验收/售后]：${stripEnd(risk)}。`,
  ].join('\n');
}

function clauseAround(text: string, hit: string): string {
  const at = text.indexOf(hit);
  if (at < 0) return hit;
  let start = at;
  while (start > 0 && !endsClause(text, start - 1)) start--;
  let end = at + hit.length;
  while (end < text.length && !endsClause(text, end)) end++;
  const clause = text.slice(start, end).trim();
  return clause.length <= MAX_CLAUSE_CHARS ? clause : hit;
}

/** True when the character at `i` closes a clause (a comma or period only before whitespace). */
function endsClause(text: string, i: number): boolean {
  const ch = text[i] as string;
  if (CLAUSE_MARKS.has(ch)) return true;
  const next = text[i + 1];
  if (ch === ',' || ch === '.') return next === undefined || /\s/.test(next);
  return (ch === '—' || ch === '–') && text[i - 1] === ' ';
}

function stripEnd(s: string): string {
  return s.replace(/[\s.。!！;；,，]+$/, '');
}

/** Keeps distinct pieces, dropping any that another piece contains. */
function distinct(pieces: string[]): string[] {
  const unique = [...new Set(pieces.filter(Boolean))];
  return unique.filter((p) => !unique.some((q) => q !== p && q.includes(p)));
}
