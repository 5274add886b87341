/**
 * A new deploy replaces what the service worker kept: a second build with changed text is read
 * after one reload, the old build's cache is gone, and offline the new text is what is kept.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumArgs, chromiumPath } from '../../scripts/browsers.ts';
import { startStaticServer, type StaticServer } from '../../scripts/static-server.ts';
import { buildFixture, type BuildResult } from './build.ts';

const OLD = 'First piece, opening words.';
const NEW = 'First piece, opening words, revised.';
let first: BuildResult;
let second: BuildResult;

beforeAll(async () => {
  mkdirSync('.tmp', { recursive: true });
  const content = mkdtempSync(join('.tmp', 'content-'));
  cpSync('tests/fixtures/two-articles', content, { recursive: true });
  first = await buildFixture(content);
  const section = join(content, 'articles', 'first-piece', '01-start.mdx');
  writeFileSync(section, readFileSync(section, 'utf8').replace(OLD, NEW));
  second = await buildFixture(content);
});

describe('a new build replaces the pages kept offline', () => {
  let server: StaticServer | undefined;
  afterAll(async () => server?.close());

  it('shows the new text after one reload, drops the old cache, and keeps the new text offline', async () => {
    expect(first.code, first.output).toBe(0);
    expect(second.code, second.output).toBe(0);
    expect(readFileSync(join(first.outDir, 'sw.js'), 'utf8')).not.toBe(readFileSync(join(second.outDir, 'sw.js'), 'utf8'));
    server = await startStaticServer({ root: first.outDir });
    const port = Number(new URL(server.url).port);
    const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
    try {
      const context = await browser.newContext({ baseURL: server.url });
      const page = await context.newPage();
      await page.goto('/first-piece/');
      await page.evaluate(() => navigator.serviceWorker.ready);
      await page.waitForFunction(async () => (await caches.match(location.href)) !== undefined);
      const oldCaches = await page.evaluate(() => caches.keys());
      expect(await page.locator('main').innerText()).toContain(OLD);

      // Deploy the second build at the same address.
      await server.close();
      server = await startStaticServer({ root: second.outDir, port });
      await page.reload();
      expect(await page.locator('main').innerText()).toContain(NEW);
      // The new worker takes over and removes the first build's cache.
      await page.waitForFunction(
        async (old) => {
          const keys = await caches.keys();
          return keys.length === 1 && !old.includes(keys[0]!) && (await caches.match(location.href)) !== undefined;
        },
        oldCaches,
      );
      await context.setOffline(true);
      await page.reload();
      expect(await page.locator('main').innerText()).toContain(NEW);
      await context.close();
    } finally {
      await browser.close();
    }
  });
});
