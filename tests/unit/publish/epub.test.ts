import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parsePreciseDate } from '../../../src/lib/content/dates.ts';
import { bookText, epub, type EpubInput } from '../../../src/lib/publish/epub.ts';

const SVG_BYTES = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>');

function input(html: string, over: Partial<EpubInput> = {}): EpubInput {
  return {
    title: 'Tolls & <Harbours>',
    author: 'Ann Author',
    publisher: 'Harbour Press',
    published: parsePreciseDate('2018-10'),
    language: 'en',
    description: 'A ledger.',
    edition: 'https://example.org/reader/ledger/',
    original: 'https://example.com/ledger?a=1&b=2',
    modified: new Date('2026-12-06T05:32:10.123Z'),
    html,
    contents: [
      { href: '#opening', text: 'Opening' },
      { href: '#since', text: 'Since this was published' },
    ],
    siteFile: (path) => (path === '/pic.svg' ? SVG_BYTES : undefined),
    ...over,
  };
}

const text = (html: string, over: Partial<EpubInput> = {}) => bookText(input(html, over));
const files = (book: Uint8Array) => Object.fromEntries(Object.entries(unzipSync(book)).map(([name, bytes]) => [name, new TextDecoder().decode(bytes)]));

describe('an article as an EPUB', () => {
  it('writes XHTML: elements closed, the XHTML and EPUB namespaces declared, the language in both forms', () => {
    const { xhtml } = text('<section id="opening"><p id="opening-p1">A<br>B &amp; “C”</p></section>');
    expect(xhtml).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<!DOCTYPE html>\n<html xmlns="http:\/\/www\.w3\.org\/1999\/xhtml" lang="en" xml:lang="en" xmlns:epub="http:\/\/www\.idpf\.org\/2007\/ops">/);
    expect(xhtml).toContain('<p id="opening-p1">A<br />B &amp; “C”</p>');
    expect(xhtml).toContain('<title>Tolls &amp; &lt;Harbours&gt;</title>');
    // Characters XML does not allow are left out; a comment says nothing to a reader.
    expect(text('<p title="a&quot;b\u0001">x\u0008y<!-- aside --></p>').xhtml).toContain('<p title="a&quot;b">xy</p>');
  });

  it('leaves out the page’s controls, marks each note reference, and writes the footnotes’ way back', () => {
    const { xhtml } = text(
      '<p>Words <a href="#opening-p1" class="p-link" aria-label="Link to paragraph 1"></a><button>Copy link</button>' +
        '<a class="mark mark-event" id="mark-event-x-1" href="#opening--event-x">x</a><sup><a href="#opening-fn-1" id="opening-fnref-1" data-footnote-ref>1</a></sup></p>' +
        '<article class="card event-card" id="opening--event-x" data-astro-cid-abc><h3>X</h3></article>' +
        '<ol><li id="opening-fn-1"><p>Note <a href="#opening-fnref-1" data-footnote-backref aria-label="Back"></a></p></li></ol><script>alert(1)</script>',
    );
    expect(xhtml).not.toMatch(/p-link|<button|<script|alert|data-astro/);
    expect(xhtml).toContain('<a class="mark mark-event" id="mark-event-x-1" href="#opening--event-x" epub:type="noteref">x</a>');
    expect(xhtml).toContain('<a href="#opening-fn-1" id="opening-fnref-1" data-footnote-ref="" epub:type="noteref">1</a>');
    expect(xhtml).toContain('<aside class="card event-card" id="opening--event-x" epub:type="footnote"><h3>X</h3></aside>');
    expect(xhtml).toContain('<li id="opening-fn-1" epub:type="footnote">');
    expect(xhtml).toContain('aria-label="Back">↩</a>');
  });

  it('points the site’s links at the site, and links within the article inside the book', () => {
    const { xhtml } = text('<a href="/issues/tolls/">t</a> <a href="/reader/ledger/#mark-issue-tolls-2">m</a> <a href="/reader/other/#x">o</a> <a href="https://example.com/">e</a>');
    expect(xhtml).toContain('<a href="https://example.org/issues/tolls/">t</a>');
    expect(xhtml).toContain('<a href="#mark-issue-tolls-2">m</a>');
    expect(xhtml).toContain('<a href="https://example.org/reader/other/#x">o</a>');
    expect(xhtml).toContain('<a href="https://example.com/">e</a>');
  });

  it('carries the site’s images inside the book, once each; any other image stands as its text', () => {
    const book = text('<img src="/pic.svg" alt="A square"><img src="/pic.svg" alt="Again"><img src="https://example.com/far.png" alt="Far away"><img src="/../../etc/passwd.png" alt="Escape"><img src="/pic.webp" alt="Unusual">');
    expect([...book.images.keys()]).toEqual(['images/1.svg']);
    expect(book.xhtml).toContain('<img src="images/1.svg" alt="A square" /><img src="images/1.svg" alt="Again" />');
    expect(book.xhtml).toContain('<span class="image-text">[Far away]</span><span class="image-text">[Escape]</span><span class="image-text">[Unusual]</span>');
  });

  it('declares inline SVG where the text has some, and only then', () => {
    expect(text('<figure><svg viewBox="0 0 1 1" aria-hidden="true" focusable="false"><line x1="0"/></svg></figure>').svg).toBe(true);
    expect(text('<figure><svg viewBox="0 0 1 1" focusable="false"></svg></figure>').xhtml).not.toContain('focusable');
    // SVG in XML says its namespace, once, and keeps its names' case.
    expect(text('<svg viewBox="0 0 2 2"><clipPath id="c"><rect width="1"/></clipPath><svg x="1"></svg></svg>').xhtml).toContain(
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 2 2"><clipPath id="c"><rect width="1" /></clipPath><svg x="1" /></svg>',
    );
    expect(text('<p>No drawing</p>').svg).toBe(false);
  });

  it('zips the book as EPUB requires, its metadata escaped and its date at the source’s precision', () => {
    const book = epub(input('<section id="opening"><h2>Opening</h2><img src="/pic.svg" alt="A square"><svg viewBox="0 0 1 1"></svg></section>'));
    const names = Object.keys(unzipSync(book));
    expect(names[0]).toBe('mimetype');
    const all = files(book);
    expect(all['mimetype']).toBe('application/epub+zip');
    expect(all['META-INF/container.xml']).toContain('full-path="EPUB/package.opf"');
    const opf = all['EPUB/package.opf']!;
    expect(opf).toContain('<dc:title>Tolls &amp; &lt;Harbours&gt;</dc:title>');
    expect(opf).toContain('<dc:date>2018-10</dc:date>');
    expect(opf).toContain('<dc:source>https://example.com/ledger?a=1&amp;b=2</dc:source>');
    expect(opf).toContain('<dc:identifier id="pub-id">https://example.org/reader/ledger/</dc:identifier>');
    expect(opf).toContain('<meta property="dcterms:modified">2026-12-06T05:32:10Z</meta>');
    expect(opf).toContain('<item id="text" href="text.xhtml" media-type="application/xhtml+xml" properties="svg"/>');
    expect(opf).toContain('<item id="image-1" href="images/1.svg" media-type="image/svg+xml"/>');
    expect(all['EPUB/images/1.svg']).toBe('<svg xmlns="http://www.w3.org/2000/svg"/>');
    // Contents link what the book holds; the page's "Since this was published" is not in it.
    expect(all['EPUB/nav.xhtml']).toContain('<a href="text.xhtml#opening">Opening</a>');
    expect(all['EPUB/nav.xhtml']).not.toContain('#since');
    expect(files(epub(input('<p id="opening">x</p>', { published: parsePreciseDate('2018-10-19') })))['EPUB/package.opf']).toContain('<dc:date>2018-10-19</dc:date>');
    expect(files(epub(input('<p id="opening">x</p>', { published: parsePreciseDate('2018') })))['EPUB/package.opf']).toContain('<dc:date>2018</dc:date>');
  });
});
