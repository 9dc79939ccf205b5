import { categoryFocusRules } from './category-focus.ts';
import { clarityRules } from './clarity.ts';
import { credibilityRules } from './credibility.ts';
import { customerValueRules } from './customer-value.ts';
import { decisionMakerFitRules } from './decision-maker-fit.ts';
import { quantifiedResultsRules } from './quantified-results.ts';
import type { Rule } from './rule.ts';
import { valueNotPriceRules } from './value-not-price.ts';

export type { Matcher, PerLang, Rule, Signal, Template } from './rule.ts';

/** Every offline review rule, grouped by dimension in rubric order. */
export const RULES: readonly Rule[] = [
  ...customerValueRules,
  ...quantifiedResultsRules,
  ...credibilityRules,
  ...categoryFocusRules,
  ...valueNotPriceRules,
  ...decisionMakerFitRules,
  ...clarityRules,
];
