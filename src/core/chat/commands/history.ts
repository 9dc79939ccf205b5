/** `history` (历史): the user's recent reviews and how the scores moved. */
import { historyReply } from '../../reply/replies.ts';
import type { Command, CommandRunner, CommandSpec } from './types.ts';

export const historyCommand: CommandSpec = {
  key: 'history',
  words: ['history', '历史', '记录'],
  help: {
    en: '• `history`: your recent reviews and how your scores moved',
    zh: '• `历史`：我的点评记录和分数变化（history）',
  },
  menu: ['history', '历史'],
  parse: ({ rest, slash, text }) => (rest && !slash ? { name: 'ask', text } : { name: 'history' }),
};

export const runHistory: CommandRunner<Extract<Command, { name: 'history' }>> = async function* (_cmd, ctx) {
  const reviews = await ctx.services.store.reviews(ctx.userKey, 10);
  yield { type: 'final', reply: historyReply(reviews, ctx.lang, ctx.ref) };
};
