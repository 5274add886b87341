/**
 * The article's EPUB, as a reader takes it away: linked from the page, served as an EPUB, laid
 * out as the container format demands, its text the source's word for word (parsed by a real
 * browser's XML parser, as e-readers do), its cards and footnotes notes that e-readers pop up,
 * linked both ways, and passed by the W3C EPUBCheck with nothing to report.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { readSource } from '../source.ts';
import { bookEntries, bookFiles, openBookText } from './book.ts';
import { epubcheckMessages } from './gates.ts';
import { ARTICLE, baseURL, openPage, useBrowser } from './harness.ts';
import { expectedBlocks, readBlocksInPage } from './reading.ts';

const browser = useBrowser();
const source = readSource();
let book: { href: string; type: string | null; zip: Uint8Array };
let checks: Promise<[string[], string[]]>;
beforeAll(async () => {
  book = await download();
  // EPUBCheck takes seconds a book: started now, it runs while the other tests do.
  const dir = mkdtempSync(join('.tmp', 'epub-'));
  const good = join(dir, 'article.epub');
  writeFileSync(good, book.zip);
  // The proof: the same book without its navigation document.
  const broken = join(dir, 'broken.epub');
  const files = unzipSync(book.zip);
  delete files['EPUB/nav.xhtml'];
  writeFileSync(broken, zipSync({ mimetype: [files['mimetype']!, { level: 0 }], ...files }));
  checks = Promise.all([epubcheckMessages(good), epubcheckMessages(broken)]);
});

/** The book as a reader gets it: by the article's own link. */
async function download(): Promise<{ href: string; type: string | null; zip: Uint8Array }> {
  const { page, close } = await openPage(browser());
  await page.goto(ARTICLE);
  const link = page.getByRole('link', { name: 'Download EPUB' });
  const href = await link.evaluate((a: HTMLAnchorElement) => a.href);
  await close();
  const response = await fetch(href);
  return { href, type: response.headers.get('content-type'), zip: new Uint8Array(await response.arrayBuffer()) };
}

describe('the article as an EPUB', () => {
  it('is linked from the article, served as an EPUB, and laid out as the container format demands', async () => {
    const { href, type, zip } = book;
    expect(href).toMatch(/\/epub\/south-korea-prepares-future-without-us\.epub$/);
    expect(type).toBe('application/epub+zip');
    const entries = bookEntries(zip);
    // `mimetype` first, stored, with no extra field: how a reading system recognises the file.
    expect(entries[0]).toEqual({ name: 'mimetype', method: 0, extra: 0 });
    expect(entries.map((e) => e.name).sort()).toEqual(['EPUB/nav.xhtml', 'EPUB/package.opf', 'EPUB/style.css', 'EPUB/text.xhtml', 'META-INF/container.xml', 'mimetype']);
    const opf = bookFiles(zip)['EPUB/package.opf']!;
    expect(opf).toContain('<dc:title>South Korea Prepares for a Future Without the US</dc:title>');
    expect(opf).toContain(`<dc:creator>${source.authorName}</dc:creator>`);
    expect(opf).toContain('<dc:publisher>Geopolitical Futures</dc:publisher>');
    // The date at the source's precision: a month.
    expect(opf).toContain('<dc:date>2018-10</dc:date>');
    expect(opf).toContain('<dc:language>en</dc:language>');
    // Its identifier is this edition's permanent address.
    expect(opf).toMatch(/<dc:identifier id="pub-id">https?:\/\/[^<]+\/south-korea-prepares-future-without-us\/<\/dc:identifier>/);
    expect(opf).toContain('<dc:source>https://geopoliticalfutures.com/south-korea-prepares-future-without-us/</dc:source>');
    console.log(`EPUB of the article: ${zip.byteLength} bytes`);
  });

  it('holds every paragraph and heading of the source verbatim, in order, with the section ids, figures, author note and citation', async () => {
    const { zip } = book;
    const { page, close } = await openPage(browser());
    expect(await openBookText(page, baseURL(), bookFiles(zip))).toBeUndefined();
    expect(await page.evaluate(readBlocksInPage, '.article-section :is(p, h2, h3, li, blockquote), #author p')).toEqual(expectedBlocks(source));
    expect(await page.$$eval('.article-section', (s) => s.map((e) => e.id))).toEqual(['opening', 'different-means-to-different-ends', 'preparing-for-the-eventualities']);
    expect(await page.$$eval('h2[id$="-title"]', (h) => h.map((e) => e.id))).toEqual(['different-means-to-different-ends-title', 'preparing-for-the-eventualities-title', 'author-title', 'cite-title']);
    // The figures as drawings, each with its events in words for readers who cannot see it.
    const figures = await page.$$eval('figure', (fs) => fs.map((f) => ({ svg: !!f.querySelector('svg'), items: f.querySelectorAll('ol li').length, caption: f.querySelector('figcaption')?.textContent ?? '' })));
    expect(figures).toHaveLength(source.figureMarks);
    for (const figure of figures) expect(figure.svg && figure.items > 0 && figure.caption.length > 0).toBe(true);
    const cite = await page.locator('#cite').textContent();
    expect(cite).toContain('Orchard, P. (2018, October). South Korea Prepares for a Future Without the US. Geopolitical Futures. https://geopoliticalfutures.com/south-korea-prepares-future-without-us/');
    // None of the page's controls: no permalink glyphs, copy buttons or scripts.
    expect(await page.$$eval('button, script, .p-link, .anchor', (e) => e.length)).toBe(0);
    await close();
  });

  it('makes every card a note its marks pop up, and every note link back to each of its marks', async () => {
    const { zip } = book;
    const { page, close } = await openPage(browser());
    await openBookText(page, baseURL(), bookFiles(zip));
    const report = await page.evaluate(() => {
      const OPS = 'http://www.idpf.org/2007/ops';
      const refs = [...document.querySelectorAll('a')].filter((a) => a.getAttributeNS(OPS, 'type') === 'noteref');
      const notes = [...document.querySelectorAll('*')].filter((e) => e.getAttributeNS(OPS, 'type') === 'footnote');
      const problems: string[] = [];
      for (const ref of refs) {
        const note = document.getElementById(ref.getAttribute('href')!.slice(1));
        if (note?.getAttributeNS(OPS, 'type') !== 'footnote') problems.push(`${ref.id}: its target is not a note`);
        else if (!note.querySelector(`a[href="#${ref.id}"]`)) problems.push(`${ref.id}: its note has no link back`);
      }
      for (const note of notes) if (!refs.some((r) => r.getAttribute('href') === `#${note.id}`)) problems.push(`${note.id}: no mark leads to it`);
      return { refs: refs.length, notes: notes.length, asides: notes.filter((n) => n.localName === 'aside').length, problems };
    });
    expect(report.problems).toEqual([]);
    expect(report.refs).toBeGreaterThan(40);
    expect(report.asides).toBe(report.notes);
    await close();
  });

  it('passes the W3C EPUBCheck with no errors and no warnings; a broken book does not', async () => {
    const [clean, faults] = await checks;
    expect(clean).toEqual([]);
    expect(faults.join('\n')).toMatch(/^ERROR\(RSC-001\)/m);
  });
});
