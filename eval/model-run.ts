/**
 * `npm run eval:model`: the real sets scored with the model configured in `.env` (OPENAI_API_KEY,
 * OPENAI_BASE_URL, OPENAI_MODEL), beside the offline figures: the rerank call ordering the answers'
 * sources, the LLM critic scoring the copy (model-eval.ts). It calls the model once per question that
 * retrieval does not refuse and once per draft, so it costs tokens: the total is printed at the end.
 *
 *   npm run eval:model -- [--dev-only] [--part dev7] [--limit 20] [--concurrency 4]
 *
 * `--limit N` scores the first N items of each file (a cheap first look). Held-out items are never
 * printed, only their aggregates.
 */
import { DEFAULTS, loadConfig } from '../src/config.ts';
import { describeError } from '../src/core/errors.ts';
import { loadKnowledge } from '../src/core/knowledge/load.ts';
import { createLogger } from '../src/core/logger.ts';
import { createRetriever } from '../src/core/retrieval/retriever.ts';
import { createConfiguredLlmClient } from '../src/llm/client.ts';
import { type ModelEvalColumn, runModelEval } from './model-eval.ts';
import { loadRealCopy, loadRealQuestions } from './real-eval.ts';
import { type Column, columns, printCopy, printQuestions, realPath } from './real-run.ts';

const arg = (name: string) => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
};
const positive = (value: string | undefined, fallback: number) => {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
};

async function main(): Promise<number> {
  const config = loadConfig();
  if (!config.llm) {
    console.error(
      'No model configured: set OPENAI_API_KEY (and OPENAI_BASE_URL, OPENAI_MODEL for another service) in .env.\n' +
        '`npm run eval` scores the offline answers and critic without one.',
    );
    return 2;
  }
  const part = arg('--part');
  const partName = part && /^[a-z0-9]+$/.test(part) ? part : undefined;
  const devOnly = process.argv.includes('--dev-only');
  const limit = positive(arg('--limit'), Number.POSITIVE_INFINITY);
  const concurrency = positive(arg('--concurrency'), 4);

  const logger = createLogger(config.logLevel === 'debug' ? 'debug' : 'warn');
  const llm = createConfiguredLlmClient(config.llm, logger);
  const retriever = createRetriever(loadKnowledge('knowledge'));
  const take = <T>(items: T[]) => items.slice(0, limit);
  const qCols = columns('questions', devOnly, partName);
  const cCols = columns('copy', devOnly, partName);
  const labels = [...new Set([...qCols, ...cCols].map((c) => c.label))];
  const sets = labels.map((label) => ({
    label,
    questions: (qCols.find((c) => c.label === label)?.parts ?? []).flatMap((p) =>
      take(loadRealQuestions(realPath('questions', p))),
    ),
    copy: (cCols.find((c) => c.label === label)?.parts ?? []).flatMap((p) =>
      take(loadRealCopy(realPath('copy', p))),
    ),
  }));

  console.log(
    `Model ${llm.model} at ${config.llm.baseURL ?? 'the OpenAI API'}; ${concurrency} calls at once.`,
  );
  let shown = 0;
  const started = Date.now();
  const report = await runModelEval(
    {
      llm,
      retriever,
      logger,
      // With `LLM_RERANK` off in .env the call is measured anyway, at the default timeout.
      rerankTimeoutMs: config.llm.rerankTimeoutMs ?? DEFAULTS.rerankTimeoutMs,
      concurrency,
      onProgress: (done, total) => {
        const pct = Math.floor((done / total) * 10);
        if (pct > shown || done === total) {
          shown = pct;
          process.stderr.write(`  ${done}/${total} items scored\n`);
        }
      },
    },
    sets,
  );
  print(report);
  const input = report.reduce((n, c) => n + c.tokens.input, 0);
  const output = report.reduce((n, c) => n + c.tokens.output, 0);
  console.log(
    `\nTokens: ${input.toLocaleString('en')} in, ${output.toLocaleString('en')} out; ${Math.round((Date.now() - started) / 1000)} s.`,
  );
  return 0;
}

/** Offline and model columns side by side, with the calls that failed. */
function print(report: ModelEvalColumn[]): void {
  const pairs = (label: string): Column[] => [
    { label: `${label}·off`, parts: [] },
    { label: `${label}·llm`, parts: [] },
  ];
  const cols = report.flatMap((c) => pairs(c.label));
  printQuestions(
    cols,
    report.flatMap((c) => [c.questions.offline, c.questions.model]),
    false,
    'Real questions: offline order (off), reranked by the model (llm)',
  );
  printCopy(
    cols,
    report.flatMap((c) => [c.copy.offline, c.copy.model]),
    false,
    'Real copy: offline critic (off), LLM critic (llm)',
  );
  console.log('\nModel calls that failed (those items are scored as the service would answer them)');
  for (const c of report) {
    console.log(
      `  ${c.label.padEnd(8)} rerank ${c.rerank.failed}/${c.rerank.calls}, review ${c.reviews.failed}/${c.reviews.calls}`,
    );
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    console.error(`eval:model failed: ${describeError(err).message}`);
    process.exitCode = 1;
  },
);
