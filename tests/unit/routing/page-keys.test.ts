import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cacheKey } from '../../../src/lib/build-cache.ts';
import { bookKey, folderVersion, routeKey } from '../../../src/lib/routing/page-keys.ts';
import { scratchBuildCache } from '../scratch-cache.ts';

const scratch = scratchBuildCache('page-keys');

const ROUTE = {
  head: { title: 'Tolls', description: 'On tolls.' },
  body: { sections: [{ id: 'opening', parts: [{ html: '<p>The first words, “quoted” – and dashed.</p>' }, { figure: { name: 'map', width: 640 } }] }] },
  notes: [{ id: 'event-1', title: 'An event', date: { iso: '2018-09-19', precision: 'day' } }],
};
const THEN = new Date('2026-12-06T05:32:10Z');
const LATER = new Date('2027-01-01T00:00:00Z');

/** `ROUTE` with one value deep inside it changed by `edit`. */
const edited = (edit: (route: typeof ROUTE) => void) => {
  const copy = structuredClone(ROUTE);
  edit(copy);
  return copy;
};

describe('the key a page is reused under', () => {
  it('is the same for the same route data, built again', () => {
    expect(routeKey(structuredClone(ROUTE))).toBe(routeKey(ROUTE));
  });

  it('changes with any word, number or date anywhere in the route data', () => {
    const keys = [
      routeKey(ROUTE),
      routeKey(edited((r) => (r.body.sections[0]!.parts[0]!.html = '<p>The first words, “quoted” – and dashed!</p>'))),
      routeKey(edited((r) => (r.body.sections[0]!.parts[1]!.figure!.width = 641))),
      routeKey(edited((r) => (r.notes[0]!.date.iso = '2018-09-20'))),
      routeKey(edited((r) => (r.notes[0]!.title = 'An event, renamed'))),
      routeKey(edited((r) => r.notes.push({ ...r.notes[0]!, id: 'event-2' }))),
      routeKey(edited((r) => delete (r.head as Partial<typeof r.head>).description)),
    ];
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('tells apart values JSON would write differently', () => {
    const pairs: Array<[unknown, unknown]> = [
      [['ab', 'c'], ['a', 'bc']],
      [['1'], [1]],
      [[null], ['null']],
      [[true], ['true']],
      [[{ a: 'b' }], [{ ab: '' }]],
      [[[]], [{}]],
      [[[1, 2]], [[[1], 2]]],
    ];
    for (const [a, b] of pairs) expect(cacheKey(a as unknown[]), JSON.stringify([a, b])).not.toBe(cacheKey(b as unknown[]));
  });

  it('reads a date as JSON writes it', () => {
    expect(cacheKey([THEN])).toBe(cacheKey([THEN.toISOString()]));
    expect(cacheKey([THEN])).not.toBe(cacheKey([LATER]));
  });

  it('names a book by its article and the public files it may copy, not by when it was made; with SOURCE_DATE_EPOCH set, by that time too', () => {
    const article = routeKey(ROUTE);
    expect(bookKey(article, 'p1', LATER, {})).toBe(bookKey(article, 'p1', THEN, {}));
    expect(bookKey(routeKey(edited((r) => (r.head.title = 'Tolls, revised'))), 'p1', THEN, {})).not.toBe(bookKey(article, 'p1', THEN, {}));
    expect(bookKey(article, 'p2', THEN, {})).not.toBe(bookKey(article, 'p1', THEN, {}));
    expect(bookKey(article, 'p1', LATER, { SOURCE_DATE_EPOCH: '1' })).not.toBe(bookKey(article, 'p1', THEN, { SOURCE_DATE_EPOCH: '1' }));
  });

  it('knows the public files by their names and bytes', () => {
    const folder = join(scratch(), 'public');
    mkdirSync(join(folder, 'figures'), { recursive: true });
    writeFileSync(join(folder, 'figures/map.svg'), '<svg/>');
    const before = folderVersion(folder);
    expect(folderVersion(folder)).toBe(before);
    writeFileSync(join(folder, 'figures/map.svg'), '<svg><path/></svg>');
    const changed = folderVersion(folder);
    expect(changed).not.toBe(before);
    writeFileSync(join(folder, 'figures/chart.svg'), '');
    expect(folderVersion(folder)).not.toBe(changed);
  });
});
