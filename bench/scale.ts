/**
 * `npm run bench:scale -- --articles 1000` (or `10,100,1000`, or `10000` on request): how the
 * build grows with an archive, side by side with the Starlight peer building the same articles in
 * the same run. For each N it writes the synthetic publication (`lib/synthetic.ts`) and
 * - builds this site clean (no data store, no build cache), phase by phase, with its peak RSS;
 * - builds it again after editing one section, everything kept: what an editor waits for;
 * - builds the same N articles with Starlight (its defaults), clean, with its peak RSS;
 * - searches both for "OPCON" once, cold, and counts the bytes;
 * and prints one block per N with the ratios. `--runs 3` times three clean builds of each site,
 * taken in turn, and compares their medians (each run's time is printed beside it). `--peer no`
 * leaves Starlight out; `--events per-article` gives every article its own events (the worst
 * case). JSON goes to bench/results/.
 * Machine-dependent numbers: they live here, never in tests.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync, existsSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { linksFrom, pagePaths, pagesOver } from '../scripts/dist-pages.ts';
import { astroCacheDir } from '../src/lib/env.ts';
import { startStaticServer } from '../scripts/static-server.ts';
import { launchBrowser, searchOnce, type SearchRun } from './lib/measure.ts';
import { installPeer, PEER_DIR } from './lib/peer.ts';
import { emptyTrash, setAside } from './lib/set-aside.ts';
import { generatePublication, slugOf, type PeerPage } from './lib/synthetic.ts';

interface BuildRun {
  seconds: number;
  phases: Record<string, number>;
  peakRssMb: number;
  /**
   * CPU time, user and system, of the build and every process it waited for (GNU time): the work
   * done on all cores, beside the wall time it took.
   */
  cpuSeconds: number;
}

/** One `astro build` in `cwd`, timed phase by phase from its own log lines, with peak RSS and CPU time from GNU time. */
function build(cwd: string, args: string[], env: Record<string, string>, marks: Array<[string, RegExp]>): Promise<BuildRun> {
  return new Promise((ok, fail) => {
    const started = performance.now();
    const seen: Array<[string, number]> = [];
    const astro = resolve(cwd, 'node_modules/astro/bin/astro.mjs');
    const child = spawn('/usr/bin/time', ['-f', 'PEAK_RSS_KB=%M CPU_S=%U+%S', process.execPath, astro, 'build', ...args], { cwd, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ...env } });
    let output = '';
    const onData = (d: Buffer) => {
      output += d;
      const at = (performance.now() - started) / 1000;
      // Phases end in order: a mark counts only once the one before it has been seen.
      for (const line of d.toString().split('\n')) {
        const next = marks[seen.length];
        if (next && next[1].test(line)) seen.push([next[0], at]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', fail);
    child.on('close', (code) => {
      if (code !== 0) return fail(new Error(`build in ${cwd} failed:\n${output.slice(-4000)}`));
      const seconds = (performance.now() - started) / 1000;
      const phases: Record<string, number> = {};
      let last = 0;
      for (const [name, at] of [...seen, ['rest', seconds] as [string, number]]) {
        phases[name] = at - last;
        last = at;
      }
      // GNU time's one line; if it is missing, both read NaN, never a plausible 0.
      const [, rssKb, user, system] = /PEAK_RSS_KB=(\d+) CPU_S=([\d.]+)\+([\d.]+)/.exec(output) ?? [];
      ok({ seconds, phases, peakRssMb: Number(rssKb) / 1024, cpuSeconds: Number(user) + Number(system) });
    });
  });
}

/** Our build's phases, each ending at the log line that says it is done. */
const OUR_PHASES: Array<[string, RegExp]> = [
  ['content', /Synced content/],
  ['bundle', /generating static routes/],
  ['pages+cards', /\[@astrojs\/sitemap\]/],
  ['search index', /\[reader:pagefind\]/],
  ['offline+csp', /\[reader:csp-headers\]/],
];
const PEER_PHASES: Array<[string, RegExp]> = [
  ['content', /Synced content/],
  ['bundle', /generating static routes/],
  // Starlight's sitemap and Pagefind steps run after its pages are written.
  ['pages', /sitemap|pagefind|starlight/i],
  ['search index', /page\(s\) built in/],
];

function walk(dir: string): Array<{ path: string; size: number }> {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    const s = statSync(path);
    return s.isDirectory() ? walk(path) : [{ path, size: s.size }];
  });
}

/** The Starlight peer's project for N pages: its installed packages, the same articles as docs. */
function writePeer(dir: string, pages: readonly PeerPage[]): void {
  setAside(dir, TRASH);
  mkdirSync(join(dir, 'src', 'content', 'docs'), { recursive: true });
  for (const name of ['package.json', 'astro.config.mjs', join('src', 'content.config.ts')]) writeFileSync(join(dir, name), readFileSync(join(PEER_DIR, name)));
  symlinkSync(resolve(PEER_DIR, 'node_modules'), join(dir, 'node_modules'));
  for (const page of pages) writeFileSync(join(dir, 'src', 'content', 'docs', `${page.slug}.md`), `---\ntitle: ${JSON.stringify(page.title)}\n---\n\n${page.markdown}\n`);
  writeFileSync(join(dir, 'src', 'content', 'docs', 'index.md'), '---\ntitle: Long Reads (Starlight)\n---\n\nThe archive.\n');
}

async function search(dist: string, path: string, ui: Parameters<typeof searchOnce>[2]): Promise<SearchRun> {
  // What the page and its search can fetch: the page, the site's top-level files, its scripts,
  // styles and icons, and the search index. The other pages are not compressed for nothing.
  const page = path.replace(/^\/|\/$/g, '');
  const server = await startStaticServer({ root: dist, only: (name) => !name.includes(sep) || name.startsWith(`${page}${sep}`) || /^(_astro|pagefind|icons)[\\/]/.test(name) });
  const browser = await launchBrowser();
  try {
    return await searchOnce(browser, `${server.url}${path}`, ui);
  } finally {
    await browser.close();
    await server.close();
  }
}

const { values } = parseArgs({ options: { articles: { type: 'string', default: '1000' }, events: { type: 'string', default: 'shared' }, peer: { type: 'string', default: 'yes' }, runs: { type: 'string', default: '1' } } });
if (!['shared', 'per-article'].includes(values.events)) throw new Error('--events is shared (by groups of ten articles, as issues are) or per-article');
const sizes = values.articles.split(',').map(Number).filter((n) => n > 0);
const withPeer = values.peer !== 'no';
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs is how many clean builds of each site to time, alternately: 1 or more');
if (withPeer) installPeer();
const lines: string[] = [];
const results: unknown[] = [];
const s = (n: number) => `${n.toFixed(1)} s`;
/** The run of median wall time: on a machine whose speed drifts, the middle of several runs says more than one. */
const median = (all: readonly BuildRun[]): BuildRun => [...all].sort((a, b) => a.seconds - b.seconds)[Math.floor((all.length - 1) / 2)]!;
const spread = (all: readonly BuildRun[]) => (all.length > 1 ? ` [${all.map((r) => r.seconds.toFixed(1)).join(', ')} s]` : '');
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
const TRASH = resolve('.tmp', 'scale-trash');

for (const n of sizes) {
  const root = resolve('.tmp', `scale-${n}`);
  const content = join(root, 'content');
  const dist = join(root, 'dist');
  const cache = join(root, 'build-cache');
  const env = { CONTENT_DIR: content, BUILD_CACHE_DIR: cache };
  console.log(`\n${n} articles: generating…`);
  // Clean: no build cache (cards, and Astro's data store with the compiled sections), no output
  // (the peer's is new too); the previous run's files are set aside, not deleted (`set-aside.ts`).
  for (const folder of [content, cache, dist]) setAside(folder, TRASH);
  const pages = generatePublication(content, n, values.events === 'per-article');
  // Clean builds of both sites, taken in turn (`--runs`): this machine's speed drifts over
  // minutes, so each site's median is compared with the other's, not one run with one run.
  const peerDir = join(root, 'starlight');
  const cleans: BuildRun[] = [];
  const peerCleans: BuildRun[] = [];
  for (let run = 1; run <= runs; run++) {
    const of = runs > 1 ? ` (${run} of ${runs})` : '';
    if (run > 1) for (const folder of [cache, dist]) setAside(folder, TRASH);
    console.log(`${n} articles: clean build${of}…`);
    cleans.push(await build('.', ['--outDir', dist], env, OUR_PHASES));
    if (withPeer) {
      writePeer(peerDir, pages);
      // Clean means clean for the peer too: Astro keeps its content layer's store in
      // node_modules/.astro, and the peer's node_modules is shared by every run, so a second run
      // read the articles from an earlier run's store (its content phase 4.8 s; 7.1 s without).
      rmSync(join(PEER_DIR, 'node_modules', '.astro'), { recursive: true, force: true });
      console.log(`${n} articles: Starlight clean build${of}…`);
      peerCleans.push(await build(peerDir, [], {}, PEER_PHASES));
    }
  }
  const clean = median(cleans);
  // An editor changes one section of one article: everything else is kept.
  const edited = join(content, 'articles', slugOf(Math.floor(n / 2)), readdirSync(join(content, 'articles', slugOf(Math.floor(n / 2)))).find((f) => f.endsWith('.mdx'))!);
  writeFileSync(edited, `${readFileSync(edited, 'utf8').trimEnd()} An editor’s added sentence.\n`);
  console.log(`${n} articles: rebuild after editing one section…`);
  const rebuild = await build('.', ['--outDir', dist], env, OUR_PHASES);
  const files = walk(dist);
  // Astro hands the whole data store to the page build as one module of one JSON string, which V8
  // compiles in time that grows with the square of its size (#17): the number to watch at scale.
  const storeFile = join(astroCacheDir(env), 'data-store.json');
  const storeMb = existsSync(storeFile) ? statSync(storeFile).size / 1024 / 1024 : 0;
  const mb = (bytes: number) => bytes / 1024 / 1024;
  const largestPage = files.filter((f) => f.path.endsWith('.html')).reduce((a, b) => (b.size > a.size ? b : a));
  // What a reader of the archive needs at any size: every article within three links of the
  // front page, and no page over 100 KB.
  const allPages = pagePaths(dist);
  const reached = linksFrom(dist, '/', 3, new Set(allPages));
  const unreached = pages.filter((p) => !reached.has(`/${p.slug}/`)).length;
  const heavy = pagesOver(dist, 100 * 1024, allPages);
  const ours = await search(dist, `/${slugOf(0)}/`, { open: (page) => page.keyboard.press('/'), input: '#search-dialog-input', result: 'dialog .hit' });
  let peer: { clean: BuildRun; cleans: BuildRun[]; search: SearchRun } | undefined;
  if (withPeer) {
    const peerClean = median(peerCleans);
    const peerSearch = await search(join(peerDir, 'dist'), `/${slugOf(0)}/`, {
      open: (page) => page.locator('button[data-open-modal]').click(),
      input: 'dialog input[type=search], dialog .pagefind-ui__search-input',
      result: '.pagefind-ui__result',
    });
    peer = { clean: peerClean, cleans: peerCleans, search: peerSearch };
  }
  const phases = (run: BuildRun) => Object.entries(run.phases).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ');
  const block = [
    `N=${n}${values.events === 'per-article' ? ' (events per article)' : ''}`,
    `  this site: clean ${s(clean.seconds)}${spread(cleans)} (${phases(clean)}), ${(clean.seconds / n).toFixed(3)} s/article, CPU ${s(clean.cpuSeconds)}, peak RSS ${clean.peakRssMb.toFixed(0)} MB`,
    `             rebuild after editing one section ${s(rebuild.seconds)} (${phases(rebuild)}), CPU ${s(rebuild.cpuSeconds)}, peak RSS ${rebuild.peakRssMb.toFixed(0)} MB`,
    `             ${files.filter((f) => f.path.endsWith('.html')).length} pages, ${files.length} files, dist ${mb(files.reduce((t, f) => t + f.size, 0)).toFixed(1)} MB, largest page ${(largestPage.size / 1024).toFixed(1)} KB (${largestPage.path.slice(dist.length)})`,
    `             data store ${storeMb.toFixed(1)} MB (one module for the page build)`,
    `             articles more than three links from the front page: ${unreached} of ${n}; pages over 100 KB: ${heavy.length}${heavy[0] ? ` (heaviest ${heavy[0].path}, ${(heavy[0].bytes / 1024).toFixed(1)} KB)` : ''}`,
    `             search "OPCON": ${Math.round(ours.latencyMs)} ms, ${(ours.bytes / 1024).toFixed(1)} KB`,
    ...(peer
      ? [
          `  Starlight: clean ${s(peer.clean.seconds)}${spread(peer.cleans)} (${phases(peer.clean)}), CPU ${s(peer.clean.cpuSeconds)}, peak RSS ${peer.clean.peakRssMb.toFixed(0)} MB; search "OPCON": ${Math.round(peer.search.latencyMs)} ms, ${(peer.search.bytes / 1024).toFixed(1)} KB`,
          `  ratios: clean ${ratio(clean.seconds, peer.clean.seconds)} (CPU ${ratio(clean.cpuSeconds, peer.clean.cpuSeconds)}), rebuild vs Starlight's clean ${ratio(rebuild.seconds, peer.clean.seconds)}, peak RSS ${ratio(clean.peakRssMb, peer.clean.peakRssMb)}, search bytes ${ratio(ours.bytes, peer.search.bytes)}`,
        ]
      : []),
  ];
  console.log(block.join('\n'));
  lines.push(...block);
  results.push({ n, events: values.events, runs, ours: { clean, cleans, rebuild, files: files.length, storeMb, unreached, heavyPages: heavy.length, largestPage: { path: largestPage.path.slice(dist.length), bytes: largestPage.size }, search: ours }, starlight: peer });
}
emptyTrash(TRASH);
console.log(`\n${lines.join('\n')}`);
mkdirSync('bench/results', { recursive: true });
const file = join('bench/results', `scale-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
writeFileSync(file, JSON.stringify(results, null, 2));
console.log(`Wrote ${file}`);
if (!existsSync(file)) process.exit(1);
