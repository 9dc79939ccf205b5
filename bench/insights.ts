/**
 * Insights benchmark: what recording costs an answer (the call on the reply's path, and the background
 * write per event), and how long `coach stats` (the summary) and the admin page's data (the dashboard,
 * plus rendering the HTML) take with 100,000 recorded events, on SQLite and on PostgreSQL (a throwaway
 * local server). Loopback only; figures are printed, never asserted. Alone: `npx tsx bench/insights.ts`.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { renderDashboard } from '../src/adapters/admin/page.ts';
import { createAdminRoute } from '../src/adapters/admin/route.ts';
import { createHttpServer } from '../src/adapters/http/server.ts';
import { createInsightsRecorder } from '../src/core/insights/recorder.ts';
import { silentLogger } from '../src/core/logger.ts';
import type { InsightEvent } from '../src/core/store/insights-types.ts';
import { openPostgresStore } from '../src/core/store/postgres-store.ts';
import { openSqliteStore } from '../src/core/store/sqlite-store.ts';
import type { Store } from '../src/core/store/types.ts';
import { startPostgres } from '../test/pg-server.ts';
import { answerEvent, seedInsights } from '../test/support/insights-seed.ts';
import { ms, percentile } from './stats.ts';

const EVENTS = 100_000;
const RUNS = 7;
const NOW = new Date('2025-06-30T12:00:00Z');
const line = (label: string, value: string) => console.log(`  ${label.padEnd(44)} ${value}`);

/** The call on the reply's path, and the write behind it, per event. */
async function recording(name: string, store: Store): Promise<void> {
  const recorder = createInsightsRecorder({ store: store.insights, logger: silentLogger() });
  const events: InsightEvent[] = Array.from({ length: 5_000 }, (_, i) =>
    answerEvent({
      at: NOW,
      outcome: i % 7 === 0 ? 'unanswered' : 'answered',
      question: 'What CTR should our Google Ads get?',
      cited: ['usp-vs-uvp', 'team:playbook#1'],
    }),
  );
  const calls: number[] = [];
  const start = performance.now();
  for (const e of events) {
    const t = performance.now();
    recorder.record(e);
    calls.push(performance.now() - t);
    // Answers arrive one at a time: let the background write run between them, as in a live process.
    if (calls.length % 50 === 0) await new Promise<void>((r) => setImmediate(r));
  }
  await recorder.flush();
  const total = performance.now() - start;
  line(`${name} record() on the reply path p50`, ms(percentile(calls, 50)));
  line(`${name} record() p99`, ms(percentile(calls, 99)));
  line(`${name} recording, all costs, per answer`, ms(total / events.length));
}

async function timed(fn: () => Promise<unknown>): Promise<number[]> {
  await fn(); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  return samples;
}

async function figures(name: string, store: Store): Promise<void> {
  const t = performance.now();
  await seedInsights(store, EVENTS, NOW, 90);
  line(`${name} seeding ${EVENTS.toLocaleString('en')} events`, ms(performance.now() - t));
  const filter = { since: new Date(NOW.getTime() - 90 * 86_400_000), utcOffsetMinutes: 480 };
  const stats = await timed(() => store.insights.summary(filter));
  line(`${name} coach stats (summary) median of ${RUNS}`, ms(percentile(stats, 50)));
  const page = await timed(async () => {
    const d = await store.insights.dashboard(filter);
    return renderDashboard(d, { lang: 'en', since: '90d', chat: '', chats: [] });
  });
  line(`${name} admin page data + HTML, median of ${RUNS}`, ms(percentile(page, 50)));
  const chat = { ...filter, chat: { platform: 'slack', chatId: 'C-growth' } };
  const one = await timed(() => store.insights.dashboard(chat));
  line(`${name} admin page data, one chat, median`, ms(percentile(one, 50)));
}

/**
 * First paint of the admin page in Chromium (when `/usr/bin/chromium` is there): signed in, the page
 * loaded again and again, `first-contentful-paint` and the load event as the browser measures them.
 */
async function firstPaint(name: string, store: Store): Promise<void> {
  if (!existsSync('/usr/bin/chromium')) {
    line(`${name} admin page first paint`, 'skipped (no /usr/bin/chromium)');
    return;
  }
  const token = 'bench-admin-token-0123456789';
  const server = createHttpServer({
    routes: {
      '/admin/*': createAdminRoute({
        insights: store.insights,
        token,
        logger: silentLogger(),
        timezone: 'UTC',
        now: () => NOW,
      }),
    },
    health: async () => ({ ok: true }),
    logger: silentLogger(),
  });
  const base = `http://127.0.0.1:${await server.listen(0, '127.0.0.1')}`;
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--no-first-run',
    ],
  });
  try {
    const page = await browser.newPage();
    await page.goto(`${base}/admin`);
    await page.fill('input[name="token"]', token);
    await Promise.all([page.waitForLoadState('load'), page.click('button[type="submit"]')]);
    const paints: number[] = [];
    const loads: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      await page.goto(`${base}/admin?since=90d`, { waitUntil: 'load' });
      // Headless Chromium records the paint entry a moment after load, or now and then not at all.
      await page
        .waitForFunction("performance.getEntriesByName('first-contentful-paint').length > 0", null, {
          timeout: 5_000,
        })
        .catch(() => undefined);
      const t = (await page.evaluate(`(() => {
        const fcp = performance.getEntriesByName('first-contentful-paint')[0];
        const nav = performance.getEntriesByType('navigation')[0];
        return [fcp ? fcp.startTime : NaN, nav ? nav.loadEventEnd : NaN];
      })()`)) as [number, number];
      if (Number.isFinite(t[0])) paints.push(t[0]);
      loads.push(t[1]);
    }
    line(
      `${name} admin page first paint, median of ${paints.length}`,
      paints.length ? ms(percentile(paints, 50)) : 'not reported by the browser',
    );
    line(`${name} admin page loaded (charts drawn), median`, ms(percentile(loads, 50)));
  } finally {
    await browser.close();
    await server.close();
  }
}

/** Prints the insights figures on SQLite and PostgreSQL. */
export async function runInsightsBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'coach-bench-insights-'));
  try {
    const sqlite = openSqliteStore(join(dir, 'coach.db'));
    await recording('SQLite', sqlite);
    await figures('SQLite', sqlite);
    await firstPaint('SQLite', sqlite);
    await sqlite.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const server = await startPostgres();
  try {
    const pg = await openPostgresStore(await server.createDatabase());
    await recording('PostgreSQL', pg);
    await figures('PostgreSQL', pg);
    await pg.close();
  } finally {
    await server.stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log('Insights');
  await runInsightsBench();
}
