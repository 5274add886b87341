import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
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

  it('sends the article’s first section in its first 14 KB', () => {
    const html = readFileSync(`dist${ARTICLE}index.html`, 'utf8');
    const end = html.indexOf('class="sidebar"', html.indexOf('class="article-section"'));
    expect(end).toBeGreaterThan(0);
    // gzip of the page up to the end of the first section's text: what the first round trip carries.
    expect(gzipSync(html.slice(0, end), { level: 6 }).length).toBeLessThanOrEqual(14 * 1024);
  });

  it('keeps the reading aids (notes, previews, citations, quote links) within 4 KB of gzip', () => {
    const chunks = readdirSync('dist/_astro').filter((name) => /^notes\..+\.js$/.test(name));
    expect(chunks).toHaveLength(1);
    expect(gzipSync(readFileSync(`dist/_astro/${chunks[0]}`), { level: 9 }).length).toBeLessThanOrEqual(4 * 1024);
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

  it('search for "OPCON" costs at most 100 KB in all, and nothing before the reader asks', async () => {
    // Over the network, as on a first visit: the service worker, which keeps the index for
    // offline use after the page has loaded, is left out here.
    const context = await browser().newContext({ baseURL: baseURL(), serviceWorkers: 'block' });
    const page = await context.newPage();
    const pending: Array<Promise<{ url: string; bytes: number }>> = [];
    page.on('requestfinished', (request) => pending.push(request.sizes().then((s) => ({ url: request.url(), bytes: s.responseBodySize + s.responseHeadersSize }))));
    const searchBytes = async () => (await Promise.all(pending)).reduce((n, r) => n + r.bytes, 0);
    await page.goto(ARTICLE);
    await page.waitForLoadState('networkidle');
    const atLoad = (await Promise.all(pending)).map((r) => r.url).filter((url) => /\/pagefind\/|search-(ui|dialog)/.test(url));
    pending.length = 0;
    await page.keyboard.press('/');
    await page.keyboard.type('OPCON');
    await page.waitForFunction(() => document.querySelector<HTMLElement>('dialog .search-status')?.dataset['state'] === 'results');
    await page.waitForLoadState('networkidle');
    const search = await searchBytes();
    expect(search).toBeGreaterThan(50_000);
    expect(search).toBeLessThanOrEqual(100 * 1024);
    expect(atLoad).toEqual([]);
    await context.close();
  });
});
