/**
 * The archive as a reader finds their way through it, the same in every engine
 * (`reader.<engine>.test.ts`), on the archive fixture (tests/fixtures/archive: 42 articles over
 * ten years): paging the front page by keyboard alone, reaching an article's words from the
 * timeline, and following "Since this was published" to the newer article.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchEngine, type Engine, type EngineName, type ReaderPage } from './engines.ts';

export function archiveSuite(name: EngineName): void {
  let engine: Engine;
  beforeAll(async () => {
    engine = await launchEngine(name, inject('archiveURL'));
  }, 60_000);
  afterAll(async () => {
    await engine?.close();
  });

  async function withPage(body: (page: ReaderPage) => Promise<void>) {
    const page = await engine.newPage({});
    try {
      await body(page);
      expect((await page.probe()).problems, `${name}: console errors, failed loads or CSP violations`).toEqual([]);
    } finally {
      await page.close();
    }
  }
  const path = async (page: ReaderPage) => new URL(await page.url()).pathname;

  describe(`finding one's way through the archive in ${name}`, () => {
    it('pages through the front page by keyboard alone: Tab to “Older”, Enter, and again', async () => {
      await withPage(async (page) => {
        await page.goto('/');
        for (const next of ['/page/2/', '/page/3/']) {
          let found = false;
          for (let i = 0; i < 300 && !found; i++) {
            await page.press('Tab');
            found = await page.evaluate(() => document.activeElement?.matches('a[rel=next]') ?? false);
          }
          expect(found, `${next}: “Older” reached by Tab`).toBe(true);
          await page.press('Enter');
          // Arrived and loaded: the new page's entries are there (the address changes before the document).
          await page.waitFor((p) => location.pathname === p && document.readyState === 'complete' && document.querySelectorAll('.article-entry').length > 0, next);
        }
        expect(await path(page)).toBe('/page/3/');
      });
    }, 120_000);

    it('reaches an article’s words from the timeline', async () => {
      await withPage(async (page) => {
        await page.goto('/timeline/');
        const target = await page.evaluate(() => document.querySelector<HTMLAnchorElement>('.timeline-events .mentions a')!.getAttribute('href')!);
        await page.click('.timeline-events .mentions a');
        await page.waitFor((t) => location.pathname + location.hash === t && document.readyState === 'complete', target);
        // The words that mention the event are there, marked, and the page is on them.
        expect(await page.evaluate(() => document.querySelector(location.hash)?.classList.contains('mark') ?? false)).toBe(true);
      });
    });

    it('follows an event “Since this was published” to the newer article that discusses it', async () => {
      await withPage(async (page) => {
        await page.goto('/dispatch-01/');
        const published = await page.evaluate(() => document.querySelector('.article-header time')!.getAttribute('datetime')!);
        const since = await page.evaluate(() => [...document.querySelectorAll<HTMLAnchorElement>('#since .since-articles a')].map((a) => a.getAttribute('href')));
        expect(since.length).toBeGreaterThan(0);
        await page.click('#since .since-articles a');
        await page.waitFor((t) => location.pathname === t && document.readyState === 'complete' && !!document.querySelector('.article-header time'), since[0]!);
        // A newer article: published after the one the reader came from.
        expect(await page.evaluate((before) => document.querySelector('.article-header time')!.getAttribute('datetime')! > before, published)).toBe(true);
      });
    });
  });
}
