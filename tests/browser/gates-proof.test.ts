/** Each quality gate fails when its rule is broken: proved once, on a fixture broken on purpose. */
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumArgs, chromiumPath } from '../../scripts/browsers.ts';
import { startStaticServer, type StaticServer } from '../../scripts/static-server.ts';
import {
  axeViolations,
  blockingScripts,
  brokenLinks,
  cspViolations,
  horizontalOverflow,
  htmlErrors,
  measureLoad,
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
import { expectedBlocks, readBlocksInPage } from './reading.ts';
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

  it('axe: an image without alt text is reported', async () => {
    const { page, close } = await open(1280);
    expect(await axeViolations(page)).toEqual(expect.arrayContaining([expect.stringMatching(/^image-alt/)]));
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

  it('byte budgets: 32 KB of barely compressible script is measured in full and is over budget', async () => {
    const { actual } = await measureLoad(browser, `${server.url}/heavy/`);
    expect(actual.scriptTransferBytes).toBeGreaterThan(24_000);
    const budget = { htmlCssTransferBytes: 14_336, htmlCssRequests: 2, totalTransferBytes: 18_432, totalRequests: 4, scriptTransferBytes: 4_096, fontRequests: 0 };
    expect(budgetReport(actual, budget).over).toEqual(expect.arrayContaining(['scriptTransferBytes', 'totalTransferBytes']));
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
