import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parsePreciseDate } from '../../../src/lib/content/dates.ts';
import make, { type EpubJob } from '../../../src/lib/publish/epub-worker.ts';

let scratch: string;
const saved = { cache: process.env['BUILD_CACHE_DIR'], epoch: process.env['SOURCE_DATE_EPOCH'] };
beforeEach(() => {
  scratch = mkdtempSync(join(tmpdir(), 'epub-worker-'));
  process.env['BUILD_CACHE_DIR'] = join(scratch, 'cache');
  delete process.env['SOURCE_DATE_EPOCH'];
});
afterEach(() => {
  rmSync(scratch, { recursive: true, force: true });
  for (const [name, value] of [['BUILD_CACHE_DIR', saved.cache], ['SOURCE_DATE_EPOCH', saved.epoch]] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

function job(over: Partial<EpubJob> = {}): EpubJob {
  const publicDir = join(scratch, 'public');
  mkdirSync(publicDir, { recursive: true });
  writeFileSync(join(publicDir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  return {
    title: 'Tolls',
    author: 'Ann Author',
    publisher: 'Harbour Press',
    published: parsePreciseDate('2018-10'),
    language: 'en',
    description: 'A ledger.',
    edition: 'https://example.org/ledger/',
    original: 'https://example.com/ledger',
    modified: new Date('2026-12-06T05:32:10Z'),
    html: '<section id="opening"><p id="opening-p1">The first words.</p></section>',
    contents: [{ href: '#opening', text: 'Opening' }],
    publicDir,
    ...over,
  };
}

const modifiedOf = (book: Uint8Array) => /dcterms:modified">([^<]+)</.exec(new TextDecoder().decode(unzipSync(book)['EPUB/package.opf']))![1];

describe('the EPUB worker keeps each book in the build cache', () => {
  it('gives the kept book for the same article, made when it was first made; a changed article is made again', async () => {
    const first = await make(job());
    // A later build: only the time differs, and the book is the one kept.
    const again = await make(job({ modified: new Date('2027-01-01T00:00:00Z') }));
    expect(Buffer.from(again).equals(Buffer.from(first))).toBe(true);
    expect(modifiedOf(again)).toBe('2026-12-06T05:32:10Z');
    const changed = await make(job({ html: '<section id="opening"><p id="opening-p1">The first words, revised.</p></section>', modified: new Date('2027-01-01T00:00:00Z') }));
    expect(modifiedOf(changed)).toBe('2027-01-01T00:00:00Z');
  });

  it('with SOURCE_DATE_EPOCH set, the time is part of the key: the book is what that build alone would make', async () => {
    process.env['SOURCE_DATE_EPOCH'] = '1';
    await make(job());
    expect(modifiedOf(await make(job({ modified: new Date('2027-01-01T00:00:00Z') })))).toBe('2027-01-01T00:00:00Z');
  });
});
