import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    reporters: ['default', './tests/summary-reporter.ts'],
    // A skipped or focused test proves nothing: fail the run if one is committed.
    allowOnly: false,
    projects: [
      {
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] },
      },
      {
        // Real `astro build` runs over fixture content folders: slow, so generous timeouts.
        // Tests marked concurrent run two at a time: one build per core.
        test: { name: 'content', include: ['tests/content/**/*.test.ts'], testTimeout: 180_000, hookTimeout: 180_000, maxConcurrency: 2 },
      },
      {
        // Real Chromium against the built dist/, served on 127.0.0.1 like a static host.
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          globalSetup: ['tests/browser/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
