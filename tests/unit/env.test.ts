import { describe, expect, it } from 'vitest';
import { basePath, buildCacheDir, contentDir, siteUrl } from '../../src/lib/env.ts';

describe('build settings from the environment', () => {
  it('defaults to content/ and localhost', () => {
    expect(contentDir({})).toBe('content');
    expect(siteUrl({})).toBe('http://localhost:4321');
  });
  it('reads CONTENT_DIR and SITE_URL', () => {
    expect(contentDir({ CONTENT_DIR: 'tests/fixtures/x/' })).toBe('tests/fixtures/x');
    expect(siteUrl({ SITE_URL: 'https://reader.example/path' })).toBe('https://reader.example');
  });
  it('keeps the build cache under node_modules unless BUILD_CACHE_DIR says where', () => {
    expect(buildCacheDir({})).toBe('node_modules/.cache/long-reads');
    expect(buildCacheDir({ BUILD_CACHE_DIR: '/ci/cache/' })).toBe('/ci/cache');
  });
  it('rejects a SITE_URL that is not absolute', () => {
    expect(() => siteUrl({ SITE_URL: 'reader.example' })).toThrow(/SITE_URL/);
  });
  it('reads BASE_PATH as a folder path with both slashes, and rejects anything else', () => {
    expect(basePath({})).toBe('/');
    expect(basePath({ BASE_PATH: 'sub/path' })).toBe('/sub/path/');
    expect(basePath({ BASE_PATH: '/reader/' })).toBe('/reader/');
    expect(() => basePath({ BASE_PATH: '/a/../b' })).toThrow(/BASE_PATH/);
    expect(() => basePath({ BASE_PATH: '//evil.example' })).not.toThrow();
    expect(basePath({ BASE_PATH: '//evil.example' })).toBe('/evil.example/');
  });
});
