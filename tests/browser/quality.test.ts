/** Every quality gate, on every page type of the built site. */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ARTICLE, baseURL, openPage, useBrowser } from './harness.ts';
import {
  axeViolations,
  brokenLinks,
  cspViolations,
  headerCspProblems,
  horizontalOverflow,
  htmlErrors,
  motionProblems,
  notFoundProblems,
  nuErrors,
  printProblems,
  securityHeaderProblems,
  smallTapTargets,
  unfoldedSidebars,
  watchCsp,
} from './gates.ts';

const browser = useBrowser();
/** One page of every type the site writes. */
const PAGES: Record<string, string> = {
  home: '/',
  article: ARTICLE,
  share: `${ARTICLE}preparing-for-the-eventualities/`,
  events: '/events/',
  issues: '/issues/',
  issue: '/issues/opcon/',
  search: '/search/?q=OPCON',
  offline: '/offline/',
  highlights: '/highlights/',
  '404': '/no-such-page/',
};

/**
 * The policy every page's header must carry, written out by hand: the build writes it from the
 * pages' own meta policies, and this is what that must come to. Only the hashes of Astro's own
 * scripts and styles are left to the pages (they change with the code): the header must list
 * exactly those the pages list.
 */
const EXPECTED_CSP: Record<string, readonly string[]> = {
  'default-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'font-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  'style-src': ["'self'"],
  'frame-ancestors': ["'none'"],
};

/**
 * Open a page type. A share page sends the reader on at once: held on it here, to check the page
 * itself (a 204 for the article leaves the browser where it is).
 */
async function visit(page: Page, name: string, path: string) {
  if (name === 'share') await page.route(`**${ARTICLE}`, (route) => route.fulfill({ status: 204 }));
  await page.goto(path);
}

async function settle(page: Page) {
  await page.waitForLoadState('networkidle');
}

async function openSearchDialog(page: Page, query: string) {
  await page.keyboard.press('/');
  await page.locator('dialog.search-dialog').waitFor();
  await page.keyboard.type(query);
  await page.waitForFunction(() => document.querySelector<HTMLElement>('dialog .search-status')?.dataset['state'] === 'results');
}

describe('security: CSP and headers', () => {
  it('sends the security headers, a strict CSP and the right caching', async () => {
    const { page, close } = await openPage(browser());
    const head = async (path: string) => (await page.request.get(path)).headers();
    const problems: Record<string, string[]> = {};
    for (const [name, path] of Object.entries(PAGES)) problems[name] = securityHeaderProblems(await head(path));
    expect(problems).toEqual(Object.fromEntries(Object.keys(PAGES).map((name) => [name, []])));
    const html = await head(ARTICLE);
    expect(html['cache-control']).toBe('public, max-age=0, must-revalidate');
    await page.goto(ARTICLE);
    const astroFile = await page.evaluate(() => document.querySelector<HTMLScriptElement>('script[src^="/_astro/"]')!.src);
    const script = await head(astroFile);
    expect(script['cache-control']).toBe('public, max-age=31536000, immutable');
    // Document-only headers are not repeated on every asset; nosniff is.
    expect(script['content-security-policy']).toBeUndefined();
    expect(script['x-content-type-options']).toBe('nosniff');
    expect((await head('/pagefind/pagefind.js'))['cache-control']).toBe('public, max-age=86400, must-revalidate');
    // Every page also carries Astro's hashed CSP <meta>, with no inline-script allowance, and the
    // header carries the policy written out above, with exactly the hashes the metas list.
    const meta = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
    expect(meta).toMatch(/script-src 'self' 'wasm-unsafe-eval'/);
    expect(meta).not.toContain('unsafe-inline');
    const metas: string[] = [];
    for (const path of Object.values(PAGES)) {
      const html = await (await page.request.get(path, { maxRedirects: 0 })).text();
      metas.push(/http-equiv="content-security-policy" content="([^"]*)"/.exec(html)![1]!);
    }
    expect(headerCspProblems(html['content-security-policy']!, metas, EXPECTED_CSP)).toEqual([]);
    // Pagefind's index, filters, metadata and fragments are named by their content: a year.
    for (const file of ['index', 'filter', 'fragment'].map((folder) => readdirSync(`dist/pagefind/${folder}`).map((name) => `/pagefind/${folder}/${name}`)[0]!)) {
      expect((await head(file))['cache-control'], file).toBe('public, max-age=31536000, immutable');
    }
    await close();
  });
});

describe('every page type, on one load each: CSP, console, other origins, axe, motion', () => {
  // One test per page: each has its own time, and a failure names the page. A fresh context each
  // (a cold cache, as a first visit), checked in light and dark, with and without reduced motion.
  for (const [name, path] of Object.entries(PAGES)) {
    const extra = name === 'article' ? ', searching (wasm), the search dialog and landing included' : '';
    it(`the ${name} page: no CSP violation or console error, nothing from other origins, axe finds nothing, nothing moves for readers who asked${extra}`, async () => {
      const watched = await openPage(browser(), { viewport: { width: 1280, height: 900 } });
      const { page } = watched;
      await watchCsp(page.context());
      await visit(page, name, path);
      await settle(page);
      expect(await axeViolations(page), name).toEqual([]);
      expect(await motionProblems(page), name).toEqual([]);
      await page.emulateMedia({ reducedMotion: 'no-preference' });
      // A share page is a three-line redirect with no stylesheet: nothing on it scrolls.
      if (name !== 'share') expect(await page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior), name).toBe('smooth');
      if (name === 'article') {
        await openSearchDialog(page, 'OPCON');
        expect(await axeViolations(page), 'search dialog').toEqual([]);
        await page.locator('dialog a.result-link').first().click();
        await page.waitForSelector('mark.search-hit');
      }
      expect(await cspViolations(page), name).toEqual([]);
      // The one console error allowed: Chromium logs the 404 page's own status, which is its point.
      const expected404 = `Failed to load resource: the server responded with a status of 404 (Not Found) @ ${baseURL()}${path}`;
      expect(watched.consoleErrors.filter((e) => !(name === '404' && e === expected404)), name).toEqual([]);
      expect(watched.offsiteRequests, name).toEqual([]);
      await watched.close();
    });
  }
});

describe('small screens and print', () => {
  it('at 375 px nothing scrolls sideways, tap targets are at least 24 px, sidebars are folded', async () => {
    for (const [name, path] of Object.entries(PAGES)) {
      const { page, close } = await openPage(browser(), { viewport: { width: 375, height: 800 }, isMobile: true, hasTouch: true });
      await visit(page, name, path);
      await settle(page);
      expect(await horizontalOverflow(page), name).toEqual([]);
      expect(await smallTapTargets(page), name).toEqual([]);
      if (name === 'article') {
        expect(await page.locator('details.sidebar').count()).toBeGreaterThan(0);
        expect(await unfoldedSidebars(page)).toEqual([]);
      }
      await close();
    }
  });

  it('prints the text without chrome, with link addresses and the figures', async () => {
    const { page, close } = await openPage(browser());
    await page.goto(ARTICLE);
    expect(await printProblems(page)).toEqual([]);
    await page.emulateMedia({ media: 'print' });
    expect(await page.$$eval('figure', (f) => f.length)).toBe(2);
    const original = page.locator('.article-header a[href^="https://"]');
    expect(await original.evaluate((a) => getComputedStyle(a, '::after').content)).toContain('https://geopoliticalfutures.com/');
    expect(await page.locator('details.sidebar .card').first().evaluate((c) => getComputedStyle(c).display)).not.toBe('none');
    await close();
  });

  it('the 404 page helps: a search form and a link home, with a 404 status', async () => {
    expect(await notFoundProblems(browser(), `${baseURL()}/no-such-page/`)).toEqual([]);
  });
});

describe('the whole build', () => {
  it('html-validate finds no errors in dist/', async () => {
    expect(await htmlErrors('dist')).toEqual([]);
  });

  it('the W3C Nu Html Checker finds no errors in any page of dist/', async () => {
    expect(await nuErrors('dist')).toEqual([]);
  }, 60_000);

  it('the link checker, fragments included, finds nothing broken', async () => {
    expect(await brokenLinks(`${baseURL()}/`)).toEqual([]);
  }, 120_000);
});
