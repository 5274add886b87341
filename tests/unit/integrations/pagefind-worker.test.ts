/**
 * The search index's thread (`integrations/pagefind-worker.ts`): it runs, with the Pagefind
 * process it starts, at the lowest priority (on Linux, where each thread has its own niceness),
 * indexes the pages it is sent as they render and, when told to write, the pages of the output it
 * was not sent (those Astro reused), and answers a failure instead of losing it.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { getPriority, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Worker } from 'node:worker_threads';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Indexed, ToIndex } from '../../../integrations/pagefind-worker.ts';

const MODULE = new URL('../../../integrations/pagefind-worker.ts', import.meta.url).href;

let site: string;
let thread: Worker | undefined;
beforeEach(() => {
  site = mkdtempSync(join(tmpdir(), 'search-thread-'));
});
afterEach(async () => {
  await thread?.terminate();
  thread = undefined;
  rmSync(site, { recursive: true, force: true });
});

const page = (words: string) => `<!doctype html><html lang="en"><head><title>${words}</title></head><body><main data-pagefind-body><h1 id="top">${words}</h1><p id="p-1">${words}</p></main></body></html>`;

/** The thread, with its own priority as the first thing it says. */
function start(): Promise<{ priority: number; answer: Promise<Indexed> }> {
  const worker = new Worker(`import(${JSON.stringify(MODULE)}).then(() => require('node:worker_threads').parentPort.postMessage(require('node:os').getPriority()))`, { eval: true });
  thread = worker;
  return new Promise((ok, fail) => {
    worker.once('error', fail);
    worker.once('message', (priority: number) => ok({ priority, answer: new Promise<Indexed>((answered) => worker.once('message', answered)) }));
  });
}

const send = (message: ToIndex) => thread!.postMessage(message);

/** Processes this test's process started whose name begins with `pagefind`, and each one's niceness. */
function pagefindNiceness(): number[] {
  const found: number[] = [];
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      continue;
    }
    const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    // After the name: state, ppid, … the niceness is the 17th field.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (name.startsWith('pagefind') && Number(fields[1]) === process.pid) found.push(Number(fields[16]));
  }
  return found;
}

/** What the written index holds: each page's URL (a record's own, from its metadata) and its text. */
function indexed(): Map<string, string> {
  const folder = join(site, 'pagefind', 'fragment');
  return new Map(
    readdirSync(folder).map((name) => {
      const fragment = JSON.parse(gunzipSync(readFileSync(join(folder, name))).subarray(12).toString()) as { url: string; content: string; meta: { url?: string } };
      return [fragment.meta.url ?? fragment.url, fragment.content];
    }),
  );
}

describe('the search index thread', () => {
  it('runs at the lowest priority, and so does the Pagefind process it starts (Linux)', async () => {
    const before = getPriority();
    const { priority, answer } = await start();
    expect(priority).toBe(process.platform === 'linux' ? 19 : before);
    expect(getPriority()).toBe(before);
    if (process.platform === 'linux') {
      let found: number[] = [];
      for (let tries = 0; tries < 100 && found.length === 0; tries++) {
        found = pagefindNiceness();
        if (found.length === 0) await new Promise((wait) => setTimeout(wait, 50));
      }
      expect(found).toEqual([19]);
    }
    send({ type: 'write', site, articles: [], unused: [] });
    expect(await answer).toEqual({ ok: true, pages: 0, records: 0 });
  });

  it('indexes the pages sent as they render and, at the end, those of the output it was not sent', async () => {
    const { answer } = await start();
    mkdirSync(join(site, 'kept'), { recursive: true });
    writeFileSync(join(site, 'kept', 'index.html'), page('Kept from the cache ’quoted’'));
    // A record names its own address, as `searchRecords` writes it.
    send({ type: 'records', records: [{ url: '/issues/one/', content: page('An issue record').replace('<main ', '<main data-pagefind-meta="url:/issues/one/" ') }] });
    send({ type: 'page', url: '/rendered/', html: new TextEncoder().encode(page('Rendered just now – “quoted”')) });
    send({ type: 'write', site, articles: ['/rendered/', '/kept/'], unused: ['pagefind-ui.js'] });
    expect(await answer).toEqual({ ok: true, pages: 2, records: 1 });
    const text = indexed();
    expect(text.get('/rendered/')).toContain('Rendered just now – “quoted”');
    expect(text.get('/kept/')).toContain('Kept from the cache ’quoted’');
    expect([...text.keys()].sort()).toEqual(['/issues/one/', '/kept/', '/rendered/']);
    expect(readdirSync(join(site, 'pagefind'))).not.toContain('pagefind-ui.js');
  });

  it('answers a failure, naming it, instead of losing it', async () => {
    const { answer } = await start();
    send({ type: 'write', site, articles: ['/never-written/'], unused: [] });
    const failed = await answer;
    expect(failed.ok).toBe(false);
    expect(!failed.ok && failed.errors.join('\n')).toMatch(/never-written/);
  });
});
