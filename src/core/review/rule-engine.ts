import { findNamedCustomers } from './rules/customer-names.ts';
import { withoutSuppositions } from './rules/hypotheticals.ts';
import type { Matcher, Rule, Signal } from './rules/index.ts';
import { RULES } from './rules/index.ts';
import { compile, lexiconSource, trimEndChars } from './rules/regex-source.ts';
import { measureLength, splitSentences } from './text-measure.ts';
import type { ReviewLang } from './types.ts';

/** The texts a rule can look at (see `Rule.scope`). */
export interface RuleInput {
  /** The copy: the draft's sentences without instructions to the reviewer. */
  copy: string;
  /** The copy's first sentence. */
  lead: string;
  /** The whole prepared draft, instructions included. */
  draft: string;
  lang: ReviewLang;
}

/** A rule that fired, with what it matched. */
export interface FiredRule {
  rule: Rule;
  /** Matched texts (for `length`, the length; for `always`, empty). */
  hits: string[];
  /** The number shown as `{count}`: hits, list items, or length. */
  count: number;
  /** How many times the rule's delta applies (capped by `maxHits`). */
  times: number;
}

/** The outcome of running the rules over one draft. */
export interface RuleRun {
  fired: FiredRule[];
  signals: ReadonlySet<Signal>;
  /** Copy length in words (en) or characters (zh). */
  length: number;
}

/** Precompiled rules, ready to run many times. */
export interface RuleEngine {
  rules: readonly Rule[];
  run(input: RuleInput): RuleRun;
}

type Finder = (text: string, lang: ReviewLang, length: number) => { hits: string[]; count: number };

/**
 * Compiles the rules once (regexes are built here, not per review) and returns an engine.
 * Rules with a `when` condition are evaluated after all unconditional rules, in layers: a rule runs
 * after every conditional rule that can publish a signal its condition reads, so it sees every signal
 * of the draft ("no proof" is not said of a draft whose production scale `cr.production-scale` counted
 * as proof). Rules of one layer read nothing the others of that layer publish, so the order of rules
 * in the table never changes a result.
 */
export function createRuleEngine(rules: readonly Rule[] = RULES): RuleEngine {
  const compiled = rules.map((rule, order) => ({ rule, order, find: compileMatcher(rule.match) }));
  const unconditional = compiled.filter((c) => !c.rule.when);
  const layers = conditionLayers(compiled.filter((c) => c.rule.when));

  return {
    rules,
    run(input) {
      const length = measureLength(input.copy, input.lang);
      const fired: (FiredRule & { order: number })[] = [];
      const signals = new Set<Signal>();
      let claims: string | undefined;
      const textOf = (rule: Rule) => {
        if (rule.scope === 'claims') {
          claims ??= withoutSuppositions(input.copy);
          return claims;
        }
        return rule.scope === 'lead' ? input.lead : rule.scope === 'draft' ? input.draft : input.copy;
      };
      const evaluate = (c: (typeof compiled)[number], seen: ReadonlySet<Signal>) => {
        const { rule } = c;
        if (!rule.langs.includes(input.lang) || !conditionHolds(rule, seen)) return;
        const text = textOf(rule);
        const { hits, count } = c.find(text, input.lang, length);
        const present = hits.length >= (rule.minHits ?? 1) && densityHolds(rule, hits.length, length);
        if (!present) return;
        const counted = rule.match.kind === 'text' || rule.match.kind === 'finder';
        const times = counted ? Math.min(Math.max(hits.length, 1), rule.effect.maxHits ?? 1) : 1;
        fired.push({ rule, hits, count, times, order: c.order });
        for (const s of rule.effect.signals ?? []) signals.add(s);
      };
      for (const c of unconditional) evaluate(c, signals);
      for (const layer of layers) {
        const seen = new Set(signals);
        for (const c of layer) evaluate(c, seen);
      }
      fired.sort((a, b) => a.order - b.order);
      return { fired: fired.map(({ order: _order, ...f }) => f), signals, length };
    },
  };
}

/**
 * Orders conditional rules in layers: each rule comes after every rule that publishes a signal its
 * condition reads. Throws on a cycle (two rules each waiting for the other's signal), a mistake in the
 * rule table that the tests catch.
 */
function conditionLayers<T extends { rule: Rule }>(conditional: T[]): T[][] {
  const reads = (rule: Rule) => [...(rule.when?.signals ?? []), ...(rule.when?.noSignals ?? [])];
  const layers: T[][] = [];
  let left = conditional;
  while (left.length > 0) {
    const waiting = new Set(left.flatMap((c) => c.rule.effect.signals ?? []));
    const ready = left.filter(
      (c) => !reads(c.rule).some((s) => waiting.has(s) && publishedByOther(c, left, s)),
    );
    if (ready.length === 0)
      throw new Error(`rules wait on each other: ${left.map((c) => c.rule.id).join(', ')}`);
    layers.push(ready);
    left = left.filter((c) => !ready.includes(c));
  }
  return layers;
}

/** True when a rule other than `c` among `left` publishes `signal`. */
function publishedByOther<T extends { rule: Rule }>(c: T, left: T[], signal: Signal): boolean {
  return left.some((o) => o !== c && (o.rule.effect.signals ?? []).includes(signal));
}

function conditionHolds(rule: Rule, signals: ReadonlySet<Signal>): boolean {
  const when = rule.when;
  if (!when) return true;
  return (
    (when.signals ?? []).every((s) => signals.has(s)) && !(when.noSignals ?? []).some((s) => signals.has(s))
  );
}

function densityHolds(rule: Rule, hits: number, length: number): boolean {
  return rule.minDensity === undefined || (hits * 100) / Math.max(length, 1) >= rule.minDensity;
}

function compileMatcher(match: Matcher): Finder {
  switch (match.kind) {
    case 'always':
      return () => ({ hits: [''], count: 1 });
    case 'length':
      return (_text, lang, length) => {
        const over = match.over?.[lang];
        const under = match.under?.[lang];
        const outside = (over !== undefined && length > over) || (under !== undefined && length < under);
        return outside ? { hits: [String(length)], count: length } : { hits: [], count: 0 };
      };
    case 'list':
      return (text, lang) => {
        const items = findList(text, lang, match.maxItem[lang]);
        const names =
          match.notCustomers && items.length >= match.minItems ? findNamedCustomers(text, lang) : [];
        const named = items.filter((item) => names.some((n) => item.includes(n) || n.includes(item)));
        return items.length >= match.minItems && named.length * 2 < items.length
          ? { hits: [items.join(lang === 'zh' ? '、' : ', ')], count: items.length }
          : { hits: [], count: 0 };
      };
    case 'finder':
      return (text, lang) => {
        const hits = match.find(text, lang);
        return { hits, count: hits.length };
      };
    case 'text': {
      const lexicon = lexiconSource(match.terms ?? []);
      const sources = [...(lexicon ? [lexicon] : []), ...(match.patterns ?? []).map((p) => p.source)];
      const flags = match.caseSensitive ? 'g' : 'gi';
      const res = chunks(sources.map((s) => `(?:${s})`)).map((c) => compile(c.join('|'), flags));
      const scan = match.scan;
      return (text) => {
        const found = findAllOf(res, text);
        const hits = scan ? [...found, ...scan(text)] : found;
        return { hits, count: hits.length };
      };
    }
  }
}

/**
 * The longest alternation compiled as one regex. V8 runs a much longer one far slower (on a 2,000-character
 * Chinese draft one rule's 22,000-character alternation took 17 ms against 0.2 ms for 19,500 characters), so
 * a longer list of alternatives is split (see `findAllOf`).
 */
const MAX_ALTERNATION = 16_000;

/** Alternatives grouped in order, each group's joined source at most `MAX_ALTERNATION` (one may be longer alone). */
function chunks(alternatives: string[]): string[][] {
  const groups: string[][] = [];
  let size = 0;
  for (const a of alternatives) {
    const last = groups.at(-1);
    if (last && size + 1 + a.length <= MAX_ALTERNATION) {
      last.push(a);
      size += 1 + a.length;
    } else {
      groups.push([a]);
      size = a.length;
    }
  }
  return groups;
}

/**
 * The matches of the alternation of `res` (in order), as one regex `(?:a)|(?:b)|…` would find them: at each
 * step the leftmost match, the earlier regex on a tie, then on from its end.
 */
function findAllOf(res: RegExp[], text: string): string[] {
  if (res.length === 1 && res[0]) return findAll(res[0], text);
  const out: string[] = [];
  const next: (RegExpExecArray | null | undefined)[] = res.map(() => undefined);
  let at = 0;
  while (at <= text.length) {
    let m: RegExpExecArray | null = null;
    for (let k = 0; k < res.length; k += 1) {
      let found = next[k];
      // A match found from an earlier position and starting at or after `at` is still the leftmost.
      if (found === undefined || (found !== null && found.index < at)) {
        const re = res[k] as RegExp;
        re.lastIndex = at;
        found = re.exec(text);
        next[k] = found;
      }
      if (found && (!m || found.index < m.index)) m = found;
    }
    if (!m) break;
    if (m[0] === '') {
      at = m.index + 1;
      continue;
    }
    out.push(m[0].trim());
    at = m.index + m[0].length;
  }
  return out;
}

function findAll(re: RegExp, text: string): string[] {
  const out: string[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m[0] === '') {
      re.lastIndex++;
      continue;
    }
    out.push(m[0].trim());
  }
  return out;
}

/** Commas, 顿号, semicolons, "and"/"or"; not the comma that groups a number's thousands ("2,000"). */
const LIST_SEPARATOR = /(?:,(?!\d{3}(?!\d))|[，、;；])\s?|\s(?:and|or|&)\s/;

/**
 * A sentence on how things were before ("以往，农户们要运肥、和肥、施肥…", "Previously, …"): a list there is of old
 * chores, not features. Not a span of time ("过去三年", "In the past 25 years").
 */
const BEFORE_STATE =
  /^(?:以往|过去(?![\d一二三四五六七八九十几数半]|的\d)|以前|原来|原先|此前|传统上|(?:Before|Previously|In the past),)/i;

/** The longest run of short items in one sentence (not one telling how things were before). */
function findList(text: string, lang: ReviewLang, maxItem: number): string[] {
  let best: string[] = [];
  for (const sentence of splitSentences(text)) {
    if (BEFORE_STATE.test(sentence.trim())) continue;
    let run: string[] = [];
    const body = trimEndChars(sentence, '。！？.!?');
    for (const raw of body.split(LIST_SEPARATOR)) {
      const item = raw.trim();
      const size = measureLength(item, lang);
      if (item && size <= maxItem) {
        run.push(item);
        if (run.length > best.length) best = [...run];
      } else {
        run = [];
      }
    }
  }
  return best;
}
