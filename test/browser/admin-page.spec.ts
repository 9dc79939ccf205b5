/**
 * The admin page in a real browser: Debian's Chromium (`/usr/bin/chromium`, `apt-get install chromium`)
 * driven by playwright-core, against the real route on 127.0.0.1:0 over a seeded SQLite store. Signs in
 * (a wrong token first), checks that every chart is drawn and every table filled, that user text stays
 * text, and saves screenshots under test-results/ (kept as CI artifacts).
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdminRoute } from '../../src/adapters/admin/route.ts';
import { createHttpServer, type HttpServer } from '../../src/adapters/http/server.ts';
import { silentLogger } from '../../src/core/logger.ts';
import { openSqliteStore } from '../../src/core/store/sqlite-store.ts';
import type { Store } from '../../src/core/store/types.ts';
import { seedInsights } from '../support/insights-seed.ts';

const CHROMIUM = '/usr/bin/chromium';
const TOKEN = 'browser-test-token-0123456789';
const RESULTS = 'test-results';
const CHARTS = ['questions', 'outcomes', 'feedback', 'reviews', 'top', 'model', 'latency', 'tips'];
const TABLES = [...CHARTS, 'gaps'];

let dir: string;
let store: Store;
let server: HttpServer;
let base: string;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  dir = mkdtempSync(join(tmpdir(), 'coach-browser-'));
  store = openSqliteStore(join(dir, 'coach.db'));
  await seedInsights(store, 3_000, new Date(), 60);
  server = createHttpServer({
    routes: {
      '/admin/*': createAdminRoute({
        insights: store.insights,
        token: TOKEN,
        logger: silentLogger(),
        timezone: 'Asia/Shanghai',
      }),
    },
    health: async () => ({ ok: true }),
    logger: silentLogger(),
  });
  base = `http://127.0.0.1:${await server.listen(0, '127.0.0.1')}`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
  mkdirSync(RESULTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await store?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** A fresh page that fails the test on a script error, a CSP violation or a dialog (injected script). */
async function newPage(problems: string[]): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  // Failed loads are judged by their responses below (the sign-in page itself comes with 401).
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource'))
      problems.push(`console: ${m.text()}`);
  });
  page.on('response', (r) => {
    const path = new URL(r.url()).pathname;
    const expected = path === '/admin' || path === '/admin/login' || path === '/favicon.ico';
    if (r.status() >= 400 && !expected) problems.push(`${r.status()} for ${path}`);
  });
  page.on('dialog', (d) => {
    problems.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  page.on('request', (r) => {
    if (!r.url().startsWith(base)) problems.push(`request outside the server: ${r.url()}`);
  });
  return page;
}

async function signIn(page: Page, token: string): Promise<void> {
  await page.fill('input[name="token"]', token);
  await Promise.all([page.waitForLoadState('load'), page.click('button[type="submit"]')]);
}

describe('admin page in Chromium', () => {
  it('refuses a wrong token, signs in with the right one, and draws every chart and table', async () => {
    const problems: string[] = [];
    const page = await newPage(problems);
    const first = await page.goto(`${base}/admin?lang=en`);
    expect(first?.status()).toBe(401);
    await signIn(page, 'not-the-token-at-all');
    expect(await page.textContent('.error')).toContain('That token is not right.');
    expect(await page.locator('canvas').count()).toBe(0);

    await signIn(page, TOKEN);
    await page.waitForSelector('body[data-charts]');
    expect(await page.getAttribute('body', 'data-charts')).toBe(String(CHARTS.length));
    for (const id of CHARTS) {
      const canvas = page.locator(`#chart-${id}`);
      expect(await canvas.getAttribute('data-rendered'), id).toBe('true');
      // Something was drawn: the canvas has opaque pixels.
      // (A string, evaluated in the page: this project's type check has no DOM types.)
      const painted = await canvas.evaluate(`(() => {
        const el = document.getElementById('chart-${id}');
        const data = el.getContext('2d').getImageData(0, 0, el.width, el.height).data;
        let n = 0;
        for (let i = 3; i < data.length; i += 4) if (data[i] > 0) n += 1;
        return n;
      })()`);
      expect(painted, `pixels drawn in ${id}`).toBeGreaterThan(500);
    }
    for (const id of TABLES) {
      expect(await page.locator(`#table-${id} tbody tr`).count(), `rows of ${id}`).toBeGreaterThan(0);
    }
    // User text is shown as text: the seeded <script> question is in the gaps table, and ran nowhere.
    expect(await page.textContent('#table-gaps')).toContain('<script>alert("x")</script>');
    // The session cookie is HttpOnly: scripts cannot read it.
    expect(await page.evaluate('document.cookie')).toBe('');
    await page.screenshot({ path: join(RESULTS, 'admin-page.png'), fullPage: true });
    expect(problems).toEqual([]);
  });

  it('shows the page in Chinese', async () => {
    const problems: string[] = [];
    const page = await newPage(problems);
    await page.goto(`${base}/admin?lang=zh`);
    await signIn(page, TOKEN);
    await page.waitForSelector('body[data-charts]');
    expect(await page.textContent('h1')).toBe('Coach 使用洞察');
    expect(await page.textContent('#gaps h2')).toContain('知识缺口');
    await page.screenshot({ path: join(RESULTS, 'admin-page-zh.png'), fullPage: true });
    expect(problems).toEqual([]);
  });
});
