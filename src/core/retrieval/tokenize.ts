import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Jieba } from '@node-rs/jieba';
import { normalize } from './normalize.ts';
import { stem } from './stem.ts';

export { stem } from './stem.ts';

/**
 * Words that carry no topic in questions or entries. Kept short on purpose: words such as "trust",
 * "price" or "customer" are the topic here, so only grammar and chat filler go in.
 */
const EN_STOP = new Set(
  `a an the and or but if then so of to in on at by for with from as is are was were be been being
  do does did doing have has had i me my we our us you your he she it its they them their this that
  these those what which who whom whose when where why how can could should would will shall may might
  must not no yes about into than too very just also any some such there here more most other own same
  only both each few all am let lets get got make made want need tell give please hi hello hey thanks
  thank one way ways thing things something really much many like use using used vs versus go goes
  going dr mr ms see seen sees dont doesnt didnt isnt arent cant wont don doesn didn isn aren won
  wouldn couldn shouldn t s ll re ve d m`
    .split(/\s+/)
    .filter(Boolean),
);

const ZH_STOP = new Set(
  `能 不能 能不能 的 了 是 我 我们 你 你们 他 她 它 他们 在 和 与 及 或 就 都 也 还 很 吗 呢 吧 啊 呀 么 什么 怎么 怎样 怎么样 如何 为什么 哪些 哪个 有 没有 要 会 能 可以 应该 一个 一些 这个 那个 这 那 这些 那些 把 被 让 给 对 从 到 于 以 为 中 上 下 里 个 请 请问 帮 帮我 一下 吗 啥 呗 嘛 还是 以及 而 并 但 但是 如果 所以 因为 自己 时候 这样 那么 其实 已经 可能 需要 觉得 做 说 讲 想 问`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * The segmenter's dictionary: jieba's, trimmed to its 50,000 most frequent words plus every word of
 * knowledge/ (scripts/jieba-dict.ts). The full one holds about 60 MB more in memory for words that
 * rarely matter to marketing questions; rarer words still split by jieba's HMM.
 */
export const JIEBA_DICT = fileURLToPath(new URL('../../../assets/jieba-dict.txt', import.meta.url));

let jieba: Jieba | undefined;
function segmenter(): Jieba {
  jieba ??= Jieba.withDict(readFileSync(JIEBA_DICT));
  return jieba;
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
const RUNS = /[\u3400-\u9fff\uf900-\ufaff]+|[a-z0-9]+(?:[+&][a-z0-9]+)*/g;
const POSSESSIVE = /['\u2019]s\b/g;

export { normalize };

/** True when the text is mostly Chinese. */
export function isChineseText(text: string): boolean {
  let cjk = 0;
  let latin = 0;
  for (const ch of text) {
    if (CJK.test(ch)) cjk += 1;
    else if (/[a-z]/i.test(ch)) latin += 1;
  }
  return cjk > 0 && cjk * 2 >= latin / 2;
}

/**
 * Splits text into index terms: Chinese runs are segmented into words by jieba (search mode, so
 * that 品类标签 also yields 品类 and 标签), English words are stemmed (decisions → decis), stop
 * words are dropped. Indexing and querying use the same function, so both languages rank alike.
 */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  for (const run of normalize(text).replace(POSSESSIVE, '').match(RUNS) ?? []) {
    if (CJK.test(run)) {
      for (const word of segmenter().cutForSearch(run, true)) {
        if (!ZH_STOP.has(word)) out.push(word);
      }
    } else if (!EN_STOP.has(run)) {
      out.push(stem(run));
    }
  }
  return out;
}

/** The language to answer in: Chinese when the text is mostly Chinese, else English. */
export function detectLang(text: string): 'en' | 'zh' {
  return isChineseText(text) ? 'zh' : 'en';
}
