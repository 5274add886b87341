/**
 * An article as an EPUB 3 book: one text document holding what the article page holds (the text
 * as compiled, figures, cards as footnotes, footnotes, author note, citation), the navigation
 * document, the package document and a stylesheet, zipped as EPUB requires (`mimetype` first,
 * stored). The text comes in as the HTML the site renders; this module only applies EPUB's rules
 * to it: XHTML syntax, `epub:type` note references, the page's own controls left out, the site's
 * links made absolute and its images carried inside the book.
 */
import { readFileSync } from 'node:fs';
import { strToU8, zipSync, type Zippable } from 'fflate';
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toXast } from 'hast-util-to-xast';
import { h } from 'hastscript';
import { lookup } from 'mrmime';
import { toXml } from 'xast-util-to-xml';
import { datetimeAttr, type PreciseDate } from '../content/dates.ts';

export const EPUB_TYPE = 'application/epub+zip';

/** Media types every EPUB reading system shows (EPUB 3 core media types); others fall back to their text. */
const CORE_IMAGES = new Set(['image/svg+xml', 'image/png', 'image/jpeg', 'image/gif']);

/** Where the book's files live inside the container. */
const DIR = 'EPUB';
const TEXT = 'text.xhtml';

export interface EpubInput {
  title: string;
  author: string;
  /** The original's publisher, as the page's citation tags name it. */
  publisher: string;
  published: PreciseDate;
  language: string;
  description: string;
  /** This edition's permanent address: the book's identifier, and the base of the site's own links. */
  edition: string;
  /** The original article's address. */
  original: string;
  /** When the book was made (`dcterms:modified`). */
  modified: Date;
  /** The article's text as the site renders it for the book (`EpubText.astro`). */
  html: string;
  /** The article's contents: `#id` links and their labels; entries whose target the book lacks are left out. */
  contents: Array<{ href: string; text: string }>;
  /** A file of the site by its path ("/favicon.svg"), where the site has one. */
  siteFile: (path: string) => Uint8Array | undefined;
}

/** Classes of the page's permalinks: they work in a browser, and mean nothing in a book (its buttons go by their tag). */
const CONTROLS = new Set(['p-link', 'anchor']);

const classes = (el: Element): string[] => (Array.isArray(el.properties['className']) ? el.properties['className'].map(String) : []);

function walk(parent: Root | Element, visit: (el: Element, parent: Root | Element) => ElementContent[] | undefined): void {
  parent.children = parent.children.flatMap((child): Array<RootContent> => {
    if (child.type !== 'element') return [child];
    const replaced = visit(child, parent);
    if (replaced) return replaced;
    walk(child, visit);
    return [child];
  }) as typeof parent.children;
}

interface BookText {
  xhtml: string;
  /** The images the text uses: their path in the book and their bytes. */
  images: Map<string, { bytes: Uint8Array; type: string }>;
  ids: Set<string>;
  svg: boolean;
}

/** The article's HTML as the book's XHTML text document. */
export function bookText(input: Pick<EpubInput, 'html' | 'title' | 'language' | 'edition' | 'siteFile'>): BookText {
  const tree = fromHtml(input.html, { fragment: true });
  const edition = new URL(input.edition);
  const images = new Map<string, { bytes: Uint8Array; type: string }>();
  const names = new Map<string, string>();
  const ids = new Set<string>();
  let svg = false;
  walk(tree, (el) => {
    const cls = classes(el);
    if (el.tagName === 'button' || el.tagName === 'script' || el.tagName === 'style' || cls.some((c) => CONTROLS.has(c))) return [];
    if (el.properties['id']) ids.add(String(el.properties['id']));
    for (const key of Object.keys(el.properties)) if (key.startsWith('dataAstro')) delete el.properties[key];
    if (el.tagName === 'svg') {
      svg = true;
      // An HTML attribute SVG 1.1 does not have; `aria-hidden` already keeps it from assistive technology.
      delete el.properties['focusable'];
    }
    if (el.tagName === 'a') {
      if (cls.includes('mark') || el.properties['dataFootnoteRef'] !== undefined) el.properties['epub:type'] = 'noteref';
      // The footnotes' way back is drawn by the page's style sheet; a book needs it written.
      if (el.properties['dataFootnoteBackref'] !== undefined && el.children.length === 0) el.children = [{ type: 'text', value: '↩' }];
      const href = String(el.properties['href'] ?? '');
      if (href.startsWith('/')) {
        const url = new URL(href, edition);
        el.properties['href'] = url.pathname === edition.pathname && url.hash ? url.hash : url.href;
      }
    }
    if (el.tagName === 'li' && el.properties['id'] && /-fn-\d+$/.test(String(el.properties['id']))) el.properties['epub:type'] = 'footnote';
    // A card beside a section is that section's footnote: e-readers pop it up from its marks.
    if (el.tagName === 'article' && cls.includes('card')) {
      el.tagName = 'aside';
      el.properties['epub:type'] = 'footnote';
    }
    if (el.tagName === 'img') {
      const src = String(el.properties['src'] ?? '');
      const type = lookup(src) ?? '';
      const bytes = src.startsWith('/') && !src.startsWith('//') && CORE_IMAGES.has(type) ? input.siteFile(decodeURI(new URL(src, 'file:///').pathname)) : undefined;
      if (!bytes) return [h('span', { className: ['image-text'] }, `[${String(el.properties['alt'] ?? 'Image')}]`)];
      let name = names.get(src);
      if (!name) {
        name = `images/${images.size + 1}${src.slice(src.lastIndexOf('.'))}`;
        names.set(src, name);
        images.set(name, { bytes, type });
      }
      el.properties['src'] = name;
    }
    return undefined;
  });
  const doc = h('html', { lang: input.language, xmlLang: input.language, 'xmlns:epub': 'http://www.idpf.org/2007/ops' }, [
    h('head', [h('meta', { charSet: 'utf-8' }), h('title', input.title), h('link', { rel: 'stylesheet', type: 'text/css', href: 'style.css' })]),
    h('body', tree.children as ElementContent[]),
  ]);
  return { xhtml: xhtmlDocument(doc), images, ids, svg };
}

function xhtmlDocument(html: Element): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html>\n${toXml(toXast(html), { closeEmptyElements: true })}\n`;
}

const escapeXml = (text: string) => text.replace(/[<>&"]/g, (ch) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[ch]!);

/** The book's navigation document: its contents, linked into the text. */
function navDocument(input: EpubInput, ids: Set<string>): string {
  const entries = input.contents.filter((c) => ids.has(c.href.slice(1)));
  return xhtmlDocument(
    h('html', { lang: input.language, xmlLang: input.language, 'xmlns:epub': 'http://www.idpf.org/2007/ops' }, [
      h('head', [h('meta', { charSet: 'utf-8' }), h('title', input.title)]),
      h('body', [h('nav', { 'epub:type': 'toc', id: 'toc' }, [h('h1', 'Contents'), h('ol', entries.map((c) => h('li', [h('a', { href: `${TEXT}${c.href}` }, c.text)])))])]),
    ]),
  );
}

/** `dcterms:modified` wants the time to the second, in UTC. */
const modifiedStamp = (date: Date) => `${date.toISOString().slice(0, 19)}Z`;

function packageDocument(input: EpubInput, text: BookText): string {
  const meta = [
    `<dc:identifier id="pub-id">${escapeXml(input.edition)}</dc:identifier>`,
    `<dc:title>${escapeXml(input.title)}</dc:title>`,
    `<dc:creator>${escapeXml(input.author)}</dc:creator>`,
    `<dc:publisher>${escapeXml(input.publisher)}</dc:publisher>`,
    // EPUB's date is W3C date-time: a year, a month or a day, as the source gives it.
    `<dc:date>${datetimeAttr(input.published)}</dc:date>`,
    `<dc:language>${escapeXml(input.language)}</dc:language>`,
    `<dc:description>${escapeXml(input.description)}</dc:description>`,
    `<dc:source>${escapeXml(input.original)}</dc:source>`,
    `<meta property="dcterms:modified">${modifiedStamp(input.modified)}</meta>`,
  ];
  const items = [
    `<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>`,
    `<item id="text" href="${TEXT}" media-type="application/xhtml+xml"${text.svg ? ' properties="svg"' : ''}/>`,
    `<item id="style" href="style.css" media-type="text/css"/>`,
    ...[...text.images].map(([name, { type }], i) => `<item id="image-${i + 1}" href="${name}" media-type="${type}"/>`),
  ];
  return `<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="pub-id" xml:lang="${escapeXml(input.language)}">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
    ${meta.join('\n    ')}
  </metadata>
  <manifest>
    ${items.join('\n    ')}
  </manifest>
  <spine>
    <itemref idref="text"/>
  </spine>
</package>
`;
}

const CONTAINER = `<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles>
    <rootfile full-path="${DIR}/package.opf" media-type="application/oebps-package+xml"/>
  </rootfiles>
</container>
`;

/** The book's style sheet: read where this module stands (it runs unbundled, in a worker thread). */
let style: string | undefined;
const STYLE = () => (style ??= readFileSync(new URL('./epub.css', import.meta.url), 'utf8'));

/** The whole book, zipped: `mimetype` first and stored, as EPUB's container format requires. */
export function epub(input: EpubInput): Uint8Array<ArrayBuffer> {
  const text = bookText(input);
  const mtime = input.modified;
  const files: Zippable = {
    mimetype: [strToU8(EPUB_TYPE), { level: 0 }],
    'META-INF/container.xml': strToU8(CONTAINER),
    [`${DIR}/package.opf`]: strToU8(packageDocument(input, text)),
    [`${DIR}/nav.xhtml`]: strToU8(navDocument(input, text.ids)),
    [`${DIR}/${TEXT}`]: strToU8(text.xhtml),
    [`${DIR}/style.css`]: strToU8(STYLE()),
    ...Object.fromEntries([...text.images].map(([name, { bytes }]) => [`${DIR}/${name}`, bytes])),
  };
  // Level 6: level 9 makes a book of this kind a few hundred bytes smaller for a fifth more time.
  // fflate writes into a buffer of its own: never a shared one.
  return zipSync(files, { level: 6, mtime }) as Uint8Array<ArrayBuffer>;
}
