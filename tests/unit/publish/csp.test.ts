import { describe, expect, it } from 'vitest';
import { CSP_PLACEHOLDER, fillHeadersFile, headerPolicy, metaPolicyOf, parsePolicy, serializePolicy } from '../../../src/lib/publish/csp.ts';

const META = `<meta http-equiv="content-security-policy" content="default-src 'self';img-src 'self' data:; script-src 'self' 'sha256-AAA='; style-src 'self' 'sha256-BBB=';">`;

describe('the CSP header made from the pages’ meta policies', () => {
  it('reads a page’s meta policy by directive', () => {
    expect(metaPolicyOf(META)).toEqual(new Map([
      ['default-src', ["'self'"]],
      ['img-src', ["'self'", 'data:']],
      ['script-src', ["'self'", "'sha256-AAA='"]],
      ['style-src', ["'self'", "'sha256-BBB='"]],
    ]));
    expect(metaPolicyOf('<meta charset="utf-8">')).toBeNull();
  });

  it('allows exactly what the pages allow, plus frame-ancestors, and never unsafe-inline', () => {
    const other = parsePolicy("default-src 'self'; style-src 'self' 'sha256-CCC='");
    const header = serializePolicy(headerPolicy([metaPolicyOf(META)!, other]));
    expect(header).toBe("default-src 'self'; img-src 'self' data:; script-src 'self' 'sha256-AAA='; style-src 'self' 'sha256-BBB=' 'sha256-CCC='; frame-ancestors 'none'");
    expect(header).not.toContain('unsafe-inline');
  });

  it('fails the build when no page has a policy or the _headers placeholder is gone', () => {
    expect(() => headerPolicy([])).toThrow(/security.csp/);
    expect(() => fillHeadersFile('/*\n  X-Frame-Options: DENY\n', parsePolicy("default-src 'self'"))).toThrow(/public\/_headers/);
    expect(fillHeadersFile(`/*\n  ${CSP_PLACEHOLDER}\n`, parsePolicy("default-src 'self'"))).toBe("/*\n  Content-Security-Policy: default-src 'self'\n");
  });
});
