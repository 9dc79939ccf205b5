/** `help` (帮助): what Coach does and the commands, generated from the command list. */
import type { CommandSpec } from './types.ts';

export const helpCommand: CommandSpec = {
  key: 'help',
  words: ['help', '帮助', '?'],
  help: { en: '• `help`: this message', zh: '• `帮助`：显示本说明（help）' },
  menu: ['help', '帮助'],
  parse: ({ rest, slash, text }) => (rest && !slash ? { name: 'ask', text } : { name: 'help' }),
};
