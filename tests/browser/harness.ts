/**
 * One Chromium launcher for every browser test, with the flags that work here, plus a page helper
 * that fails on console errors and on any request that leaves 127.0.0.1.
 */
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { chromiumArgs, chromiumPath } from '../../scripts/chromium-path.ts';

export const ARTICLE = '/south-korea-prepares-future-without-us/';

export function baseURL(): string {
  return inject('baseURL');
}

/** Launch one browser for the test file; close it afterwards. */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('browser not launched yet');
    return browser;
  };
}

export interface WatchedPage {
  page: Page;
  consoleErrors: string[];
  offsiteRequests: string[];
  close(): Promise<void>;
}

/** A fresh context (cold cache) whose page records console errors and blocks off-site requests. */
export async function openPage(browser: Browser, options: BrowserContextOptions = {}): Promise<WatchedPage> {
  const context = await browser.newContext({ baseURL: baseURL(), ...options });
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  const offsiteRequests: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(String(error)));
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1' || url.protocol === 'data:') return route.continue();
    offsiteRequests.push(url.href);
    return route.abort();
  });
  return { page, consoleErrors, offsiteRequests, close: () => context.close() };
}

/**
 * Text blocks under `selector` as a reader sees them: section chrome (permalink anchors, buttons,
 * anything marked `data-pagefind-ignore`) removed and white space collapsed the way a browser renders it.
 * Blocks inside editor's notes, figures and sidebars are not the article's words and are left out.
 */
export function readBlocks(page: Page, selector: string): Promise<Array<{ tag: string; text: string }>> {
  return page.$$eval(selector, (els) =>
    els
      .filter((el) => !el.closest('.editors-note, figure, aside, details'))
      .map((el) => {
        const copy = el.cloneNode(true) as Element;
        copy.querySelectorAll('[data-pagefind-ignore], button, .visually-hidden').forEach((n) => n.remove());
        return { tag: el.tagName.toLowerCase(), text: (copy.textContent ?? '').replace(/\s+/g, ' ').trim() };
      }),
  );
}
