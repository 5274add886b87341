/** Run the real `astro build` over a fixture content folder, into its own output folder. */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';

export interface BuildResult {
  code: number | null;
  output: string;
  outDir: string;
}

export function buildFixture(contentDir: string, env: Record<string, string> = {}): Promise<BuildResult> {
  const outDir = mkdtempSync(join('.tmp', 'build-'));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', outDir], {
      // Test builds keep their caches with the rest of the tests' files, not in node_modules.
      env: { ...process.env, CONTENT_DIR: contentDir, BUILD_CACHE_DIR: '.tmp/build-cache', NO_COLOR: '1', FORCE_COLOR: '0', ...env },
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output, outDir }));
  });
}
