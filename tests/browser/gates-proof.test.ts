/** Each quality gate fails when its rule is broken: proved once, on a fixture broken on purpose. */
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumArgs, chromiumPath } from '../../scripts/browsers.ts';
import { startStaticServer, type StaticServer } from '../../scripts/static-server.ts';
import { axeViolations, brokenLinks, cspViolations, horizontalOverflow, htmlErrors, motionProblems, printProblems, smallTapTargets, watchCsp } from './gates.ts';
import { openPage } from './harness.ts';

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

  it('print: printed chrome and a link without its address are reported', async () => {
    const { page, close } = await open(1280);
    expect(await printProblems(page)).toEqual(expect.arrayContaining([
      expect.stringMatching(/^chrome printed: nav/),
      'link printed without its address: https://example.org/',
    ]));
    await close();
  });

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
