/**
 * A deploy is safe for readers: pages kept offline survive a new build (the newer copy replaces
 * the older one when online, the others stay, with their own styles); a tab left open across a
 * deploy still searches; a reader's highlights outlive the host going away and a change to the
 * text they quote, in Chromium, Firefox and WebKit; and two publications on one origin keep their
 * own caches.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumArgs, chromiumPath } from '../../scripts/browsers.ts';
import { startStaticServer, type StaticServer } from '../../scripts/static-server.ts';
import { ENGINES, launchEngine } from '../browser/engines.ts';
import { bookFiles } from '../browser/book.ts';
import { waitInPage } from '../browser/poll.ts';
import { buildFixture, type BuildResult } from './build.ts';

const OLD = 'First piece, opening words.';
const NEW = 'First piece, opening words, revised.';
const SECOND = 'Second piece, opening words.';
const BASE = '/reader/';
let first: BuildResult;
let second: BuildResult;
let staging: BuildResult;
let browser: Browser;
const servers: StaticServer[] = [];

beforeAll(async () => {
  mkdirSync('.tmp', { recursive: true });
  const content = mkdtempSync(join('.tmp', 'content-'));
  cpSync('tests/fixtures/two-articles', content, { recursive: true });
  [first, staging] = await Promise.all([buildFixture(content, { BASE_PATH: BASE }), buildFixture(content, { BASE_PATH: '/reader-staging/' })]);
  const section = join(content, 'articles', 'first-piece', '01-start.mdx');
  writeFileSync(section, readFileSync(section, 'utf8').replace(OLD, NEW));
  second = await buildFixture(content, { BASE_PATH: BASE });
  browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
});
afterAll(async () => {
  await browser?.close();
  await Promise.all(servers.map((s) => s.close()));
});

/** Serve a build where a static host would, replacing whatever that address served before. */
async function deploy(build: BuildResult, port?: number): Promise<StaticServer> {
  const server = await startStaticServer({ root: build.outDir, base: BASE, ...(port ? { port } : {}) });
  servers.push(server);
  return server;
}

const kept = (page: Page) =>
  waitInPage(page, async () => {
    for (const key of await caches.keys()) if (await (await caches.open(key)).match(location.origin + location.pathname)) return true;
    return false;
  });
/** Every stylesheet the page links has loaded (offline: from what the worker kept). */
const styled = (page: Page) =>
  page.evaluate(() => {
    const links = [...document.querySelectorAll<HTMLLinkElement>('link[rel=stylesheet]')];
    return links.length > 0 && links.every((link) => (link.sheet?.cssRules.length ?? 0) > 0);
  });

describe('a rebuild', () => {
  // Astro logs each page it reuses as "(restored)"; the build's output is what a reader gets.
  const restored = (build: BuildResult, file: string) => build.output.split('\n').some((line) => line.includes(`├─ ${file} (restored)`));
  const read = (build: BuildResult, file: string) => readFileSync(join(build.outDir, file));
  const bookText = (build: BuildResult, slug: string) => Object.values(bookFiles(read(build, `epub/${slug}.epub`))).join('\n');

  it('renders again what an edit changed: the edited article’s page, book and share page, with the new words', () => {
    for (const build of [first, second]) expect(build.code, build.output).toBe(0);
    for (const file of ['/first-piece/index.html', '/epub/first-piece.epub', '/first-piece/start/index.html']) expect(restored(second, file), file).toBe(false);
    expect(read(second, 'first-piece/index.html').toString()).toContain(NEW);
    expect(bookText(second, 'first-piece')).toContain(NEW);
    expect(bookText(first, 'first-piece')).not.toContain(NEW);
    // The share page previews the section's first sentence.
    expect(read(second, 'first-piece/start/index.html').toString()).toContain('revised');
  });

  it('keeps what the edit left alone as it was, without rendering it again', () => {
    for (const file of ['/second-piece/index.html', '/epub/second-piece.epub', '/second-piece/start/index.html']) {
      expect(restored(first, file), `${file} in the first build`).toBe(false);
      expect(restored(second, file), file).toBe(true);
      expect(read(second, file.slice(1)).equals(read(first, file.slice(1))), file).toBe(true);
    }
  });

  // What search finds at each address: its fragment in the index (a gzipped JSON after a 12-byte signature; a record names its address in its metadata).
  const searchable = (build: BuildResult) =>
    new Map(
      readdirSync(join(build.outDir, 'pagefind', 'fragment')).map((name) => {
        const fragment = JSON.parse(gunzipSync(readFileSync(join(build.outDir, 'pagefind', 'fragment', name))).subarray(12).toString()) as { url: string; content: string; meta: { url?: string } };
        return [fragment.meta.url ?? fragment.url, fragment.content];
      }),
    );

  it('indexes every article for search: the one rendered again with its new words, the one reused as it was', () => {
    const [before, after] = [searchable(first), searchable(second)];
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    // The edited article went to the index as it rendered; the other, reused from the cache, not rendered, was read from the output.
    expect(after.get('/first-piece/')).toContain(NEW);
    expect(after.get('/second-piece/')).toContain(SECOND);
    expect(after.get('/second-piece/')).toBe(before.get('/second-piece/'));
  });
});

describe('a deploy is safe for readers', () => {
  it('keeps pages read before a deploy: the newer copy replaces the older online, the others still read offline, styled', async () => {
    for (const build of [first, second, staging]) expect(build.code, build.output).toBe(0);
    expect(readFileSync(join(first.outDir, 'sw.js'), 'utf8')).not.toBe(readFileSync(join(second.outDir, 'sw.js'), 'utf8'));
    let server = await deploy(first);
    const port = Number(new URL(server.url).port);
    const context = await browser.newContext({ baseURL: new URL(server.url).origin });
    const page = await context.newPage();
    await page.goto(`${BASE}first-piece/`);
    await kept(page);
    await page.goto(`${BASE}second-piece/`);
    await kept(page);
    expect(await page.locator('main').innerText()).toContain(SECOND);

    // Deploy the second build at the same address; read the changed page online.
    await server.close();
    server = await deploy(second, port);
    await page.goto(`${BASE}first-piece/`);
    expect(await page.locator('main').innerText()).toContain(NEW);
    // The new build's worker has taken over (installed and activated), and the newer copy replaced the older.
    await page.evaluate(async () => {
      const registration = (await navigator.serviceWorker.getRegistration())!;
      await registration.update();
      while (registration.installing || registration.waiting || registration.active?.state !== 'activated') await new Promise((r) => setTimeout(r, 50));
    });
    await waitInPage(page, async () => (await (await caches.match(location.href))?.text())?.includes('revised'));

    await context.setOffline(true);
    await page.goto(`${BASE}second-piece/`);
    expect(await page.locator('main').innerText()).toContain(SECOND);
    expect(await styled(page)).toBe(true);
    await page.goto(`${BASE}first-piece/`);
    expect(await page.locator('main').innerText()).toContain(NEW);
    await context.close();
    await server.close();
  });

  // In every engine, with the keys a keyboard reader presses: the worker keeps the page and the
  // highlights' code, the host goes away (offline), then comes back with the new build.
  it.each(ENGINES)('keeps a reader’s highlights offline and across a new build in %s: words still there are drawn, words since changed are listed as no longer found', async (name) => {
    let server = await deploy(first);
    const port = Number(new URL(server.url).port);
    const engine = await launchEngine(name, new URL(server.url).origin);
    const page = await engine.newPage();
    const PIECE = `${BASE}first-piece/`;
    const count = (n: number) => page.waitFor((wanted) => document.documentElement.dataset['highlights'] === wanted, String(n));
    const drawn = () => page.evaluate(() => [...(CSS.highlights.get('reader-highlight') ?? [])].map((r) => (r as Range).toString()));
    try {
      await page.goto(PIECE);
      await page.waitFor(() => document.documentElement.hasAttribute('data-notes'));
      // "First piece" and "closing words" stay in the new build; "opening words." becomes "opening words, revised."
      for (const [paragraph, phrase] of [['First piece, opening', 'First piece'], ['First piece, opening', 'opening words.'], ['First piece, closing', 'closing words']] as const) {
        // Selected and waited for inside the page: Firefox's driver fires a selectionchange with
        // each script it runs, which would keep restarting the offer's pause if polled from outside.
        const offered = await page.evaluate(
          ([starts, words]) =>
            new Promise<boolean>((resolve) => {
              const deadline = Date.now() + 5000;
              const offer = () => document.querySelector('.quote-link:popover-open');
              const select = () => {
                const text = [...document.querySelectorAll('[data-article-body] p')].find((p) => p.textContent!.startsWith(starts))!.firstChild as Text;
                const at = text.data.indexOf(words);
                getSelection()!.setBaseAndExtent(text, at, text, at + words.length);
              };
              const wait = () => (offer() ? resolve(true) : Date.now() > deadline ? resolve(false) : setTimeout(wait, 50));
              // Choosing closes the last offer: the next one is for this selection.
              const closed = () => (!offer() ? (select(), wait()) : Date.now() > deadline ? resolve(false) : setTimeout(closed, 50));
              closed();
            }),
          [paragraph, phrase] as [string, string],
        );
        expect(offered, `${name}: Highlight offered for "${phrase}"`).toBe(true);
        await page.press('h');
      }
      await count(3);
      // Opened again online, now under the worker: it keeps the page and the highlights' code.
      await page.goto(PIECE);
      await count(3);
      const kept = await page.evaluate(
        () =>
          new Promise<boolean>((resolve) => {
            const deadline = Date.now() + 10_000;
            const has = async (url: string) => {
              for (const key of await caches.keys()) if (await (await caches.open(key)).match(url)) return true;
              return false;
            };
            const scripts = () => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => /\/highlights\.[^/]*\.js$/.test(n));
            const check = async () => {
              const all = [location.origin + location.pathname, ...scripts()];
              if (scripts().length > 0 && (await Promise.all(all.map(has))).every(Boolean)) return resolve(true);
              if (Date.now() > deadline) return resolve(false);
              setTimeout(() => void check(), 50);
            };
            void check();
          }),
      );
      expect(kept, `${name}: the page and the highlights' code kept`).toBe(true);

      // The host goes away: the page reads from what the worker kept, its highlights drawn.
      await server.close();
      await page.goto(PIECE);
      await count(3);
      expect(await drawn()).toEqual(['First piece', 'opening words.', 'closing words']);

      // The host comes back with the new build.
      server = await deploy(second, port);
      await page.goto(PIECE);
      expect(await page.evaluate(() => document.querySelector('main')!.textContent)).toContain(NEW);
      await count(2);
      expect(await drawn()).toEqual(['First piece', 'closing words']);
      await page.click('.contents ol > li:last-child button');
      // A boolean: an element is not a value every driver can send back.
      await page.waitFor(() => document.querySelector('dialog.highlights-dialog[open] blockquote') !== null);
      const list = (selector: string) => page.evaluate((s) => [...document.querySelectorAll(s)].map((q) => q.textContent), selector);
      expect(await list('dialog.highlights-dialog[open] .highlights-gone blockquote')).toEqual(['opening words.']);
      expect(await list('dialog.highlights-dialog[open] .highlights-list:not(.highlights-gone) blockquote')).toEqual(['First piece', 'closing words']);
    } finally {
      await page.close();
      await engine.close();
      await server.close();
    }
  });

  it('lets a tab left open across a deploy search: when its search code is gone, on the search page of the new build', async () => {
    const gone = mkdtempSync(join('.tmp', 'deploy-'));
    cpSync(second.outDir, gone, { recursive: true });
    let server = await deploy(first);
    const port = Number(new URL(server.url).port);
    const context = await browser.newContext({ baseURL: new URL(server.url).origin });
    const page = await context.newPage();
    await page.goto(`${BASE}first-piece/`);
    await kept(page);
    // The new build names its search code differently: the old tab's file is not on the host any more.
    const dialogCode = readdirSync(join(first.outDir, '_astro')).filter((name) => name.startsWith('search-dialog.'));
    expect(dialogCode).toHaveLength(1);
    rmSync(join(gone, '_astro', dialogCode[0]!), { force: true });
    await server.close();
    server = await deploy({ ...second, outDir: gone }, port);

    await page.fill('#site-search-q', 'opening');
    await page.waitForURL((url) => url.pathname === `${BASE}search/`);
    expect(new URL(page.url()).searchParams.get('q')).toBe('opening');
    await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-search-status]')?.dataset['state'] === 'results');
    expect(await page.locator('[data-search-results] a.result-link').count()).toBeGreaterThan(0);
    await context.close();
    await server.close();
  });

  it('keeps at most its cap of pages, the oldest first out', async () => {
    // The same worker with a cap of 2 instead of PAGE_CAP, so three pages overflow it.
    const capped = mkdtempSync(join('.tmp', 'capped-'));
    cpSync(second.outDir, capped, { recursive: true });
    const worker = readFileSync(join(capped, 'sw.js'), 'utf8');
    expect(worker).toMatch(/pageCap:\d+/);
    writeFileSync(join(capped, 'sw.js'), worker.replace(/pageCap:\d+/, 'pageCap:2'));
    const server = await deploy({ ...second, outDir: capped });
    const context = await browser.newContext({ baseURL: new URL(server.url).origin });
    const page = await context.newPage();
    for (const path of ['first-piece/', 'second-piece/', '']) {
      await page.goto(`${BASE}${path}`);
      await kept(page);
    }
    const pages = await page.evaluate(async () => {
      const name = (await caches.keys()).find((n) => n.endsWith(':pages'))!;
      return (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname);
    });
    expect(pages).toEqual([`${BASE}second-piece/`, BASE]);
    await context.close();
    await server.close();
  });

  it('keeps two publications on one origin apart: opening one never removes what the other kept', async () => {
    const site = mkdtempSync(join('.tmp', 'origin-'));
    cpSync(second.outDir, join(site, 'reader'), { recursive: true });
    cpSync(staging.outDir, join(site, 'reader-staging'), { recursive: true });
    writeFileSync(join(site, 'index.html'), '<!doctype html><title>Two publications</title>');
    const server = await startStaticServer({ root: site });
    servers.push(server);
    const context = await browser.newContext({ baseURL: server.url });
    const page = await context.newPage();
    await page.goto('/reader/first-piece/');
    await kept(page);
    await page.goto('/reader-staging/second-piece/');
    await kept(page);
    await page.goto('/reader-staging/first-piece/');
    await kept(page);
    const names = await page.evaluate(() => caches.keys());
    expect(names.filter((n) => n.startsWith('reader:/reader/')).length).toBeGreaterThan(0);
    expect(names.filter((n) => n.startsWith('reader:/reader-staging/')).length).toBeGreaterThan(0);
    await context.setOffline(true);
    await page.goto('/reader/first-piece/');
    expect(await page.locator('main').innerText()).toContain(NEW);
    await page.goto('/reader-staging/second-piece/');
    expect(await page.locator('main').innerText()).toContain(SECOND);
    await context.close();
  });
});
