/**
 * The named-customer reader against span labels (`eval/real/names.*.jsonl`, see `eval/real/NAMES.md`):
 * for each excerpt, the customers a labeller found (exact substrings), the seller's names and other
 * proper names that are not customers. Reported as drafts (did the reader find one of the labelled
 * customers; did it find any where there is none) and as names (how many labelled customers it found;
 * how many of its names are the seller or another non-customer).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findNamedCustomers } from '../src/core/review/rules/customer-names.ts';
import { detectLang } from '../src/core/review/text-measure.ts';

export interface NamesItem {
  id: string;
  lang: 'en' | 'zh';
  draft: string;
  customers: string[];
  vendor: string[];
  others: string[];
}

export interface NamesReport {
  drafts: number;
  /** Drafts with at least one labelled customer. */
  withCustomer: number;
  /** Of those, drafts where the reader found one of the labelled customers. */
  draftsFound: number;
  /** Drafts without a labelled customer where the reader found a name anyway. */
  falseDrafts: number;
  /** Labelled customer names, and how many the reader found. */
  names: number;
  namesFound: number;
  /** Names the reader found, and how many of them are labelled as the seller or another non-customer. */
  read: number;
  wrongNames: number;
  /** Per draft: what was missed or read wrongly (development sets only). */
  misses: { id: string; missed: string[]; wrong: string[]; found: string[] }[];
}

/** Two spellings of one name: equal, or one inside the other ("Netflix" in "Netflix engineers"). */
function same(a: string, b: string): boolean {
  const x = a.toLowerCase().replace(/['’]s$/, '');
  const y = b.toLowerCase().replace(/['’]s$/, '');
  return x.length > 0 && y.length > 0 && (x.includes(y) || y.includes(x));
}

/** Scores `find` (by default Coach's reader) on span-labelled items. */
export function scoreNames(
  items: readonly NamesItem[],
  find: (text: string, lang: 'en' | 'zh') => string[] = (t) => findNamedCustomers(t, detectLang(t)),
): NamesReport {
  const r: NamesReport = {
    drafts: items.length,
    withCustomer: 0,
    draftsFound: 0,
    falseDrafts: 0,
    names: 0,
    namesFound: 0,
    read: 0,
    wrongNames: 0,
    misses: [],
  };
  for (const it of items) {
    const found = find(it.draft, it.lang);
    const missed = it.customers.filter((c) => !found.some((f) => same(f, c)));
    const wrong = found.filter(
      (f) => !it.customers.some((c) => same(f, c)) && [...it.vendor, ...it.others].some((n) => same(f, n)),
    );
    r.read += found.length;
    r.wrongNames += wrong.length;
    if (it.customers.length > 0) {
      r.withCustomer += 1;
      r.names += it.customers.length;
      r.namesFound += it.customers.length - missed.length;
      if (missed.length < it.customers.length) r.draftsFound += 1;
    } else if (found.length > 0) r.falseDrafts += 1;
    if (missed.length > 0 || wrong.length > 0 || (it.customers.length === 0 && found.length > 0))
      r.misses.push({ id: it.id, missed, wrong, found });
  }
  return r;
}

/** Reads every `names.*.jsonl` under `dir`. */
export function loadNames(dir = 'eval/real'): NamesItem[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /^names\.[a-z0-9]+\.jsonl$/.test(f))
    .sort()
    .flatMap((f) =>
      readFileSync(join(dir, f), 'utf8')
        .split('\n')
        .filter((l) => l.trim())
        .map((l) => JSON.parse(l) as NamesItem),
    );
}

const pct = (n: number, d: number) => (d === 0 ? '  –' : `${Math.round((100 * n) / d)}%`.padStart(4));

/** Prints the report (and, with `verbose`, each miss). */
export function runNamesEval(verbose: boolean): void {
  const items = loadNames();
  if (items.length === 0) return;
  const langs = ['en', 'zh'] as const;
  const reports = langs.map((l) => scoreNames(items.filter((i) => i.lang === l)));
  const all = scoreNames(items);
  console.log('Named customers, span labels (eval/real/names.*.jsonl, development)    en     zh    all');
  const row = (label: string, f: (r: NamesReport) => string) =>
    console.log(`  ${label.padEnd(62)} ${[...reports, all].map(f).join('   ')}`);
  row('drafts with a customer: one of its customers found', (r) => pct(r.draftsFound, r.withCustomer));
  row('labelled customer names found', (r) => pct(r.namesFound, r.names));
  row('drafts without a customer: a name read anyway', (r) => pct(r.falseDrafts, r.drafts - r.withCustomer));
  row("names read that are the seller's or another non-customer", (r) => pct(r.wrongNames, r.read));
  if (verbose)
    for (const m of all.misses)
      console.log(
        `  ${m.id}: missed ${JSON.stringify(m.missed)} wrong ${JSON.stringify(m.wrong)} read ${JSON.stringify(m.found)}`,
      );
  console.log('');
}
