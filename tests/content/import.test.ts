/**
 * An editor's path: `npm run import` a text with characters MDX would choke on, and lines MDX
 * would run as code, see the build name what is left to fill in, fill it, and read the text
 * verbatim on the built page, with none of it run on the build machine.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildFixture } from './build.ts';

/** Files the hostile lines below would write if any of them ran while building. */
const MARKERS = ['.tmp/pwned-import-esm', '.tmp/pwned-import-brace', '.tmp/pwned-import-jsx', '.tmp/pwned-import-note'];

const HOSTILE = [
  'import { writeFileSync } from "node:fs";\nexport const ran = writeFileSync(".tmp/pwned-import-esm", "ran");',
  '{process.getBuiltinModule("node:fs").writeFileSync(".tmp/pwned-import-brace", "ran")}',
  '<Figure name={process.getBuiltinModule("node:fs").writeFileSync(".tmp/pwned-import-jsx", "ran")} />',
];
const NOTE = 'Eve notes {process.getBuiltinModule("node:fs").writeFileSync(".tmp/pwned-import-note", "ran")} and <Fake /> things.';

const TRICKY = [
  'Prices {rose} by <5% in 2019 – or *so* the_ledger [sic] says | nobody & co.',
  'A Heading',
  '1986. The year the count began; # is not a heading here.',
  ...HOSTILE,
  '(click to enlarge)',
  `Eve Writer\n${NOTE}`,
].join('\n\n');

/** The character references the built HTML uses for text. */
const ENTITIES: Record<string, string> = { lt: '<', gt: '>', quot: '"', amp: '&', '#x3C': '<', '#x3E': '>', '#x22': '"', '#x26': '&' };

function run(script: string, args: string[], content: string) {
  return spawnSync(process.execPath, [script, ...args], { env: { ...process.env, CONTENT_DIR: content }, encoding: 'utf8' });
}

describe('npm run import, then build', () => {
  it('keeps every character verbatim and says what is left to fill in', async () => {
    mkdirSync('.tmp', { recursive: true });
    for (const marker of MARKERS) rmSync(marker, { force: true });
    const content = mkdtempSync(join('.tmp', 'import-'));
    cpSync('tests/fixtures/two-articles', content, { recursive: true });
    const source = join(content, 'tricky.txt');
    writeFileSync(source, TRICKY);

    const imported = run('scripts/import.ts', [source, '--slug', 'tricky'], content);
    expect(imported.status, imported.stderr).toBe(0);
    expect(imported.stdout).toContain('Still to do:');
    expect(imported.stdout).toContain('article.yaml: fill in title');
    expect(imported.stdout).toContain(join(content, 'authors', 'eve-writer.mdx'));
    // Never overwrites.
    expect(run('scripts/import.ts', [source, '--slug', 'tricky'], content).status).toBe(1);

    const unfinished = await buildFixture(content);
    expect(unfinished.code).not.toBe(0);
    expect(unfinished.output).toContain('title: empty: write the article title');
    expect(unfinished.output).toContain('articles/tricky/article.yaml');

    const yaml = join(content, 'articles', 'tricky', 'article.yaml');
    writeFileSync(
      yaml,
      readFileSync(yaml, 'utf8')
        .replace('title: ""', 'title: Tricky Text')
        .replace('publisher: ""', 'publisher: Test Press')
        .replace('published: ""', 'published: "2019"')
        .replace('original: ""', 'original: https://example.org/tricky/')
        .replace('description: ""', 'description: A text with characters MDX would read as syntax.'),
    );
    const built = await buildFixture(content);
    expect(built.code, built.output).toBe(0);
    const html = readFileSync(join(built.outDir, 'tricky', 'index.html'), 'utf8');
    const text = (id: string) =>
      new RegExp(`<p id="${id}">([\\s\\S]*?)<a href="#${id}" class="p-link"`).exec(html)?.[1]!.trim()
        .replace(/&(lt|gt|quot|amp|#x3C|#x3E|#x22|#x26);/g, (_, name: string) => ENTITIES[name]!);
    expect(text('opening-p1')).toBe(TRICKY.split('\n\n')[0]);
    expect(text('a-heading-p1')).toBe(TRICKY.split('\n\n')[2]);
    HOSTILE.forEach((line, i) => expect(text(`a-heading-p${i + 2}`)).toBe(line));
    expect(html).toContain('id="a-heading-title">A Heading</h2>');
    const note = /<section class="author-note[^>]*>[\s\S]*?<p>([\s\S]*?)<\/p>/.exec(html)?.[1]!.replace(/&(lt|gt|quot|amp|#x3C|#x3E|#x22|#x26);/g, (_, name: string) => ENTITIES[name]!);
    expect(note).toBe(NOTE);
    expect(MARKERS.filter((marker) => existsSync(marker))).toEqual([]);
  }, 120_000);
});
