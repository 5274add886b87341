import { readdirSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { Page, Route } from 'playwright-core';
import { ARTICLE, openPage, useBrowser } from './harness.ts';
import { moreLabel, RESULTS_PAGE } from '../../src/lib/search/query.ts';

const browser = useBrowser();

/**
 * Hold the requests matching `glob` until the returned function is called, then answer them.
 * On the context: the service worker's requests too, which is how the page fetches once it controls it.
 */
async function holdRequests(page: Page, glob: string, answer: (route: Route) => Promise<void>): Promise<() => void> {
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  await page.context().route(glob, async (route) => {
    await held;
    await answer(route);
  });
  return release;
}

async function searchInDialog(page: Page, query: string) {
  await page.keyboard.press('/');
  const dialog = page.locator('dialog.search-dialog');
  await dialog.waitFor({ state: 'visible' });
  await page.keyboard.type(query);
  await page.waitForFunction(() => ['results', 'empty', 'failed'].includes(document.querySelector<HTMLElement>('dialog .search-status')?.dataset['state'] ?? ''));
  return dialog;
}

describe('search', () => {
  it('keeps the anchors of sections and headings alone: a result carries no paragraph\'s words twice', () => {
    // A fragment is gzip of "pagefind_dcd" and the page's JSON.
    const pages = readdirSync('dist/pagefind/fragment').map((name) => JSON.parse(gunzipSync(readFileSync(`dist/pagefind/fragment/${name}`)).subarray(12).toString()) as { url: string; anchors: Array<{ element: string; id: string }> });
    const article = pages.find((p) => p.url === ARTICLE)!;
    const elements = new Set(article.anchors.map((a) => a.element));
    expect([...elements].sort()).toEqual(['h2', 'section']);
    expect(article.anchors.filter((a) => a.element === 'section').map((a) => a.id)).toContain('preparing-for-the-eventualities');
  });

  it('"/" opens search; "OPCON" lists the article first, its densest section first, then events and issues', async () => {
    const { page, close, consoleErrors } = await openPage(browser());
    await page.goto(ARTICLE);
    const fetched: string[] = [];
    page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
    const dialog = await searchInDialog(page, 'OPCON');
    // The dialog shows no filter counts, so it fetches no filter index (547 KB at 10,000 articles).
    expect(fetched.filter((u) => u.startsWith('/pagefind/index/'))).not.toEqual([]);
    expect(fetched.filter((u) => u.startsWith('/pagefind/filter/'))).toEqual([]);
    expect(await dialog.locator('.search-status').innerText()).toMatch(/^\d+ results for “OPCON”$/);
    const groups = await dialog.locator('.result-group').evaluateAll((gs) =>
      gs.map((g) => ({ kind: (g as HTMLElement).dataset['kind'], title: g.querySelector('.group-title')!.textContent })),
    );
    expect(groups).toEqual([
      { kind: 'article', title: 'South Korea Prepares for a Future Without the US' },
      { kind: 'event', title: 'Events' },
      { kind: 'issue', title: 'Issues' },
    ]);
    const hrefs = await dialog.locator('a.result-link').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    expect(new Set(hrefs).size).toBe(hrefs.length);
    // "Preparing for the Eventualities" discusses OPCON five times: it comes first.
    const first = dialog.locator('a.result-link').first();
    expect(await first.innerText()).toBe('Preparing for the Eventualities');
    expect(await first.getAttribute('href')).toBe(`${ARTICLE}?highlight=OPCON#preparing-for-the-eventualities`);
    await first.click();
    await page.waitForSelector('#preparing-for-the-eventualities mark.search-hit');
    expect(new URL(page.url()).hash).toBe('#preparing-for-the-eventualities');
    const hit = page.locator('#preparing-for-the-eventualities mark.search-hit').first();
    expect(await hit.innerText()).toBe('OPCON');
    await page.waitForFunction(() => {
      const r = document.querySelector('#preparing-for-the-eventualities mark.search-hit')!.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= innerHeight;
    });
    expect(consoleErrors).toEqual([]);
    await close();
  });

  it('shows results a page at a time: "Show more" fetches only the next page and moves focus to its first result', async () => {
    const { page, close, consoleErrors } = await openPage(browser());
    await page.goto(ARTICLE);
    const dialog = await searchInDialog(page, 'Korea');
    const total = Number(/^(\d+) results/.exec(await dialog.locator('.search-status').innerText())?.[1]);
    expect(total).toBeGreaterThan(RESULTS_PAGE);
    const more = dialog.locator('.search-more button');
    expect(await more.innerText()).toBe(moreLabel(RESULTS_PAGE, total));
    const shown = await dialog.locator('a.result-link').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    const fragments: string[] = [];
    page.on('request', (r) => {
      if (new URL(r.url()).pathname.startsWith('/pagefind/fragment/')) fragments.push(r.url());
    });
    await more.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.classList.contains('result-link') ?? false);
    // A fragment per result of the next page, and no more.
    expect(fragments).toHaveLength(Math.min(RESULTS_PAGE, total - RESULTS_PAGE));
    const focused = await page.evaluate(() => document.activeElement!.getAttribute('href'));
    expect(shown).not.toContain(focused);
    const after = await dialog.locator('a.result-link').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    expect(after).toEqual(expect.arrayContaining(shown));
    expect(after.length).toBeGreaterThan(shown.length);
    // "Korea" has fewer than two pages of results: the second shows them all, and the button goes.
    expect(total).toBeLessThanOrEqual(2 * RESULTS_PAGE);
    expect(await dialog.locator('.search-more').count()).toBe(0);
    expect(consoleErrors).toEqual([]);
    await close();
  });

  it('searches a quoted phrase as a phrase and highlights the phrase', async () => {
    const { page, close } = await openPage(browser());
    await page.goto('/search/?q=%22war%20ended%22');
    await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-search-status]')?.dataset['state'] === 'results');
    const phrase = await page.locator('a.result-link').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    await page.goto('/search/?q=war%20ended');
    await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-search-status]')?.dataset['state'] === 'results');
    const words = await page.locator('a.result-link').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(phrase.length).toBeGreaterThan(0);
    expect(phrase.length).toBeLessThan(words.length);
    await page.goto(`${ARTICLE}?highlight=${encodeURIComponent('"operational control"')}`);
    await page.waitForSelector('mark.search-hit');
    expect(await page.locator('mark.search-hit').allInnerTexts()).toEqual(['operational control']);
    await close();
  });

  it('filters by type and article on /search/, with counts, by keyboard, kept in a shareable URL', async () => {
    const { page, close } = await openPage(browser());
    await page.goto('/search/?q=OPCON');
    await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-search-status]')?.dataset['state'] === 'results');
    const typeSet = page.getByRole('group', { name: 'Type' });
    const labels = await typeSet.locator('label').evaluateAll((ls) => ls.map((l) => l.textContent!.replace(/\s+/g, ' ').trim()));
    expect(labels).toEqual(expect.arrayContaining([expect.stringMatching(/^Event \(\d+\)$/), expect.stringMatching(/^Article text \(1\)$/)]));
    expect(await page.getByRole('group', { name: 'Article' }).count()).toBe(0);
    const events = typeSet.getByRole('checkbox', { name: /^Event/ });
    await events.focus();
    await page.keyboard.press('Space');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('type') === 'Event');
    await page.waitForFunction(() => [...document.querySelectorAll('.result-group')].every((g) => (g as HTMLElement).dataset['kind'] === 'event'));
    const shared = page.url();
    expect(new URL(shared).search).toBe('?q=OPCON&type=Event');
    // The shared URL restores the same filtered search.
    await page.goto(shared);
    await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-search-status]')?.dataset['state'] === 'results');
    expect(await page.getByRole('checkbox', { name: /^Event/ }).isChecked()).toBe(true);
    expect(await page.locator('.result-group').evaluateAll((gs) => gs.map((g) => (g as HTMLElement).dataset['kind']))).toEqual(['event']);
    await close();
  });

  it('starts loading the index when the reader heads for the search field', async () => {
    const { page, close } = await openPage(browser());
    await page.goto(ARTICLE);
    const index = page.waitForRequest('**/pagefind/pagefind.js');
    await page.locator('#site-search-q').hover();
    await index;
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

  it('keeps the words a reader typed on /search/ before its script arrived: searched, and put in the address', async () => {
    const { page, close } = await openPage(browser());
    const release = await holdRequests(page, '**/_astro/search-page.*.js', (route) => route.continue());
    await page.goto('/search/', { waitUntil: 'domcontentloaded' });
    await page.locator('#search-page-q').fill('OPCON');
    release();
    await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-search-status]')?.dataset['state'] === 'results');
    expect(await page.locator('#search-page-q').inputValue()).toBe('OPCON');
    expect(new URL(page.url()).searchParams.get('q')).toBe('OPCON');
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

  it('finds "Mattis" in the event card, in the Events group, and opens the card beside the words that mention it', async () => {
    const { page, close } = await openPage(browser());
    await page.goto(ARTICLE);
    const dialog = await searchInDialog(page, 'Mattis');
    const group = dialog.locator('.result-group').first();
    expect(await group.getAttribute('data-kind')).toBe('event');
    expect(await group.locator('.group-title').textContent()).toBe('Events');
    const card = 'preparing-for-the-eventualities--event-opcon-early-date';
    expect(await group.locator('a.result-link').first().getAttribute('href')).toBe(`${ARTICLE}?highlight=Mattis#${card}`);
    expect(await group.locator('a.result-link').first().innerText()).toMatch(/\(19 October 2018\)$/);
    expect(await group.locator('.excerpt mark').first().innerText()).toMatch(/^Mattis/);
    await group.locator('a.result-link').first().click();
    await page.waitForURL(`**${ARTICLE}?highlight=Mattis#${card}`);
    expect(await page.locator(`#${card}`).innerText()).toContain('Jim Mattis');
    expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe(card);
    await close();
  });

  it('says so when nothing matches', async () => {
    const { page, close } = await openPage(browser());
    await page.goto(ARTICLE);
    const dialog = await searchInDialog(page, 'zzqxj');
    expect(await dialog.locator('.search-status').innerText()).toBe('No results for “zzqxj”');
    expect(await dialog.locator('.hit').count()).toBe(0);
    const hint = dialog.locator('.search-empty');
    expect(await hint.locator('a[href="/events/"]').count()).toBe(1);
    expect(await hint.locator('a[href="/issues/"]').count()).toBe(1);
    await close();
  });

  it('shows a loading state, then a clear failure when search cannot load', async () => {
    const { page, close } = await openPage(browser());
    const release = await holdRequests(page, '**/pagefind/pagefind.js', (route) => route.fulfill({ status: 503, body: 'unavailable' }));
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

  it('says search failed, not "No results", when part of its index cannot load; the next search loads it', async () => {
    const { page, close } = await openPage(browser());
    // Pagefind itself logs the chunk it could not load and searches without it.
    await page.context().route('**/pagefind/index/**', (route) => route.fulfill({ status: 503, body: 'unavailable' }));
    await page.goto('/search/?q=OPCON');
    await page.waitForFunction(() => ['results', 'empty', 'failed'].includes(document.querySelector<HTMLElement>('[data-search-status]')?.dataset['state'] ?? ''));
    expect(await page.locator('[data-search-status]').innerText()).toMatch(/^Search failed to load/);
    expect(await page.locator('[data-search-results] .hit').count()).toBe(0);
    // The index is back (the deploy finished, the connection returned): the reader searches again.
    await page.context().unroute('**/pagefind/index/**');
    await page.locator('#search-page-q').fill('OPCON ');
    await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-search-status]')?.dataset['state'] === 'results');
    expect(await page.locator('[data-search-results] .hit').count()).toBeGreaterThan(1);
    await close();
  });

  it('/search/?q=OPCON restores the query and its results; typing updates the URL', async () => {
    const { page, close } = await openPage(browser());
    await page.goto('/search/?q=OPCON');
    await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-search-status]')?.dataset['state'] === 'results');
    expect(await page.locator('#search-page-q').inputValue()).toBe('OPCON');
    expect(await page.locator('[data-search-results] .hit').count()).toBeGreaterThan(1);
    expect(await page.locator('[data-search-needs-js]').count()).toBe(0);
    await page.locator('#search-page-q').fill('Mattis');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === 'Mattis');
    await close();
  });

  it('searches and announces only the first 100 characters of a pasted 10 KB query', async () => {
    const { page, close } = await openPage(browser());
    const pasted = ' OPCON'.repeat(1_700);
    await page.goto(`/search/?q=${encodeURIComponent(pasted)}`);
    await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-search-status]')?.dataset['state'] === 'results');
    const status = (await page.locator('[data-search-status]').textContent())!;
    expect(status).toMatch(/^\d+ results? for “OPCON OPCON/);
    expect(status.length).toBeLessThan(140);
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

  it('fetches no search code or index on the article’s first visit, the service worker’s requests included', async () => {
    const { page, close } = await openPage(browser());
    const urls: string[] = [];
    // Counted for the whole context: the page's requests and the worker's.
    page.context().on('request', (r) => urls.push(new URL(r.url()).pathname));
    await page.goto(ARTICLE);
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.waitForTimeout(1_000);
    await page.waitForLoadState('networkidle');
    expect(urls).toContain('/sw.js');
    expect(urls.filter((u) => u.startsWith('/pagefind/') || /search|highlight|offline/.test(u))).toEqual([]);
    await close();
  });
});
