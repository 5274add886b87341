/**
 * One Chromium launcher for every browser test, with the flags that work here, plus a page helper
 * that fails on console errors and on any request that leaves 127.0.0.1.
 */
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { chromiumArgs, chromiumPath } from '../../scripts/browsers.ts';
import { readBlocksInPage, type Block } from './reading.ts';

export { ARTICLE } from './reading.ts';

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
    if (message.type() === 'error') consoleErrors.push(`${message.text()} @ ${message.location().url}`);
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

/** The article's text blocks as a reader sees them (see `reading.ts`). */
export function readBlocks(page: Page, selector: string): Promise<Block[]> {
  return page.evaluate(readBlocksInPage, selector);
}
