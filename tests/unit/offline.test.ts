import { describe, expect, it } from 'vitest';
import { offlinePlan } from '../../src/lib/offline.ts';

const files = [
  '/offline/index.html',
  '/index.html',
  '/_astro/enhance.abc.js',
  '/_astro/page.def.css',
  '/_astro/font.woff2',
  '/pagefind/pagefind.js',
  '/pagefind/pagefind-entry.json',
  '/pagefind/pagefind.en_1.pf_meta',
  '/pagefind/wasm.en.pagefind',
  '/pagefind/pagefind-ui.js',
  '/pagefind/index/en_a.pf_index',
  '/pagefind/filter/en_b.pf_filter',
  '/pagefind/fragment/en_c.pf_fragment',
  '/pagefind/fragment/en_d.pf_fragment',
  '/pagefind/fragment/en_e.pf_fragment',
];
const entry = { languages: { en: { hash: 'en_1', wasm: 'en' } } };
const fragmentUrls = {
  '/pagefind/fragment/en_c.pf_fragment': '/piece/',
  '/pagefind/fragment/en_e.pf_fragment': '/events/#event-b',
  '/pagefind/fragment/en_d.pf_fragment': '/events/#event-a',
};

describe('what the service worker keeps', () => {
  it('keeps the offline page, the search code and index, and the site’s scripts and styles at install', () => {
    const plan = offlinePlan({ files, entry, fragmentUrls, version: 'v1' });
    expect(plan.precache).toEqual([
      '/offline/',
      '/pagefind/pagefind.js',
      '/pagefind/pagefind-entry.json',
      '/pagefind/pagefind.en_1.pf_meta',
      '/pagefind/wasm.en.pagefind',
      '/_astro/enhance.abc.js',
      '/_astro/page.def.css',
      '/pagefind/filter/en_b.pf_filter',
      '/pagefind/index/en_a.pf_index',
    ]);
    // Fragments are kept only with the page their results are on, all of that page's.
    expect(plan.fragments).toEqual({
      '/piece/': ['/pagefind/fragment/en_c.pf_fragment'],
      '/events/': ['/pagefind/fragment/en_d.pf_fragment', '/pagefind/fragment/en_e.pf_fragment'],
    });
    expect(plan.version).toBe('v1');
  });

  it('fails the build when something it must keep was not built', () => {
    expect(() => offlinePlan({ files: files.filter((f) => !f.startsWith('/offline/')), entry, fragmentUrls, version: 'v1' })).toThrow(/\/offline\//);
  });

  it('puts every path under the base path when the site has one', () => {
    const plan = offlinePlan({ files, entry, fragmentUrls, version: 'v1', base: '/sub/path/' });
    expect(plan.precache[0]).toBe('/sub/path/offline/');
    expect(plan.precache.every((p) => p.startsWith('/sub/path/'))).toBe(true);
    expect(plan.offlinePage).toBe('/sub/path/offline/');
    expect(plan.immutable).toContain('/sub/path/_astro/');
    expect(plan.fragments['/sub/path/piece/']).toEqual(['/sub/path/pagefind/fragment/en_c.pf_fragment']);
  });
});
