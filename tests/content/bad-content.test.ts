/**
 * The build and `npm run check` stop on bad content with the content layer's error, naming the
 * file, the field and the fix; a hostile payload runs in neither. Every case is held to the
 * content layer in `tests/unit/content/bad-cases.test.ts`; these run the real commands.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildFixture } from './build.ts';
import { END_TO_END, expectNamed } from './bad-cases.ts';

beforeAll(() => mkdirSync('.tmp', { recursive: true }));

function check(content: string) {
  return spawnSync(process.execPath, ['scripts/check-content.ts'], { env: { ...process.env, CONTENT_DIR: content }, encoding: 'utf8' });
}

describe('bad content fails the build clearly', () => {
  it.each(END_TO_END)('$folder: fails naming $file, $field and the fix', async (c) => {
    if (c.marker) rmSync(c.marker, { force: true });
    const { code, output } = await buildFixture(c.folder);
    expect(code, output).not.toBe(0);
    expectNamed(output, c, expect);
    if (c.marker) expect(existsSync(c.marker), `${c.marker} was written: the content ran as code`).toBe(false);
  });
});

describe('npm run check', () => {
  it('passes the real content', () => {
    const result = check('content');
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/content\/ is valid/);
  });

  it.each(END_TO_END)('rejects $folder, naming $file, $field and the fix', (c) => {
    if (c.marker) rmSync(c.marker, { force: true });
    const result = check(c.folder);
    expect(result.status, result.stdout).toBe(1);
    expectNamed(result.stderr, c, expect);
    if (c.marker) expect(existsSync(c.marker), `${c.marker} was written: the content ran as code`).toBe(false);
  });

  it('gives the line, column and fix for a raw brace', () => {
    const result = check('tests/fixtures/bad-content/raw-brace');
    expect(result.stderr).toContain('tests/fixtures/bad-content/raw-brace/articles/tiny/02-second.mdx: line 10, column 8: "{": write \\{ to show a brace');
  });
});
