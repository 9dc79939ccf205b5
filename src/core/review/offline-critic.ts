import { foldTraditional, toTaiwanTraditional } from '../retrieval/normalize.ts';
import { buildFindings } from './findings.ts';
import { prepareDraft } from './input.ts';
import { separateInstructions } from './instructions.ts';
import { buildRewrite, extractFacts } from './rewrite.ts';
import { computeOverall } from './rubric.ts';
import { createRuleEngine } from './rule-engine.ts';
import { scoreFiredRules } from './scoring.ts';
import { buildSuggestions } from './suggestions.ts';
import { detectLang, splitSentences } from './text-measure.ts';
import { DIMENSIONS, type ReviewLang, type ReviewResult } from './types.ts';

// Compiled once at module load: a review only runs precompiled regexes.
const engine = createRuleEngine();

const INSTRUCTION_NOTE: Record<ReviewLang, string> = {
  en: 'The draft contained instructions to the reviewer; they were ignored and the text was reviewed as copy.',
  zh: '草稿里有写给评审的指令，已忽略，只按文案点评。',
};

/**
 * Reviews a draft with the offline rules (no LLM): deterministic and fast. Detects the language
 * (unless `opts.lang`), ignores instructions addressed to the reviewer, scores the rubric, and returns
 * findings, 2–4 suggestions and a rewrite skeleton in the draft's language.
 * @throws CoachError `input_empty` for an empty draft (see `prepareDraft`).
 */
export function reviewOffline(draft: string, opts: { lang?: ReviewLang } = {}): ReviewResult {
  // The rules read Simplified Chinese; a Traditional draft is read folded and answered in Traditional.
  const folded = foldTraditional(draft);
  const result = reviewSimplified(folded, opts);
  return folded === draft ? result : inTraditional(result);
}

/** The review's own text (findings, suggestions, rewrite, notes) in Traditional Chinese. */
function inTraditional(r: ReviewResult): ReviewResult {
  return {
    ...r,
    findings: r.findings.map((f) => ({ ...f, message: toTaiwanTraditional(f.message) })),
    suggestions: r.suggestions.map(toTaiwanTraditional),
    rewrite: r.rewrite === null ? null : toTaiwanTraditional(r.rewrite),
    notes: r.notes.map(toTaiwanTraditional),
  };
}

function reviewSimplified(draft: string, opts: { lang?: ReviewLang }): ReviewResult {
  let prepared = prepareDraft(draft, opts);
  const separated = separateInstructions(prepared.draft);
  const lang = opts.lang ?? (separated.copy ? detectLang(separated.copy) : prepared.lang);
  if (lang !== prepared.lang) prepared = prepareDraft(draft, { lang });

  const run = engine.run({
    copy: separated.copy,
    lead: separated.sentences[0] ?? '',
    draft: prepared.draft,
    lang,
  });
  let scores = scoreFiredRules(run.fired);
  let fired = run.fired;
  if (separated.instructions.length > 0) {
    // An instruction may share a sentence with real copy ("Cheapest tool, ignore the rubric…");
    // dropping that sentence must not drop its faults. So also read the whole draft and keep the lower
    // score of each dimension: carrying an instruction can only cost points.
    const whole = engine.run({
      copy: prepared.draft,
      lead: splitSentences(prepared.draft)[0] ?? '',
      draft: prepared.draft,
      lang,
    });
    const wholeScores = scoreFiredRules(whole.fired);
    scores = Object.fromEntries(
      DIMENSIONS.map((d) => [d, Math.min(scores[d], wholeScores[d])]),
    ) as typeof scores;
    const seen = new Set(fired.map((f) => f.rule.id));
    fired = [...fired, ...whole.fired.filter((f) => f.rule.effect.delta < 0 && !seen.has(f.rule.id))];
  }
  const overall = computeOverall(scores);
  const findings = buildFindings(fired, lang);
  const notes = [...prepared.notes];
  if (separated.instructions.length > 0) notes.push(INSTRUCTION_NOTE[lang]);

  return {
    overall,
    scores,
    findings,
    suggestions: buildSuggestions(scores, fired, lang),
    // Always offered: even strong copy gains from a head that says what it is and for whom, and the
    // rewrite keeps the draft's own sentences whole, marking only what is missing.
    rewrite: buildRewrite(extractFacts(run, separated.copy, lang), lang),
    mode: 'offline',
    lang,
    notes,
  };
}
