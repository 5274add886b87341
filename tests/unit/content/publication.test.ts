/**
 * The content layer's loaders (`src/lib/content/publication.ts`), run the way Astro runs them
 * (every collection's loader at once, each with its own store), over a copy of the fixture
 * publication, counting how often the pipeline compiles a section: once, and again only when
 * something the section is made from has changed.
 */
import { createHash } from 'node:crypto';
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { LoaderContext } from 'astro/loaders';
import { beforeEach, describe, expect, it } from 'vitest';
import { keptHtml, keptOutline } from '../../../src/lib/content/compiled.ts';
import { Publication } from '../../../src/lib/content/publication.ts';
import { COLLECTIONS, type Collection } from '../../../src/lib/content/read.ts';
import { ContentError } from '../../../src/lib/content/rules.ts';
import { COLLECTION_SCHEMAS } from '../../../src/lib/content/schemas.ts';
import { compileSection } from '../../../src/lib/markdown/pipeline.ts';

interface Entry {
  id: string;
  data: Record<string, unknown>;
  digest?: string;
  rendered?: { html: string; metadata?: Record<string, unknown> };
}

/** A collection's store as Astro's behaves: an entry set with the digest it already has is not written again. */
function store() {
  const entries = new Map<string, Entry>();
  let writes = 0;
  return {
    writes: () => writes,
    entries,
    api: {
      get: (id: string) => entries.get(id),
      set: (entry: Entry) => {
        if (entry.digest !== undefined && entries.get(entry.id)?.digest === entry.digest) return false;
        entries.set(entry.id, entry);
        writes++;
        return true;
      },
      delete: (id: string) => void entries.delete(id),
      keys: () => [...entries.keys()],
      values: () => [...entries.values()],
      entries: () => [...entries.entries()],
      has: (id: string) => entries.has(id),
      clear: () => entries.clear(),
      addModuleImport: () => undefined,
    },
  };
}

let root: string;
let stores: Record<Collection, ReturnType<typeof store>>;
let compiled: string[];
let publication: Publication;
/** Called as each entry is validated (Astro's parseData): what a test wants to see at that moment. */
let onValidate: (() => void) | undefined;

/** One sync, as Astro runs it: every collection's loader at once. */
async function sync(): Promise<void> {
  const loaders = publication.loaders();
  await Promise.all(
    COLLECTIONS.map((collection) =>
      loaders[collection].load({
        collection,
        store: stores[collection].api,
        parseData: async ({ data }: { data: unknown }) => {
          onValidate?.();
          return COLLECTION_SCHEMAS[collection]!.parse(data);
        },
        generateDigest: (data: unknown) => createHash('sha256').update(typeof data === 'string' ? data : JSON.stringify(data)).digest('hex').slice(0, 16),
        logger: { info: () => undefined, warn: () => undefined, error: () => undefined },
      } as unknown as LoaderContext),
    ),
  );
}

/** A section's compilation, found as the library finds it: by the digest its store entry holds. */
function kept(id: string) {
  const entry = stores.sections.entries.get(id)!;
  return { html: keptHtml(String(entry.digest), id), outline: keptOutline(String(entry.digest), id) };
}

function edit(file: string, from: string, to: string): void {
  const path = join(root, file);
  const text = readFileSync(path, 'utf8');
  expect(text, file).toContain(from);
  writeFileSync(path, text.replace(from, to));
}

beforeEach(async () => {
  const scratch = mkdtempSync(join(tmpdir(), 'publication-'));
  root = join(scratch, 'content');
  process.env['BUILD_CACHE_DIR'] = join(scratch, 'build-cache');
  cpSync('tests/fixtures/publication', root, { recursive: true });
  stores = Object.fromEntries(COLLECTIONS.map((c) => [c, store()])) as typeof stores;
  compiled = [];
  publication = new Publication({
    root,
    compileSection: (body, input, lines) => {
      compiled.push(input.id === 'opening' || input.id === 'start' ? `${input.file.split('/').at(-2)}/${input.id}` : input.id);
      return compileSection(body, input, lines);
    },
  });
  await sync();
});

describe('the content layer compiles each section once', () => {
  it('compiles every section on the first sync, and keeps its HTML and outline under its digest, out of the store', () => {
    expect(compiled.sort()).toEqual(['after', 'field-notes/opening', 'in-detail', 'ledger/opening', 'plain-report/start', 'end', 'tables-and-lists'].sort());
    const ledger = kept('ledger/01-opening');
    expect(ledger.html).toContain('id="mark-event-toll-rises-1"');
    expect(ledger.outline).toMatchObject({ lead: 'The harbour toll rose again in June. Traders noticed at once.', marks: [{ markId: 'mark-event-toll-rises-1', paragraph: 1, note: 'a' }] });
    // The store, which Astro hands to the page build as one module, holds no section's words.
    expect([...stores.sections.entries.values()].filter((e) => e.rendered !== undefined || JSON.stringify(e).includes('Traders noticed'))).toEqual([]);
    expect(stores.authors.entries.get('ann-author')?.rendered?.html).toMatch(/^<p>/);
    expect([...stores.events.entries.keys()].sort()).toEqual(['second-meeting', 'toll-rises']);
  });

  it('compiles nothing again when nothing changed, and writes no entry again', async () => {
    const writes = COLLECTIONS.map((c) => stores[c].writes());
    compiled = [];
    await sync();
    expect(compiled).toEqual([]);
    expect(COLLECTIONS.map((c) => stores[c].writes())).toEqual(writes);
  });

  it('compiles again what the build cache no longer holds, though the store is unchanged', async () => {
    rmSync(join(process.env['BUILD_CACHE_DIR']!, 'sections'), { recursive: true });
    expect(() => kept('ledger/01-opening')).toThrow(/ledger\/01-opening: its compiled (HTML|outline) .* is not in .*: the build cache was deleted during a build\. Build again\./);
    compiled = [];
    await sync();
    expect(compiled).toHaveLength(7);
    expect(kept('ledger/01-opening').html).toContain('id="mark-event-toll-rises-1"');
  });

  it('recompiles only the sections an edited mention touches', async () => {
    compiled = [];
    edit('events/second-meeting.yaml', 'phrase: the second meeting\n', 'phrase: met twice in the harbour town\n');
    await sync();
    expect(compiled).toEqual(['field-notes/opening']);
    expect(kept('field-notes/01-opening').html).toMatch(/<a [^>]*id="mark-event-second-meeting-1"[^>]*>met twice in the harbour town<\/a>/);
  });

  it('recompiles only the edited section when its notes are as many as before', async () => {
    compiled = [];
    edit('articles/ledger/02-after.mdx', 'It settled nothing.', 'It settled nothing at all.');
    await sync();
    expect(compiled).toEqual(['after']);
  });

  it('renumbers the notes of the sections after one whose notes changed, and compiles nothing else', async () => {
    compiled = [];
    edit('articles/field-notes/01-opening.mdx', '[^sources] And one more', ' And one more');
    edit('articles/field-notes/01-opening.mdx', '[^sources]: The sources are the harbour records.\n', '');
    await sync();
    expect(compiled.sort()).toEqual(['field-notes/opening', 'in-detail', 'tables-and-lists']);
    expect(kept('field-notes/02-tables-and-lists').html).toContain('id="tables-and-lists-fnref-2"');
  });

  it('recompiles every section when the pipeline’s code changes, since it is part of every digest', async () => {
    compiled = [];
    const count = compiled.length;
    publication = new Publication({
      root,
      pipelineVersion: async () => 'a changed pipeline',
      compileSection: (body, input, lines) => {
        compiled.push(input.id);
        return compileSection(body, input, lines);
      },
    });
    await sync();
    expect(compiled.length - count).toBe(7);
  });

  it('removes the entry of a file that is gone', async () => {
    edit('issues/harbour-toll.yaml', 'name: The harbour toll', 'name: The harbour toll');
    rmSync(join(root, 'articles', 'plain-report'), { recursive: true });
    await sync();
    expect([...stores.articles.entries.keys()].sort()).toEqual(['field-notes', 'ledger']);
    expect([...stores.sections.entries.keys()].some((id) => id.startsWith('plain-report/'))).toBe(false);
  });

  it('stops on every problem at once, naming file, field and fix, and writes nothing', async () => {
    const writes = COLLECTIONS.map((c) => stores[c].writes());
    edit('events/toll-rises.yaml', 'phrase: The harbour toll rose again in June', 'phrase: The harbour toll fell in June');
    edit('articles/ledger/article.yaml', 'published: "2021-06-15"', 'published: "2021-13-15"');
    const error = await sync().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContentError);
    expect((error as ContentError).problems.map((p) => `${p.file.slice(p.file.indexOf('content/') + 8)}: ${p.field}`).sort()).toEqual([
      'articles/ledger/article.yaml: published',
      'events/toll-rises.yaml: mentions[0].phrase',
    ]);
    expect(COLLECTIONS.map((c) => stores[c].writes())).toEqual(writes);
  });
});

describe('a clean sync of an archive', () => {
  it('compiles its many sections in worker threads, started before validation, to what the pipeline makes in this one', async () => {
    // One long article: far more sections than a sync compiles in its own thread before it starts threads.
    const parts = 80;
    const folder = join(root, 'articles', 'long-read');
    mkdirSync(folder);
    writeFileSync(join(folder, 'article.yaml'), readFileSync(join(root, 'articles', 'ledger', 'article.yaml'), 'utf8').replace('The Harbour Ledger', 'The Long Read'));
    const file = (n: number) => join(folder, `${String(n).padStart(2, '0')}-part-${n}.mdx`);
    const body = (n: number) => `\nPart ${n} says one thing.[^n]\n\n[^n]: Its note.\n`;
    for (let n = 1; n <= parts; n++) writeFileSync(file(n), `---\nid: part-${n}\ntitle: "Part ${n}"\norder: ${n}\narticle: long-read\n---\n${body(n)}`);
    stores = Object.fromEntries(COLLECTIONS.map((c) => [c, store()])) as typeof stores;
    publication = new Publication({ root });
    // Threads take a while to start: with nothing stored, they start before validation does, not after.
    let started = 0;
    let startedBeforeValidating: number | undefined;
    const count = () => void started++;
    subscribe('worker_threads', count);
    onValidate = () => void (startedBeforeValidating ??= started);
    try {
      await sync();
      expect(startedBeforeValidating).toBeGreaterThan(0);
      // Synced again with everything stored, it compiles nothing and starts no thread.
      started = 0;
      await sync();
      expect(started).toBe(0);
    } finally {
      unsubscribe('worker_threads', count);
      onValidate = undefined;
    }
    expect(stores.sections.entries.size).toBe(7 + parts);
    for (const n of [1, parts / 2, parts]) {
      // Each part's one note is numbered after the notes of the parts before it.
      const alone = await compileSection(body(n), { file: relative(process.cwd(), file(n)), id: `part-${n}`, label: `Part ${n}`, noteOffset: n - 1, mentions: [] }, 6);
      const { html, outline } = kept(`long-read/${String(n).padStart(2, '0')}-part-${n}`);
      expect(html).toBe(alone.html);
      expect(outline).toEqual(alone.outline);
    }
  });
});
