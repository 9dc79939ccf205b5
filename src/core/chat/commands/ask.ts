/** A question: answered from the knowledge (and the model, when one is configured), with the thread's history. */

import type { Answer } from '../../answer/types.ts';
import { answerReply } from '../../reply/replies.ts';
import type { ReplyEvent, RichReply } from '../../reply/types.ts';
import { budgetNote } from '../text.ts';
import { recordAnswer, startTimer } from './insights-events.ts';
import type { Command, CommandContext, CommandRunner, CommandSpec } from './types.ts';

export const askCommand: CommandSpec = {
  key: 'ask',
  words: ['ask', '问', '提问'],
  help: {
    en: '• just ask, in English or Chinese: an answer from the knowledge, with its sources',
    zh: '• 直接提问（中英文都行）：按知识库回答并注明来源',
  },
  prompts: [
    {
      title: { en: "How do I win a CFO's trust?", zh: '怎么赢得 CFO 的信任？' },
      message: {
        en: "How do I win a CFO's trust in a long B2B deal?",
        zh: '长周期的 B2B 项目里，怎么赢得 CFO 的信任？',
      },
    },
  ],
  parse: ({ rest }) => (rest ? { name: 'ask', text: rest } : { name: 'help' }),
};

/** Streams the answer; the final reply carries its sources and 👍/👎. */
export const runAsk: CommandRunner<Extract<Command, { name: 'ask' }>> = async function* (cmd, ctx) {
  const elapsed = startTimer();
  let recorded = false;
  // Recorded once the answer is worked out (its latency excludes delivery), or as an error when it fails.
  const record = (answer: Answer | undefined, model: boolean) => {
    if (recorded) return;
    recorded = true;
    recordAnswer(ctx, cmd.text, answer, elapsed(), model);
  };
  try {
    yield* answer(cmd, ctx, (model, a) => record(a, model));
  } finally {
    record(undefined, false);
  }
};

async function* answer(
  cmd: Extract<Command, { name: 'ask' }>,
  ctx: CommandContext,
  done: (model: boolean, answer: Answer) => void,
): AsyncIterable<ReplyEvent> {
  const { services, lang } = ctx;
  const history = (await services.store.history(ctx.threadKey, services.historyTurns)).map((t) => ({
    role: t.role,
    text: t.text,
  }));
  const workspace = ctx.msg.workspace;
  // A workspace that spent today's model budget is answered from the knowledge, and told why.
  const spent = services.answerer.online && !(await services.budget.allows(workspace));
  const release = services.answerer.online && !spent ? await services.modelSlot(ctx.userKey) : undefined;
  let final: RichReply | undefined;
  try {
    // The chat sees the team-wide passages and its own, never another chat's.
    const chat = `${ctx.chat.platform}:${ctx.chat.chatId}`;
    for await (const ev of services.answerer.ask(cmd.text, { history, offline: spent, chat })) {
      if (ev.type === 'done') {
        await services.budget.record(workspace, ev.answer.usage);
        const answer = spent
          ? { ...ev.answer, notes: [budgetNote(services, lang), ...ev.answer.notes] }
          : ev.answer;
        final = answerReply(answer, ctx.ref);
        done(Boolean(release), ev.answer);
      } else yield { ...ev, lang };
    }
  } finally {
    release?.();
  }
  if (!final) throw new Error('the answerer ended without an answer');
  await ctx.remember(cmd.text, final, 'answer');
  yield { type: 'final', reply: final };
}
