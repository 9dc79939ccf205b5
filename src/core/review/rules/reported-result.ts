/**
 * A result reported as having happened ("the migration resulted in a 2x increase", "延迟下降了 10ms",
 * "以前需要 6 分钟，现在只要 3 分钟"), not promised ("cuts costs by up to 30%", "可降低 30%"). Experts
 * read a reported result as evidence from a real deployment even when the customer goes unnamed; a
 * promise is only a claim. Read sentence by sentence: the number, the change and the report must
 * share one sentence, and a sentence that also promises ("can", "up to", "可以") does not count.
 */
import { splitSentences } from '../text-measure.ts';
import type { ReviewLang } from '../types.ts';

const NUMBER = /\d|[一二两三四五六七八九十百千万亿半倍]/;

const CHANGE_EN =
  /%|\d\s?x\b|\b(?:times|increase|increases|reduction|decrease|decline|drop|savings?|faster|fewer|less|lower|higher|more|from|down to|up from|down from|ahead of schedule|under budget)\b/i;
const REPORTED_EN =
  /\b(?:reduced|increased|improved|saved|grew|dropped|fell|shrank|shrunk|decreased|boosted|doubled|tripled|halved|lowered|achieved|resulted in|the result is|the result was|the results? were|was able to|were able to|have seen|has seen|saw|experienced|went from|went down|went up|now takes|now runs|we are now|we are currently|are now at|is now at|plummeted|soared|jumped|climbed|reported|delivered|generated|declined|rose|showed that|found that|was completed|were completed)\b/i;
const PROMISE_EN =
  /\b(?:can|could|will|up to|lets you|designed to|may|might|expect|expected|potential|potentially|as much as|would|estimated|estimate|promises?|aims? to|helps? (?:you|your|teams|companies|businesses|organi[sz]ations|customers))\b/i;

const CHANGE_ZH =
  /[%％倍]|提升|提高|降低|减少|缩短|节省|节约|增长|下降|增加|提速|压缩|降至|降到|减至|缩减|减半|翻番/;
const REPORTED_ZH =
  /(?:提高|提升|降低|减少|缩短|节省|节约|增长|下降|增加|提速|压缩|实现|完成|达到|降至|降到|减至|缩减|翻)了|已经|以前|此前|原来|原本|过去|之前|上线后|使用后|引入后|迁移后|改造后|部署后|上线以来|引入[^，。；]{0,20}?后|直到引入|投产|累计|共(?:节省|减少|降低|节约)|最终|截至|实测|效果(?:也)?(?:体现|显示|是)/;
const PROMISE_ZH =
  /可以|能够|可帮助|可实现|可将|可使|可达|最高可|高达|有望|预计|帮助(?:您|你|企业|客户)|将(?:提升|降低|减少|帮助|为)|让您|助您|立省|立减|优惠/;

/** Up to this many characters of a reporting sentence are quoted, from its report word on. */
const QUOTE_CHARS = 60;

/** The reporting sentences' quotes (from the report word on), at most two. */
export function findReportedResults(text: string, lang: ReviewLang): string[] {
  // Two rules read the same draft in one review (cr.reported-result, cr.unsourced-result): read it once.
  if (last.text !== text || last.lang !== lang) last = { text, lang, hits: readReportedResults(text, lang) };
  return [...last.hits];
}
let last: { text: string; lang: ReviewLang; hits: string[] } = { text: '', lang: 'en', hits: [] };

function readReportedResults(text: string, lang: ReviewLang): string[] {
  const [change, reported, promise] =
    lang === 'zh' ? [CHANGE_ZH, REPORTED_ZH, PROMISE_ZH] : [CHANGE_EN, REPORTED_EN, PROMISE_EN];
  const hits: string[] = [];
  for (const sentence of splitSentences(text)) {
    if (!NUMBER.test(sentence) || !change.test(sentence) || promise.test(sentence)) continue;
    const report = reported.exec(sentence);
    if (!report) continue;
    // By code points: a cut never splits an emoji's surrogate pair.
    hits.push(Array.from(sentence.slice(report.index)).slice(0, QUOTE_CHARS).join('').trim());
    if (hits.length === 2) break;
  }
  return hits;
}
