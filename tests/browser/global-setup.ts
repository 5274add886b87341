import type { TestProject } from 'vitest/node';
import { spawnSync } from 'node:child_process';
import { startStaticServer } from '../../scripts/static-server.ts';
import { PROBE_PATH, PROBE_SCRIPT } from './probe.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
    readerURL: string;
    basePathReaderURL: string;
    archiveURL: string;
  }
}

/** The path the second build is served under, to prove every URL respects BASE_PATH. */
export const TEST_BASE_PATH = '/sub/path/';
const BASE_PATH_DIST = '.tmp/dist-base-path';

/** The same content built again under BASE_PATH (the og-card cache makes it quick). */
function buildUnderBasePath(): void {
  const result = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', BASE_PATH_DIST], {
    env: { ...process.env, BASE_PATH: TEST_BASE_PATH },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`the build under BASE_PATH=${TEST_BASE_PATH} failed:\n${result.stdout}\n${result.stderr}`);
}

/** The archive fixture (tests/fixtures/archive), built for the archive's pages in every engine. */
export const ARCHIVE_DIST = '.tmp/dist-archive';
function buildArchive(): void {
  const result = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', ARCHIVE_DIST], {
    env: { ...process.env, CONTENT_DIR: 'tests/fixtures/archive', BUILD_CACHE_DIR: '.tmp/build-cache' },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`the build of tests/fixtures/archive failed:\n${result.stdout}\n${result.stderr}`);
}

/**
 * Servers for all browser tests, over the build `npm test` just made: `baseURL` serves dist/
 * exactly as deployed; `readerURL` serves the same files with the reader suite's error probe
 * loaded first in every page; `basePathReaderURL` serves a second build made with BASE_PATH,
 * under that path, probe included; `archiveURL` serves the archive fixture's build, probe included.
 */
export default async function setup(project: TestProject) {
  const server = await startStaticServer({ root: 'dist' });
  const probed = await startStaticServer({ root: 'dist', inject: { path: PROBE_PATH, script: PROBE_SCRIPT } });
  buildUnderBasePath();
  const based = await startStaticServer({ root: BASE_PATH_DIST, base: TEST_BASE_PATH, inject: { path: PROBE_PATH, script: PROBE_SCRIPT } });
  project.provide('baseURL', server.url);
  project.provide('readerURL', probed.url);
  buildArchive();
  const archive = await startStaticServer({ root: ARCHIVE_DIST, inject: { path: PROBE_PATH, script: PROBE_SCRIPT } });
  project.provide('basePathReaderURL', based.url);
  project.provide('archiveURL', archive.url);
  return async () => {
    await server.close();
    await probed.close();
    await based.close();
    await archive.close();
  };
}
