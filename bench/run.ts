/**
 * `npm run bench`: build and measure this site and the Starlight peer, side by side, in one run
 * on one machine. Prints a table; writes JSON to bench/results/. Machine-dependent numbers live
 * here, never in tests.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { brotliCompressSync } from 'node:zlib';
import { join } from 'node:path';
import { startStaticServer } from '../scripts/static-server.ts';
import { coldLoad, launchBrowser, lighthouseScores, median, searchOnce, type ColdLoad, type Scores } from './lib/measure.ts';
import { installPeer, PEER_ARTICLE, PEER_DIR, writePeerContent } from './lib/peer.ts';
import { observatoryGrade, type ObservatoryResult } from './lib/observatory.ts';

const BUILDS = Number(process.env['BENCH_BUILDS'] ?? 3);
const SEARCH_RUNS = Number(process.env['BENCH_SEARCH_RUNS'] ?? 7);
const ARTICLE = '/south-korea-prepares-future-without-us/';

interface SiteResult {
  buildMs: { median: number; runs: number[] };
  coldLoad: ColdLoad;
  lighthouse: Scores;
  search: { medianLatencyMs: number; latencies: number[]; medianBytes: number; bytesAtLoad: number; warmLatencyMs: number; warmBytes: number };
  observatory: ObservatoryResult;
}

function timedBuild(cwd: string, clean: string[]): number {
  for (const path of clean) rmSync(join(cwd, path), { recursive: true, force: true });
  const started = performance.now();
  const result = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], { cwd, stdio: 'pipe', encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`build in ${cwd} failed:\n${result.stdout}\n${result.stderr}`);
  return performance.now() - started;
}

async function measureSite(name: string, cwd: string, clean: string[], article: string, searchUi: Parameters<typeof searchOnce>[2]): Promise<SiteResult> {
  console.log(`\n${name}: ${BUILDS} clean builds…`);
  const runs = Array.from({ length: BUILDS }, () => timedBuild(cwd, clean));
  const server = await startStaticServer({ root: join(cwd, 'dist'), host: '127.0.0.1' });
  const url = `${server.url.replace('127.0.0.1', 'localhost')}${article}`;
  const browser = await launchBrowser();
  try {
    console.log(`${name}: cold load, coverage, Lighthouse, ${SEARCH_RUNS} cold searches…`);
    const load = await coldLoad(browser, url);
    const lighthouse = await lighthouseScores(url);
    const searches = [];
    for (let i = 0; i < SEARCH_RUNS; i++) searches.push(await searchOnce(browser, url, searchUi));
    console.log(`${name}: HTTP Observatory scan of the served headers…`);
    const observatory = await observatoryGrade(join(cwd, 'dist'));
    return {
      observatory,
      buildMs: { median: median(runs), runs },
      coldLoad: load,
      lighthouse,
      search: {
        medianLatencyMs: median(searches.map((s) => s.latencyMs)),
        latencies: searches.map((s) => s.latencyMs),
        medianBytes: median(searches.map((s) => s.bytes)),
        warmLatencyMs: median(searches.map((s) => s.warmLatencyMs)),
        warmBytes: median(searches.map((s) => s.warmBytes)),
        // Search code a page fetches before the reader asks for search.
        bytesAtLoad: load.searchBytesAtLoad,
      },
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

const ours = await measureSite('This site', '.', ['dist', 'node_modules/.astro-cache', 'node_modules/.cache/og-cards'], ARTICLE, {
  open: (page) => page.keyboard.press('/'),
  input: '#search-dialog-input',
  result: 'dialog .hit',
});

installPeer();
writePeerContent();
const peer = await measureSite('Starlight', PEER_DIR, ['dist', 'node_modules/.astro'], PEER_ARTICLE, {
  open: (page) => page.locator('button[data-open-modal]').click(),
  input: 'dialog input[type=search], dialog .pagefind-ui__search-input',
  result: '.pagefind-ui__result',
});

/** What our service worker fetches when a reader first searches online, to search offline: the search plan's files, as sent (Brotli). */
function offlineSearchBytes(dist: string): { files: number; bytes: number } {
  const plan = JSON.parse(readFileSync(join(dist, 'offline', 'search.json'), 'utf8')) as { core: string[]; chunks: string[] };
  const paths = [...plan.core, ...plan.chunks];
  let bytes = 0;
  for (const path of paths) {
    const body = readFileSync(join(dist, path));
    // Pagefind's index files are compressed already; text is sent with Brotli.
    bytes += /\.(js|json)$/.test(path) ? brotliCompressSync(body).length : body.length;
  }
  return { files: paths.length, bytes };
}
const swSearch = offlineSearchBytes('dist');

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const ms = (n: number) => `${Math.round(n)} ms`;
const ratio = (a: number, b: number) => (b === 0 ? '–' : `${(a / b).toFixed(2)}×`);
const rows: Array<[string, string, string, string]> = [
  ['median clean build', ms(ours.buildMs.median), ms(peer.buildMs.median), ratio(ours.buildMs.median, peer.buildMs.median)],
  ['article cold load: transferred', kb(ours.coldLoad.transferBytes), kb(peer.coldLoad.transferBytes), ratio(ours.coldLoad.transferBytes, peer.coldLoad.transferBytes)],
  ['article cold load: requests', String(ours.coldLoad.requests), String(peer.coldLoad.requests), ratio(ours.coldLoad.requests, peer.coldLoad.requests)],
  ...[...new Set([...Object.keys(ours.coldLoad.byType), ...Object.keys(peer.coldLoad.byType)])].sort().map((type): [string, string, string, string] => {
    const a = ours.coldLoad.byType[type] ?? { requests: 0, bytes: 0 };
    const b = peer.coldLoad.byType[type] ?? { requests: 0, bytes: 0 };
    return [`  ${type}`, `${kb(a.bytes)} / ${a.requests}`, `${kb(b.bytes)} / ${b.requests}`, ratio(a.bytes, b.bytes)];
  }),
  ['JS compiled at load', kb(ours.coldLoad.jsCompiledBytes), kb(peer.coldLoad.jsCompiledBytes), ratio(ours.coldLoad.jsCompiledBytes, peer.coldLoad.jsCompiledBytes)],
  ['search "OPCON": median latency', ms(ours.search.medianLatencyMs), ms(peer.search.medianLatencyMs), ratio(ours.search.medianLatencyMs, peer.search.medianLatencyMs)],
  ['search: bytes fetched at page load', kb(ours.search.bytesAtLoad), kb(peer.search.bytesAtLoad), ratio(ours.search.bytesAtLoad, peer.search.bytesAtLoad)],
  ['search "OPCON": bytes after opening', kb(ours.search.medianBytes), kb(peer.search.medianBytes), ratio(ours.search.medianBytes, peer.search.medianBytes)],
  ['search: bytes in all', kb(ours.search.medianBytes + ours.search.bytesAtLoad), kb(peer.search.medianBytes + peer.search.bytesAtLoad), ratio(ours.search.medianBytes + ours.search.bytesAtLoad, peer.search.medianBytes + peer.search.bytesAtLoad)],
  ['second search "sanctions" (warm): median latency', ms(ours.search.warmLatencyMs), ms(peer.search.warmLatencyMs), ratio(ours.search.warmLatencyMs, peer.search.warmLatencyMs)],
  ['second search: bytes', kb(ours.search.warmBytes), kb(peer.search.warmBytes), ratio(ours.search.warmBytes, peer.search.warmBytes)],
  ['offline search, kept after a first search', `${kb(swSearch.bytes)} / ${swSearch.files}`, '–', ''],
  ['HTTP Observatory (served headers)', `${ours.observatory.grade} (${ours.observatory.score})`, `${peer.observatory.grade} (${peer.observatory.score})`, ''],
  ...(['performance', 'accessibility', 'best-practices', 'seo'] as const).map((k): [string, string, string, string] => [`Lighthouse ${k}`, String(ours.lighthouse[k]), String(peer.lighthouse[k]), '']),
];
const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => r[i]!.length), ['metric', 'this site', 'Starlight', 'ratio'][i]!.length));
const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
console.log(`\n${line(['metric', 'this site', 'Starlight', 'ratio'])}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
for (const row of rows) console.log(line(row));

mkdirSync('bench/results', { recursive: true });
const file = join('bench/results', `${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
writeFileSync(file, JSON.stringify({ date: new Date().toISOString(), builds: BUILDS, searchRuns: SEARCH_RUNS, ours: { ...ours, offlineSearch: swSearch }, starlight: peer }, null, 2));
console.log(`\nWrote ${file}`);
