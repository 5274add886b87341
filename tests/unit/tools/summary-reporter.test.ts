/** The run fails when a test is skipped, whatever skipped it: proved on a fixture run that skips one. */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('a skipped test fails the run', () => {
  it('exits non-zero and names the skipped test, though every other test passed', () => {
    const run = spawnSync(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', '--config', 'tests/fixtures/skipped-test/vitest.config.ts'], { encoding: 'utf8' });
    expect(run.stdout).toContain('Tests: 1 passed, 0 failed, 1 skipped');
    expect(run.stdout).toContain('skips.test.ts > is skipped while the run goes on');
    expect(run.status).toBe(1);
  }, 60_000);
});
