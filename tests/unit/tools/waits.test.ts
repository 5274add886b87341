/**
 * A wait that cannot wait is a gate that cannot fail: Playwright's `waitForFunction` treats an
 * async predicate's Promise as truthy and returns at once (see `tests/browser/poll.ts`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ASYNC_PREDICATE = /waitForFunction\(\s*async\b/;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'fixtures' ? [] : sources(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

describe('waits in the tests', () => {
  it('the check finds an async predicate given to waitForFunction', () => {
    // Written in two parts, so this file is not an offender itself.
    expect(ASYNC_PREDICATE.test('await page.waitForFunction(' + 'async () => (await caches.keys()).length > 0);')).toBe(true);
    expect(ASYNC_PREDICATE.test('await waitInPage(page, async () => (await caches.keys()).length > 0);')).toBe(false);
  });

  it('no test gives waitForFunction an async predicate (waitInPage polls one)', () => {
    const offenders = [...sources('tests'), ...sources('bench')].filter((file) => ASYNC_PREDICATE.test(readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
