/**
 * `node bench/string-module.ts`: how long Node takes to import a module whose default export is
 * one string literal of 10, 20, 40 and 80 MB, the shape in which Astro hands its whole data
 * store to the page build (`export default JSON.parse("…")`). Measured here on 2026-12-06:
 * 0.8 s, 3.1 s, 11.3 s, 35.8 s (JSON.parse included): the time grows with the square of the size, which is the wall an
 * archive of 10,000 articles hits (#17). Machine-dependent: printed, never tested.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

// JSON with quotes to escape, as a data store of rendered HTML has.
const record = JSON.stringify({ id: 'analysis-00001', html: '<p class="x">Words “quoted” and <a href="/a/">linked</a>.</p>'.repeat(4) });
const dir = mkdtempSync(join(tmpdir(), 'string-module-'));
try {
  for (const megabytes of [10, 20, 40, 80]) {
    const json = `[${Array.from({ length: Math.ceil((megabytes * 1e6) / record.length) }, () => record).join(',')}]`;
    const file = join(dir, `store-${megabytes}.mjs`);
    writeFileSync(file, `export default JSON.parse(${JSON.stringify(json)}).length;`);
    const started = performance.now();
    await import(pathToFileURL(file).href);
    console.log(`${String(megabytes).padStart(3)} MB string module: imported in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
