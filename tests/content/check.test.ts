/**
 * `npm run check` validates content without a build, with the build's own messages: every bad
 * fixture the build rejects for a content rule, a schema or an MDX pitfall, check rejects too,
 * naming the same file.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function check(content: string) {
  return spawnSync(process.execPath, ['scripts/check-content.ts'], { env: { ...process.env, CONTENT_DIR: content }, encoding: 'utf8' });
}

// What a figure draws and where marks overlap are known only with the built library and the
// rendered text: those two kinds of mistake are the build's alone (README says so).
const BUILD_ONLY = /^(figure-draws-nothing|figure-unknown-issue|overlapping-mentions)$/;
const cases = ['bad-content', 'bad-annotations'].flatMap((group) =>
  readdirSync(join('tests/fixtures', group))
    .filter((name) => !BUILD_ONLY.test(name))
    .map((name) => join('tests/fixtures', group, name)),
);

describe('npm run check', () => {
  it('passes the real content', () => {
    const result = check('content');
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/content\/ is valid/);
  }, 60_000);

  it.each(cases)('rejects %s, naming its file', (content) => {
    const result = check(content);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(content);
  }, 60_000);

  it('gives the line, column and fix for a raw brace', () => {
    const result = check('tests/fixtures/bad-content/raw-brace');
    expect(result.stderr).toContain('tests/fixtures/bad-content/raw-brace/articles/tiny/02-second.mdx: line 10, column 8: "{": write \\{ to show a brace');
  }, 60_000);
});
