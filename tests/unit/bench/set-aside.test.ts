/**
 * `bench:scale` clears its folders without freeing a file before a timed build
 * (`bench/lib/set-aside.ts`): a folder set aside is renamed, its files keep their inodes, and the
 * trash is deleted only when asked, after the last build.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyTrash, setAside } from '../../../bench/lib/set-aside.ts';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'set-aside-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('setting a folder aside', () => {
  it('renames it into the trash, files and inodes kept, until the trash is emptied', () => {
    const dist = join(root, 'dist');
    mkdirSync(join(dist, 'page'), { recursive: true });
    writeFileSync(join(dist, 'page', 'index.html'), 'old');
    const inode = statSync(join(dist, 'page', 'index.html')).ino;
    const trash = join(root, 'trash');
    setAside(dist, trash);
    setAside(join(root, 'never-built'), trash);
    expect(existsSync(dist)).toBe(false);
    const [aside, ...others] = readdirSync(trash);
    expect(others).toEqual([]);
    expect(statSync(join(trash, aside!, 'page', 'index.html')).ino).toBe(inode);
    emptyTrash(trash);
    expect(readdirSync(root)).toEqual([]);
  });
});
