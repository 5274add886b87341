import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ARTICLE, baseURL, openPage, useBrowser } from './harness.ts';
import { blockingScripts, firstSectionGzipBytes, gzipBytes, measureLoad, searchCost } from './gates.ts';
import { waitInPage } from './poll.ts';
import { budgetReport, type Budget } from '../budget-report.ts';

const budgets = JSON.parse(readFileSync('tests/budgets.json', 'utf8')).pages as Record<string, Budget>;
const browser = useBrowser();

describe('byte budgets (tests/budgets.json)', () => {
  // Each measures 10 s after load: side by side, not one after the other.
  for (const [path, budget] of Object.entries(budgets)) {
    it.concurrent(`${path} stays within its budget on a first visit, the service worker’s own downloads included`, async () => {
      const { actual, loads } = await measureLoad(browser(), `${baseURL()}${path}`);
      const { over, table } = budgetReport(actual, budget);
      const detail = loads.map((l) => `  ${l.type.padEnd(16)} ${String(l.body).padStart(7)} body ${String(l.bytes).padStart(7)} sent  ${l.url}`).join('\n');
      console.log(`${path}\n${table}`);
      expect(over, `over budget:\n${table}\nrequests:\n${detail}`).toEqual([]);
      expect(actual.htmlCssRequests).toBeGreaterThan(0);
      // The worker was there and was counted: its script at least.
      expect(actual.workerTransferBytes).toBeGreaterThan(0);
      expect(loads.filter((l) => !l.url.startsWith(baseURL()))).toEqual([]);
    });
  }

  it('sends the article’s first section in its first 14 KB', () => {
    expect(firstSectionGzipBytes(readFileSync(`dist${ARTICLE}index.html`, 'utf8'))).toBeLessThanOrEqual(14 * 1024);
  });

  it('keeps the reading aids (notes, previews, citations, quote links) within 4 KB of gzip', () => {
    const chunks = readdirSync('dist/_astro').filter((name) => /^notes\..+\.js$/.test(name));
    expect(chunks).toHaveLength(1);
    expect(gzipBytes(readFileSync(`dist/_astro/${chunks[0]}`))).toBeLessThanOrEqual(4 * 1024);
  });

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

  it('search for "OPCON" costs at most 100 KB in all, the worker’s fetches for it included; keeping it for offline at most 10 KB more; nothing before the reader asks', async () => {
    const { atLoad, bytes, keep, loads } = await searchCost(browser(), baseURL(), ARTICLE, 'OPCON', (page) =>
      // Until the worker has kept search for offline.
      waitInPage(page, async () => (await caches.match('/offline/search.json')) !== undefined),
    );
    const detail = loads.map((l) => `  ${l.worker ? 'worker' : 'page  '} ${String(l.bytes).padStart(7)}  ${l.url}`).join('\n');
    expect(bytes, detail).toBeGreaterThan(50_000);
    expect(bytes, detail).toBeLessThanOrEqual(100 * 1024);
    expect(keep, detail).toBeGreaterThan(0);
    expect(keep, detail).toBeLessThanOrEqual(10 * 1024);
    expect(atLoad).toEqual([]);
  });
});
