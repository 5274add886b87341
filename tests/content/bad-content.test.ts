/**
 * The build and `npm run check` stop on bad content with the content layer's error, naming the
 * file, the field and the fix; a hostile payload runs in neither. Every case is held to the
 * content layer in `tests/unit/content/bad-cases.test.ts`; these run the real commands.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { promisify } from 'node:util';
import { beforeAll, describe, it } from 'vitest';
import { buildFixture } from './build.ts';
import { END_TO_END, expectNamed } from './bad-cases.ts';

beforeAll(() => mkdirSync('.tmp', { recursive: true }));

/** `npm run check` over a content folder: its exit status and what it printed. */
async function check(content: string): Promise<{ status: number; stdout: string; stderr: string }> {
  return promisify(execFile)(process.execPath, ['scripts/check-content.ts'], { env: { ...process.env, CONTENT_DIR: content }, encoding: 'utf8' })
    .then(({ stdout, stderr }) => ({ status: 0, stdout, stderr }))
    .catch((error: { code?: number; stdout: string; stderr: string }) => ({ status: error.code ?? -1, stdout: error.stdout, stderr: error.stderr }));
}

// Each case is its own process, mostly one core's work: two at a time (the content project's
// maxConcurrency) halves the file's time on two cores. Assertions use each test's own `expect`.

describe.concurrent('bad content fails the build clearly', () => {
  it.for(END_TO_END)('$folder: fails naming $file, $field and the fix', async (c, { expect }) => {
    if (c.marker) rmSync(c.marker, { force: true });
    const { code, output } = await buildFixture(c.folder);
    expect(code, output).not.toBe(0);
    expectNamed(output, c, expect);
    if (c.marker) expect(existsSync(c.marker), `${c.marker} was written: the content ran as code`).toBe(false);
  });
});

describe.concurrent('npm run check', () => {
  it('passes the real content', async ({ expect }) => {
    const result = await check('content');
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/content\/ is valid/);
  });

  it.for(END_TO_END)('rejects $folder, naming $file, $field and the fix', async (c, { expect }) => {
    if (c.marker) rmSync(c.marker, { force: true });
    const result = await check(c.folder);
    expect(result.status, result.stdout).toBe(1);
    expectNamed(result.stderr, c, expect);
    if (c.marker) expect(existsSync(c.marker), `${c.marker} was written: the content ran as code`).toBe(false);
  });

  it('gives the line, column and fix for a raw brace', async ({ expect }) => {
    const result = await check('tests/fixtures/bad-content/raw-brace');
    expect(result.stderr).toContain('tests/fixtures/bad-content/raw-brace/articles/tiny/02-second.mdx: line 10, column 8: "{": write \\{ to show a brace');
  });
});
