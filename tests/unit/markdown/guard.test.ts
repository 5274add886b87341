/**
 * Content is text: the pipeline's first step refuses anything in a content file that would be
 * code or markup, naming the line, the column and the fix, and lets the text an editor writes
 * (escaped characters, the one component sections use, links to http(s) and to the site) through.
 */
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { guardProblems, isAllowedUrl, urlScheme } from '../../../src/lib/markdown/guard.ts';

const mdx = (text: string) => guardProblems(unified().use(remarkParse).use(remarkMdx).use(remarkGfm).parse(text), 'x.mdx').map((p) => `${p.field}: ${p.message}`);
const md = (text: string) => guardProblems(unified().use(remarkParse).use(remarkGfm).parse(text), 'x.md').map((p) => `${p.field}: ${p.message}`);

describe('the content guard', () => {
  it('lets text through: escaped braces and tags, the Figure component with a literal name, links to http(s) and to the site', () => {
    expect(mdx('Costs \\{rose\\} by \\<5%.\n\n<Figure name="figure-1" />\n\n[a](https://example.org/) [b](/events/) [c](#note) [d](../x/)')).toEqual([]);
    expect(md('Costs {rose} by 5% [a](http://example.org/) <https://example.org>.')).toEqual([]);
  });

  it('refuses ESM, expressions, other components, attribute expressions and spreads, and markup', () => {
    expect(mdx('One.\n\nimport x from "node:fs";')).toEqual([expect.stringMatching(/^line 3, column 1: import\/export: /)]);
    expect(mdx('export const x = 1;')).toEqual([expect.stringMatching(/^line 1, column 1: import\/export/)]);
    expect(mdx('A {1 + 1} sum.')).toEqual([expect.stringMatching(/^line 1, column 3: "\{": braces are read as a JavaScript expression/)]);
    expect(mdx('{x}')).toEqual([expect.stringMatching(/^line 1, column 1: "\{"/)]);
    expect(mdx('<script>alert(1)</script>')).toEqual([expect.stringMatching(/<script> is markup, not text/)]);
    expect(mdx('A <b>bold</b> word.')).toEqual([expect.stringMatching(/^line 1, column 3: <b> is markup/)]);
    expect(mdx('<>fragment</>')).toEqual([expect.stringMatching(/a fragment \(<>\) is markup/)]);
    expect(mdx('<Figure name={evil()} />')).toEqual([expect.stringMatching(/name must be a quoted value/)]);
    expect(mdx('<Figure {...props} />')).toEqual([expect.stringMatching(/<Figure> takes name="…", not \{…\}/)]);
    expect(mdx('<Figure name="x" onload="alert(1)" />')).toEqual([expect.stringMatching(/takes name="…", not onload/)]);
    expect(mdx('<Figure name="Not A Slug" />')).toEqual([expect.stringMatching(/not a valid name/)]);
  });

  it('refuses raw HTML in Markdown', () => {
    expect(md('One.\n\n<meta http-equiv="refresh" content="0; url=https://evil.example/">')).toEqual([expect.stringMatching(/^line 3, column 1: "<": raw HTML is not allowed/)]);
    expect(md('A <img src=x onerror=alert(1)> word.')).toEqual([expect.stringMatching(/^line 1, column 3: "<": raw HTML/)]);
  });

  it('refuses links and images to anything but http(s) and this site, however the scheme is disguised', () => {
    for (const url of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html;base64,PHNjcmlwdD4=', 'vbscript:x', 'file:///etc/passwd', '//evil.example/']) {
      expect(md(`[a](<${url}>)`), url).toEqual([expect.stringMatching(/links may point only to http\(s\) addresses/)]);
    }
    expect(md('![a picture](javascript:alert(1))')).toEqual([expect.stringMatching(/links may point only/)]);
    expect(md('[a][ref]\n\n[ref]: javascript:alert(1)')).toEqual([expect.stringMatching(/^line 3, column 1: "javascript:alert\(1\)"/)]);
  });

  it('reads a scheme as a browser does: tabs, newlines and leading spaces are not there', () => {
    expect(urlScheme('java\tscript:alert(1)')).toBe('javascript');
    expect(urlScheme(' \u0001javascript:x')).toBe('javascript');
    expect(urlScheme('/events/')).toBeUndefined();
    expect(urlScheme('section:colon')).toBe('section');
    expect(isAllowedUrl('java\nscript:alert(1)')).toBe(false);
    expect(isAllowedUrl('/\\evil.example')).toBe(false);
    expect(isAllowedUrl('HTTPS://example.org/')).toBe(true);
    expect(isAllowedUrl('#fn-1')).toBe(true);
  });
});
