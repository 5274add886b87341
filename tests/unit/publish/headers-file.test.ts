import { describe, expect, it } from 'vitest';
import { headersFor, matchesPattern, parseHeadersFile } from '../../../src/lib/publish/headers-file.ts';

describe('_headers as static hosts read it', () => {
  const rules = parseHeadersFile(`# comment
/*
  X-Content-Type-Options: nosniff
  Cache-Control: no-cache

/_astro/*
  ! Cache-Control
  Cache-Control: public, max-age=31536000, immutable
`);

  it('parses patterns and their headers', () => {
    expect(rules).toHaveLength(2);
    expect(rules[1]).toEqual({ pattern: '/_astro/*', headers: [['Cache-Control', 'public, max-age=31536000, immutable']], removes: ['cache-control'] });
  });

  it('joins a header set twice, unless a later rule removes it first', () => {
    const joined = parseHeadersFile('/*\n  X-A: 1\n/a\n  X-A: 2\n');
    expect(headersFor(joined, '/a').get('x-a')).toBe('1, 2');
  });

  it('applies every matching rule; "! Name" replaces an earlier value', () => {
    expect(Object.fromEntries(headersFor(rules, '/_astro/a.css'))).toEqual({
      'x-content-type-options': 'nosniff',
      'cache-control': 'public, max-age=31536000, immutable',
    });
    expect(headersFor(rules, '/').get('cache-control')).toBe('no-cache');
  });

  it('matches splats and placeholders', () => {
    expect(matchesPattern('/:article/', '/a-b/')).toBe(true);
    expect(matchesPattern('/:article/', '/a/b/')).toBe(false);
    expect(matchesPattern('/pagefind/*', '/pagefind/x.js')).toBe(true);
    expect(matchesPattern('/a.b', '/axb')).toBe(false);
  });

  it('rejects a header line with no pattern above it', () => {
    expect(() => parseHeadersFile('  X-A: b')).toThrow(/line 1/);
  });
});
