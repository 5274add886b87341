import { describe, expect, it } from 'vitest';
import { offlinePlan, PAGE_CAP } from '../../../src/lib/publish/offline.ts';

const files = [
  '/offline/index.html',
  '/index.html',
  '/_astro/enhance.abc.js',
  '/_astro/highlights.x1-Y.js',
  '/_astro/page.def.css',
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
  it('names nothing to fetch at install: the worker knows the site’s own files, the offline page and where the search plan is', () => {
    const { worker } = offlinePlan({ files, entry, fragmentUrls, version: 'v1' });
    expect(worker).toEqual({
      version: 'v1',
      offlinePage: '/offline/',
      assetFolder: '/_astro/',
      assets: ['/_astro/enhance.abc.js', '/_astro/page.def.css'],
      // A reader's own tools: kept when first used, not before.
      assetsOnFirstUse: ['/_astro/highlights.x1-Y.js'],
      indexFolders: ['/pagefind/index/', '/pagefind/filter/'],
      fragmentFolder: '/pagefind/fragment/',
      searchPlan: '/offline/search.json',
      searchCore: ['/pagefind/pagefind.js', '/pagefind/pagefind-entry.json', '/pagefind/pagefind.en_1.pf_meta', '/pagefind/wasm.en.pagefind'],
      pageCap: PAGE_CAP,
    });
  });

  it('keeps search when asked: Pagefind’s code, entry, metadata and wasm, its index, and each page’s fragments', () => {
    const { search } = offlinePlan({ files, entry, fragmentUrls, version: 'v1' });
    expect(search.core).toEqual(['/pagefind/pagefind.js', '/pagefind/pagefind-entry.json', '/pagefind/pagefind.en_1.pf_meta', '/pagefind/wasm.en.pagefind']);
    expect(search.chunks).toEqual(['/pagefind/filter/en_b.pf_filter', '/pagefind/index/en_a.pf_index']);
    // Fragments are kept only with the page their results are on, all of that page's.
    expect(search.fragments).toEqual({
      '/piece/': ['/pagefind/fragment/en_c.pf_fragment'],
      '/events/': ['/pagefind/fragment/en_d.pf_fragment', '/pagefind/fragment/en_e.pf_fragment'],
    });
  });

  it('fails the build when something it must keep was not built', () => {
    expect(() => offlinePlan({ files: files.filter((f) => !f.startsWith('/offline/')), entry, fragmentUrls, version: 'v1' })).toThrow(/\/offline\//);
  });

  it('puts every path under the base path when the site has one', () => {
    const { worker, search } = offlinePlan({ files, entry, fragmentUrls, version: 'v1', base: '/sub/path/' });
    expect(worker.offlinePage).toBe('/sub/path/offline/');
    expect(worker.searchPlan).toBe('/sub/path/offline/search.json');
    expect([worker.assetFolder, worker.fragmentFolder, ...worker.indexFolders].every((p) => p.startsWith('/sub/path/pagefind/') || p === '/sub/path/_astro/')).toBe(true);
    expect([...worker.assets, ...search.core, ...search.chunks].every((p) => p.startsWith('/sub/path/'))).toBe(true);
    expect(search.fragments['/sub/path/piece/']).toEqual(['/sub/path/pagefind/fragment/en_c.pf_fragment']);
  });
});
