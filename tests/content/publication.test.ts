/**
 * The fixture publication (tests/fixtures/publication): three articles of different shapes that
 * share events and an issue — one with every construct an editor may use (untitled opening,
 * sub-headings, a table, footnotes in two sections, a quote, lists, an image, a mention in a
 * table cell), one with no annotations. Built for real, checked as a reader would see it.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumArgs, chromiumPath } from '../../scripts/browsers.ts';
import { startStaticServer, type StaticServer } from '../../scripts/static-server.ts';
import { bookFiles, openBookText } from '../browser/book.ts';
import { epubcheckMessages, horizontalOverflow, htmlErrors, nuErrors } from '../browser/gates.ts';
import { readBlocksInPage } from '../browser/reading.ts';
import { buildFixture, type BuildResult } from './build.ts';

let result: BuildResult;
let server: StaticServer;
let browser: Browser;
let epubchecks: Promise<string[][]>;
beforeAll(async () => {
  result = await buildFixture('tests/fixtures/publication');
  if (result.code !== 0) return;
  server = await startStaticServer({ root: result.outDir });
  browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  // EPUBCheck takes seconds a book: started now, it runs while the other tests do.
  epubchecks = Promise.all(['field-notes', 'ledger', 'plain-report'].map((slug) => epubcheckMessages(join(result.outDir, 'epub', `${slug}.epub`))));
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(path: string, width = 1280): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 900 }, reducedMotion: 'reduce' });
  await page.goto(`${server.url}${path}`);
  return page;
}
const html = (path: string) => readFileSync(join(result.outDir, path, 'index.html'), 'utf8');

describe('a publication of three differently shaped articles', () => {
  it('builds, and every page is valid HTML with ids unique on the page', async () => {
    expect(result.code, result.output).toBe(0);
    expect({ nu: await nuErrors(result.outDir), htmlValidate: await htmlErrors(result.outDir) }).toEqual({ nu: [], htmlValidate: [] });
  });

  it('numbers footnotes across the article; each reference and back-link finds its partner', async () => {
    const page = await open('/field-notes/');
    const notes = await page.$$eval('a[data-footnote-ref]', (refs) =>
      refs.map((a) => {
        const note = document.querySelector((a as HTMLAnchorElement).hash);
        const back = note?.querySelector<HTMLAnchorElement>(`a[data-footnote-backref][href="#${a.id}"]`);
        return { n: a.textContent, section: a.closest('.article-section')!.id, note: note?.closest('.article-section')?.id, back: !!back };
      }),
    );
    expect(notes).toEqual([
      { n: '1', section: 'opening', note: 'opening', back: true },
      { n: '2', section: 'opening', note: 'opening', back: true },
      { n: '3', section: 'tables-and-lists', note: 'tables-and-lists', back: true },
      { n: '3', section: 'tables-and-lists', note: 'tables-and-lists', back: true },
      { n: '4', section: 'in-detail', note: 'in-detail', back: true },
    ]);
    // Lists continue the numbering; their label is for screen readers only and has no anchor.
    expect(await page.$$eval('section[data-footnotes] ol', (ols) => ols.map((o) => (o as HTMLOListElement).start))).toEqual([1, 3, 4]);
    const labels = await page.$$eval('section[data-footnotes] h2', (hs) =>
      hs.map((h) => ({ text: h.textContent, shown: h.getBoundingClientRect().width > 1, anchors: h.parentElement!.querySelectorAll(':scope > .section-head, a.anchor').length })),
    );
    expect(labels).toEqual([
      { text: 'Notes to ‘Opening’', shown: false, anchors: 0 },
      { text: 'Notes to ‘Tables and Lists’', shown: false, anchors: 0 },
      { text: 'Notes to ‘In Detail’', shown: false, anchors: 0 },
    ]);
    await page.close();
  });

  it('gives sub-headings their own anchors and ids unique on the page', async () => {
    const page = await open('/field-notes/');
    const heads = await page.$$eval('.section-text h3', (hs) => hs.map((h) => ({ id: h.id, anchor: h.parentElement!.querySelector('a.anchor')?.getAttribute('href') })));
    expect(heads).toEqual([
      { id: 'tables-and-lists-the-count-in-detail', anchor: '#tables-and-lists-the-count-in-detail' },
      { id: 'in-detail-the-count-in-detail', anchor: '#in-detail-the-count-in-detail' },
    ]);
    await page.close();
  });

  it('keeps a wide table in its own labelled box at 375 px, and renders quotes, lists, images and links', async () => {
    const page = await open('/field-notes/', 375);
    expect(await horizontalOverflow(page)).toEqual([]);
    const box = page.locator('.table-scroll');
    expect(await box.getAttribute('role')).toBe('group');
    expect(await box.getAttribute('aria-label')).toBe('Table 1 in ‘Tables and Lists’');
    expect(await box.getAttribute('tabindex')).toBe('0');
    expect(await page.locator('#tables-and-lists blockquote').innerText()).toBe('The harbour is the town’s ledger, and the ledger never lies.');
    expect(await page.locator('#tables-and-lists .section-text > ul li').count()).toBe(3);
    expect(await page.locator('#tables-and-lists .section-text > ol li').count()).toBe(2);
    expect(await page.locator('#tables-and-lists img').getAttribute('alt')).toBe('A small grey square');
    expect(await page.locator('#tables-and-lists a[href="https://example.org/field-notes/"]').innerText()).toBe('the original');
    await page.close();
  });

  it('renders the text exactly as typed: no typography rewrites', async () => {
    const page = await open('/field-notes/');
    expect(await page.locator('#tables-and-lists-p3').innerText()).toContain('-- typed "exactly" as the editor wrote it...');
    await page.close();
  });

  it('labels each mention by the one definition of paragraph, and names the other article', async () => {
    const page = await open('/field-notes/');
    const mentions = async (card: string) => page.locator(`${card} .mentions a`).allInnerTexts();
    expect(await mentions('#opening--event-second-meeting')).toEqual(['paragraph 1', 'The Harbour Ledger: After the Toll, ¶1']);
    // In a table cell: not a paragraph, so no paragraph number.
    expect(await mentions('#tables-and-lists--event-toll-rises')).toEqual(['The Harbour Ledger: Opening, ¶1', 'in this section']);
    await page.close();
  });

  it('quotes mentions on the issue page as plain text', async () => {
    const page = await open('/issues/harbour-toll/');
    const quotes = await page.locator('blockquote').allInnerTexts();
    expect(quotes).toHaveLength(1);
    expect(quotes[0]).not.toMatch(/[|*>]|^-/);
    expect(quotes[0]).toContain('the toll matters');
    await page.close();
  });

  it('lists articles newest first, dates at their precision, on the home page, in RSS and the sitemap', async () => {
    const page = await open('/');
    const items = await page.$$eval('.article-entry', (lis) => lis.map((li) => [li.querySelector('h2 a')!.textContent!.trim(), li.querySelector('time')!.getAttribute('datetime')]));
    expect(items).toEqual([
      ['A Plain Report', '2022'],
      ['The Harbour Ledger', '2021-06-15'],
      ['Field Notes on Every Construct', '2021-06'],
    ]);
    await page.close();
    const rss = readFileSync(join(result.outDir, 'rss.xml'), 'utf8');
    const sitemap = readFileSync(join(result.outDir, 'sitemap-0.xml'), 'utf8');
    for (const slug of ['field-notes', 'plain-report', 'ledger']) {
      expect(rss).toContain(`/${slug}/</link>`);
      expect(sitemap).toContain(`/${slug}/</loc>`);
      expect(html(slug)).toMatch(new RegExp(`og:image" content="[^"]*/og/${slug}\\.png"`));
    }
  });

  it('gathers events from every article on the events page', async () => {
    const page = await open('/events/');
    const links = await page.locator('#event-second-meeting .mentions a').allInnerTexts();
    expect(links).toEqual(['Field Notes on Every Construct: Opening, ¶1', 'The Harbour Ledger: After the Toll, ¶1']);
    await page.close();
  });

  it('previews each section with its whole first sentence', () => {
    const description = (path: string) => /<meta name="description" content="([^"]*)"/.exec(html(path))?.[1];
    expect(description('field-notes/opening')).toBe('“The U.S. and its partners met twice in the harbour town.”');
    expect(description('field-notes/tables-and-lists')).toBe('“Dr. Smith counted the ships in the spring.”');
  });

  it('previews every section of every article with a whole sentence that opens its first paragraph', async () => {
    for (const slug of ['field-notes', 'ledger', 'plain-report']) {
      const page = await open(`/${slug}/`);
      const sections = await page.$$eval('.article-section', (all) =>
        all.map((s) => {
          // The paragraph as words: without its ¶ link and note numbers.
          const p = s.querySelector(`#${s.id}-p1`)?.cloneNode(true) as HTMLElement | undefined;
          p?.querySelectorAll('.p-link, [data-footnote-ref]').forEach((e) => e.remove());
          return { id: s.id, first: p?.textContent?.replace(/\s+/g, ' ').trim() ?? '' };
        }),
      );
      expect(sections.length).toBeGreaterThan(0);
      for (const { id, first } of sections) {
        const sentence = /<meta name="description" content="“([^"]*)”"/.exec(html(`${slug}/${id}`))?.[1] ?? '';
        expect(first.startsWith(sentence), `${slug}#${id}: “${sentence}”`).toBe(true);
        // A whole sentence: sentence punctuation (and any closing quote), then the next sentence or nothing.
        expect(sentence, `${slug}#${id}`).toMatch(/[.?!][”’"]?$/);
        expect(first.slice(sentence.length), `${slug}#${id}`).toMatch(/^(\s|$)/);
        expect(sentence.length).toBeGreaterThan(20);
      }
      await page.close();
    }
  });

  it('cites each original at its date’s precision, with nothing but its metadata', async () => {
    const expected: Record<string, { author: string; family: string; given: string; date: RegExp }> = {
      'field-notes': { author: 'Ann Author', family: 'Author', given: 'Ann', date: /\(2021, June\)/ },
      // An author whose family name is not the last word of the name, as its `family:` says.
      ledger: { author: 'Ben van Writer', family: 'van Writer', given: 'Ben', date: /\(2021, June 15\)/ },
      'plain-report': { author: 'Ben van Writer', family: 'van Writer', given: 'Ben', date: /\(2022\)/ },
    };
    for (const [slug, who] of Object.entries(expected)) {
      const meta = parse(readFileSync(`tests/fixtures/publication/articles/${slug}/article.yaml`, 'utf8')) as Record<string, string>;
      const page = await open(`/${slug}/`);
      const [apaText, chicagoText, bibtexText, biblatexText] = await Promise.all(['#cite-apa ~ p', '#cite-chicago ~ p', '#cite-bibtex ~ pre', '#cite-biblatex ~ pre'].map((s) => page.locator(s).textContent()));
      expect(apaText, slug).toMatch(who.date);
      expect(apaText, slug).toMatch(new RegExp(`^${who.family}, ${who.given[0]}\\. \\(`));
      expect(chicagoText, slug).toMatch(new RegExp(`^${who.family}, ${who.given}\\. “`));
      expect(biblatexText, slug).toContain(`date = {${meta['published']}},`);
      expect(bibtexText, slug).toContain(`year = {${String(meta['published']).slice(0, 4)}},`);
      // Take away every piece of metadata: only the styles' own punctuation may be left.
      const [year, month, day] = String(meta['published']).split('-');
      const monthName = month ? new Date(Date.UTC(2000, Number(month) - 1)).toLocaleString('en', { month: 'long', timeZone: 'UTC' }) : '';
      const pieces = [meta['original']!, meta['title']!, meta['publisher']!, who.family, who.given, `${who.given[0]}.`, monthName, day ? String(Number(day)) : '', year!].filter(Boolean);
      for (const text of [apaText!, chicagoText!]) {
        const rest = pieces.reduce((t, piece) => t.split(piece).join(' '), text);
        expect(rest, `${slug}: ${text}`).toMatch(/^[\s.,()“”]*$/);
      }
      expect(pieces.reduce((t, piece) => t.split(piece).join(' '), biblatexText!).replace(/@online|author|title|organization|date|url|[-\d]/g, ''), slug).toMatch(/^[\s{},=a-z]*$/);
      expect(pieces.reduce((t, piece) => t.split(piece).join(' '), bibtexText!).replace(/@misc|author|title|howpublished|\\url|year|month|note|Published|url|[-–\d]/g, ''), slug).toMatch(/^[\s{},=a-z]*$/);
      await page.close();
    }
  });

  it('previews a footnote’s note beside its number, without the note’s back-link', async () => {
    const page = await open('/field-notes/');
    await page.waitForFunction(() => document.documentElement.hasAttribute('data-notes'));
    const ref = page.locator('a[data-footnote-ref]').first();
    await ref.hover();
    await page.waitForFunction(() => document.querySelector('.preview:popover-open'));
    const note = await page.evaluate((href) => document.querySelector(href!)!.textContent, await ref.getAttribute('href'));
    const preview = await page.locator('.preview').textContent();
    expect(preview!.trim()).toBe(note!.replace('↩', '').trim());
    expect(await page.locator('.preview [data-footnote-backref]').count()).toBe(0);
    await page.close();
  });

  it('takes every article away as an EPUB that EPUBCheck passes, holding the words its page holds', async () => {
    const slugs = ['field-notes', 'ledger', 'plain-report'];
    const books = slugs.map((slug) => join(result.outDir, 'epub', `${slug}.epub`));
    expect(await epubchecks).toEqual(slugs.map(() => []));
    // The footnotes' way back is drawn by the page's style sheet and written in the book.
    const blocks = (page: Page) => page.evaluate(readBlocksInPage, '.article-section :is(p, h2, h3, h4, li, blockquote, th, td), #author p').then((bs) => bs.map((b) => ({ ...b, text: b.text.replace(/\s*↩/g, '') })));
    for (const [i, slug] of slugs.entries()) {
      const page = await open(`/${slug}/`);
      const onPage = await blocks(page);
      await page.close();
      const reader = await browser.newPage();
      expect(await openBookText(reader, server.url, bookFiles(readFileSync(books[i]!))), slug).toBeUndefined();
      expect(await blocks(reader), slug).toEqual(onPage);
      expect(onPage.length, slug).toBeGreaterThan(3);
      await reader.close();
    }
  });

  it('search names each result’s article and filters by article', async () => {
    const page = await open('/search/?q=harbour');
    await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-search-status]')?.dataset['state'] === 'results');
    const titles = await page.$$eval('.result-group[data-kind=article] .group-title', (hs) => hs.map((h) => h.textContent));
    expect([...titles].sort()).toEqual(['Field Notes on Every Construct', 'The Harbour Ledger']);
    await page.goto(`${server.url}/search/?q=harbour&article=${encodeURIComponent('The Harbour Ledger')}`);
    await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-search-status]')?.dataset['state'] === 'results');
    expect(await page.$$eval('.result-group[data-kind=article] .group-title', (hs) => hs.map((h) => h.textContent))).toEqual(['The Harbour Ledger']);
    await page.close();
  });
});
