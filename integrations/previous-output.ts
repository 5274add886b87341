/**
 * A rebuild's previous output is moved aside in one step and deleted while the build runs, not
 * before it starts. Astro empties the output folder file by file before it bundles anything: at
 * 10,000 articles that is 105,000 files, about half a minute in which nothing else happened (a
 * tenth of the rebuild). Renamed within its own folder, the old output leaves at once; a worker
 * thread deletes it while the pages render, and the build waits for that thread only when it is
 * done. Where the folder cannot be renamed (another disk, a mount point) or holds a `.git` (a
 * deploy checkout), it is left to Astro as before. An aside left by a build that was stopped is
 * deleted by the next.
 */
import { existsSync, readdirSync, renameSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AstroIntegration } from 'astro';

/** The name the previous output takes beside the output folder while it is deleted. */
const asideName = (outDir: string, id: string | number) => `.${basename(outDir)}-previous-${id}`;

/** Move `outDir` aside and start deleting it and any earlier aside; resolves when they are gone. */
export function clearPreviousOutput(outDir: string): Promise<void> {
  const parent = dirname(outDir);
  const stale = existsSync(parent) ? readdirSync(parent).filter((name) => name.startsWith(asideName(outDir, ''))).map((name) => join(parent, name)) : [];
  const doomed = [...stale];
  if (existsSync(outDir) && !existsSync(join(outDir, '.git'))) {
    const aside = join(parent, asideName(outDir, `${process.pid}-${Date.now()}`));
    try {
      renameSync(outDir, aside);
      doomed.push(aside);
    } catch {
      // Not renameable here: Astro empties it in place.
    }
  }
  if (doomed.length === 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const worker = new Worker("const { rmSync } = require('node:fs'); for (const path of require('node:worker_threads').workerData) rmSync(path, { recursive: true, force: true, maxRetries: 3 });", { eval: true, workerData: doomed });
    worker.once('error', reject);
    worker.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`deleting the previous output (${doomed.join(', ')}) stopped with code ${code}`))));
  });
}

export default function previousOutputIntegration(): AstroIntegration {
  let outDir = '';
  let clearing: Promise<void> | undefined;
  return {
    name: 'reader:previous-output',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
      },
      'astro:build:start': () => {
        clearing = clearPreviousOutput(outDir);
        // A failure is reported when the build is done; this keeps it from going unhandled before.
        clearing.catch(() => undefined);
      },
      'astro:build:done': async () => {
        await clearing;
      },
    },
  };
}
