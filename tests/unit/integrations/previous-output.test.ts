/**
 * A rebuild's previous output moved aside and deleted while the build runs
 * (`integrations/previous-output.ts`): gone when the build is done, with any aside an earlier
 * stopped build left; a deploy checkout (`.git`) is left where it is.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clearPreviousOutput } from '../../../integrations/previous-output.ts';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'previous-output-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function output(files: number): string {
  const dir = join(root, 'dist');
  for (let i = 0; i < files; i++) {
    mkdirSync(join(dir, `page-${i}`), { recursive: true });
    writeFileSync(join(dir, `page-${i}`, 'index.html'), `<p>${i}</p>`);
  }
  return dir;
}

describe('the previous output', () => {
  it('leaves the output folder at once and is deleted by the time the build is done, with what a stopped build left', async () => {
    const dir = output(50);
    mkdirSync(join(root, '.dist-previous-1-2', 'deep'), { recursive: true });
    writeFileSync(join(root, 'other.txt'), 'kept');
    const clearing = clearPreviousOutput(dir);
    // Gone from its place before any deleting is done: the build writes into an empty folder.
    expect(existsSync(dir)).toBe(false);
    await clearing;
    expect(readdirSync(root)).toEqual(['other.txt']);
  });

  it('leaves a deploy checkout to Astro, and does nothing where there is no output yet', async () => {
    const dir = output(2);
    mkdirSync(join(dir, '.git'));
    await clearPreviousOutput(dir);
    expect(existsSync(join(dir, '.git'))).toBe(true);
    expect(existsSync(join(dir, 'page-0', 'index.html'))).toBe(true);
    await clearPreviousOutput(join(root, 'never-built'));
    expect(readdirSync(root)).toEqual(['dist']);
  });
});
