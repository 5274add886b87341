/**
 * A private copy of a built site with Brotli and gzip variants beside every compressible file, the
 * layout `sirv` serves from. Files are hard-linked (copied across file systems); each text file
 * is compressed once, asynchronously, so no request waits on compression.
 */
import { copyFile, link, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/** Text formats worth compressing. Pagefind's index files are compressed by Pagefind already. */
export const COMPRESSIBLE = /\.(html|css|js|mjs|json|xml|txt|svg|wasm|webmanifest)$/;

async function* walk(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (entry.isFile()) yield path;
  }
}

/** Runs `work` over `items`, at most `limit` at a time (zlib's thread pool does the work). */
async function eachLimited<T>(items: AsyncIterable<T>, limit: number, work: (item: T) => Promise<void>): Promise<void> {
  const running = new Set<Promise<void>>();
  for await (const item of items) {
    const task = work(item).finally(() => running.delete(task));
    running.add(task);
    if (running.size >= limit) await Promise.race(running);
  }
  await Promise.all(running);
}

export async function precompressedMirror(root: string, mirror: string, include: (relativePath: string) => boolean): Promise<void> {
  await eachLimited(walk(root), 8, async (file) => {
    const name = relative(root, file);
    if (!include(name)) return;
    const target = join(mirror, name);
    await mkdir(join(target, '..'), { recursive: true });
    await link(file, target).catch(() => copyFile(file, target));
    if (!COMPRESSIBLE.test(name)) return;
    const body = await readFile(file);
    const [br, gzipped] = await Promise.all([
      brotli(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 9, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }),
      gz(body, { level: 9 }),
    ]);
    // A variant that saves nothing is left out; sirv then sends the file itself.
    if (br.length < body.length) await writeFile(`${target}.br`, br);
    if (gzipped.length < body.length) await writeFile(`${target}.gz`, gzipped);
  });
}
