/**
 * Who may run the admin commands in chat (`/coach learn`, `/coach sources`, `/coach forget`,
 * `/coach stats`): the users named in `COACH_ADMINS`, each as `<platform>:<user id>`
 * (`slack:U0123ABCD`, `feishu:ou_…`), or `<platform>:<workspace>:<user id>` to name one workspace.
 * Anyone else gets a clear no. The terminal's user is always an admin (it is the operator's own shell).
 */
import type { IncomingMessage } from './types.ts';

/** The parsed `COACH_ADMINS` list, checked once. */
export interface Admins {
  /** True when the sender of `msg` is an admin. */
  includes(msg: Pick<IncomingMessage, 'platform' | 'workspace' | 'userId'>): boolean;
  /** How many admins are named (for the start-up log). */
  readonly size: number;
}

/** Parses `COACH_ADMINS` entries (already split on commas and trimmed). */
export function createAdmins(entries: readonly string[]): Admins {
  const names = new Set(entries.map((e) => e.trim()).filter(Boolean));
  return {
    includes(msg) {
      if (msg.platform === 'terminal') return true;
      return (
        names.has(`${msg.platform}:${msg.userId}`) ||
        names.has(`${msg.platform}:${msg.workspace}:${msg.userId}`)
      );
    },
    size: names.size,
  };
}

/** The pattern one `COACH_ADMINS` entry must match. */
export const ADMIN_ENTRY = /^[a-z]+:(?:[\w.-]{1,64}:)?[\w.-]{1,64}$/;
