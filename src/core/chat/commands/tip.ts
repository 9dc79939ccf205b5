/** `tip` (每日一招): one coaching tip now, the next one this chat has not had. */
import { tipReply } from '../../reply/replies.ts';
import { nextTipEntry, tipOf } from '../../tips/tip.ts';
import type { Command, CommandRunner, CommandSpec } from './types.ts';

export const tipCommand: CommandSpec = {
  key: 'tip',
  words: ['tip', '每日一招', '技巧'],
  help: { en: '• `tip`: a coaching tip', zh: '• `每日一招`：来一条实用技巧（tip）' },
  menu: ['tip', 'daily_tip', '每日一招'],
  prompts: [{ title: { en: 'A tip for today', zh: '今天的一招' }, message: { en: 'tip', zh: '每日一招' } }],
  // "tip" followed by more words is a question that starts with that word.
  parse: ({ rest, slash, text }) => (rest && !slash ? { name: 'ask', text } : { name: 'tip' }),
};

export const runTip: CommandRunner<Extract<Command, { name: 'tip' }>> = async function* (_cmd, ctx) {
  const { services, chat, lang } = ctx;
  const sent = await services.store.sentTipIds(chat);
  const { entry } = nextTipEntry(services.kb, sent, `${chat.chatId}:${services.now().toISOString()}`);
  yield { type: 'final', reply: tipReply(tipOf(services.kb, entry, lang), ctx.ref) };
};
