/** Each quality gate fails when its rule is broken: proved once, on a fixture broken on purpose. */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumArgs, chromiumPath } from '../../scripts/browsers.ts';
import { startStaticServer, type StaticServer } from '../../scripts/static-server.ts';
import {
  axeViolations,
  blockingScripts,
  brokenLinks,
  cspViolations,
  firstSectionGzipBytes,
  gzipBytes,
  headerCspProblems,
  horizontalOverflow,
  htmlErrors,
  measureLoad,
  searchCost,
  motionProblems,
  notFoundProblems,
  nuErrors,
  printProblems,
  securityHeaderProblems,
  smallTapTargets,
  unfoldedSidebars,
  watchCsp,
} from './gates.ts';
import { openPage } from './harness.ts';
import { budgetReport } from '../budget-report.ts';
import { expectedBlocks, hostileEffectsInPage, landedInViewInPage, notesOutOfPlaceInPage, readBlocksInPage } from './reading.ts';
import { readSource } from '../source.ts';

const root = 'tests/fixtures/broken-site';
let server: StaticServer;
let browser: Browser;
beforeAll(async () => {
  server = await startStaticServer({ root });
  browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
});
afterAll(async () => {
  await browser.close();
  await server.close();
});

async function open(width = 375) {
  const context = await browser.newContext({ viewport: { width, height: 700 } });
  await watchCsp(context);
  const page = await context.newPage();
  await page.goto(`${server.url}/`);
  return { page, close: () => context.close() };
}

describe('the gates catch what they guard against', () => {
  it('CSP: an inline script is reported', async () => {
    const { page, close } = await open();
    expect(await cspViolations(page)).toEqual([expect.stringMatching(/^script-src/)]);
    await close();
  });

  it('axe: an image without alt text is reported, and text legible only in light is reported in dark', async () => {
    const { page, close } = await open(1280);
    const violations = await axeViolations(page);
    expect(violations).toEqual(expect.arrayContaining([expect.stringMatching(/^light: image-alt/), expect.stringMatching(/^dark: color-contrast: \.dim/)]));
    expect(violations.filter((v) => v.startsWith('light: color-contrast'))).toEqual([]);
    await close();
  });

  it('375 px: sideways overflow and a tiny button are reported', async () => {
    const { page, close } = await open();
    expect(await horizontalOverflow(page)).toEqual(expect.arrayContaining(['div.']));
    expect(await smallTapTargets(page)).toEqual(expect.arrayContaining([expect.stringMatching(/^button "" 10×10/)]));
    await close();
  });

  it('requests off 127.0.0.1 and console errors are recorded', async () => {
    const watched = await openPage(browser, { baseURL: server.url });
    await watched.page.goto('/');
    await watched.page.waitForLoadState('networkidle');
    expect(watched.offsiteRequests).toEqual(['http://example.invalid/pixel.png']);
    expect(watched.consoleErrors).toEqual(expect.arrayContaining([expect.stringMatching(/Content Security Policy/)]));
    await watched.close();
  });

  it('print: printed chrome, a link without its address and a hidden figure are reported', async () => {
    const { page, close } = await open(1280);
    expect(await printProblems(page)).toEqual(expect.arrayContaining([
      expect.stringMatching(/^chrome printed: nav/),
      'link printed without its address: https://example.org/',
      'figure not printed',
    ]));
    await close();
  });

  it('375 px: a sidebar left open is reported', async () => {
    const { page, close } = await open();
    expect(await unfoldedSidebars(page)).toEqual(['annotated']);
    await close();
  });

  it('verbatim reading: one straight apostrophe in place of ’ is a difference', async () => {
    const source = readSource();
    const expected = expectedBlocks(source);
    const { page, close } = await open(1280);
    const render = (blocks: typeof expected) =>
      page.setContent(`<main data-article-body>${blocks.map((b) => `<${b.tag}>${b.text}<button>Copy</button></${b.tag}>`).join('')}</main>`);
    await render(expected);
    const selector = '[data-article-body] :is(p, h2)';
    expect(await page.evaluate(readBlocksInPage, selector)).toEqual(expected);
    const at = expected.findIndex((b) => b.text.includes('’'));
    const altered = expected.map((b, i) => (i === at ? { ...b, text: b.text.replace('’', "'") } : b));
    expect(altered[at]).not.toEqual(expected[at]);
    await render(altered);
    expect(await page.evaluate(readBlocksInPage, selector)).not.toEqual(expected);
    await close();
  });

  const BUDGET = { htmlCssTransferBytes: 14_336, htmlCssRequests: 2, totalTransferBytes: 18_432, totalRequests: 4, scriptTransferBytes: 4_096, fontRequests: 0, workerTransferBytes: 3_072 };

  it('byte budgets: 32 KB of barely compressible script is measured in full and is over budget', async () => {
    const { actual } = await measureLoad(browser, `${server.url}/heavy/`, { settle: 500 });
    expect(actual.scriptTransferBytes).toBeGreaterThan(24_000);
    expect(budgetReport(actual, BUDGET).over).toEqual(expect.arrayContaining(['scriptTransferBytes', 'totalTransferBytes']));
  });

  it('worker bytes: a service worker that downloads 32 KB (25 KB compressed) in the background after load is counted, and is over budget', async () => {
    const { actual } = await measureLoad(browser, `${server.url}/worker/`, { settle: 3_000 });
    expect(actual.workerTransferBytes).toBeGreaterThan(20_000);
    expect(budgetReport(actual, BUDGET).over).toEqual(expect.arrayContaining(['workerTransferBytes', 'totalTransferBytes']));
  });

  it('first section in 14 KB: a first section that ends after 14 KB of gzip is measured as such', () => {
    const filler = randomBytes(16 * 1024).toString('base64');
    const html = `<main><section class="article-section"><p>${filler}</p><details class="sidebar"></details></section></main>`;
    expect(firstSectionGzipBytes(html)).toBeGreaterThan(14 * 1024);
    expect(() => firstSectionGzipBytes('<main><p>no sections</p></main>')).toThrow(/no first section/);
  });

  it('4 KB reading aids: 32 KB of barely compressible script is more than 4 KB of gzip', () => {
    expect(gzipBytes(readFileSync(`${root}/heavy/noise.js`))).toBeGreaterThan(4 * 1024);
  });

  it('search ≤ 100 KB: a search whose first query downloads 160 KB (125 KB compressed) is measured as such', async () => {
    const { bytes, atLoad } = await searchCost(browser, server.url, '/search/', 'anything');
    expect(bytes).toBeGreaterThan(100 * 1024);
    // The page loaded its search code up front: that is reported too.
    expect(atLoad).toEqual([`${server.url}/search/fake-search.js`]);
  });

  it('header CSP = meta CSP: a header that allows a source, drops a hash or lacks frame-ancestors is reported', () => {
    const expected = { 'default-src': ["'self'"], 'script-src': ["'self'"], 'frame-ancestors': ["'none'"] };
    const meta = "default-src 'self'; script-src 'self' 'sha256-AAA='";
    expect(headerCspProblems("default-src 'self'; script-src 'self' 'sha256-AAA='; frame-ancestors 'none'", [meta], expected)).toEqual([]);
    expect(headerCspProblems("default-src 'self'; script-src 'self' https://cdn.example 'sha256-AAA='; frame-ancestors 'none'", [meta], expected)).toEqual([
      "script-src: 'self' https://cdn.example instead of 'self'",
    ]);
    expect(headerCspProblems("default-src 'self'; script-src 'self' 'sha256-BBB='", [meta], expected)).toEqual([
      "script-src: hashes no page lists: 'sha256-BBB='",
      "script-src: hashes a page needs are missing: 'sha256-AAA='",
      'frame-ancestors: missing',
    ]);
    expect(headerCspProblems("default-src 'self'; script-src 'self' 'sha256-AAA='; frame-ancestors 'none'; style-src 'unsafe-inline'", [meta], expected)).toEqual([
      "style-src: not expected ('unsafe-inline')",
    ]);
  });

  it('margin alignment: a card 600 px below the words that mention it is reported', async () => {
    const { page, close } = await open(1280);
    await page.goto(`${server.url}/notes/`);
    expect(await page.evaluate(notesOutOfPlaceInPage, undefined)).toEqual([expect.stringMatching(/^s--event-x: top \d+, its first mention \d+$/)]);
    expect(await page.evaluate(notesOutOfPlaceInPage, 'settled' as const)).toBe(false);
    await close();
  });

  it('landing: a target the page scrolls away from after landing is reported out of view', async () => {
    const { page, close } = await open(1280);
    await page.goto(`${server.url}/landing/#target`);
    expect(await page.evaluate(landedInViewInPage, '#target')).toBe(true);
    await page.waitForFunction(() => scrollY > 4500);
    expect(await page.evaluate(landedInViewInPage, '#target')).toBe(false);
    await close();
  });

  it('hostile URLs: markup from ?q= written into the page is reported', async () => {
    const { page, close } = await open(1280);
    await page.goto(`${server.url}/inject/?q=${encodeURIComponent('<img src=x onerror="window.__pwned=1"><iframe></iframe>')}`);
    await page.waitForLoadState('load');
    // The page's CSP stops the inline handler; the markup itself got in, and is counted.
    expect(await page.evaluate(hostileEffectsInPage)).toEqual({ pwned: null, injected: 2 });
    await close();
  });

  it('no-JS budget: a classic script in <head> and an inline script are blocking', async () => {
    const { page, close } = await open(1280);
    await page.goto(`${server.url}/heavy/`);
    expect(await blockingScripts(page)).toEqual([`${server.url}/heavy/noise.js`]);
    await page.goto(`${server.url}/`);
    expect(await blockingScripts(page)).toEqual(expect.arrayContaining([expect.stringMatching(/^inline: document.title/)]));
    await close();
  });

  it('security headers: a host without _headers is reported', async () => {
    const response = await fetch(`${server.url}/`);
    expect(securityHeaderProblems(Object.fromEntries(response.headers))).toEqual(expect.arrayContaining([
      "CSP lacks frame-ancestors 'none'",
      'x-content-type-options: missing',
    ]));
    const unsafe = { 'content-security-policy': "script-src 'self' 'wasm-unsafe-eval' https://cdn.example; style-src 'unsafe-inline'; frame-ancestors 'none'" };
    expect(securityHeaderProblems(unsafe)).toEqual(expect.arrayContaining([
      'CSP allows unsafe-inline',
      "CSP script-src allows more than 'self', 'wasm-unsafe-eval' and hashes: https://cdn.example",
    ]));
  });

  it('404: a bare "Not found" without search or a link home is reported, and a 200 is too', async () => {
    expect(await notFoundProblems(browser, `${server.url}/no-such-page/`)).toEqual(['no search form', 'no link home']);
    expect(await notFoundProblems(browser, `${server.url}/ok/`)).toEqual(expect.arrayContaining(['status 200']));
  });

  it('Nu Html Checker: a stray script after </html> and a duplicate id are reported', async () => {
    const errors = await nuErrors(root);
    expect(errors).toEqual(expect.arrayContaining([expect.stringMatching(/Stray start tag “script”/), expect.stringMatching(/Duplicate ID “dup”/)]));
  }, 60_000);

  it('reduced motion: smooth scrolling and a transition are reported', async () => {
    const { page, close } = await open(1280);
    expect(await motionProblems(page)).toEqual(['smooth scrolling', 'moves: p.moving']);
    await close();
  });

  it('html-validate: a duplicate id is reported', async () => {
    expect(await htmlErrors(root)).toEqual(expect.arrayContaining([expect.stringMatching(/no-dup-id/)]));
  });

  it('link checker: a missing page and a missing fragment are reported', async () => {
    const broken = await brokenLinks(`${server.url}/`);
    expect(broken).toEqual(expect.arrayContaining([expect.stringContaining('/missing/'), expect.stringContaining('#no-such-id')]));
  });
});
