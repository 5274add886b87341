/**
 * `npm run bench:scale -- --articles 10,100,1000`: how the build, the search index and the
 * deploy grow with an archive. For each N it writes a deterministic synthetic publication into a
 * temporary folder (the real article's text and annotations, N times, with varied slugs, titles,
 * dates and ids; issues and events shared by groups of ten articles, as a publication's pieces on
 * one beat share them; `--events per-article` gives every article its own copy of every event
 * instead, the worst case), builds it with CONTENT_DIR twice (clean, then with the build cache
 * kept: cards and compiled sections), and prints one line per N.
 * Machine-dependent numbers: they live here, never in tests.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parse, stringify } from 'yaml';
import { startStaticServer } from './static-server.ts';
import { launchBrowser, searchOnce } from './bench/measure.ts';

const SOURCE = 'content';
const ARTICLE = 'south-korea-prepares-future-without-us';
const GROUP = 10;
// Dates must stay quoted strings ("1953"), as the schema asks.
const QUOTED = { defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN' } as const;

type Yaml = Record<string, unknown> & { mentions?: Array<{ article: string; section: string; phrase: string }> };

/** The synthetic publication of `n` articles, written under `root`. */
function generate(root: string, n: number, eventsPerArticle: boolean): void {
  rmSync(root, { recursive: true, force: true });
  cpSync(join(SOURCE, 'authors'), join(root, 'authors'), { recursive: true });
  const articleDir = join(SOURCE, 'articles', ARTICLE);
  const meta = parse(readFileSync(join(articleDir, 'article.yaml'), 'utf8')) as Yaml;
  const sections = readdirSync(articleDir).filter((f) => f.endsWith('.mdx'));
  const events = readdirSync(join(SOURCE, 'events')).map((f) => [f.replace(/\.yaml$/, ''), parse(readFileSync(join(SOURCE, 'events', f), 'utf8')) as Yaml] as const);
  const issues = readdirSync(join(SOURCE, 'issues')).map((f) => [f.replace(/\.yaml$/, ''), parse(readFileSync(join(SOURCE, 'issues', f), 'utf8')) as Yaml] as const);
  mkdirSync(join(root, 'events'), { recursive: true });
  mkdirSync(join(root, 'issues'), { recursive: true });
  const slugOf = (i: number) => `analysis-${String(i).padStart(4, '0')}`;
  const groupOf = (i: number) => Math.floor(i / GROUP);
  for (let i = 0; i < n; i++) {
    const slug = slugOf(i);
    const dir = join(root, 'articles', slug);
    mkdirSync(dir, { recursive: true });
    const month = String((i % 12) + 1).padStart(2, '0');
    const figures = (meta['figures'] as Array<Record<string, unknown>>).map((f) => ({ ...f, name: `${f['name']}-${i}`, ...(f['issue'] ? { issue: `${f['issue']}-g${groupOf(i)}` } : {}) }));
    writeFileSync(join(dir, 'article.yaml'), stringify({ ...meta, title: `${meta['title']} (No. ${i + 1})`, published: `${2000 + (i % 20)}-${month}`, figures }, QUOTED));
    for (const file of sections) {
      const text = readFileSync(join(articleDir, file), 'utf8')
        .replace(`article: ${ARTICLE}`, `article: ${slug}`)
        .replace(/<Figure name="([^"]+)" \/>/g, `<Figure name="$1-${i}" />`);
      writeFileSync(join(dir, file), text);
    }
    if (!eventsPerArticle) continue;
    for (const [id, event] of events) {
      const copy: Yaml = { ...event, issues: ((event['issues'] as string[] | undefined) ?? []).map((x) => `${x}-g${groupOf(i)}`), mentions: (event.mentions ?? []).map((m) => ({ ...m, article: slug })) };
      writeFileSync(join(root, 'events', `${id}-${i}.yaml`), stringify(copy, QUOTED));
    }
  }
  for (let g = 0; g * GROUP < n; g++) {
    const members = Array.from({ length: Math.min(GROUP, n - g * GROUP) }, (_, k) => g * GROUP + k);
    if (!eventsPerArticle) {
      for (const [id, event] of events) {
        const copy: Yaml = {
          ...event,
          title: `${event['title']} (group ${g + 1})`,
          issues: ((event['issues'] as string[] | undefined) ?? []).map((x) => `${x}-g${g}`),
          mentions: members.flatMap((i) => (event.mentions ?? []).map((m) => ({ ...m, article: slugOf(i) }))),
        };
        writeFileSync(join(root, 'events', `${id}-g${g}.yaml`), stringify(copy, QUOTED));
      }
    }
    for (const [id, issue] of issues) {
      const copy: Yaml = {
        ...issue,
        name: `${issue['name']} (group ${g + 1})`,
        events: ((issue['events'] as string[] | undefined) ?? []).flatMap((e) => (eventsPerArticle ? members.map((i) => `${e}-${i}`) : [`${e}-g${g}`])),
        mentions: members.flatMap((i) => (issue.mentions ?? []).map((m) => ({ ...m, article: slugOf(i) }))),
      };
      writeFileSync(join(root, 'issues', `${id}-g${g}.yaml`), stringify(copy, QUOTED));
    }
  }
}

interface BuildRun {
  seconds: number;
  phases: Record<string, number>;
  peakRssMb: number;
}

/** One `astro build`, timed phase by phase from its own log lines, with peak RSS from GNU time. */
function build(content: string, outDir: string, buildCache: string): Promise<BuildRun> {
  return new Promise((ok, fail) => {
    const started = performance.now();
    const marks: Array<[string, number]> = [];
    const child = spawn('/usr/bin/time', ['-f', 'PEAK_RSS_KB=%M', process.execPath, 'node_modules/astro/bin/astro.mjs', 'build', '--outDir', outDir], {
      env: { ...process.env, CONTENT_DIR: content, BUILD_CACHE_DIR: buildCache, NO_COLOR: '1', FORCE_COLOR: '0' },
    });
    let output = '';
    const seen = (line: string) => {
      const at = (performance.now() - started) / 1000;
      if (/Synced content/.test(line)) marks.push(['content', at]);
      else if (/Building static entrypoints/.test(line)) marks.push(['bundle-start', at]);
      else if (/generating static routes/.test(line)) marks.push(['pages-start', at]);
      else if (/\[@astrojs\/sitemap\]/.test(line)) marks.push(['pages-end', at]);
      else if (/\[reader:pagefind\]/.test(line)) marks.push(['search-index', at]);
      else if (/\[reader:offline\]/.test(line)) marks.push(['offline', at]);
    };
    const onData = (d: Buffer) => {
      output += d;
      for (const line of d.toString().split('\n')) if (line) seen(line);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', fail);
    child.on('close', (code) => {
      if (code !== 0) return fail(new Error(`build failed:\n${output.slice(-4000)}`));
      const seconds = (performance.now() - started) / 1000;
      const t = (name: string) => marks.find(([n]) => n === name)?.[1] ?? Number.NaN;
      ok({
        seconds,
        phases: {
          content: t('content'),
          bundle: t('pages-start') - t('bundle-start'),
          'pages+cards': t('pages-end') - t('pages-start'),
          'search index': t('search-index') - t('pages-end'),
          'offline+csp': seconds - t('search-index'),
        },
        peakRssMb: Number(/PEAK_RSS_KB=(\d+)/.exec(output)?.[1] ?? 0) / 1024,
      });
    });
  });
}

/** What a built file is, for the breakdown: the share pages, cards, index and so on. */
function kindOf(path: string, dist: string): string {
  const rel = path.slice(dist.length + 1);
  const [top = '', second, third] = rel.split('/');
  if (top === 'pagefind') return second === 'fragment' ? 'search fragments' : 'search index';
  if (top === 'og') return 'cards';
  if (['events', 'issues'].includes(top)) return `${top} pages`;
  if (/^analysis-/.test(top)) {
    if (second === 'index.html') return 'article pages';
    if (third === 'index.html') return 'share pages';
  }
  return 'other';
}

function walk(dir: string): Array<{ path: string; size: number }> {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    const s = statSync(path);
    return s.isDirectory() ? walk(path) : [{ path, size: s.size }];
  });
}

const { values } = parseArgs({ options: { articles: { type: 'string', default: '10,100,1000' }, events: { type: 'string', default: 'shared' } } });
if (!['shared', 'per-article'].includes(values.events)) throw new Error('--events is shared (by groups of ten articles, as issues are) or per-article');
const eventsPerArticle = values.events === 'per-article';
const sizes = values.articles.split(',').map(Number).filter((n) => n > 0);
const lines: string[] = [];
const results: unknown[] = [];
for (const n of sizes) {
  const root = join('.tmp', `scale-${n}`);
  const content = join(root, 'content');
  const dist = join(root, 'dist');
  const cache = join(root, 'build-cache');
  console.log(`\n${n} articles: generating, clean build…`);
  generate(content, n, eventsPerArticle);
  rmSync(cache, { recursive: true, force: true });
  const clean = await build(content, dist, cache);
  console.log(`${n} articles: rebuild with the build cache kept…`);
  const warm = await build(content, dist, cache);
  const files = walk(dist);
  const mb = (bytes: number) => bytes / 1024 / 1024;
  const distMb = mb(files.reduce((s, f) => s + f.size, 0));
  const indexMb = mb(files.filter((f) => f.path.includes(`${join(dist, 'pagefind')}/`)).reduce((s, f) => s + f.size, 0));
  const cardsMb = mb(files.filter((f) => f.path.includes(`${join(dist, 'og')}/`)).reduce((s, f) => s + f.size, 0));
  const pages = files.filter((f) => f.path.endsWith('.html')).length;
  const kinds = new Map<string, { files: number; bytes: number }>();
  for (const f of files) {
    const k = kindOf(f.path, dist);
    const entry = kinds.get(k) ?? { files: 0, bytes: 0 };
    entry.files++;
    entry.bytes += f.size;
    kinds.set(k, entry);
  }
  const breakdown = [...kinds].sort((a, b) => b[1].bytes - a[1].bytes).map(([k, v]) => `${k} ${v.files} files ${mb(v.bytes).toFixed(1)} MB`).join('; ');
  const server = await startStaticServer({ root: dist });
  const browser = await launchBrowser();
  const search = await searchOnce(browser, `${server.url}/analysis-0000/`, { open: (page) => page.keyboard.press('/'), input: '#search-dialog-input', result: 'dialog .hit' });
  await browser.close();
  await server.close();
  const phasesOf = (run: BuildRun) => Object.entries(run.phases).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ');
  const line =
    `N=${n}${eventsPerArticle ? ' (events per article)' : ''}: clean ${clean.seconds.toFixed(1)} s (${phasesOf(clean)}), ${(clean.seconds / n).toFixed(3)} s/article; ` +
    `rebuild ${warm.seconds.toFixed(1)} s (${phasesOf(warm)}); ${pages} pages, ${files.length} files, dist ${distMb.toFixed(1)} MB ` +
    `(cards ${cardsMb.toFixed(1)} MB), index ${indexMb.toFixed(1)} MB; peak RSS ${Math.max(clean.peakRssMb, warm.peakRssMb).toFixed(0)} MB; ` +
    `search "OPCON" ${Math.round(search.latencyMs)} ms, ${(search.bytes / 1024).toFixed(1)} KB`;
  console.log(line);
  console.log(`  by kind: ${breakdown}`);
  lines.push(line, `  by kind: ${breakdown}`);
  results.push({ n, events: values.events, clean, warm, pages, files: files.length, distMb, cardsMb, indexMb, search, kinds: Object.fromEntries(kinds) });
}
console.log(`\n${lines.join('\n')}`);
mkdirSync('bench/results', { recursive: true });
const file = join('bench/results', `scale-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
writeFileSync(file, JSON.stringify(results, null, 2));
console.log(`Wrote ${file}`);
