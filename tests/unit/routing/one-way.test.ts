/**
 * Data flows one way: content → collections → the library, once → route data → props. Views
 * render their props: no component or layout loads content itself, and nothing carries content
 * on `globalThis`. Read from the source, so a change that breaks the rule fails here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const files = (dir: string, pattern: RegExp): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name), pattern) : pattern.test(e.name) ? [join(dir, e.name)] : []));

describe('one path for data', () => {
  it('no component or layout loads content: not the collections, not the library', () => {
    const offenders = [...files('src/components', /\.(astro|ts)$/), ...files('src/layouts', /\.astro$/)].filter((file) =>
      /astro:content|routing\/library\.ts|getCollection|getEntry|loadLibrary/.test(readFileSync(file, 'utf8')),
    );
    expect(offenders).toEqual([]);
  });

  it('nothing passes content through globalThis', () => {
    const offenders = [...files('src', /\.(astro|ts)$/), ...files('integrations', /\.ts$/)].filter((file) => /globalThis/.test(readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('pages load the library only to route: one route-data call, handed down', () => {
    for (const file of files('src/pages', /\.astro$/)) {
      const source = readFileSync(file, 'utf8');
      if (!/loadLibrary/.test(source)) continue;
      // What a page does with the library: getStaticPaths, and route data from lib/routing.
      expect(source, file).not.toMatch(/astro:content|getCollection/);
    }
  });
});
