/**
 * Access to the admin page: `COACH_ADMIN_TOKEN` signs a person in (a form) or a script (`Authorization:
 * Bearer …`). A signed-in browser gets a session cookie (HttpOnly, SameSite=Strict, Path=/admin) that
 * carries its expiry and an HMAC of it keyed by the token: any replica can check it without shared
 * state, and changing the token signs everyone out. Every comparison is timing-safe. Wrong tokens are
 * rate-limited per client address and in total.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** The session cookie's name. */
export const SESSION_COOKIE = 'coach_admin';
/** How long a sign-in lasts. */
export const SESSION_MS = 12 * 3_600_000;
/** Wrong tokens allowed per client address a minute, and from all clients together. */
export const FAILURES_PER_MINUTE = { perClient: 5, total: 30 } as const;

/** Checks tokens and sessions; `now` is the clock. */
export interface AdminAuth {
  /** True when `candidate` is the token (timing-safe). */
  tokenMatches(candidate: string): boolean;
  /** True when the request carries a valid session cookie or bearer token. */
  allowed(req: IncomingMessage): boolean;
  /** A `Set-Cookie` value that signs the browser in. */
  sessionCookie(secure: boolean): string;
  /** A `Set-Cookie` value that signs it out. */
  clearCookie(secure: boolean): string;
  /**
   * Whether a sign-in attempt from `client` may be checked now: false (and the seconds to wait) after
   * too many wrong tokens in the last minute. Call `failed` after a wrong token.
   */
  mayTry(client: string): { ok: true } | { ok: false; retryAfterS: number };
  failed(client: string): void;
}

/** Compares two strings in time that depends only on their hashes' length. */
export function sameSecret(a: string, b: string): boolean {
  const ha = createHash('sha256').update(a).digest();
  const hb = createHash('sha256').update(b).digest();
  return timingSafeEqual(ha, hb);
}

/** Creates the checks for `token`. */
export function createAdminAuth(token: string, now: () => number = Date.now): AdminAuth {
  const sign = (expiry: string) => createHmac('sha256', token).update(`coach-admin:${expiry}`).digest('hex');
  /** Failure times per client (and '*' for all), within the last minute. */
  const failures = new Map<string, number[]>();
  const recent = (key: string) => {
    const cutoff = now() - 60_000;
    const kept = (failures.get(key) ?? []).filter((t) => t > cutoff);
    if (kept.length > 0) failures.set(key, kept);
    else failures.delete(key);
    return kept;
  };

  function sessionValid(value: string | undefined): boolean {
    if (!value) return false;
    const [expiry = '', mac = ''] = value.split('.');
    if (!/^\d{1,15}$/.test(expiry) || Number(expiry) <= now()) return false;
    return sameSecret(mac, sign(expiry));
  }

  const cookie = (value: string, maxAgeS: number, secure: boolean) =>
    `${SESSION_COOKIE}=${value}; Path=/admin; HttpOnly; SameSite=Strict; Max-Age=${maxAgeS}${secure ? '; Secure' : ''}`;

  return {
    tokenMatches: (candidate) => sameSecret(candidate, token),
    allowed(req) {
      const auth = req.headers.authorization;
      if (typeof auth === 'string' && auth.startsWith('Bearer '))
        return sameSecret(auth.slice(7).trim(), token);
      return sessionValid(cookieOf(req, SESSION_COOKIE));
    },
    sessionCookie(secure) {
      const expiry = String(now() + SESSION_MS);
      return cookie(`${expiry}.${sign(expiry)}`, SESSION_MS / 1000, secure);
    },
    clearCookie: (secure) => cookie('', 0, secure),
    mayTry(client) {
      const mine = recent(client);
      const all = recent('*');
      const full =
        mine.length >= FAILURES_PER_MINUTE.perClient
          ? mine
          : all.length >= FAILURES_PER_MINUTE.total
            ? all
            : undefined;
      if (!full) return { ok: true };
      const oldest = full[0] ?? now();
      return { ok: false, retryAfterS: Math.max(1, Math.ceil((oldest + 60_000 - now()) / 1000)) };
    },
    failed(client) {
      for (const key of [client, '*']) failures.set(key, [...recent(key), now()]);
      // Bounded memory under a flood of addresses: forget the oldest clients.
      if (failures.size > 10_000)
        for (const key of [...failures.keys()].slice(0, 1_000)) failures.delete(key);
    },
  };
}

/** One cookie's value from the request, or undefined. */
export function cookieOf(req: IncomingMessage, name: string): string | undefined {
  const header = req.headers.cookie;
  if (typeof header !== 'string') return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}
