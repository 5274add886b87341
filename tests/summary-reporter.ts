/**
 * Prints one plain closing line, "N passed, N failed, N skipped", for CI logs to read, and fails
 * the run when any test was skipped: a skipped test proves nothing, so the run cannot pass with one.
 */
import type { Reporter, TestModule } from 'vitest/node';

export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const counts = { passed: 0, failed: 0, skipped: 0 };
    const skipped: string[] = [];
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') counts.passed++;
        else if (state === 'failed') counts.failed++;
        else {
          counts.skipped++;
          skipped.push(`${module.moduleId.replace(`${process.cwd()}/`, '')} > ${test.fullName}`);
        }
      }
    }
    console.log(`\nTests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
    if (skipped.length > 0) {
      console.log(`A skipped test proves nothing, so the run fails. Skipped:\n${skipped.map((s) => `  - ${s}`).join('\n')}`);
      process.exitCode = 1;
    }
  }
}
