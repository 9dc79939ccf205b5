/**
 * The bot menu (`application.bot.menu_v6`): each menu item in the developer console has an event key;
 * these keys (case-insensitive, English or Chinese) map to the engine's commands.
 */

/** Event keys to configure in the console, with the command each one runs. */
export const MENU_KEYS: Readonly<Record<string, string>> = {
  tip: '/tip',
  daily_tip: '/tip',
  每日一招: '/tip',
  help: '/help',
  帮助: '/help',
  how_to_review: '/review',
  review: '/review',
  点评: '/review',
  history: '/history',
  历史: '/history',
};

/** The command text a menu key runs; an unknown key shows the help. */
export function menuCommand(key: string): string {
  return MENU_KEYS[key.trim().toLowerCase()] ?? '/help';
}
