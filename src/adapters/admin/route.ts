/**
 * `/admin/*` on the shared HTTP server: the insights page, its data as JSON (`/admin/data.json`, for
 * scripts), its assets (Chart.js from this project's own `node_modules`, the page's script and styles:
 * nothing from a CDN, so it works behind a firewall), sign-in and sign-out.
 *
 * Off unless `COACH_ADMIN_TOKEN` is set: then every request gets 401. Signed out, every request gets 401
 * (the page itself shows the sign-in form with it). Every answer carries a strict Content-Security-Policy
 * (only this origin's scripts and styles, no inline script, no frames) and is not cached.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { describeError } from '../../core/errors.ts';
import { DEFAULT_SINCE, parseChat, parseSince, utcOffsetMinutes } from '../../core/insights/stats.ts';
import type { Lang } from '../../core/knowledge/types.ts';
import type { Logger } from '../../core/logger.ts';
import type { InsightsStore } from '../../core/store/insights-types.ts';
import { readBody } from '../http/body.ts';
import type { RequestListener } from '../platform.ts';
import { type AdminAuth, createAdminAuth } from './auth.ts';
import { renderDashboard, renderSignIn } from './page.ts';
import { textsOf } from './texts.ts';

/** What the admin route needs. */
export interface AdminRouteDeps {
  insights: InsightsStore;
  /** `COACH_ADMIN_TOKEN`; undefined turns the page off (401 for everything). */
  token: string | undefined;
  logger: Logger;
  /** Zone of the days the figures are counted in (`COACH_TIMEZONE`). */
  timezone: string;
  /** Written before reading figures, so the page shows what was just recorded (the recorder's flush). */
  beforeRead?: () => Promise<void>;
  now?: () => Date;
}

const here = dirname(fileURLToPath(import.meta.url));
const chartJsFile = join(dirname(createRequire(import.meta.url).resolve('chart.js')), 'chart.umd.min.js');
const SIGNIN_CSS = `body{font:16px system-ui,sans-serif;display:grid;place-items:center;min-height:90vh;background:#f5f6f8;margin:0}
form{background:#fff;padding:2rem;border-radius:8px;box-shadow:0 1px 4px #0002;display:grid;gap:1rem;min-width:18rem}
input{font:inherit;padding:.5rem}button{font:inherit;padding:.5rem;background:#2456d3;color:#fff;border:0;border-radius:4px}
.error{color:#b00020;margin:0}`;
const SIGNIN_CSS_HASH = createHash('sha256').update(SIGNIN_CSS).digest('base64');

/** Assets, read and compressed once. */
interface Asset {
  type: string;
  body: Buffer;
  gzip: Buffer;
}
const assets = new Map<string, Asset>();
function asset(name: string): Asset | undefined {
  const files: Record<string, [string, string]> = {
    'chart.js': [chartJsFile, 'text/javascript; charset=utf-8'],
    'admin.js': [join(here, 'assets', 'admin.js'), 'text/javascript; charset=utf-8'],
    'admin.css': [join(here, 'assets', 'admin.css'), 'text/css; charset=utf-8'],
  };
  const known = files[name];
  if (!known) return undefined;
  let a = assets.get(name);
  if (!a) {
    const body = readFileSync(known[0]);
    a = { type: known[1], body, gzip: gzipSync(body) };
    assets.set(name, a);
  }
  return a;
}

/** The Content-Security-Policy of every answer; the sign-in page may also use its one inline style. */
function csp(signIn: boolean): string {
  const style = signIn ? `'sha256-${SIGNIN_CSS_HASH}'` : "'self'";
  return [
    "default-src 'none'",
    "script-src 'self'",
    `style-src ${style}`,
    "img-src 'self' data:",
    "connect-src 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
  ].join('; ');
}

function send(
  res: ServerResponse,
  status: number,
  type: string,
  body: string | Buffer,
  extra: Record<string, string> = {},
  signIn = false,
): void {
  res.writeHead(status, {
    'content-type': type,
    'content-security-policy': csp(signIn),
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
    ...extra,
  });
  res.end(body);
}

/** The page's language: `?lang=`, else the browser's first choice of en/zh. */
function langOf(req: IncomingMessage, query: URLSearchParams): Lang {
  const asked = query.get('lang');
  if (asked === 'zh' || asked === 'en') return asked;
  return /^zh\b/i.test(String(req.headers['accept-language'] ?? '')) ? 'zh' : 'en';
}

/** The client's address for the sign-in limit. */
function clientOf(req: IncomingMessage): string {
  return req.socket.remoteAddress ?? 'unknown';
}

/** Creates the `/admin/*` route. */
export function createAdminRoute(deps: AdminRouteDeps): RequestListener {
  const { insights, logger, timezone } = deps;
  const now = deps.now ?? (() => new Date());
  const auth: AdminAuth | undefined = deps.token
    ? createAdminAuth(deps.token, () => now().getTime())
    : undefined;

  const signInPage = (res: ServerResponse, lang: Lang, status: number, message?: string, extra = {}) =>
    send(res, status, 'text/html; charset=utf-8', renderSignIn(lang, SIGNIN_CSS, message), extra, true);

  async function login(req: IncomingMessage, res: ServerResponse, a: AdminAuth, secure: boolean) {
    const body = await readBody(req, res, 4_096);
    if (!body) return;
    const form = new URLSearchParams(body.toString('utf8'));
    const lang: Lang = form.get('lang') === 'zh' ? 'zh' : 'en';
    const client = clientOf(req);
    const allowed = a.mayTry(client);
    if (!allowed.ok) {
      logger.warn({ event: 'admin_signin_limited', client }, 'admin sign-in rate-limited');
      signInPage(res, lang, 429, textsOf(lang).tooMany, { 'retry-after': String(allowed.retryAfterS) });
      return;
    }
    if (!a.tokenMatches(form.get('token') ?? '')) {
      a.failed(client);
      logger.warn({ event: 'admin_signin_failed', client }, 'wrong admin token');
      signInPage(res, lang, 401, textsOf(lang).wrongToken);
      return;
    }
    logger.info({ event: 'admin_signin', client }, 'admin signed in');
    send(res, 303, 'text/plain; charset=utf-8', 'signed in', {
      'set-cookie': a.sessionCookie(secure),
      location: `/admin?lang=${lang}`,
    });
  }

  async function page(req: IncomingMessage, res: ServerResponse, query: URLSearchParams, json: boolean) {
    const lang = langOf(req, query);
    const at = now();
    const sinceText = query.get('since') || DEFAULT_SINCE;
    const chatText = query.get('chat') || '';
    let filter: Parameters<InsightsStore['dashboard']>[0];
    try {
      filter = {
        since: parseSince(sinceText, at),
        ...(chatText ? { chat: parseChat(chatText) } : {}),
        utcOffsetMinutes: utcOffsetMinutes(timezone, at),
      };
    } catch (err) {
      send(res, 400, 'text/plain; charset=utf-8', describeError(err).message);
      return;
    }
    await deps.beforeRead?.();
    const d = await insights.dashboard(filter);
    if (json) {
      send(res, 200, 'application/json; charset=utf-8', JSON.stringify(d));
      return;
    }
    // The chat menu lists the chats of the period across all chats, so a filtered page can switch back.
    const all = chatText ? await insights.dashboard({ ...filter, chat: undefined }) : d;
    const chats = [...new Set(all.perDay.map((r) => `${r.platform}:${r.chatId}`))].sort();
    const html = renderDashboard(d, { lang, since: sinceText, chat: chatText, chats });
    send(res, 200, 'text/html; charset=utf-8', html);
  }

  return async (req, res) => {
    const url = new URL(req.url ?? '/admin', 'http://localhost');
    let end = url.pathname.length;
    while (end > 1 && url.pathname[end - 1] === '/') end -= 1; // trailing slashes, without a regex
    const path = url.pathname.slice(0, end);
    const secure = req.headers['x-forwarded-proto'] === 'https' || 'encrypted' in req.socket;
    const lang = langOf(req, url.searchParams);
    if (!auth) {
      send(
        res,
        401,
        'text/plain; charset=utf-8',
        'The admin page is off: set COACH_ADMIN_TOKEN to turn it on.',
      );
      return;
    }
    if (path === '/admin/login' && req.method === 'POST') return login(req, res, auth, secure);
    if (!auth.allowed(req)) {
      if (path === '/admin' && (req.method === 'GET' || req.method === 'HEAD')) signInPage(res, lang, 401);
      else send(res, 401, 'text/plain; charset=utf-8', 'unauthorized', { 'www-authenticate': 'Bearer' });
      return;
    }
    if (path === '/admin/logout' && req.method === 'POST') {
      send(res, 303, 'text/plain; charset=utf-8', 'signed out', {
        'set-cookie': auth.clearCookie(secure),
        location: '/admin',
      });
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(res, 405, 'text/plain; charset=utf-8', 'method not allowed', { allow: 'GET' });
      return;
    }
    if (path === '/admin' || path === '/admin/data.json') {
      await page(req, res, url.searchParams, path === '/admin/data.json');
      return;
    }
    const file = path.startsWith('/admin/assets/') ? asset(path.slice('/admin/assets/'.length)) : undefined;
    if (!file) {
      send(res, 404, 'text/plain; charset=utf-8', 'not found');
      return;
    }
    const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    send(res, 200, file.type, gzip ? file.gzip : file.body, {
      'cache-control': 'private, max-age=3600',
      vary: 'accept-encoding',
      ...(gzip ? { 'content-encoding': 'gzip' } : {}),
    });
  };
}
