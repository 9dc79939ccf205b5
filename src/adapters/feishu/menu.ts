/**
 * The bot menu (`application.bot.menu_v6`): each menu item in the developer console has an event key;
 * the keys (case-insensitive, English or Chinese) come from the command list (`menu` of each command).
 */
import { MENU_KEYS } from '../../core/chat/commands/index.ts';

export { MENU_KEYS };

/** The command text a menu key runs; an unknown key shows the help. */
export function menuCommand(key: string): string {
  return MENU_KEYS[key.trim().toLowerCase()] ?? '/help';
}
