import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ARTICLE, baseURL, openPage, useBrowser } from './harness.ts';

const browser = useBrowser();
const SECTIONS = [
  { id: 'opening', label: 'Opening' },
  { id: 'different-means-to-different-ends', label: 'Different Means to Different Ends' },
  { id: 'preparing-for-the-eventualities', label: 'Preparing for the Eventualities' },
];

/** Width and height from a PNG's IHDR chunk. */
function pngSize(path: string): { width: number; height: number } {
  const bytes = readFileSync(path);
  expect(bytes.subarray(1, 4).toString()).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** A PNG's colour type (3: a palette) and how many colours its palette holds, read from its chunks. */
function pngPalette(path: string): { colourType: number; colours: number; bytes: number } {
  const bytes = readFileSync(path);
  let colours = 0;
  for (let at = 8; at < bytes.length; ) {
    const length = bytes.readUInt32BE(at);
    if (bytes.subarray(at + 4, at + 8).toString() === 'PLTE') colours = length / 3;
    at += length + 12;
  }
  return { colourType: bytes[25]!, colours, bytes: bytes.length };
}

describe('section permalinks', () => {
  it('every section has a permalink anchor with an accessible name, reachable by keyboard and visible without hover', async () => {
    const { page, close } = await openPage(browser());
    await page.goto(ARTICLE);
    for (const { id, label } of SECTIONS) {
      const anchor = page.getByRole('link', { name: `Link to section: ${label}`, exact: true });
      expect(await anchor.count(), label).toBe(1);
      expect(await anchor.getAttribute('href')).toBe(`#${id}`);
      expect(await anchor.isVisible()).toBe(true);
      const box = (await anchor.boundingBox())!;
      expect(box.width).toBeGreaterThanOrEqual(24);
      expect(box.height).toBeGreaterThanOrEqual(24);
      await anchor.focus();
      expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(`Link to section: ${label}`);
    }
    // The untitled opening invents no heading: its permalink stands beside the byline, with words around it.
    expect(await page.locator('.article-header .byline a.anchor[href="#opening"]').count()).toBe(1);
    expect(await page.locator('#opening .section-head').count()).toBe(0);
    expect(await page.locator('#opening h2').count()).toBe(0);
    // The anchors are chrome, not article text: search ignores them.
    expect(await page.locator('a.anchor:not([data-pagefind-ignore])').count()).toBe(0);
    await close();
  });

  it('every section, paragraph and contents link lands on its target, and the target is marked', async () => {
    const { page, close } = await openPage(browser(), { javaScriptEnabled: false, reducedMotion: 'reduce' });
    await page.goto(ARTICLE);
    const links = await page.$$eval('a.anchor, a.p-link, nav.contents a', (as) => as.map((a) => a.getAttribute('href')!));
    expect(links.filter((h) => /-p\d+$/.test(h))).toHaveLength(11);
    for (const href of links) {
      await page.locator(`a[href="${href}"]`).first().click();
      expect(new URL(page.url()).hash).toBe(href);
      const marked = await page.evaluate((id) => {
        const target = document.getElementById(id)!;
        // A section's head is marked; an untitled opening, whose permalink is in the header, has its first words marked.
        const shown = target.querySelector(':scope .section-head') ?? (target.matches('.article-section') ? target.querySelector(':scope > .section-text > p') : null) ?? target;
        const style = getComputedStyle(shown);
        const r = target.getBoundingClientRect();
        return { matches: target.matches(':target'), outline: style.outlineStyle, inView: r.top < innerHeight && r.bottom > 0 };
      }, href.slice(1));
      expect(marked, href).toEqual({ matches: true, outline: 'solid', inView: true });
    }
    await close();
  });

  it('lists every section, the untitled opening included, in a Contents navigation without JavaScript', async () => {
    const { page, close } = await openPage(browser(), { javaScriptEnabled: false });
    await page.goto(ARTICLE);
    const nav = page.getByRole('navigation', { name: 'Contents' });
    expect(await nav.locator('a').allTextContents()).toEqual([...SECTIONS.map((s) => s.label), 'About the author', 'Cite this']);
    await close();
  });

  it('"Copy link" puts the section’s share URL on the clipboard and announces it', async () => {
    const { page, close } = await openPage(browser(), { permissions: ['clipboard-read', 'clipboard-write'] });
    await page.goto(ARTICLE);
    await page.getByRole('button', { name: 'Copy link to section: Preparing for the Eventualities' }).click();
    const expected = `${baseURL()}${ARTICLE}preparing-for-the-eventualities/#preparing-for-the-eventualities`;
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(expected);
    await page.waitForFunction(() => document.querySelector('[role=status]')?.textContent === 'Link copied');
    await close();
  });

  it('falls back to a selected link when the clipboard is refused', async () => {
    const { page, close } = await openPage(browser());
    await page.addInitScript(() => {
      Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new Error('denied')) } });
    });
    await page.goto(ARTICLE);
    await page.getByRole('button', { name: 'Copy link to section: Opening' }).click();
    const field = page.locator('input.copy-fallback');
    expect(await field.inputValue()).toBe(`${baseURL()}${ARTICLE}opening/#opening`);
    expect(await page.evaluate(() => getSelection()?.toString() || (document.activeElement as HTMLInputElement).value)).toContain('/opening/#opening');
    await page.waitForFunction(() => document.querySelector('[role=status]')?.textContent?.startsWith('Could not copy automatically'));
    await close();
  });
});

describe('share pages preview the section and open it in the article', () => {
  for (const { id, label } of SECTIONS) {
    it(`/${id}/ has the section’s own title and description, the article’s card and canonical, and lands on the section`, async () => {
      const share = `${ARTICLE}${id}/`;
      const html = await (await fetch(`${baseURL()}${share}`)).text();
      const meta = (attr: string, name: string) => new RegExp(`<meta ${attr}="${name}" content="([^"]*)"`).exec(html)?.[1];
      expect(/<title>([^<]*)<\/title>/.exec(html)?.[1]).toBe(`${label} — South Korea Prepares for a Future Without the US · Long Reads`);
      const description = meta('name', 'description')!;
      expect(description).toMatch(/^“.+[.?!]”$/);
      expect(meta('property', 'og:title')).toBe(`${label} — South Korea Prepares for a Future Without the US`);
      expect(meta('property', 'og:description')).toBe(description);
      expect(meta('property', 'og:url')).toBe(`http://localhost:4321${share}`);
      expect(meta('name', 'twitter:card')).toBe('summary_large_image');
      expect(/<link rel="canonical" href="([^"]*)"/.exec(html)?.[1]).toBe(`http://localhost:4321${ARTICLE}`);
      const image = new URL(meta('property', 'og:image')!);
      expect(image.pathname).toBe(`/og${ARTICLE.replace(/\/$/, '')}.png`);
      expect(pngSize(`dist${image.pathname}`)).toEqual({ width: 1200, height: 630 });
      // A share page is small: no stylesheet, no script, no copy of the article.
      expect(html.length).toBeLessThan(4096);
      expect(html).not.toMatch(/<script|<style|data-pagefind-body/);

      // A reader who opens it, with no JavaScript, lands on the section in the whole article.
      const { page, close } = await openPage(browser(), { javaScriptEnabled: false, reducedMotion: 'reduce' });
      await page.goto(share);
      await page.waitForURL(`**${ARTICLE}#${id}`);
      await page.waitForLoadState('load');
      const firstParagraph = await page.locator(`#${id}-p1`).evaluate((p) => p.firstChild!.textContent!);
      expect(firstParagraph.startsWith(description.slice(1, -1))).toBe(true);
      expect(await page.locator(`#${id}`).evaluate((s) => s.getBoundingClientRect().top < innerHeight / 2)).toBe(true);
      await close();
    });
  }

  it('the article page has its own card and JSON-LD that validates as an Article', async () => {
    const { page, close } = await openPage(browser());
    await page.goto(ARTICLE);
    const image = new URL((await page.locator('meta[property="og:image"]').getAttribute('content'))!);
    expect(pngSize(`dist${image.pathname}`)).toEqual({ width: 1200, height: 630 });
    // A 16-colour palette PNG of about 12 KB.
    const palette = pngPalette(`dist${image.pathname}`);
    expect(palette.colourType).toBe(3);
    expect(palette.colours).toBeGreaterThan(1);
    expect(palette.colours).toBeLessThanOrEqual(16);
    expect(palette.bytes).toBeLessThanOrEqual(16 * 1024);
    const data = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
    expect(data).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'Article',
      headline: 'South Korea Prepares for a Future Without the US',
      author: { '@type': 'Person', name: 'Phillip Orchard' },
      publisher: { '@type': 'Organization', name: 'Geopolitical Futures' },
      datePublished: '2018-10',
      url: `http://localhost:4321${ARTICLE}`,
    });
    // schema.org Article: a headline of at most 110 characters, an ISO 8601 date, absolute URLs.
    expect(data.headline.length).toBeLessThanOrEqual(110);
    expect(data.datePublished).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/);
    for (const key of ['url', 'image', 'isBasedOn']) expect(() => new URL(data[key])).not.toThrow();
    await close();
  });
});

describe('feeds and discovery', () => {
  it('sitemap, robots.txt and RSS list the article', async () => {
    const { page, close } = await openPage(browser());
    const text = async (path: string) => (await page.request.get(path)).text();
    expect(await text('/robots.txt')).toContain('Sitemap: http://localhost:4321/sitemap-index.xml');
    expect(await text('/sitemap-index.xml')).toContain('http://localhost:4321/sitemap-0.xml');
    const sitemap = await text('/sitemap-0.xml');
    expect(sitemap).toContain(`<loc>http://localhost:4321${ARTICLE}</loc>`);
    expect(sitemap).not.toContain(`${ARTICLE}opening/`);
    const rss = await text('/rss.xml');
    const channel = /<channel>([\s\S]*?)<item>/.exec(rss)![1]!;
    expect(channel).toContain('<title>Long Reads</title>');
    expect(channel).toContain('<link>http://localhost:4321/</link>');
    expect(channel).toMatch(/<description>[^<]+<\/description>/);
    const item = /<item>([\s\S]*?)<\/item>/.exec(rss)![1]!;
    expect(item).toContain('<title>South Korea Prepares for a Future Without the US</title>');
    expect(item).toContain(`<link>http://localhost:4321${ARTICLE}</link>`);
    expect(item).toContain(`<guid isPermaLink="true">http://localhost:4321${ARTICLE}</guid>`);
    expect(item).toContain('<description>The United States and South Korea are finding it harder and harder to stick to the same playbook on North Korea.</description>');
    // The sources give only a month, and RSS dates are days: no invented day.
    expect(item).not.toContain('<pubDate>');
    await close();
  });
});
