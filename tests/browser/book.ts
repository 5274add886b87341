/**
 * An EPUB as a reader's e-book software takes it: the zip's entries in order (with whether each is
 * stored or compressed), and its text document opened in a real browser's XML parser (served as
 * `application/xhtml+xml`, as e-readers parse it), where a mistake in XHTML is a parse error.
 */
import { unzipSync } from 'fflate';
import type { Page } from 'playwright-core';

export interface BookEntry {
  name: string;
  /** 0: stored; 8: deflated. */
  method: number;
  /** Length of the local header's extra field. */
  extra: number;
}

/** The entries' local headers, in the order they stand in the file. */
export function bookEntries(zip: Uint8Array): BookEntry[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const entries: BookEntry[] = [];
  for (let at = 0; view.getUint32(at, true) === 0x04034b50; ) {
    const method = view.getUint16(at + 8, true);
    const size = view.getUint32(at + 18, true);
    const nameLength = view.getUint16(at + 26, true);
    const extra = view.getUint16(at + 28, true);
    entries.push({ name: new TextDecoder().decode(zip.subarray(at + 30, at + 30 + nameLength)), method, extra });
    at += 30 + nameLength + extra + size;
  }
  return entries;
}

export function bookFiles(zip: Uint8Array): Record<string, string> {
  return Object.fromEntries(Object.entries(unzipSync(zip)).map(([name, bytes]) => [name, new TextDecoder().decode(bytes)]));
}

/**
 * Opens the book's text document (`EPUB/text.xhtml`) in `page` as XHTML, its style sheet beside
 * it. Returns the parse error's text if the browser's XML parser refused it.
 */
export async function openBookText(page: Page, origin: string, files: Record<string, string>): Promise<string | undefined> {
  const at = `${origin}/__book/`;
  await page.route(`${at}**`, (route) => {
    const name = `EPUB/${route.request().url().slice(at.length)}`;
    const body = files[name];
    if (body === undefined) return route.fulfill({ status: 404 });
    return route.fulfill({ body, contentType: name.endsWith('.css') ? 'text/css' : name.endsWith('.xhtml') ? 'application/xhtml+xml' : 'application/octet-stream' });
  });
  await page.goto(`${at}text.xhtml`);
  return page.evaluate(() => document.querySelector('parsererror')?.textContent ?? undefined);
}
