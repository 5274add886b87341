/**
 * `npm run check` validates content without a build, with the build's own messages: every bad
 * fixture the build rejects, check rejects too, naming the same file, field and fix
 * (`bad-cases.ts` holds both to one table).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BAD_ANNOTATIONS, BAD_CONTENT, expectNamed } from './bad-cases.ts';

function check(content: string) {
  return spawnSync(process.execPath, ['scripts/check-content.ts'], { env: { ...process.env, CONTENT_DIR: content }, encoding: 'utf8' });
}

const cases = [...BAD_CONTENT, ...BAD_ANNOTATIONS];

describe('npm run check', () => {
  it('passes the real content', () => {
    const result = check('content');
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/content\/ is valid/);
  }, 60_000);

  it('has a case for every bad fixture folder', () => {
    const folders = ['bad-content', 'bad-annotations'].flatMap((group) => readdirSync(`tests/fixtures/${group}`).map((name) => `tests/fixtures/${group}/${name}`));
    expect(cases.map((c) => c.folder).sort()).toEqual(folders.sort());
  });

  it.each(cases)('rejects $folder, naming $file, $field and the fix', (c) => {
    if (c.marker) rmSync(c.marker, { force: true });
    const result = check(c.folder);
    expect(result.status, result.stdout).toBe(1);
    expectNamed(result.stderr, c, expect);
    if (c.marker) expect(existsSync(c.marker), `${c.marker} was written: the content ran as code`).toBe(false);
  }, 60_000);

  it('gives the line, column and fix for a raw brace', () => {
    const result = check('tests/fixtures/bad-content/raw-brace');
    expect(result.stderr).toContain('tests/fixtures/bad-content/raw-brace/articles/tiny/02-second.mdx: line 10, column 8: "{": write \\{ to show a brace');
  }, 60_000);
});
