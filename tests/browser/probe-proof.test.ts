/**
 * The reader suite's error probe catches what it guards against, in every engine: proved on the
 * fixture broken on purpose (an inline script the CSP blocks, an image that cannot load).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStaticServer, type StaticServer } from '../../scripts/static-server.ts';
import { ENGINES, launchEngine } from './engines.ts';
import { PROBE_PATH, PROBE_SCRIPT } from './probe.ts';

const root = 'tests/fixtures/broken-site';
let probed: StaticServer;
let plain: StaticServer;
beforeAll(async () => {
  probed = await startStaticServer({ root, inject: { path: PROBE_PATH, script: PROBE_SCRIPT } });
  plain = await startStaticServer({ root });
});
afterAll(async () => {
  await probed.close();
  await plain.close();
});

describe('the error probe', () => {
  for (const name of ENGINES) {
    it(`reports a CSP violation and a failed load in ${name}, and its own absence`, async () => {
      const engine = await launchEngine(name, probed.url);
      try {
        const page = await engine.newPage();
        await page.goto('/');
        await page.waitFor(() => document.readyState === 'complete');
        const { problems } = await page.probe();
        expect(problems).toEqual(expect.arrayContaining([expect.stringMatching(/^CSP: script-src/), expect.stringMatching(/^failed to load: http:\/\/example\.invalid\//)]));
        await page.goto(`${plain.url}/ok/`);
        expect((await page.probe()).problems).toEqual(['the error probe did not run in this page']);
        await page.close();
      } finally {
        await engine.close();
      }
    }, 60_000);
  }
});
