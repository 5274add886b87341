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

    it('draws the timeline’s month labels at a readable size on a phone as on a desktop', async () => {
      for (const width of [1280, 375]) {
        const page = await engine.newPage({ width });
        try {
          await page.goto('/timeline/');
          const heights = await page.evaluate(() => [...document.querySelectorAll('.timeline-label')].map((label) => label.getBoundingClientRect().height));
          expect(heights.length, `${name} at ${width} px: month labels`).toBeGreaterThan(0);
          // A glyph box under 9 px high is text under about 7 px: not for reading.
          expect(Math.min(...heights), `${name} at ${width} px`).toBeGreaterThanOrEqual(9);
        } finally {
          await page.close();
        }
      }
    });

    it('sets lists of links as lines whose every line starts flush: no separator or gap begins a line', async () => {
      for (const width of [1280, 375]) {
        const page = await engine.newPage({ width });
        try {
          await page.goto('/dispatch-01/');
          // Each link that begins a line starts where its list's lines start; a comma stays with the link before it.
          const problems = await page.evaluate(() =>
            [...document.querySelectorAll('.inline-list')].flatMap((list) => {
              const items = [...list.querySelectorAll<HTMLElement>(':scope > li > a')];
              const left = list.parentElement!.getBoundingClientRect().left;
              return items.flatMap((a, i) => {
                const box = a.getBoundingClientRect();
                const before = items[i - 1]?.getBoundingClientRect();
                const startsLine = before !== undefined && box.top >= before.bottom - 1;
                return startsLine && Math.abs(box.left - left) > 1 ? [`${a.textContent}: starts a line ${(box.left - left).toFixed(1)} px in`] : [];
              });
            }),
          );
          // The page has lists that wrap at both widths (a "since" event discussed in two long titles).
          const wrapped = await page.evaluate(() =>
            [...document.querySelectorAll('.inline-list')].some((list) => {
              const tops = [...list.querySelectorAll(':scope > li > a')].map((a) => Math.round(a.getBoundingClientRect().top));
              return new Set(tops).size > 1;
            }),
          );
          expect(wrapped, `${name} at ${width} px: a list that wraps`).toBe(true);
          expect(problems, `${name} at ${width} px`).toEqual([]);
        } finally {
          await page.close();
        }
      }
    });
  });
}
