import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FAVICON } from '../../src/lib/site.ts';

describe('the inline favicon', () => {
  it('is public/favicon.svg, URL-encoded', () => {
    const file = readFileSync('public/favicon.svg', 'utf8').trim().replaceAll('"', "'");
    expect(decodeURIComponent(FAVICON.replace('data:image/svg+xml,', ''))).toBe(file);
  });
});
