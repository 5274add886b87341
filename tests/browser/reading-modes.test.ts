/**
 * The article as other readers' tools take it: Firefox Reader View's own library (Mozilla
 * Readability) run over the page as loaded, scripts and all; and the metadata reader Wikipedia's
 * citation service (Citoid, with Zotero's translators behind it) uses, html-metadata, over the
 * page as served.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import htmlMetadata from 'html-metadata';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { readSource } from '../source.ts';
import { ARTICLE, baseURL, openPage, useBrowser } from './harness.ts';

const browser = useBrowser();
const READABILITY = readFileSync(createRequire(import.meta.url).resolve('@mozilla/readability/Readability.js'), 'utf8');
const META = parse(readFileSync(`content/articles/${ARTICLE.replaceAll('/', '')}/article.yaml`, 'utf8')) as Record<string, string>;
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The titles of every card: words of the site's notes, not of the article. */
function cardTitles(): string[] {
  const titles: string[] = [];
  for (const [folder, field] of [['events', 'title'], ['issues', 'name'], ['people', 'name']] as const) {
    for (const name of readdirSync(`content/${folder}`).filter((f) => f.endsWith('.yaml'))) {
      titles.push(String((parse(readFileSync(`content/${folder}/${name}`, 'utf8')) as Record<string, unknown>)[field]));
    }
  }
  return titles;
}

describe('reading modes and reference managers', () => {
  it('Reader View takes the whole text, title and byline, and nothing of the site’s controls or notes', async () => {
    const { page, close } = await openPage(browser());
    await page.goto(ARTICLE);
    // As Firefox does it: on the page as the reader sees it, its scripts run.
    await page.waitForFunction(() => document.documentElement.hasAttribute('data-notes'));
    const article = (await page.evaluate(`(() => { ${READABILITY}; return new Readability(document.cloneNode(true)).parse(); })()`)) as { title: string; byline: string | null; textContent: string; content: string };
    await close();
    expect(article.title).toBe(META['title']);
    expect(article.byline ?? '').toContain(readSource().authorName);
    const text = squash(article.textContent);
    for (const block of readSource().body) expect(text, block.text.slice(0, 60)).toContain(squash(block.text));
    // Not one glyph of the permalinks, the footnotes' way back, or the copy controls.
    expect(text.match(/[¶#↩]/g) ?? []).toEqual([]);
    expect(article.content).not.toMatch(/<button|Copy link/);
    // A person's card is titled with a name the text itself uses: only titles the text does not hold tell.
    const source = squash(readSource().body.map((b) => b.text).join(' '));
    const notes = cardTitles().filter((title) => !source.includes(title) && text.includes(title));
    expect(cardTitles().filter((title) => !source.includes(title)).length).toBeGreaterThan(5);
    expect(notes, 'card titles in the extracted text').toEqual([]);
  });

  it('the permalinks keep their names for assistive technology, and show their glyphs', async () => {
    const { page, close } = await openPage(browser());
    await page.goto(ARTICLE);
    const pLink = page.getByRole('link', { name: 'Link to paragraph 1', exact: true }).first();
    expect(await pLink.isVisible()).toBe(true);
    expect(await pLink.evaluate((a) => getComputedStyle(a, '::before').content)).toMatch(/¶/);
    expect(await page.locator('.anchor').first().evaluate((a) => getComputedStyle(a, '::before').content)).toMatch(/#/);
    await close();
  });

  it('a reference manager’s metadata reader finds the title, author, date at its precision, publisher and address', async () => {
    const html = await (await fetch(`${baseURL()}${ARTICLE}`)).text();
    const found = (await htmlMetadata.loadFromString(html)) as Record<string, Record<string, unknown>>;
    const highwire = found['highwirePress']!;
    expect(highwire['title']).toBe(META['title']);
    expect(highwire['author']).toBe(readSource().authorName);
    expect(highwire['publication_date']).toBe(String(META['published']).replaceAll('-', '/'));
    expect(highwire['publisher']).toBe(META['publisher']);
    expect(highwire['public_url']).toBe(META['original']);
    const dublin = found['dublinCore']!;
    expect(dublin['title']).toBe(META['title']);
    expect(dublin['creator']).toBe(readSource().authorName);
    expect(dublin['date']).toBe(String(META['published']));
    // Link unfurlers still read the card: title, description, image.
    const og = found['openGraph']!;
    expect(og['title']).toBe(META['title']);
    expect(String(og['image'] && (og['image'] as { url?: string }).url ? (og['image'] as { url: string }).url : og['image'])).toMatch(/\/og\/.*\.png$/);
  });
});
