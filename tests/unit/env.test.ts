import { describe, expect, it } from 'vitest';
import { basePath, buildCacheDir, buildTime, contentDir, siteUrl, siteUrlWarning } from '../../src/lib/env.ts';

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
  it('takes the address the common static hosts give, SITE_URL first, and never localhost on them', () => {
    expect(siteUrl({ NETLIFY: 'true', CONTEXT: 'production', URL: 'https://reader.example', DEPLOY_PRIME_URL: 'https://main--reader.netlify.app' })).toBe('https://reader.example');
    expect(siteUrl({ NETLIFY: 'true', CONTEXT: 'deploy-preview', URL: 'https://reader.example', DEPLOY_PRIME_URL: 'https://deploy-preview-4--reader.netlify.app' })).toBe('https://deploy-preview-4--reader.netlify.app');
    expect(siteUrl({ VERCEL: '1', VERCEL_ENV: 'production', VERCEL_PROJECT_PRODUCTION_URL: 'reader.example', VERCEL_URL: 'reader-abc.vercel.app' })).toBe('https://reader.example');
    expect(siteUrl({ VERCEL: '1', VERCEL_ENV: 'preview', VERCEL_PROJECT_PRODUCTION_URL: 'reader.example', VERCEL_URL: 'reader-abc.vercel.app' })).toBe('https://reader-abc.vercel.app');
    expect(siteUrl({ CF_PAGES: '1', CF_PAGES_URL: 'https://abc.reader.pages.dev' })).toBe('https://abc.reader.pages.dev');
    expect(siteUrl({ CI_PAGES_URL: 'https://group.gitlab.io/reader' })).toBe('https://group.gitlab.io');
    expect(siteUrl({ RENDER_EXTERNAL_URL: 'https://reader.onrender.com' })).toBe('https://reader.onrender.com');
    expect(siteUrl({ SITE_URL: 'https://mine.example', CF_PAGES: '1', CF_PAGES_URL: 'https://abc.reader.pages.dev' })).toBe('https://mine.example');
    // A host's variable without the host's own flag is not taken: a developer's shell may have a URL set.
    expect(siteUrl({ URL: 'https://elsewhere.example' })).toBe('http://localhost:4321');
  });
  it('says in one line how to set the address where a CI build knows none, and nothing on a developer’s machine', () => {
    expect(siteUrlWarning({})).toBeUndefined();
    expect(siteUrlWarning({ CI: 'true', CF_PAGES: '1', CF_PAGES_URL: 'https://abc.reader.pages.dev' })).toBeUndefined();
    expect(siteUrlWarning({ CI: 'true', SITE_URL: 'http://localhost:4321' })).toBeUndefined();
    expect(siteUrlWarning({ CI: 'true' })).toMatch(/^SITE_URL is not set.*Build with SITE_URL=https:\/\/your\.domain/);
    expect(siteUrlWarning({ CI: 'true' })).not.toContain('\n');
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

describe('when a build says it was made', () => {
  it('takes SOURCE_DATE_EPOCH when set, else now, and refuses a value that is not seconds', () => {
    const now = new Date('2026-12-06T00:00:00Z');
    expect(buildTime({}, now)).toBe(now);
    expect(buildTime({ SOURCE_DATE_EPOCH: '' }, now)).toBe(now);
    expect(buildTime({ SOURCE_DATE_EPOCH: '1539907200' }, now).toISOString()).toBe('2018-10-19T00:00:00.000Z');
    expect(() => buildTime({ SOURCE_DATE_EPOCH: '2018-10-19' }, now)).toThrow(/SOURCE_DATE_EPOCH: "2018-10-19" is not a number of seconds/);
  });
});
