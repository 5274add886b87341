import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ARTICLE, openPage, useBrowser } from './harness.ts';

const browser = useBrowser();

async function searchInDialog(page: Page, query: string) {
  await page.keyboard.press('/');
  const dialog = page.locator('dialog.search-dialog');
  await dialog.waitFor({ state: 'visible' });
  await page.keyboard.type(query);
  await page.waitForFunction(() => ['results', 'empty', 'failed'].includes(document.querySelector<HTMLElement>('dialog .search-status')?.dataset['state'] ?? ''));
  return dialog;
}

describe('search', () => {
  it('"/" opens search on the article; "OPCON" opens the section that mentions it first, highlighted', async () => {
    const { page, close, consoleErrors } = await openPage(browser());
    await page.goto(ARTICLE);
    const dialog = await searchInDialog(page, 'OPCON');
    expect(await dialog.locator('.search-status').innerText()).toMatch(/^\d+ results for “OPCON”$/);
    expect(await dialog.locator('.result-type').first().innerText()).toMatch(/article text/i);
    const first = dialog.locator('a.result-link').first();
    const href = (await first.getAttribute('href'))!;
    expect(href).toBe(`${ARTICLE}?highlight=OPCON#opening`);
    // The opening section is the first to mention OPCON.
    const openingText = await page.locator('#opening').innerText();
    expect(openingText).toContain('OPCON');
    await first.click();
    await page.waitForSelector('#opening mark.search-hit');
    expect(new URL(page.url()).hash).toBe('#opening');
    const hit = page.locator('#opening mark.search-hit').first();
    expect(await hit.innerText()).toBe('OPCON');
    await page.waitForFunction(() => {
      const r = document.querySelector('#opening mark.search-hit')!.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= innerHeight;
    });
    expect(consoleErrors).toEqual([]);
    await close();
  });

  it('Ctrl+K opens it, Escape closes it and focus returns where it was', async () => {
    const { page, close } = await openPage(browser());
    await page.goto(ARTICLE);
    await page.locator('.byline a').first().focus();
    await page.keyboard.press('Control+k');
    const dialog = page.locator('dialog.search-dialog');
    await dialog.waitFor({ state: 'visible' });
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-dialog-input');
    // Focus stays inside the modal dialog.
    for (let i = 0; i < 4; i++) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('dialog'))).toBe(true);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Phillip Orchard');
    await close();
  });

  it('does not steal "/" from a reader typing in another field', async () => {
    const { page, close } = await openPage(browser());
    await page.goto('/search/');
    await page.locator('#search-page-q').fill('');
    await page.locator('#search-page-q').press('/');
    expect(await page.locator('#search-page-q').inputValue()).toBe('/');
    expect(await page.locator('dialog.search-dialog').count()).toBe(0);
    await close();
  });

  it('moves through results with the arrow keys and opens one with Enter', async () => {
    const { page, close } = await openPage(browser());
    await page.goto('/');
    const dialog = await searchInDialog(page, 'sanctions');
    await page.keyboard.press('ArrowDown');
    const firstHref = await dialog.locator('a.result-link').first().getAttribute('href');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe(firstHref);
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe(await dialog.locator('a.result-link').nth(1).getAttribute('href'));
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-dialog-input');
    await page.keyboard.press('ArrowDown');
    await Promise.all([page.waitForURL((url) => url.href.includes('highlight=sanctions')), page.keyboard.press('Enter')]);
    await close();
  });

  it('finds "Mattis" in the event card, labelled as an event', async () => {
    const { page, close } = await openPage(browser());
    await page.goto(ARTICLE);
    const dialog = await searchInDialog(page, 'Mattis');
    const result = dialog.locator('.result').first();
    expect(await result.locator('.result-type').innerText()).toMatch(/event/i);
    expect(await result.locator('a.result-link').getAttribute('href')).toBe('/events/#event-opcon-early-date');
    expect(await result.locator('.excerpt mark').first().innerText()).toMatch(/^Mattis/);
    await result.locator('a.result-link').click();
    await page.waitForURL('**/events/#event-opcon-early-date');
    expect(await page.locator('#event-opcon-early-date').innerText()).toContain('Jim Mattis');
    await close();
  });

  it('says so when nothing matches', async () => {
    const { page, close } = await openPage(browser());
    await page.goto(ARTICLE);
    const dialog = await searchInDialog(page, 'zzqxj');
    expect(await dialog.locator('.search-status').innerText()).toBe('No results for “zzqxj”');
    expect(await dialog.locator('.result').count()).toBe(0);
    await close();
  });

  it('shows a loading state, then a clear failure when search cannot load', async () => {
    const { page, close } = await openPage(browser());
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    await page.route('**/pagefind/pagefind.js', async (route) => {
      await held;
      await route.fulfill({ status: 503, body: 'unavailable' });
    });
    await page.goto(ARTICLE);
    await page.keyboard.press('/');
    await page.locator('dialog.search-dialog').waitFor();
    await page.keyboard.type('OPCON');
    await page.waitForFunction(() => document.querySelector('dialog .search-status')?.textContent === 'Searching…');
    release();
    await page.waitForFunction(() => (document.querySelector<HTMLElement>('dialog .search-status')?.dataset['state']) === 'failed');
    expect(await page.locator('dialog .search-status').innerText()).toMatch(/^Search failed to load/);
    await close();
  });

  it('/search/?q=OPCON restores the query and its results; typing updates the URL', async () => {
    const { page, close } = await openPage(browser());
    await page.goto('/search/?q=OPCON');
    await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-search-status]')?.dataset['state'] === 'results');
    expect(await page.locator('#search-page-q').inputValue()).toBe('OPCON');
    expect(await page.locator('[data-search-results] .result').count()).toBeGreaterThan(1);
    expect(await page.locator('[data-search-needs-js]').count()).toBe(0);
    await page.locator('#search-page-q').fill('Mattis');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === 'Mattis');
    await close();
  });

  it('without JavaScript, the header form reaches a search page that explains itself', async () => {
    const { page, close } = await openPage(browser(), { javaScriptEnabled: false });
    await page.goto(ARTICLE);
    await page.locator('#site-search-q').fill('OPCON');
    await page.locator('#site-search-q').press('Enter');
    await page.waitForURL('**/search/?q=OPCON');
    const notice = page.locator('[data-search-needs-js]');
    expect(await notice.innerText()).toContain('needs JavaScript');
    expect(await notice.locator('a[href="/issues/"]').count()).toBe(1);
    expect(await notice.locator('a[href="/events/"]').count()).toBe(1);
    await close();
  });

  it('fetches no search code or index on the article’s cold load', async () => {
    const { page, close } = await openPage(browser());
    const urls: string[] = [];
    page.on('request', (r) => urls.push(new URL(r.url()).pathname));
    await page.goto(ARTICLE);
    await page.waitForLoadState('networkidle');
    expect(urls.filter((u) => u.startsWith('/pagefind/') || /search|highlight/.test(u))).toEqual([]);
    await close();
  });
});
