/**
 * A small OpenAI-compatible embeddings server for tests, on 127.0.0.1:0 (pass `url` as
 * `EMBEDDINGS_BASE_URL`): `POST /v1/embeddings` answers a deterministic vector per input, a bag of words
 * hashed into 64 dimensions after dropping function words and folding synonyms (`churn`, `attrition`, `cancellations`, 流失 → one
 * word), so texts that mean the same without sharing words come out close. It counts the texts embedded
 * and can fail.
 */
import { createServer } from 'node:http';
import { closeServer, listenLocal } from './http-fake.ts';

const SYNONYMS: Record<string, string> = {
  churn: 'attrition',
  churned: 'attrition',
  attrition: 'attrition',
  cancellations: 'attrition',
  cancel: 'attrition',
  流失: 'attrition',
  reduce: 'lower',
  reduced: 'lower',
  lower: 'lower',
  fell: 'lower',
  cut: 'lower',
};
/** Words that carry no meaning (a real model weighs them little). */
const STOP = new Set(
  'a an the of to in on at for from after how did do we our us is are was were by with and or what'.split(
    ' ',
  ),
);
const DIMS = 64;

/** The vector the fake gives a text. */
export function fakeVector(text: string): number[] {
  const v = new Array<number>(DIMS).fill(0);
  for (const raw of text.toLowerCase().match(/[a-z]+|[\u4e00-\u9fff]{2}/g) ?? []) {
    if (STOP.has(raw)) continue;
    const word = SYNONYMS[raw] ?? raw;
    let h = 0;
    for (const ch of word) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
    v[h % DIMS] = (v[h % DIMS] ?? 0) + 1;
  }
  return v;
}

/** The running fake. */
export interface FakeEmbeddings {
  readonly url: string;
  /** Texts embedded, in order. */
  readonly inputs: string[];
  /** Requests made (each may carry several texts). */
  readonly requests: { model: string; count: number }[];
  /** The next requests answer 500. */
  failNext(times?: number): void;
  close(): Promise<void>;
}

export async function startFakeEmbeddings(): Promise<FakeEmbeddings> {
  const inputs: string[] = [];
  const requests: { model: string; count: number }[] = [];
  let failures = 0;
  const server = createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on('data', (p: Buffer) => parts.push(p));
    req.on('end', () => {
      if (req.method !== 'POST' || req.url !== '/v1/embeddings') {
        res.writeHead(404).end();
        return;
      }
      if (failures > 0) {
        failures -= 1;
        res.writeHead(500, { 'content-type': 'application/json', 'retry-after-ms': '1' });
        res.end(JSON.stringify({ error: { message: 'scripted failure' } }));
        return;
      }
      const body = JSON.parse(Buffer.concat(parts).toString('utf8')) as {
        model: string;
        input: string[] | string;
      };
      const list = Array.isArray(body.input) ? body.input : [body.input];
      inputs.push(...list);
      requests.push({ model: body.model, count: list.length });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          object: 'list',
          model: body.model,
          data: list.map((t, index) => ({ object: 'embedding', index, embedding: fakeVector(t) })),
          usage: { prompt_tokens: 1, total_tokens: 1 },
        }),
      );
    });
  });
  const base = await listenLocal(server);
  return {
    url: `${base}/v1`,
    inputs,
    requests,
    failNext(times = 1) {
      failures += times;
    },
    close: () => closeServer(server),
  };
}
