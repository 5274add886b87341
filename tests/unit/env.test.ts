import { describe, expect, it } from 'vitest';
import { contentDir, siteUrl } from '../../src/lib/env.ts';

describe('build settings from the environment', () => {
  it('defaults to content/ and localhost', () => {
    expect(contentDir({})).toBe('content');
    expect(siteUrl({})).toBe('http://localhost:4321');
  });
  it('reads CONTENT_DIR and SITE_URL', () => {
    expect(contentDir({ CONTENT_DIR: 'tests/fixtures/x/' })).toBe('tests/fixtures/x');
    expect(siteUrl({ SITE_URL: 'https://reader.example/path' })).toBe('https://reader.example');
  });
  it('rejects a SITE_URL that is not absolute', () => {
    expect(() => siteUrl({ SITE_URL: 'reader.example' })).toThrow(/SITE_URL/);
  });
});
