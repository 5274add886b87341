import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ARTICLE, baseURL, openPage, useBrowser } from './harness.ts';
import { blockingScripts, measureLoad } from './gates.ts';
import { budgetReport, type Budget } from '../budget-report.ts';

const budgets = JSON.parse(readFileSync('tests/budgets.json', 'utf8')).pages as Record<string, Budget>;
const browser = useBrowser();

describe('byte budgets (tests/budgets.json)', () => {
  for (const [path, budget] of Object.entries(budgets)) {
    it(`${path} stays within its budget on a cold load`, async () => {
      const { actual, loads } = await measureLoad(browser(), `${baseURL()}${path}`);
      const { over, table } = budgetReport(actual, budget);
      const detail = loads.map((l) => `  ${l.type.padEnd(10)} ${String(l.body).padStart(7)} body ${String(l.bytes).padStart(7)} sent  ${l.url}`).join('\n');
      console.log(`${path}\n${table}`);
      expect(over, `over budget:\n${table}\nrequests:\n${detail}`).toEqual([]);
      expect(actual.htmlCssRequests).toBeGreaterThan(0);
    });
  }

  it('needs no JavaScript to read: no script anywhere in the page holds up rendering', async () => {
    // The reader suite proves the text is whole with JavaScript off; here, that no script blocks it.
    for (const path of [ARTICLE, '/', '/search/']) {
      const { page, close } = await openPage(browser());
      await page.goto(path);
      expect(await blockingScripts(page), path).toEqual([]);
      expect(await page.locator('script').count(), path).toBeGreaterThan(0);
      await close();
    }
  });

  it('search for "OPCON" costs at most 100 KB in all, and nothing before the reader asks', async () => {
    // Over the network, as on a first visit: the service worker, which keeps the index for
    // offline use after the page has loaded, is left out here.
    const context = await browser().newContext({ baseURL: baseURL(), serviceWorkers: 'block' });
    const page = await context.newPage();
    const pending: Array<Promise<number>> = [];
    page.on('requestfinished', (request) => pending.push(request.sizes().then((s) => s.responseBodySize + s.responseHeadersSize)));
    const searchBytes = async () => {
      const urls = await Promise.all(pending);
      return urls.reduce((n, b) => n + b, 0);
    };
    await page.goto(ARTICLE);
    await page.waitForLoadState('networkidle');
    const atLoad = await searchBytes();
    pending.length = 0;
    await page.keyboard.press('/');
    await page.keyboard.type('OPCON');
    await page.waitForFunction(() => document.querySelector<HTMLElement>('dialog .search-status')?.dataset['state'] === 'results');
    await page.waitForLoadState('networkidle');
    const search = await searchBytes();
    expect(search).toBeGreaterThan(50_000);
    expect(search).toBeLessThanOrEqual(100 * 1024);
    expect(atLoad).toBeLessThan(20_000);
    await context.close();
  });
});
