/**
 * Every bad fixture, through the content layer the build and `npm run check` both run
 * (`src/lib/content/publication.ts`), in this process: it stops with one error naming the file,
 * the field and the fix, and a hostile payload never runs. `tests/content/bad-content.test.ts`
 * proves the build and the check print this same error, end to end, for a few of them.
 */
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Publication } from '../../../src/lib/content/publication.ts';
import { ContentError } from '../../../src/lib/content/rules.ts';
import { BAD_CASES, expectNamed } from '../../content/bad-cases.ts';

/** The content layer's error for a content folder, or undefined when it syncs. */
async function problemsOf(root: string): Promise<ContentError | undefined> {
  try {
    await new Publication({ root }).sync();
    return undefined;
  } catch (error) {
    return error as ContentError;
  }
}

describe('the content layer rejects bad content clearly', () => {
  it('has a case for every bad fixture folder', () => {
    const folders = ['bad-content', 'bad-annotations'].flatMap((group) => readdirSync(`tests/fixtures/${group}`).map((name) => `tests/fixtures/${group}/${name}`));
    expect(BAD_CASES.map((c) => c.folder).sort()).toEqual(folders.sort());
  });

  it('accepts the real content and the fixture publications', async () => {
    expect(await problemsOf('content')).toBeUndefined();
    expect(await problemsOf('tests/fixtures/publication')).toBeUndefined();
    expect(await problemsOf('tests/fixtures/archive')).toBeUndefined();
  });

  it.each(BAD_CASES)('$folder: stops naming $file, $field and the fix', async (c) => {
    if (c.marker) rmSync(c.marker, { force: true });
    const error = await problemsOf(c.folder);
    expect(error, 'the content was accepted').toBeInstanceOf(ContentError);
    expectNamed(error!.message, c, expect);
    // The payload never ran: the file it would have written is not there.
    if (c.marker) expect(existsSync(c.marker), `${c.marker} was written: the content ran as code`).toBe(false);
  });
});
