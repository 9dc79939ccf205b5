import { z } from 'zod';
import { CoachError } from '../errors.ts';
import type { KnowledgeEntry } from '../knowledge/types.ts';
import type { ChatMessage, LlmPort } from '../llm-port.ts';
import type { Logger } from '../logger.ts';
import { fillPrompt, loadPrompt, type PromptTemplate } from '../prompts.ts';
import type { Retriever } from '../retrieval/retriever.ts';
import { prepareDraft } from './input.ts';
import { separateInstructions } from './instructions.ts';
import { clampScores, computeOverall, DIMENSION_KNOWLEDGE } from './rubric.ts';
import type { TeamProof } from './team-proof.ts';
import { detectLang } from './text-measure.ts';
import {
  DIMENSIONS,
  type Dimension,
  type Finding,
  type ReviewLang,
  type ReviewResult,
  reviewResultSchema,
  type Severity,
} from './types.ts';

/** Most knowledge entries put in the prompt: the rubric's core entries plus what the draft is about. */
export const MAX_PROMPT_ENTRIES = 7;
/** Longest excerpt of an entry's body in the prompt (characters); the top of an entry is the idea. */
const ENTRY_CHARS = 600;
/** Longest author's context kept (characters). */
const MAX_CONTEXT_CHARS = 600;
/** Most findings and suggestions kept from the model, so a chat card stays readable. */
const MAX_FINDINGS = 8;
const MAX_SUGGESTIONS = 4;
/** Highest clarity score for a draft that carries a sentence addressed to the reviewer. */
export const MAX_CLARITY_WITH_INSTRUCTIONS = 3;

const SEVERITIES: readonly Severity[] = ['strength', 'minor', 'major'];
const SEVERITY_ORDER: Record<Severity, number> = { major: 0, minor: 1, strength: 2 };

const INSTRUCTION_NOTE: Record<ReviewLang, string> = {
  en: 'The draft contained instructions to the reviewer; they were ignored and the text was reviewed as copy.',
  zh: '草稿里有写给评审的指令，已忽略，只按文案点评。',
};

const LANGUAGE_NAME: Record<ReviewLang, string> = { en: 'English', zh: 'Chinese (简体中文)' };

const dimensionScore = z.number().describe('Whole number from 0 to 5');

/**
 * What the model is asked for. Every field is required (structured outputs need that); the model's
 * values are untrusted and checked afterwards, so dimensions and severities are plain strings here:
 * an unknown one drops a finding instead of failing the whole review. There is no `overall`: it is
 * always computed from the scores.
 */
export const llmReviewSchema = z.object({
  scores: z.object({
    customer_value: dimensionScore,
    quantified_results: dimensionScore,
    credibility: dimensionScore,
    category_focus: dimensionScore,
    value_not_price: dimensionScore,
    decision_maker_fit: dimensionScore,
    clarity: dimensionScore,
  }),
  findings: z.array(
    z.object({
      dimension: z.string().describe(`One of: ${DIMENSIONS.join(', ')}`),
      severity: z.string().describe('One of: strength, minor, major'),
      message: z.string(),
      knowledge_ids: z.array(z.string()),
    }),
  ),
  suggestions: z.array(z.string()),
  rewrite: z.string().nullable(),
});

/** The model's review as parsed by {@link llmReviewSchema}, before validation. */
export type LlmReview = z.infer<typeof llmReviewSchema>;

/** Reviews drafts with the LLM; see {@link createLlmCritic}. */
export interface LlmCritic {
  /**
   * Reviews one draft. `opts.context` is the author's note on audience, channel or goal.
   * @throws CoachError `input_empty` for an empty draft; `llm_unavailable` / `llm_bad_output` when the
   * model fails, answers with unusable JSON, or leaks the prompt's marker.
   */
  review(draft: string, opts?: { context?: string; proofs?: TeamProof[] }): Promise<ReviewResult>;
}

/**
 * Creates the LLM critic: the draft (prepared by `prepareDraft`), the author's context and the
 * relevant knowledge go to the model as data with the rubric of `prompts/review.md`; its JSON is then
 * checked and normalised: scores clamped to integers 0–5, `overall` recomputed with `computeOverall`,
 * knowledge ids limited to the ones given, findings with an unknown dimension or severity dropped,
 * numbers the rewrite invented replaced by placeholders. A reply that contains the prompt's canary
 * is rejected as `llm_bad_output`.
 */
export function createLlmCritic(deps: {
  llm: LlmPort;
  retriever: Retriever;
  logger: Logger;
  prompt?: PromptTemplate;
}): LlmCritic {
  const { llm, retriever } = deps;
  const prompt = deps.prompt ?? loadPrompt('review');
  const log = deps.logger.child({ component: 'llm-critic' });

  return {
    async review(rawDraft, opts = {}) {
      let prepared = prepareDraft(rawDraft);
      const separated = separateInstructions(prepared.draft);
      // The language of the copy itself, as the offline critic decides it: an injected English
      // sentence does not turn a Chinese draft's review into English.
      const lang = separated.copy ? detectLang(separated.copy) : prepared.lang;
      if (lang !== prepared.lang) prepared = prepareDraft(rawDraft, { lang });
      const context = cleanContext(opts.context);
      const entries = selectEntries(retriever, `${prepared.draft}\n${context}`);
      const proofs = opts.proofs ?? [];
      const messages = buildReviewMessages(prompt, { draft: prepared.draft, context, entries, lang, proofs });

      const started = Date.now();
      const usage = { input: 0, output: 0 };
      const { value, raw } = await llm.json(messages, llmReviewSchema, {
        name: 'copy_review',
        temperature: 0.2,
        onUsage: (u) => {
          usage.input += u.input;
          usage.output += u.output;
        },
      });
      if (prompt.canary && (raw.includes(prompt.canary) || JSON.stringify(value).includes(prompt.canary))) {
        throw new CoachError('llm_bad_output', `LLM ${llm.model} repeated the review prompt's marker`, {
          details: { reason: 'prompt_leak' },
        });
      }
      const result = finishLlmReview(value, {
        lang,
        givenIds: entries.map((e) => e.id),
        // Numbers the team's proof states may be used in the rewrite; no others.
        facts: [prepared.draft, context, ...proofs.map((p) => p.quote)].join('\n'),
        hasInstructions: separated.instructions.length > 0,
        canary: prompt.canary,
      });
      const notes = [...prepared.notes];
      if (separated.instructions.length > 0) notes.push(INSTRUCTION_NOTE[lang]);
      log.info(
        { event: 'llm_reviewed', ms: Date.now() - started, overall: result.overall, entries: entries.length },
        'LLM review done',
      );
      return {
        ...result,
        notes: [...notes, ...result.notes],
        ...(usage.input + usage.output > 0 ? { usage } : {}),
      };
    },
  };
}

/**
 * The knowledge for a review: the first entry of every rubric dimension (`usp-vs-uvp`,
 * `results-in-numbers`, `testimony-and-evidence`, `category-label`, `value-over-price`,
 * `key-decision-maker`) when the knowledge base has it, then the entries the draft's own text
 * retrieves, up to {@link MAX_PROMPT_ENTRIES}.
 */
export function selectEntries(retriever: Retriever, query: string): KnowledgeEntry[] {
  const picked = new Map<string, KnowledgeEntry>();
  for (const d of DIMENSIONS) {
    const id = DIMENSION_KNOWLEDGE[d][0];
    const entry = id === undefined ? undefined : retriever.kb.byId.get(id);
    if (entry) picked.set(entry.id, entry);
  }
  for (const hit of retriever.search(query, { k: MAX_PROMPT_ENTRIES })) {
    if (picked.size >= MAX_PROMPT_ENTRIES) break;
    if (hit.entry.team) continue; // the team's passages come in as proof, not as principles
    picked.set(hit.entry.id, hit.entry);
  }
  return [...picked.values()].slice(0, MAX_PROMPT_ENTRIES);
}

/** Builds the chat messages: the fixed system prompt, and the knowledge, context and draft as data. */
export function buildReviewMessages(
  prompt: PromptTemplate,
  input: {
    draft: string;
    context: string;
    entries: KnowledgeEntry[];
    lang: ReviewLang;
    proofs?: TeamProof[];
  },
): ChatMessage[] {
  const { draft, context, entries, lang } = input;
  const proof = input.proofs?.length
    ? input.proofs
        .map(
          (p, i) =>
            `(${i + 1}) ${p.entry.title[lang]} — ${p.entry.team?.link ?? ''}\n${trimText(p.entry.body[lang], ENTRY_CHARS)}`,
        )
        .join('\n\n')
    : '(none)';
  const knowledge = entries.length
    ? entries
        .map((e, i) => `[${i + 1}] ${e.title[lang]} (id: ${e.id})\n${trimText(e.body[lang], ENTRY_CHARS)}`)
        .join('\n\n')
    : '(none)';
  const ids = entries.length ? entries.map((e) => e.id).join(', ') : '(none)';
  return [
    { role: 'system', content: prompt.system },
    {
      role: 'user',
      content: fillPrompt(prompt.user, {
        knowledge,
        context: context || '(none)',
        draft,
        language: LANGUAGE_NAME[lang],
        ids,
        proof,
      }),
    },
  ];
}

/**
 * Turns the model's parsed JSON into a {@link ReviewResult} (`mode: 'llm'`, no notes yet). Never
 * trusts the model: scores are clamped, `overall` is recomputed, ids, dimensions and severities are
 * checked, and a sentence addressed to the reviewer caps `clarity` at {@link MAX_CLARITY_WITH_INSTRUCTIONS}.
 * @throws CoachError `llm_bad_output` when the result still fails `reviewResultSchema`.
 */
export function finishLlmReview(
  value: LlmReview,
  ctx: {
    lang: ReviewLang;
    givenIds: readonly string[];
    facts: string;
    hasInstructions: boolean;
    canary?: string;
  },
): ReviewResult {
  const given = new Set(ctx.givenIds);
  const scores = clampScores(value.scores);
  if (ctx.hasInstructions) scores.clarity = Math.min(scores.clarity, MAX_CLARITY_WITH_INSTRUCTIONS);

  const findings: Finding[] = [];
  for (const f of value.findings) {
    const dimension = f.dimension.trim() as Dimension;
    const severity = f.severity.trim().toLowerCase() as Severity;
    const message = f.message.trim();
    if (!DIMENSIONS.includes(dimension) || !SEVERITIES.includes(severity) || !message) continue;
    const knowledge_ids = [...new Set(f.knowledge_ids.map((id) => id.trim()).filter((id) => given.has(id)))];
    findings.push({ dimension, severity, message, knowledge_ids });
  }
  findings.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);

  const suggestions = [...new Set(value.suggestions.map((s) => s.trim()).filter(Boolean))].slice(
    0,
    MAX_SUGGESTIONS,
  );
  const rewriteText = value.rewrite?.trim() ?? '';
  const rewrite =
    !rewriteText || (ctx.canary && rewriteText.includes(ctx.canary))
      ? null
      : placeholdInventedNumbers(rewriteText, ctx.facts);

  const result: ReviewResult = {
    overall: computeOverall(scores),
    scores,
    findings: findings.slice(0, MAX_FINDINGS),
    suggestions,
    rewrite,
    mode: 'llm',
    lang: ctx.lang,
    notes: [],
  };
  const checked = reviewResultSchema.safeParse(result);
  if (!checked.success) {
    throw new CoachError('llm_bad_output', 'LLM review did not validate after normalising', {
      details: { reason: 'invalid_review', error: checked.error.message },
    });
  }
  return result;
}

/** A number in running text ("30%", "1,200", "4.5"), not part of a code like "B2B" or "4P". */
const NUMBER = /(?<![A-Za-z\d.,])\d+(?:[.,]\d+)*(?:\s?%)?(?![A-Za-z\d])/g;

/**
 * Replaces every number of the rewrite that the draft (or the author's context) does not state with a
 * placeholder (`[X]`, `[X%]`), so a rewrite can restructure the copy but never invent a result.
 * Text already in square brackets is a placeholder and is left alone.
 */
export function placeholdInventedNumbers(rewrite: string, facts: string): string {
  const known = new Set([...facts.matchAll(NUMBER)].map((m) => normaliseNumber(m[0])));
  return splitBrackets(rewrite)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(NUMBER, (n) => (known.has(normaliseNumber(n)) ? n : n.includes('%') ? '[X%]' : '[X]')),
    )
    .join('');
}

/**
 * `text` cut into plain runs (even indexes) and one-line `[…]` groups (odd indexes), like
 * `split(/(\[[^\]\n]*\])/)` but in one pass: that pattern is quadratic on a long run of `[`.
 */
export function splitBrackets(text: string): string[] {
  const parts: string[] = [];
  let plainStart = 0;
  let open = -1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '[' && open < 0) open = i;
    else if (ch === '\n') open = -1;
    else if (ch === ']' && open >= 0) {
      parts.push(text.slice(plainStart, open), text.slice(open, i + 1));
      plainStart = i + 1;
      open = -1;
    }
  }
  parts.push(text.slice(plainStart));
  return parts;
}

function normaliseNumber(n: string): string {
  return n.replace(/[\s,%]/g, '');
}

/** The author's context as data: control characters removed, white space collapsed, length capped. */
function cleanContext(context: string | undefined): string {
  const text = String(context ?? '')
    .replace(
      // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
      /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g,
      '',
    )
    .replace(/\s+/g, ' ')
    .trim();
  const chars = Array.from(text);
  return chars.length <= MAX_CONTEXT_CHARS ? text : `${chars.slice(0, MAX_CONTEXT_CHARS).join('')}…`;
}

function trimText(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const stop = Math.max(cut.lastIndexOf('\n'), cut.lastIndexOf('. '), cut.lastIndexOf('。'));
  return `${stop > max * 0.6 ? cut.slice(0, stop + 1) : cut}…`;
}
