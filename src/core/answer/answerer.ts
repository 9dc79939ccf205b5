import { describeError, isCoachError } from '../errors.ts';
import type { LlmPort, TokenUsage } from '../llm-port.ts';
import type { Logger } from '../logger.ts';
import { loadPrompt, type PromptTemplate } from '../prompts.ts';
import type { Lookup, Retriever, SearchHit } from '../retrieval/retriever.ts';
import { detectLang } from '../retrieval/tokenize.ts';
import { MAX_MODEL_CHARS } from '../text-limits.ts';
import { estimateTokens } from '../tokens.ts';
import { borrowsTopic, lookupFollowUp } from './follow-up.ts';
import { buildAnswerMessages, createDeltaFilter, finishLlmAnswer, latestOf, topicOf } from './llm-answer.ts';
import { answerOffline } from './offline.ts';
import { cleanedOrRaw, prepareQuestion, truncationNote } from './question.ts';
import { createReranker, RERANK_CANDIDATES } from './rerank.ts';
import type { Answer, HistoryTurn } from './types.ts';

/** What an answer looks like while it is being written: status, text deltas, then the final answer. */
export type AnswerEvent =
  | { type: 'status'; text: string }
  | { type: 'delta'; text: string }
  | { type: 'done'; answer: Answer };

/** Options of one question. */
export interface AskOptions {
  /** Earlier turns of the thread, oldest first (bounded by the caller). */
  history?: HistoryTurn[];
  /** Force the offline composer even when an LLM is configured. */
  offline?: boolean;
  signal?: AbortSignal;
  /**
   * The asking chat (`<platform>:<chat id>`): it sees the team-wide passages and its own, never another
   * chat's. Absent: team-wide passages only.
   */
  chat?: string;
}

/** Answers questions: with the LLM when there is one, offline otherwise or when it fails. */
export interface Answerer {
  /** Streams the answer. Never throws for model failures: those end in an offline answer with a note. */
  ask(question: string, opts?: AskOptions): AsyncIterable<AnswerEvent>;
  /** The whole answer at once. */
  answer(question: string, opts?: AskOptions): Promise<Answer>;
  readonly online: boolean;
}

/** How many knowledge entries go into the prompt: the top ones only, to keep it lean. */
export const PROMPT_SOURCES = 4;

const UNAVAILABLE = {
  en: 'The AI model is unavailable right now, so this is the offline answer from the knowledge base.',
  zh: 'AI 模型暂时不可用，以下是来自知识库的离线回答。',
};
const CUT_OFF = {
  en: 'The AI model stopped before finishing this answer; what it wrote so far is above.',
  zh: 'AI 模型在回答完成前中断了，以上是已生成的部分。',
};

/** Dependencies of {@link createAnswerer}. */
export interface AnswererDeps {
  retriever: Retriever;
  llm?: LlmPort;
  logger: Logger;
  /** Overrides `prompts/answer.md` (tests). */
  prompt?: PromptTemplate;
  /**
   * With a model: sort retrieval's top candidates with one short extra call (`LLM_RERANK`), within this
   * timeout (`LLM_RERANK_TIMEOUT_MS`); undefined turns it off.
   */
  rerankTimeoutMs?: number;
  /**
   * Where offline answers are composed (the service's worker pool); absent: in this thread. Given the
   * raw question, the earlier turns and the chat, it prepares the team's passages itself.
   */
  offline?: (question: string, opts: { history: HistoryTurn[]; chat: string }) => Promise<Answer>;
}

/** Creates the answerer. */
export function createAnswerer(deps: AnswererDeps): Answerer {
  const { retriever, llm, logger } = deps;
  const prompt = llm ? (deps.prompt ?? loadPrompt('answer')) : undefined;
  const reranker =
    llm && deps.rerankTimeoutMs !== undefined
      ? createReranker({ llm, prompt: loadPrompt('rerank'), logger, timeoutMs: deps.rerankTimeoutMs })
      : undefined;

  async function* ask(question: string, opts: AskOptions = {}): AsyncIterable<AnswerEvent> {
    const history = opts.history ?? [];
    const topic = topicOf(history);
    const latest = latestOf(history);
    const chat = opts.chat ?? '';
    const composeOffline = async (): Promise<Answer> => {
      if (deps.offline) return deps.offline(question, { history, chat });
      await retriever.prepare(cleanedOrRaw(question), { chat });
      return answerOffline(retriever, question, { topic, latest, chat });
    };
    if (!llm || !prompt || opts.offline) {
      yield { type: 'done', answer: await composeOffline() };
      return;
    }
    // Prepared with the text the lookups below use (the cleaned question), so semantic ranks are found.
    await retriever.prepare(cleanedOrRaw(question), { chat });
    const q = prepareQuestion(question);
    const lang = detectLang(q.text);
    const notes = q.truncated ? [truncationNote(q, lang)] : [];
    yield { type: 'status', text: lang === 'zh' ? '思考中…' : 'Thinking…' };
    const found = lookupWithTopic(retriever, q.text, { topic, latest }, chat);
    const usage: TokenUsage = { input: 0, output: 0 };
    const ranked = reranker
      ? await reranker.rerank(q.text, found.hits, lang, (u) => {
          usage.input += u.input;
          usage.output += u.output;
        })
      : found.hits;
    const hits = ranked.slice(0, PROMPT_SOURCES);
    const messages = buildAnswerMessages(prompt, {
      question: q.text,
      hits,
      history,
      lang,
      kb: retriever.kb,
      coverage: found.coverage,
      missing: found.missing.map((c) => c.label[lang]),
    });
    let text = '';
    usage.input += estimateTokens(messages.map((m) => m.content).join('\n'));
    const used = (): TokenUsage => ({ input: usage.input, output: usage.output + estimateTokens(text) });
    const shown = createDeltaFilter(hits.length, prompt.canary);
    const unavailable = async (): Promise<AnswerEvent> => {
      const offline = await composeOffline();
      return {
        type: 'done',
        answer: { ...offline, notes: [UNAVAILABLE[lang], ...offline.notes], usage: used() },
      };
    };
    try {
      for await (const delta of llm.stream(messages, { signal: opts.signal, temperature: 0.3 })) {
        // A model that does not stop is cut: no answer is longer than MAX_MODEL_CHARS.
        const room = MAX_MODEL_CHARS - text.length;
        const part = delta.length > room ? delta.slice(0, Math.max(0, room)) : delta;
        text += part;
        const visible = shown.push(part);
        if (visible) yield { type: 'delta', text: visible };
        if (shown.leaked || text.length >= MAX_MODEL_CHARS) break; // stop paying for what is not shown
      }
    } catch (err) {
      const partial = text.trim().length > 0;
      logger.warn(
        { event: 'llm_failed', ...describeError(err), reason: reasonOf(err), partial, chars: text.length },
        'LLM answer failed',
      );
      const done = finishLlmAnswer(text, hits, lang, retriever.kb, prompt.canary);
      if (done.leaked) logger.warn({ event: 'llm_bad_output', reason: 'prompt_leak' }, 'LLM answer unusable');
      if (!partial || !done.answer.trim()) {
        yield await unavailable();
        return;
      }
      const rest = shown.flush();
      if (rest) yield { type: 'delta', text: rest };
      yield { type: 'done', answer: { ...done, notes: [...notes, CUT_OFF[lang]], usage: used() } };
      return;
    }
    const done = finishLlmAnswer(text, hits, lang, retriever.kb, prompt.canary);
    if (!done.answer.trim()) {
      logger.warn(
        { event: 'llm_bad_output', reason: done.leaked ? 'prompt_leak' : 'empty' },
        'LLM answer unusable',
      );
      yield await unavailable();
      return;
    }
    const rest = shown.flush();
    if (rest) yield { type: 'delta', text: rest };
    yield { type: 'done', answer: { ...done, notes: [...notes, ...done.notes], usage: used() } };
  }

  return {
    online: Boolean(llm),
    ask,
    async answer(question, opts) {
      let final: Answer | undefined;
      for await (const ev of ask(question, opts)) if (ev.type === 'done') final = ev.answer;
      if (!final) throw new Error('answerer ended without an answer');
      return final;
    },
  };
}

/**
 * Retrieval's candidates for the model (up to {@link RERANK_CANDIDATES}): the follow-up's own hits
 * first, then hits found with the thread's topic when the follow-up alone finds too few.
 */
function lookupWithTopic(
  retriever: Retriever,
  question: string,
  thread: { topic: string; latest: string },
  chat: string,
): Lookup {
  const { topic } = thread;
  const own = retriever.lookup(question, { k: RERANK_CANDIDATES, chat });
  if (!topic || own.hits.length >= PROMPT_SOURCES) return own;
  // Nothing of its own: only a follow-up borrows the thread (see `borrowsTopic`, `lookupFollowUp`).
  if (own.hits.length === 0) {
    if (!borrowsTopic(own, question)) return own;
    return lookupFollowUp(retriever, question, thread, { k: RERANK_CANDIDATES, chat }) ?? own;
  }
  const withTopic = retriever.lookup(`${question}\n${topic}`, { k: RERANK_CANDIDATES, chat });
  const seen = new Set(own.hits.map((h) => h.entry.id));
  const hits: SearchHit[] = [...own.hits, ...withTopic.hits.filter((h) => !seen.has(h.entry.id))];
  return { ...own, hits: hits.slice(0, RERANK_CANDIDATES) };
}

function reasonOf(err: unknown): string {
  if (isCoachError(err) && typeof err.details.reason === 'string') return err.details.reason;
  return isCoachError(err) ? err.code : 'unknown';
}
