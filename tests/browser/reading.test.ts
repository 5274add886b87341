import { describe, expect, it } from 'vitest';
import { ARTICLE, openPage, readBlocks, useBrowser } from './harness.ts';
import { expectedBlocks } from './reading.ts';
import { readSource } from '../source.ts';

const source = readSource();
const browser = useBrowser();

/** Every text block inside the article (body + author note), chrome and editor's notes aside. */
async function readArticle(javaScriptEnabled: boolean) {
  const watched = await openPage(browser(), { javaScriptEnabled });
  await watched.page.goto(ARTICLE);
  const blocks = await readBlocks(watched.page, '[data-article-body] :is(p, h2, h3, li, blockquote), #author p');
  return { ...watched, blocks };
}

describe('the article page, read in a browser', () => {
  it('holds every paragraph and heading of the source verbatim, in order, and nothing else', async () => {
    const { blocks, close } = await readArticle(true);
    const expected = expectedBlocks(source);
    expect(blocks).toEqual(expected);
    expect(expected.filter((b) => b.tag === 'p')).toHaveLength(12);
    expect(expected.filter((b) => b.tag === 'h2')).toHaveLength(2);
    // Typography survives the Markdown pipeline (smart punctuation must not touch it).
    const all = blocks.map((b) => b.text).join('\n');
    for (const mark of ['’', '“', '”', '–']) expect(all).toContain(mark);
    expect(all).not.toMatch(/["']|--/);
    await close();
  });

  it('shows each source block exactly once in the reading text', async () => {
    const { page, close } = await openPage(browser());
    await page.goto(ARTICLE);
    // The reading text: article body and author note, without sidebars, figures and chrome.
    const text = await page.evaluate(() => {
      const copy = document.querySelector('article')!.cloneNode(true) as Element;
      copy.querySelectorAll('aside, details, figure, header, [data-pagefind-ignore], nav').forEach((n) => n.remove());
      return (copy.textContent ?? '').replace(/\s+/g, ' ');
    });
    for (const block of [...source.body.map((b) => b.text), source.authorNote]) {
      expect(text.split(block).length - 1, block.slice(0, 60)).toBe(1);
    }
    await close();
  });

  it('gives the opening section a stable id but no invented heading', async () => {
    const { page, close } = await openPage(browser());
    await page.goto(ARTICLE);
    const sections = await page.$$eval('[data-article-body] > section', (els) =>
      els.map((s) => ({ id: s.id, heading: s.querySelector(':scope > h2, :scope > header h2')?.textContent?.trim() ?? null })),
    );
    expect(sections.map((s) => s.id)).toEqual(['opening', 'different-means-to-different-ends', 'preparing-for-the-eventualities']);
    expect(sections[0]?.heading).toBeNull();
    await close();
  });

  it('puts this edition’s own figure, not the original’s “(click to enlarge)”, where each figure was', async () => {
    const { page, close } = await openPage(browser());
    await page.goto(ARTICLE);
    expect(await page.locator('[data-article-body] figure.edition-figure').count()).toBe(source.figureMarks);
    expect(await page.locator('main').innerText()).not.toContain('(click to enlarge)');
    await close();
  });

  it('has the page structure a reader and a screen reader expect', async () => {
    const { page, close } = await openPage(browser());
    await page.goto(ARTICLE);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.locator('h1').count()).toBe(1);
    expect(await page.locator('h1').innerText()).toBe('South Korea Prepares for a Future Without the US');
    for (const landmark of ['body > header', 'main', 'body > footer']) {
      expect(await page.locator(landmark).count(), landmark).toBe(1);
    }
    const byline = page.locator('.article-header');
    expect(await byline.innerText()).toContain('Phillip Orchard');
    expect(await byline.innerText()).toContain('Geopolitical Futures');
    expect(await byline.locator('time').getAttribute('datetime')).toBe('2018-10');
    expect(await byline.locator('time').innerText()).toBe('October 2018');
    expect(await byline.locator('a[href="https://geopoliticalfutures.com/south-korea-prepares-future-without-us/"]').count()).toBe(1);
    // The skip link is the first thing a keyboard reaches and it moves focus to the main text.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await close();
  });

  it('keeps the text to a readable measure', async () => {
    const { page, close } = await openPage(browser(), { viewport: { width: 1600, height: 900 } });
    await page.goto(ARTICLE);
    const charsPerLine = await page.$eval('[data-article-body] p', (p) => {
      const style = getComputedStyle(p);
      const probe = document.createElement('span');
      probe.style.font = style.font;
      probe.textContent = 'abcdefghijklmnopqrstuvwxyz'.repeat(4);
      document.body.append(probe);
      const perChar = probe.getBoundingClientRect().width / probe.textContent.length;
      probe.remove();
      return p.getBoundingClientRect().width / perChar;
    });
    expect(charsPerLine).toBeGreaterThan(60);
    expect(charsPerLine).toBeLessThan(80);
    await close();
  });
});

describe('the home page', () => {
  it('lists the article with its author, date and description', async () => {
    const { page, close } = await openPage(browser(), { javaScriptEnabled: false });
    await page.goto('/');
    const item = page.locator('main li', { hasText: 'South Korea Prepares for a Future Without the US' });
    expect(await item.count()).toBe(1);
    const text = await item.innerText();
    expect(text).toContain('Phillip Orchard');
    expect(text).toContain('October 2018');
    expect(text).toContain(source.body[0]!.text.split('. ')[0]!);
    await item.locator('a').first().click();
    expect(new URL(page.url()).pathname).toBe(ARTICLE);
    await close();
  });
});
