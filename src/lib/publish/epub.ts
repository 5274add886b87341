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
import { parseDocument } from 'htmlparser2';
import { lookup } from 'mrmime';
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

type Dom = ReturnType<typeof parseDocument>;
type DomNode = Dom['children'][number];
type DomElement = Extract<DomNode, { attribs: unknown }>;

const XHTML = 'http://www.w3.org/1999/xhtml';
const SVG = 'http://www.w3.org/2000/svg';
const OPS = 'http://www.idpf.org/2007/ops';

/** Characters XML 1.0 does not allow at all, even escaped. */
// eslint-disable-next-line no-control-regex -- these are the characters meant.
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
/** Text or an attribute's value as XML writes it: the same escapes in the text, the package and the contents. */
const escapeXml = (text: string) => text.replace(NOT_XML, '').replace(/[&<>"]/g, (ch) => ESCAPES[ch]!);

/** One XML element: attributes in the order given, and empty elements closed as XHTML writes them. */
function element(name: string, attributes: Record<string, string>, content: string): string {
  let open = `<${name}`;
  for (const [key, value] of Object.entries(attributes)) open += ` ${key}="${escapeXml(value)}"`;
  return content ? `${open}>${content}</${name}>` : `${open} />`;
}

/** An XHTML document: the EPUB namespace declared, the language in both forms. */
function xhtmlDocument(language: string, title: string, head: string, body: string): string {
  const html = element('html', { xmlns: XHTML, lang: language, 'xml:lang': language, 'xmlns:epub': OPS }, element('head', {}, element('meta', { charset: 'utf-8' }, '') + element('title', {}, escapeXml(title)) + head) + element('body', {}, body));
  return `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html>\n${html}\n`;
}

interface BookText {
  xhtml: string;
  /** The images the text uses: their path in the book and their bytes. */
  images: Map<string, { bytes: Uint8Array; type: string }>;
  ids: Set<string>;
  svg: boolean;
}

/**
 * The article's HTML as the book's XHTML text document. The HTML is the site's own rendering,
 * parsed as HTML (htmlparser2, names kept as written, so SVG's `viewBox` stays) and written
 * straight out as XML as it is walked: no syntax tree is built twice. A general HTML-to-XML
 * chain (parse5, hast, xast) made the same document in about seven times the time, a fifth of
 * a clean build of a thousand articles.
 */
export function bookText(input: Pick<EpubInput, 'html' | 'title' | 'language' | 'edition' | 'siteFile'>): BookText {
  const edition = new URL(input.edition);
  const images = new Map<string, { bytes: Uint8Array; type: string }>();
  const names = new Map<string, string>();
  const ids = new Set<string>();
  let svg = false;

  function image(el: DomElement): string {
    const src = el.attribs['src'] ?? '';
    const type = lookup(src) ?? '';
    const bytes = src.startsWith('/') && !src.startsWith('//') && CORE_IMAGES.has(type) ? input.siteFile(decodeURI(new URL(src, 'file:///').pathname)) : undefined;
    if (!bytes) return element('span', { class: 'image-text' }, escapeXml(`[${el.attribs['alt'] ?? 'Image'}]`));
    let name = names.get(src);
    if (!name) {
      name = `images/${images.size + 1}${src.slice(src.lastIndexOf('.'))}`;
      names.set(src, name);
      images.set(name, { bytes, type });
    }
    return write(el, { ...el.attribs, src: name }, el.name, false);
  }

  function write(el: DomElement, attributes: Record<string, string>, name: string, inSvg: boolean, content?: string): string {
    const out: Record<string, string> = {};
    const svgRoot = !inSvg && name === 'svg';
    // XML knows an element's namespace only if told: SVG inside the text declares its own.
    if (svgRoot) out['xmlns'] = SVG;
    for (const [key, value] of Object.entries(attributes)) {
      if (key.startsWith('data-astro')) continue;
      // An HTML attribute SVG 1.1 does not have; `aria-hidden` already keeps it from assistive technology.
      if (svgRoot && key === 'focusable') continue;
      out[key] = value;
    }
    if (out['id']) ids.add(out['id']);
    return element(name, out, content ?? children(el.children, inSvg || svgRoot));
  }

  function one(el: DomElement, inSvg: boolean): string {
    const cls = (el.attribs['class'] ?? '').split(/\s+/);
    if (el.name === 'button' || el.name === 'script' || el.name === 'style' || cls.some((c) => CONTROLS.has(c))) return '';
    if (el.name === 'svg') svg = true;
    if (el.name === 'img') return image(el);
    const attributes = { ...el.attribs };
    let name = el.name;
    if (name === 'a') {
      if (cls.includes('mark') || 'data-footnote-ref' in attributes) attributes['epub:type'] = 'noteref';
      const href = attributes['href'] ?? '';
      if (href.startsWith('/')) {
        const url = new URL(href, edition);
        attributes['href'] = url.pathname === edition.pathname && url.hash ? url.hash : url.href;
      }
      // The footnotes' way back is drawn by the page's style sheet; a book needs it written.
      if ('data-footnote-backref' in attributes && el.children.length === 0) return write(el, attributes, name, inSvg, '↩');
    }
    if (name === 'li' && /-fn-\d+$/.test(attributes['id'] ?? '')) attributes['epub:type'] = 'footnote';
    // A card beside a section is that section's footnote: e-readers pop it up from its marks.
    if (name === 'article' && cls.includes('card')) {
      name = 'aside';
      attributes['epub:type'] = 'footnote';
    }
    return write(el, attributes, name, inSvg);
  }

  function children(nodes: readonly DomNode[], inSvg: boolean): string {
    let out = '';
    for (const node of nodes) {
      if (node.type === 'text') out += escapeXml(node.data);
      else if ('attribs' in node) out += one(node, inSvg);
      // Comments and processing instructions say nothing to a reader.
    }
    return out;
  }

  const dom = parseDocument(input.html, { lowerCaseTags: false, lowerCaseAttributeNames: false });
  const body = children(dom.children, false);
  return { xhtml: xhtmlDocument(input.language, input.title, element('link', { rel: 'stylesheet', type: 'text/css', href: 'style.css' }, ''), body), images, ids, svg };
}

/** The book's navigation document: its contents, linked into the text. */
function navDocument(input: EpubInput, ids: Set<string>): string {
  const entries = input.contents.filter((c) => ids.has(c.href.slice(1)));
  const list = entries.map((c) => element('li', {}, element('a', { href: `${TEXT}${c.href}` }, escapeXml(c.text)))).join('');
  return xhtmlDocument(input.language, input.title, '', element('nav', { 'epub:type': 'toc', id: 'toc' }, element('h1', {}, 'Contents') + element('ol', {}, list)));
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
