import { afterEach, describe, expect, it } from 'vitest';
import { answerEvent, reviewEvent, vote } from '../../../test/support/insights-seed.ts';
import { memoryLogger } from '../../../test/support/memory-logger.ts';
import { openSqliteStore } from '../../core/store/sqlite-store.ts';
import type { Store } from '../../core/store/types.ts';
import { createHttpServer, type HttpServer } from '../http/server.ts';
import { FAILURES_PER_MINUTE, SESSION_MS } from './auth.ts';
import { createAdminRoute } from './route.ts';

const TOKEN = 'test-admin-token-0123456789';
const NOW = new Date('2025-03-20T08:00:00Z');
const open: { server: HttpServer; store: Store }[] = [];

afterEach(async () => {
  for (const o of open.splice(0)) {
    await o.server.close();
    await o.store.close();
  }
});

/** The route on a real server on 127.0.0.1:0, over a seeded in-memory store, with a movable clock. */
async function serve(token: string | undefined = TOKEN) {
  const store = openSqliteStore(':memory:');
  await store.insights.record([
    answerEvent({ at: new Date('2025-03-18T08:00:00Z'), ref: 'slack:C1:bad', cited: ['usp-vs-uvp'] }),
    answerEvent({
      at: new Date('2025-03-19T08:00:00Z'),
      outcome: 'unanswered',
      question: '</script><script>alert("pwned")</script><img src=x onerror=alert(1)> ad budget?',
    }),
    reviewEvent(3, { at: new Date('2025-03-19T09:00:00Z') }),
    vote('slack:C1:bad', 'down', { at: new Date('2025-03-19T10:00:00Z') }),
  ]);
  const clock = { now: NOW.getTime() };
  const log = memoryLogger();
  const server = createHttpServer({
    routes: {
      '/admin/*': createAdminRoute({
        insights: store.insights,
        token,
        logger: log.logger,
        timezone: 'Asia/Shanghai',
        now: () => new Date(clock.now),
      }),
    },
    health: async () => ({ ok: true }),
    logger: log.logger,
  });
  const port = await server.listen(0, '127.0.0.1');
  open.push({ server, store });
  const base = `http://127.0.0.1:${port}`;
  const get = (path: string, headers: Record<string, string> = {}) =>
    fetch(`${base}${path}`, { headers, redirect: 'manual' });
  const signIn = (candidate: string, lang = 'en') =>
    fetch(`${base}/admin/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: candidate, lang }).toString(),
      redirect: 'manual',
    });
  return { base, get, signIn, clock, log };
}

const cookieOf = (res: Response) => (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';

describe('admin page', () => {
  it('is off without COACH_ADMIN_TOKEN: every request gets 401', async () => {
    const { get, signIn } = await serve(undefined);
    for (const path of ['/admin', '/admin/data.json', '/admin/assets/chart.js', '/admin/anything']) {
      expect((await get(path)).status).toBe(401);
    }
    expect((await signIn('')).status).toBe(401);
  });

  it('answers 401 to everything until signed in, showing the sign-in form on /admin', async () => {
    const { get } = await serve();
    const page = await get('/admin');
    expect(page.status).toBe(401);
    const html = await page.text();
    expect(html).toContain('name="token"');
    expect(html).not.toContain('ad budget');
    for (const path of ['/admin/data.json', '/admin/assets/chart.js', '/admin/assets/admin.js', '/admin/x']) {
      expect((await get(path)).status).toBe(401);
    }
  });

  it('signs in with the token: an HttpOnly, SameSite=Strict session cookie that opens the page', async () => {
    const { get, signIn } = await serve();
    const res = await signIn(TOKEN);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/admin?lang=en');
    const setCookie = res.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(setCookie).toMatch(/Path=\/admin/);
    const page = await get('/admin', { cookie: cookieOf(res) });
    expect(page.status).toBe(200);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    const html = await page.text();
    expect(html).toContain('<table id="table-gaps">');
    expect(html).toContain('usp-vs-uvp');
    expect(html).toContain('<script src="/admin/assets/chart.js"></script>');
    const chart = await get('/admin/assets/chart.js', { cookie: cookieOf(res), 'accept-encoding': 'gzip' });
    expect(chart.status).toBe(200);
    expect(chart.headers.get('content-type')).toContain('javascript');
    expect((await chart.text()).length).toBeGreaterThan(100_000);
  });

  it('escapes unanswered questions everywhere on the page (no tag from user text reaches the HTML)', async () => {
    const { get, signIn } = await serve();
    const cookie = cookieOf(await signIn(TOKEN));
    const html = await (await get('/admin', { cookie })).text();
    expect(html).toContain('ad budget');
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&#60;img src=x onerror=alert(1)&#62;');
    // Exactly the page's own script elements: the data block and the two files.
    expect(html.match(/<script\b/g)).toHaveLength(3);
    expect(html.match(/<\/script>/g)).toHaveLength(3);
  });

  it('accepts a Bearer token from scripts and refuses a wrong one', async () => {
    const { get } = await serve();
    const ok = await get('/admin/data.json?since=30d', { authorization: `Bearer ${TOKEN}` });
    expect(ok.status).toBe(200);
    const data = (await ok.json()) as { questions: number; unanswered: number; feedback: { down: number } };
    expect(data).toMatchObject({ questions: 2, unanswered: 1, feedback: { down: 1 } });
    expect((await get('/admin/data.json', { authorization: `Bearer ${TOKEN}x` })).status).toBe(401);
    expect((await get('/admin/data.json', { authorization: 'Bearer ' })).status).toBe(401);
  });

  it('refuses wrong tokens, rate-limits them per client, and lets the right one in again after a minute', async () => {
    const { signIn, clock, log } = await serve();
    for (let i = 0; i < FAILURES_PER_MINUTE.perClient; i += 1) {
      const res = await signIn(`wrong-${i}`);
      expect(res.status).toBe(401);
      expect(res.headers.get('set-cookie')).toBeNull();
      expect(await res.text()).toContain('That token is not right.');
    }
    const limited = await signIn(TOKEN);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(log.events()).toContain('admin_signin_limited');
    expect(log.text()).not.toContain(TOKEN);
    clock.now += 61_000;
    expect((await signIn(TOKEN)).status).toBe(303);
  });

  it('refuses a forged or expired session cookie, and signs out', async () => {
    const { base, get, signIn, clock } = await serve();
    const cookie = cookieOf(await signIn(TOKEN));
    const [name, value = ''] = cookie.split('=');
    const [expiry] = value.split('.');
    const forged = `${name}=${Number(expiry) + 1_000_000}.${value.split('.')[1]}`;
    expect((await get('/admin', { cookie: forged })).status).toBe(401);
    expect((await get('/admin', { cookie: `${name}=${expiry}.${'0'.repeat(64)}` })).status).toBe(401);
    const out = await fetch(`${base}/admin/logout`, {
      method: 'POST',
      headers: { cookie },
      redirect: 'manual',
    });
    expect(out.status).toBe(303);
    expect(out.headers.get('set-cookie')).toMatch(/Max-Age=0/);
    clock.now += SESSION_MS + 1;
    expect((await get('/admin', { cookie })).status).toBe(401);
  });

  it('speaks Chinese when asked, and filters by period and chat', async () => {
    const { get } = await serve();
    const auth = { authorization: `Bearer ${TOKEN}` };
    const zh = await (await get('/admin?lang=zh', auth)).text();
    expect(zh).toContain('Coach 使用洞察');
    expect(zh).toContain('知识缺口');
    const day = (await (await get('/admin/data.json?since=1d', auth)).json()) as { questions: number };
    expect(day.questions).toBe(1);
    const hours = (await (await get('/admin/data.json?since=12h', auth)).json()) as { questions: number };
    expect(hours.questions).toBe(0);
    const other = (await (await get('/admin/data.json?chat=feishu:oc_x', auth)).json()) as {
      questions: number;
    };
    expect(other.questions).toBe(0);
    expect((await get('/admin/data.json?since=forever', auth)).status).toBe(400);
  });
});
