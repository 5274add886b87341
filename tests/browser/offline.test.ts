/**
 * Reading offline, in Chromium with the network cut: after one online visit an article reads
 * offline (text, sidebars, figures); after one search online, search works offline over the pages
 * opened and other results say they need a connection; a page never opened gets the offline page.
 */
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { ARTICLE, baseURL, readBlocks, useBrowser } from './harness.ts';
import { pageKept, waitInPage } from './poll.ts';
import { expectedBlocks } from './reading.ts';
import { readSource } from '../source.ts';

const browser = useBrowser();

async function searchFor(page: Page, query: string): Promise<void> {
  await page.keyboard.press('/');
  await page.locator('dialog.search-dialog').waitFor();
  await page.keyboard.type(query);
  await page.waitForFunction(() => document.querySelector<HTMLElement>('dialog .search-status')?.dataset['state'] === 'results');
}

async function fresh(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser().newContext({ baseURL: baseURL(), viewport: { width: 1280, height: 900 } });
  return { context, page: await context.newPage() };
}

describe('offline reading and search', () => {
  it('reads an opened article offline, with its sidebars and figures, and searches it', async () => {
    const { context, page } = await fresh();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(ARTICLE);
    await pageKept(page);
    // Nothing of search is kept until the reader searches.
    expect(await page.evaluate(async () => (await caches.match('/pagefind/pagefind-entry.json')) === undefined)).toBe(true);
    await searchFor(page, 'OPCON');
    await page.keyboard.press('Escape');
    // The reader searched online: the worker keeps search (the entry once, by path) for offline.
    await waitInPage(page, async () => (await caches.match('/offline/search.json')) !== undefined && (await caches.match('/pagefind/pagefind-entry.json')) !== undefined);
    // Reading on online keeps the offline page too.
    await page.goto('/issues/');
    await waitInPage(page, async () => (await caches.match('/offline/')) !== undefined);
    await page.goto(ARTICLE);
    await context.setOffline(true);
    await page.reload();
    expect(await readBlocks(page, '[data-article-body] :is(p, h2, h3, li, blockquote), #author p')).toEqual(expectedBlocks(readSource()));
    expect(await page.locator('details.sidebar .card').count()).toBeGreaterThan(10);
    expect(await page.locator('[data-article-body] figure svg').count()).toBe(2);

    await searchFor(page, 'sanctions');
    const dialog = page.locator('dialog.search-dialog');
    // The sanctions issue's page was never opened, nor its result read online: it cannot be shown, and says so.
    expect(await dialog.locator('.search-unavailable').innerText()).toMatch(/^\d+ more results? needs? a connection/);
    await page.locator('#search-dialog-input').fill('');
    await page.keyboard.type('OPCON');
    await page.waitForFunction(() => document.querySelector('dialog .search-status')?.textContent?.includes('OPCON'));
    expect(await dialog.locator('.result-group[data-kind=article] a.result-link').first().innerText()).toBe('Preparing for the Eventualities');
    await dialog.locator('a.result-link').first().click();
    await page.waitForSelector('#preparing-for-the-eventualities mark.search-hit');

    await page.goto('/events/');
    expect(await page.locator('h1').innerText()).toBe('You are offline');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('is installable: a manifest with icons, and a worker that controls the page', async () => {
    const { context, page } = await fresh();
    await page.goto('/');
    const href = await page.locator('link[rel=manifest]').getAttribute('href');
    const manifest = await (await page.request.get(href!)).json();
    expect(manifest).toMatchObject({ name: 'Long Reads', start_url: '/', display: 'standalone' });
    for (const icon of manifest.icons as Array<{ src: string; sizes: string }>) {
      const response = await page.request.get(icon.src);
      expect(response.headers()['content-type']).toBe('image/png');
      const bytes = await response.body();
      expect(`${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`).toBe(icon.sizes);
    }
    expect(manifest.icons.map((i: { sizes: string }) => i.sizes)).toEqual(['192x192', '512x512']);
    await pageKept(page);
    expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toBe(`${baseURL()}/sw.js`);
    await context.close();
  });

  it('reading never needs the worker: with JavaScript off nothing registers and the page is whole', async () => {
    const context = await browser().newContext({ baseURL: baseURL(), javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(ARTICLE);
    expect(await readBlocks(page, '[data-article-body] :is(p, h2, h3, li, blockquote), #author p')).toEqual(expectedBlocks(readSource()));
    expect(context.serviceWorkers()).toEqual([]);
    await context.close();
  });
});
