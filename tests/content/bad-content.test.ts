import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildFixture } from './build.ts';
import { BAD_CONTENT, expectNamed } from './bad-cases.ts';

beforeAll(() => mkdirSync('.tmp', { recursive: true }));

describe('bad content fails the build clearly', () => {
  it.each(BAD_CONTENT)('$folder: fails naming $file, $field and the fix', async (c) => {
    if (c.marker) rmSync(c.marker, { force: true });
    const { code, output } = await buildFixture(c.folder);
    expect(code, output).not.toBe(0);
    expectNamed(output, c, expect);
    // The payload never ran: the file it would have written is not there.
    if (c.marker) expect(existsSync(c.marker), `${c.marker} was written: the content ran as code`).toBe(false);
  });
});
