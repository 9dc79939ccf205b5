import type { Dimension, ReviewLang, Severity } from '../types.ts';

/**
 * Facts a rule can publish when it fires, for other rules' conditions (`when`), the rewrite and the
 * suggestions. Several rules may publish the same signal (every kind of proof publishes `proof`).
 */
export type Signal =
  | 'benefit'
  | 'you-focus'
  | 'feature'
  | 'spec'
  | 'feature-list'
  | 'self-focus'
  | 'result-number'
  | 'business-result'
  | 'several-results'
  | 'quantity'
  | 'figure'
  | 'before-after'
  | 'vague-claim'
  | 'proof'
  | 'case'
  | 'customer-count'
  | 'named-customer'
  | 'certification'
  | 'guarantee'
  | 'superlative'
  | 'segment'
  | 'category'
  | 'category-label'
  | 'first-or-only'
  | 'universal'
  | 'role'
  | 'concern'
  | 'price'
  | 'price-led'
  | 'free-offer'
  | 'value-framing'
  | 'comparative'
  | 'buzzword'
  | 'jargon'
  | 'too-long'
  | 'too-short'
  | 'exclamation'
  | 'instruction';

/** A number per language (length thresholds are words in English, characters in Chinese). */
export type PerLang = Readonly<Record<ReviewLang, number>>;

/** A bilingual message; `{hits}` is replaced by the quoted matches, `{count}` by their number. */
export type Template = Readonly<Record<ReviewLang, string>>;

/** How a rule looks at the text. */
export type Matcher =
  /**
   * Literal `terms` (ASCII terms match whole words, spaces match any whitespace) and regex
   * `patterns`, merged into one precompiled alternation. Case-insensitive unless `caseSensitive`.
   */
  | {
      kind: 'text';
      terms?: readonly string[];
      patterns?: readonly RegExp[];
      caseSensitive?: boolean;
      /** More hits found in code, for what a regex would say only with a gap (`in-order.ts`). */
      scan?: (text: string) => string[];
    }
  /** Fires when the length (see `measureLength`) is above `over` or below `under`. */
  | { kind: 'length'; over?: PerLang; under?: PerLang }
  /**
   * Fires on a run of `minItems` or more short items separated by commas, 顿号 or "and". With
   * `notCustomers`, a run made mostly of customers' names (a logo list) does not count.
   */
  | { kind: 'list'; minItems: number; maxItem: PerLang; notCustomers?: boolean }
  /** Always one hit; combine with `when: { noSignals }` for rules about what is missing. */
  | { kind: 'always' }
  /**
   * Code for what one regex cannot say (e.g. telling the vendor's own name from a customer's).
   * Returns the matched texts. It must stay linear in the text and use only safe regexes.
   */
  | { kind: 'finder'; find: (text: string, lang: ReviewLang) => string[] };

/**
 * What a firing rule does to its dimension's score. A `strength` with `delta: 0` only publishes its
 * signals for other rules (e.g. "told as a case") and reports no finding.
 */
export interface Effect {
  /** Added to the dimension's score per counted hit (negative for problems). */
  delta: number;
  /** Hits counted for `delta` (default 1). */
  maxHits?: number;
  severity: Severity;
  /** Hit count from which a `minor` finding is reported as `major`. */
  majorAt?: number;
  signals?: readonly Signal[];
}

/**
 * One review rule, as data (in the spirit of textlint rules). Examples follow textlint's
 * convention whichever way the effect points: the rule fires on every `invalid` example and stays
 * silent on every `valid` one (for a strength rule, `invalid` texts are those that show the strength).
 */
export interface Rule {
  /** Stable id, `<dimension-prefix>.<name>`. */
  id: string;
  dimension: Dimension;
  /** Draft languages the rule applies to. */
  langs: readonly ReviewLang[];
  match: Matcher;
  /**
   * Text looked at: the copy (default), its first sentence, the whole draft with instructions, or the
   * copy's claims (without its questions and conditional clauses: `hypotheticals.ts`).
   */
  scope?: 'copy' | 'lead' | 'draft' | 'claims';
  /** Hits needed to fire (default 1). */
  minHits?: number;
  /** Hits per 100 length units needed to fire (density rules). */
  minDensity?: number;
  /** Signals that must be present / absent (published by any rule: see `createRuleEngine`). */
  when?: { signals?: readonly Signal[]; noSignals?: readonly Signal[] };
  effect: Effect;
  message: Template;
  /** Preferred suggestion for the dimension when this rule fires on a weak draft. */
  suggestion?: Template;
  knowledge: readonly string[];
  valid: readonly string[];
  invalid: readonly string[];
}
