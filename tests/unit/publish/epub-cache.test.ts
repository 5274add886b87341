import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { siteCodeVersion } from '../../../src/lib/build-cache.ts';
import { bookKey, keptBook } from '../../../src/lib/publish/epub-cache.ts';
import { scratchBuildCache } from '../scratch-cache.ts';

const scratch = scratchBuildCache('epub-cache');

const ARTICLE = { header: { title: 'Tolls' }, body: { sections: [{ id: 'opening', parts: [{ html: '<p>The first words.</p>' }] }] } };
const THEN = new Date('2026-12-06T05:32:10Z');
const LATER = new Date('2027-01-01T00:00:00Z');

describe('EPUB books kept between builds', () => {
  it('names a book by its article, not by when it was made; a changed word is a new book', () => {
    expect(bookKey(ARTICLE, LATER, {})).toBe(bookKey(ARTICLE, THEN, {}));
    const edited = { ...ARTICLE, body: { sections: [{ id: 'opening', parts: [{ html: '<p>The first words, revised.</p>' }] }] } };
    expect(bookKey(edited, THEN, {})).not.toBe(bookKey(ARTICLE, THEN, {}));
  });

  it('with SOURCE_DATE_EPOCH set, the time is part of the name: the book is what that build alone makes', () => {
    expect(bookKey(ARTICLE, LATER, { SOURCE_DATE_EPOCH: '1' })).not.toBe(bookKey(ARTICLE, THEN, { SOURCE_DATE_EPOCH: '1' }));
  });

  it('makes a book once and gives the kept one after', async () => {
    let made = 0;
    const make = async () => Uint8Array.of(++made);
    const key = bookKey(ARTICLE, THEN, {});
    expect([...(await keptBook(key, make))]).toEqual([1]);
    expect([...(await keptBook(key, make))]).toEqual([1]);
    expect(made).toBe(1);
  });

  it('changes with any file of the site’s code, and with none of its content', () => {
    const root = join(scratch(), 'site');
    mkdirSync(join(root, 'src/components'), { recursive: true });
    writeFileSync(join(root, 'src/components/Card.astro'), '<p>card</p>');
    writeFileSync(join(root, 'package-lock.json'), '{}');
    const before = siteCodeVersion(root);
    mkdirSync(join(root, 'content'), { recursive: true });
    writeFileSync(join(root, 'content/words.mdx'), 'Words.');
    expect(siteCodeVersion(root)).toBe(before);
    writeFileSync(join(root, 'src/components/Card.astro'), '<p>card, changed</p>');
    expect(siteCodeVersion(root)).not.toBe(before);
  });
});
