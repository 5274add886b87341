import type { TestProject } from 'vitest/node';
import { startStaticServer } from '../../scripts/static-server.ts';
import { PROBE_PATH, PROBE_SCRIPT } from './probe.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
    readerURL: string;
  }
}

/**
 * Servers for all browser tests, over the build `npm test` just made: `baseURL` serves dist/
 * exactly as deployed; `readerURL` serves the same files with the reader suite's error probe
 * loaded first in every page.
 */
export default async function setup(project: TestProject) {
  const server = await startStaticServer({ root: 'dist' });
  const probed = await startStaticServer({ root: 'dist', inject: { path: PROBE_PATH, script: PROBE_SCRIPT } });
  project.provide('baseURL', server.url);
  project.provide('readerURL', probed.url);
  return async () => {
    await server.close();
    await probed.close();
  };
}
