/**
 * The search index's thread (`pagefind.ts`): at the lowest priority, with the Pagefind process it
 * starts (which inherits it), it indexes the article pages as they render, in the time page
 * rendering leaves a core idle, and writes the index when told the build is done.
 *
 * Pagefind reads a folder of pages in one call, on all its threads; a page handed over on its own
 * (`addHTMLFile`) took it 6.6 ms, three times as long. So each page is written, with only the
 * ids results use (`withSearchAnchorsOnly`), into a folder of its batch, and each full batch is
 * indexed as one folder while the next fills.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parentPort } from 'node:worker_threads';
import * as pagefind from 'pagefind';
import { yieldToTheBuild } from '../src/lib/low-priority.ts';
import { withSearchAnchorsOnly } from '../src/lib/search/anchors.ts';
import type { HtmlRecord } from '../src/lib/search/records.ts';

/** The messages this thread takes, in order: the records, the pages as they render, then `write`. */
export type ToIndex =
  | { type: 'records'; records: HtmlRecord[] }
  | { type: 'page'; url: string; html: Uint8Array }
  | { type: 'write'; site: string; articles: string[]; unused: string[] };

/** What it answers `write` with. */
export type Indexed = { ok: true; pages: number; records: number } | { ok: false; step: string; errors: string[] };

/** Pages a batch holds: a folder Pagefind reads on all its threads, small enough to be indexed while pages render. */
const BATCH = 100;

yieldToTheBuild();

class Failure extends Error {
  readonly step: string;
  readonly errors: string[];
  constructor(step: string, errors: string[]) {
    super(step);
    this.step = step;
    this.errors = errors;
  }
}

const work = await mkdtemp(join(tmpdir(), 'long-reads-search-'));
const created = pagefind.createIndex({ forceLanguage: 'en' }).then(({ index, errors }) => {
  if (!index) throw new Failure('setup', errors);
  return index;
});
/** Every folder handed to Pagefind: indexed one after another, as Pagefind's service takes them. */
let indexing: Promise<void> = created.then(() => undefined);
indexing.catch(() => undefined);
let batch: { folder: string; writes: Array<Promise<void>> } | undefined;
let batches = 0;
let records = 0;
const seen = new Set<string>();

/** Index `folder` once everything before it is, and its files are written. */
function index(folder: string, writes: ReadonlyArray<Promise<unknown>>, step: string): void {
  indexing = indexing.then(async () => {
    await Promise.all(writes);
    const added = await (await created).addDirectory({ path: folder });
    if (added.errors.length) throw new Failure(step, added.errors);
  });
  // A failure is answered at `write`; this keeps it from going unhandled before.
  indexing.catch(() => undefined);
}

function closeBatch(): void {
  if (!batch) return;
  index(batch.folder, batch.writes, 'indexing');
  batch = undefined;
}

/** A page (its bytes read as Latin-1: one character a byte, so nothing is decoded) into the current batch. */
function addPage(url: string, html: string): void {
  seen.add(url);
  batch ??= { folder: join(work, `pages-${batches++}`), writes: [] };
  const file = join(batch.folder, url, 'index.html');
  batch.writes.push(mkdir(dirname(file), { recursive: true }).then(() => writeFile(file, withSearchAnchorsOnly(html), 'latin1')));
  if (batch.writes.length >= BATCH) closeBatch();
}

async function write(site: string, articles: readonly string[], unused: readonly string[]): Promise<Indexed> {
  // Pages Astro reused from its incremental cache were not rendered, so not sent: read them here.
  for (const url of articles) if (!seen.has(url)) addPage(url, await readFile(join(site, url, 'index.html'), 'latin1'));
  closeBatch();
  await indexing;
  const written = await (await created).writeFiles({ outputPath: join(site, 'pagefind') });
  if (written.errors.length) throw new Failure('writing', written.errors);
  await Promise.all(unused.map((name) => rm(join(site, 'pagefind', name), { force: true })));
  return { ok: true, pages: seen.size, records };
}

parentPort!.on('message', (message: ToIndex) => {
  if (message.type === 'records') {
    records = message.records.length;
    const folder = join(work, 'records');
    const made = mkdir(folder);
    index(folder, message.records.map((record, i) => made.then(() => writeFile(join(folder, `${i}.html`), record.content))), 'indexing the annotations');
  } else if (message.type === 'page') {
    addPage(message.url, Buffer.from(message.html.buffer, message.html.byteOffset, message.html.byteLength).toString('latin1'));
  } else {
    write(message.site, message.articles, message.unused)
      .catch((error: unknown): Indexed => (error instanceof Failure ? { ok: false, step: error.step, errors: error.errors } : { ok: false, step: 'running', errors: [String(error)] }))
      .then(async (answer) => {
        await pagefind.close();
        await rm(work, { recursive: true, force: true });
        parentPort!.postMessage(answer);
      });
  }
});
