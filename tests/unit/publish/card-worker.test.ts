import { getPriority } from 'node:os';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';

/** The priority a worker thread running the card worker has, as that thread sees it. */
function priorityInCardThread(): Promise<number> {
  const module = new URL('../../../src/lib/publish/card-worker.ts', import.meta.url).href;
  const script = `import(${JSON.stringify(module)}).then(() => require('node:worker_threads').parentPort.postMessage(require('node:os').getPriority()))`;
  return new Promise((ok, fail) => {
    const worker = new Worker(script, { eval: true });
    worker.once('message', (priority: number) => void worker.terminate().then(() => ok(priority)));
    worker.once('error', fail);
  });
}

describe('the card thread', () => {
  it('draws at the lowest priority, leaving the build’s own threads theirs (Linux: a niceness a thread)', async () => {
    const before = getPriority();
    expect(await priorityInCardThread()).toBe(process.platform === 'linux' ? 19 : before);
    expect(getPriority()).toBe(before);
  });
});
