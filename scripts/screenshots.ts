/**
 * `node scripts/screenshots.ts [dist]`: the archive's pages as a reader sees them, for
 * `docs/screenshots/`: the front page, an author page, a topic, the timeline and an article's
 * "Since this was published" block, at 1,280 and 375 px, light and dark (Debian's Chromium). It
 * reads a build of the archive fixture (`tests/fixtures/archive`; `npm test` leaves one in
 * `.tmp/dist-archive`). Pictures for people, not a test: nothing here passes or fails.
 */
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from './browsers.ts';
import { startStaticServer } from './static-server.ts';

const root = process.argv[2] ?? '.tmp/dist-archive';
const OUT = 'docs/screenshots';

/** What to show: a path, and the element to bring to the top (else the page's first screen). */
const SHOTS: Array<{ name: string; path: string; element?: string }> = [
  { name: 'front', path: '/' },
  { name: 'author', path: '/authors/ann-author/' },
  { name: 'topic', path: '/issues/harbour-toll/' },
  { name: 'timeline', path: '/timeline/' },
  { name: 'since', path: '/dispatch-01/', element: '#since' },
];
const VIEWPORTS = [
  { width: 1280, height: 900 },
  { width: 375, height: 812 },
];

const server = await startStaticServer({ root });
const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
mkdirSync(OUT, { recursive: true });
try {
  for (const scheme of ['light', 'dark'] as const) {
    for (const viewport of VIEWPORTS) {
      const context = await browser.newContext({ baseURL: server.url, viewport, colorScheme: scheme, reducedMotion: 'reduce' });
      const page = await context.newPage();
      for (const shot of SHOTS) {
        await page.goto(shot.path);
        await page.evaluate(() => document.fonts.ready);
        if (shot.element) await page.locator(shot.element).evaluate((el) => el.scrollIntoView({ block: 'start', behavior: 'instant' }));
        const file = `${OUT}/${shot.name}-${viewport.width}-${scheme}.png`;
        await page.screenshot({ path: file });
        console.log(file);
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
