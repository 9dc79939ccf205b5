/**
 * Worst case of every text transform on hostile input: 100,000-character runs of the characters and
 * fragments our regexes care about (brackets, links, mentions, escape codes, numbers, lexicon words),
 * plain and interleaved. Prints the slowest input per transform in ms per 100,000 characters; the
 * issue's bar is 50 ms. Inputs longer than a path's cap are cut to it first, as the real path does.
 */

import { plainLinks, terminalSafe } from '../src/adapters/delivery/safe-text.ts';
import { renderCards, toLarkMarkdown } from '../src/adapters/feishu/cards.ts';
import { messageText } from '../src/adapters/feishu/content.ts';
import { renderReply } from '../src/adapters/slack/blocks.ts';
import { escapeSlack, markdownToMrkdwn, mrkdwnToFallback, slackToPlain } from '../src/adapters/slack/text.ts';
import { createDeltaFilter, finishLlmAnswer } from '../src/core/answer/llm-answer.ts';
import { answerOffline } from '../src/core/answer/offline.ts';
import { parseCommand } from '../src/core/chat/commands/index.ts';
import { loadKnowledge } from '../src/core/knowledge/load.ts';
import { neutralise } from '../src/core/prompts.ts';
import type { RichReply } from '../src/core/reply/types.ts';
import { createRetriever } from '../src/core/retrieval/retriever.ts';
import { tokenize } from '../src/core/retrieval/tokenize.ts';
import { looksLikeQuestion, prepareDraft } from '../src/core/review/input.ts';
import { reviewOffline } from '../src/core/review/offline-critic.ts';
import { MAX_INBOUND_CHARS, MAX_MODEL_CHARS } from '../src/core/text-limits.ts';
import { ms } from './stats.ts';

const SIZE = 100_000;
const FRAGMENTS = [
  '[',
  ']',
  '(',
  '[a](',
  '<',
  '>',
  '<@U1|x>',
  '<!here>',
  '<http://x|',
  'http://a.b/',
  '*',
  '_',
  '~',
  '`',
  '```',
  '\u001b[',
  '\u200b',
  '\u202e',
  '&lt;',
  '\\',
  '-',
  '0,',
  '0.',
  '1,000',
  '30%',
  ' ',
  '\n',
  '\n\n',
  'a ',
  'A ',
  'up-',
  'Acme ',
  'Inc. ',
  'at ',
  'for ',
  '"',
  '”',
  '：',
  '跃升至万',
  '从百成千',
  '逾0,',
  '家',
  '银行',
  '降低',
  '@_user_1',
  '<at user_id="x">',
  '{',
  '}',
  '|',
  '#',
  '> ',
  '1. ',
  '- ',
  '**a',
  'DATA>>>',
  '<<<DATA',
];

function seeded(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

/** Each fragment repeated, each pair alternated, and a few random mixes: all SIZE characters long. */
function inputs(): string[] {
  const out: string[] = [];
  const fill = (unit: string) => unit.repeat(Math.ceil(SIZE / unit.length)).slice(0, SIZE);
  for (const f of FRAGMENTS) out.push(fill(f));
  for (const a of FRAGMENTS) for (const b of ['a', ' ', '0', '\n', 'x ', '[', '<']) out.push(fill(a + b));
  const rnd = seeded(7);
  for (let i = 0; i < 20; i += 1) {
    let text = '';
    while (text.length < SIZE) text += FRAGMENTS[Math.floor(rnd() * FRAGMENTS.length)];
    out.push(text.slice(0, SIZE));
  }
  return out;
}

const kb = loadKnowledge('knowledge');
const retriever = createRetriever(kb);
const hits = retriever.search('How do I build trust with a CFO?', { k: 4 });
const reply = (text: string): RichReply => ({
  kind: 'answer',
  lang: 'en',
  sections: [text],
  citations: [],
  notes: [],
  buttons: [],
  ref: 'r1',
});
const inbound = (t: string) => t.slice(0, MAX_INBOUND_CHARS);
const model = (t: string) => t.slice(0, MAX_MODEL_CHARS);

/** Each transform, with the cut its real path applies before it. */
const TRANSFORMS: Record<string, (text: string) => unknown> = {
  'neutralise (prompt data)': (t) => neutralise(inbound(t)),
  'plainLinks (model output)': (t) => plainLinks(model(t)),
  'terminalSafe (model output)': (t) => terminalSafe(model(t)),
  'Slack: slackToPlain (inbound)': (t) => slackToPlain(inbound(t)),
  'Slack: escapeSlack': (t) => escapeSlack(model(t)),
  'Slack: markdownToMrkdwn': (t) => markdownToMrkdwn(model(t)),
  'Slack: mrkdwnToFallback': (t) => mrkdwnToFallback(model(t)),
  'Slack: renderReply': (t) => renderReply(reply(model(t))),
  'Feishu: messageText (inbound)': (t) => messageText('text', JSON.stringify({ text: inbound(t) }), []),
  'Feishu: toLarkMarkdown': (t) => toLarkMarkdown(model(t)),
  'Feishu: renderCards': (t) => renderCards(reply(model(t))),
  'citation filter (final answer)': (t) => finishLlmAnswer(model(t), hits, 'en', kb, 'coach-answer-v1'),
  'citation filter (20-char deltas)': (t) => {
    const filter = createDeltaFilter(hits.length, 'coach-answer-v1');
    const text = model(t);
    for (let i = 0; i < text.length; i += 20) filter.push(text.slice(i, i + 20));
    return filter.flush();
  },
  parseCommand: (t) => parseCommand(inbound(t)),
  tokenize: (t) => tokenize(inbound(t)),
  'retriever.search': (t) => retriever.search(inbound(t)),
  answerOffline: (t) => answerOffline(retriever, inbound(t)),
  looksLikeQuestion: (t) => looksLikeQuestion(inbound(t)),
  'prepareDraft + reviewOffline': (t) => reviewOffline(prepareDraft(inbound(t)).draft),
};

/** Prints the worst input per transform (called from bench/run.ts). */
export function runFuzzBench(): void {
  const all = inputs();
  console.log(
    `\nHostile input (${all.length} inputs of ${SIZE.toLocaleString('en')} chars; worst per transform)`,
  );
  let worstOverall = 0;
  for (const [name, fn] of Object.entries(TRANSFORMS)) {
    // Warm-up: the first call compiles the lazily built patterns (the review lexicons).
    for (let i = 0; i < 3; i += 1) fn('How do I win the trust of a CFO? Acme cut costs 30% [1].');
    let worst = 0;
    let worstInput = '';
    for (const text of all) {
      const t = performance.now();
      try {
        fn(text);
      } catch {
        // Input errors (an empty draft after cleaning) are answers too; only the time matters here.
      }
      const took = performance.now() - t;
      if (took > worst) {
        worst = took;
        worstInput = JSON.stringify(text.slice(0, 12));
      }
    }
    worstOverall = Math.max(worstOverall, worst);
    console.log(`  ${name.padEnd(34)} ${ms(worst).padStart(10)}  (input ${worstInput}…)`);
  }
  console.log(`  ${'worst of all (bar: 50 ms)'.padEnd(34)} ${ms(worstOverall).padStart(10)}`);
}

if (import.meta.url === `file://${process.argv[1]}`) runFuzzBench();
