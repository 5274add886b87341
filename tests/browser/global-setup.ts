import type { TestProject } from 'vitest/node';
import { startStaticServer } from '../../scripts/static-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
  }
}

/** One server for all browser tests, serving the build `npm test` just made. */
export default async function setup(project: TestProject) {
  const server = await startStaticServer({ root: 'dist' });
  project.provide('baseURL', server.url);
  return () => server.close();
}
