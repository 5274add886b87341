/**
 * A build cache of the test's own (BUILD_CACHE_DIR in a new scratch folder) for each test of the
 * file that calls this, removed after it with the variable restored. Returns the scratch folder.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';

export function scratchBuildCache(name: string): () => string {
  const saved = process.env['BUILD_CACHE_DIR'];
  let scratch = '';
  beforeEach(() => {
    scratch = mkdtempSync(join(tmpdir(), `${name}-`));
    process.env['BUILD_CACHE_DIR'] = join(scratch, 'cache');
  });
  afterEach(() => {
    rmSync(scratch, { recursive: true, force: true });
    if (saved === undefined) delete process.env['BUILD_CACHE_DIR'];
    else process.env['BUILD_CACHE_DIR'] = saved;
  });
  return () => scratch;
}
