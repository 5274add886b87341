/**
 * The content layer: every collection's loader, working as one, because a section's compiled
 * HTML depends on the annotations that mark it. On each sync it
 * 1. reads every content file (`read.ts`) and validates each entry with its collection's schema
 *    (Astro's `parseData`, after a first pass that collects every problem, not only the first);
 * 2. runs the cross-entry rules (`rules.ts`) and the figure checks (`figures.ts`);
 * 3. compiles each section and author note with the one Markdown pipeline
 *    (`markdown/pipeline.ts`) into HTML and the section's outline (its marks, paragraphs, lead),
 *    skipping a section whose digest (its words, its data, the mentions it marks, the notes
 *    before it and the pipeline's own code) is that of the entry already stored; a section's
 *    HTML and outline are kept under its digest in the build cache (`compiled.ts` says why),
 *    an author note's HTML in the store;
 * 4. stops on any problem with one `ContentError` naming every file, field and fix, or else
 *    writes each collection's store (unchanged entries stay as they are).
 * In `npm run dev` it watches the content folder and syncs again on any change: a section whose
 * inputs changed (its words, or an annotation that marks it) is recompiled, nothing else.
 * `npm run check` is this same sync.
 */
import type { Loader, LoaderContext } from 'astro/loaders';
import { availableParallelism } from 'node:os';
import { resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { cacheKey } from '../build-cache.ts';
import { isKept, keepCompiled, keptOutline } from './compiled.ts';
import { buildCrossReference, type AnnotationItem } from './cross-reference.ts';
import { declaredFigures } from './figures.ts';
import { ANNOTATION_KINDS, KINDS } from './kinds.ts';
import { COLLECTIONS, readCollection, type Collection, type SourceFile } from './read.ts';
import { checkContent, ContentError, type Problem } from './rules.ts';
import { COLLECTION_SCHEMAS, type ArticleData, type SectionData } from './schemas.ts';
import type { Compiled } from '../markdown/compile-worker.ts';
import { compileNote, compileSection, pipelineVersion, type CompiledSection, type SectionInput } from '../markdown/pipeline.ts';
import { placeMentions, sectionKey, type PlacedMention, type SectionOutline } from '../markdown/mentions.ts';
import { sectionLabel } from '../view/sections.ts';

/** The name every loader of the publication shares: a refresh of one is a refresh of all. */
export const LOADER_NAME = 'long-reads:publication';

export interface PublicationOptions {
  /** The content folder (CONTENT_DIR). */
  root: string;
  /**
   * The pipeline's compilers. By default a sync with many sections to compile runs them in worker
   * threads, one per core, so a clean build compiles on every core; a few are compiled here, as a
   * thread takes longer to start than they take to compile. Tests count calls through these.
   */
  compileSection?: (body: string, input: SectionInput, lines: number) => Promise<CompiledSection>;
  compileNote?: (body: string, path: string, lines: number) => Promise<string>;
  /** What the pipeline's own code comes to (part of every section's digest); tests change it. */
  pipelineVersion?: () => Promise<string>;
}

interface Valid {
  source: SourceFile;
  /** The data as validated by the collection's schema (Astro's parseData). */
  data: Record<string, unknown>;
}

/** A collection's entries: those that validated, and the ids of those that did not (they still exist for what refers to them). */
interface Checked {
  valid: Valid[];
  invalid: SourceFile[];
}

/**
 * Compilations a sync runs in its own thread before it starts worker threads: about what a thread
 * costs to start (≈ 1 s to load the pipeline) at ≈ 5 ms a section. An edit, a fixture or a small
 * publication never starts one; a clean build of an archive compiles on every core.
 */
const IN_THREAD = 64;

/**
 * How long a worker thread waits for its next section before it ends: a moment between two of
 * a lane's compilations must not cost a new thread (≈ 1 s to start); `sync` ends them all anyway.
 */
const THREAD_IDLE_MS = 2_000;

/** "figures.0.kind": where in an entry a schema issue is. */
const fieldOf = (path: readonly PropertyKey[]) => (path.length ? path.map(String).join('.') : 'entry');

export class Publication {
  readonly #root: string;
  readonly #compileSection: NonNullable<PublicationOptions['compileSection']>;
  readonly #compileNote: NonNullable<PublicationOptions['compileNote']>;
  readonly #pipelineVersion: NonNullable<PublicationOptions['pipelineVersion']>;
  /** Each collection's loader context, from the latest sync Astro ran. */
  readonly #contexts = new Map<Collection, LoaderContext>();
  #round: { waiting: Set<Collection>; done: Promise<void>; start: () => void } | undefined;
  #watching = false;
  #queued: ReturnType<typeof setTimeout> | undefined;
  #running: Promise<void> = Promise.resolve();

  #pool: Piscina | undefined;
  /** Whether compilations past the first few go to worker threads (not when a test brings its own compiler). */
  readonly #inThreads: boolean;
  /** How many compilations this sync has asked for: past `IN_THREAD`, the rest go to worker threads. */
  #asked = 0;

  constructor(options: PublicationOptions) {
    this.#root = options.root;
    this.#compileSection = options.compileSection ?? compileSection;
    this.#inThreads = !options.compileSection;
    this.#compileNote = options.compileNote ?? ((body, path, lines) => (this.#toThreads() ? this.#inWorker<string>('note', { body, path, lines }) : compileNote(body, path, lines)));
    this.#pipelineVersion = options.pipelineVersion ?? pipelineVersion;
  }

  /**
   * Compile a section and keep what it compiled to (its HTML and outline) under its digest; the
   * outline comes back. A worker thread keeps what it compiled itself: the sync's own thread,
   * which feeds every worker, neither receives a section's HTML nor writes it.
   */
  async #compileAndKeep(body: string, input: SectionInput, lines: number, digest: string): Promise<SectionOutline> {
    if (this.#inThreads && this.#toThreads()) return this.#inWorker<SectionOutline>('section', { body, input, lines, digest });
    const compiled = await this.#compileSection(body, input, lines);
    await keepCompiled(digest, compiled);
    return compiled.outline;
  }

  /** Whether this compilation goes to a worker thread: once threads are started, or past the first few of a sync. */
  #toThreads(): boolean {
    return this.#pool !== undefined || ++this.#asked > IN_THREAD;
  }

  /**
   * The sync's worker threads: `warm` starts them all at once, each loading the pipeline (≈ 1 s)
   * while this thread goes on; otherwise each starts with a compilation that waits for one.
   */
  #startPool(warm: boolean): Piscina {
    const threads = availableParallelism();
    this.#pool ??= new Piscina({ filename: fileURLToPath(new URL('../markdown/compile-worker.ts', import.meta.url)), maxThreads: threads, minThreads: warm ? threads : 0, idleTimeout: THREAD_IDLE_MS });
    return this.#pool;
  }

  /** Compile in a worker thread; the pool starts with the first compilation of a sync at the latest, and ends with it. */
  async #inWorker<T>(name: 'section' | 'note', task: object): Promise<T> {
    const result = (await this.#startPool(false).run(task, { name })) as Compiled<T>;
    if (!result.ok) throw new ContentError(result.problems);
    return result.value;
  }

  /** The loaders, one per collection, each a view of this one publication. */
  loaders(): Record<Collection, Loader> {
    return Object.fromEntries(COLLECTIONS.map((collection) => [collection, { name: LOADER_NAME, load: (context: LoaderContext) => this.load(collection, context) }])) as Record<Collection, Loader>;
  }

  /**
   * One collection's part of a sync. Astro runs every collection's loader at once; the sync runs
   * when all have handed over their context, and each returns when it is done.
   */
  load(collection: Collection, context: LoaderContext): Promise<void> {
    this.#contexts.set(collection, context);
    if (!this.#round) {
      let start!: () => void;
      const ready = new Promise<void>((resolve) => (start = resolve));
      this.#round = { waiting: new Set<Collection>(COLLECTIONS), start, done: ready.then(() => this.#queue()) };
    }
    const round = this.#round;
    round.waiting.delete(collection);
    if (round.waiting.size === 0) {
      this.#round = undefined;
      round.start();
    }
    this.#watch(context);
    return round.done;
  }

  /** One sync at a time: a change saved during a sync is synced after it. */
  #queue(): Promise<void> {
    const next = this.#running.catch(() => undefined).then(() => this.sync());
    this.#running = next;
    return next;
  }

  /** In `npm run dev`: sync again whenever a content file is added, changed or removed. */
  #watch(context: LoaderContext): void {
    const watcher = context.watcher;
    if (!watcher || this.#watching) return;
    this.#watching = true;
    const root = resolve(this.#root) + sep;
    watcher.add(root);
    const changed = (path: string) => {
      if (!resolve(path).startsWith(root)) return;
      clearTimeout(this.#queued);
      // Editors save several files at once: one sync for all of them.
      this.#queued = setTimeout(() => {
        this.#queue().catch((error: Error) => context.logger.error(error.message));
      }, 50);
    };
    for (const event of ['add', 'change', 'unlink'] as const) watcher.on(event, changed);
  }

  /** Read, validate, check and compile everything; write the stores, or throw every problem. */
  async sync(): Promise<void> {
    try {
      await this.#sync();
    } finally {
      // Threads are for a sync's compiling: none is kept waiting between syncs.
      await this.#pool?.destroy();
      this.#pool = undefined;
      this.#asked = 0;
    }
  }

  async #sync(): Promise<void> {
    const problems: Problem[] = [];
    const read = COLLECTIONS.map((collection) => readCollection(this.#root, collection));
    // Nothing stored yet (a clean build) and many sections: every one will be compiled, so the
    // threads start now and load the pipeline while this one validates, not after.
    const stored = this.#contexts.get('sections')?.store.keys().length ?? 0;
    if (this.#inThreads && stored === 0 && read[COLLECTIONS.indexOf('sections')]!.files.length > IN_THREAD) this.#startPool(true);
    const checked = new Map<Collection, Checked>();
    for (const [i, collection] of COLLECTIONS.entries()) {
      problems.push(...read[i]!.problems);
      checked.set(collection, await this.#validate(collection, read[i]!.files, problems));
    }
    const of = (collection: Collection) => checked.get(collection)!.valid;
    const authors = of('authors');
    const articles = of('articles');
    const sections = of('sections');
    const annotations: AnnotationItem[] = KINDS.flatMap((kind) =>
      of(ANNOTATION_KINDS[kind].collection).map(({ source, data }) => ({
        kind,
        id: source.id,
        file: source.file,
        title: String(data[ANNOTATION_KINDS[kind].titleField]),
        data: data as never,
        mentions: (data['mentions'] as AnnotationItem['mentions'] | undefined) ?? [],
      })),
    );

    problems.push(
      ...checkContent({
        authors: authors.map((a) => ({ id: a.source.id, file: a.source.file })),
        articles: [
          ...articles.map((a) => ({ id: a.source.id, file: a.source.file, author: (a.data as ArticleData).author })),
          ...checked.get('articles')!.invalid.map((source) => ({ id: source.id, file: source.file })),
        ],
        sections: sections.map((s) => {
          const data = s.data as SectionData;
          return { file: s.source.file, id: data.id, order: data.order, article: data.article, aliases: data.aliases, body: s.source.body ?? '' };
        }),
        annotations: [
          ...annotations.map((a) => ({ kind: a.kind, id: a.id, file: a.file, links: a.data as unknown as Record<string, string[]>, mentions: a.mentions })),
          ...KINDS.flatMap((kind) => checked.get(ANNOTATION_KINDS[kind].collection)!.invalid.map((source) => ({ kind, id: source.id, file: source.file, links: {}, mentions: [] }))),
        ],
      }),
    );
    const xref = buildCrossReference(annotations);
    problems.push(...declaredFigures(articles.map((a) => ({ id: a.source.id, file: a.source.file, figures: (a.data as ArticleData).figures })), xref).problems);

    const digests = await this.#compileSections(sections, placeMentions(annotations), problems);
    const notes = new Map<string, string>();
    await Promise.all(
      authors.map(async (author) => {
        try {
          notes.set(author.source.id, await this.#compileNote(author.source.body ?? '', author.source.file, author.source.bodyLine ?? 0));
        } catch (error) {
          problems.push(...asProblems(error, author.source.file));
        }
      }),
    );
    // In file order, whichever thread found them first.
    if (problems.length > 0) throw new ContentError([...problems].sort((a, b) => a.file.localeCompare(b.file)));

    // Everything checked: write each store. An entry whose digest is unchanged is left as it is.
    for (const collection of COLLECTIONS) {
      const context = this.#contexts.get(collection);
      if (!context) continue;
      const kept = new Set<string>();
      for (const { source, data } of of(collection)) {
        kept.add(source.id);
        const compiled = collection === 'sections' ? digests.get(source.id) : undefined;
        const note = collection === 'authors' ? notes.get(source.id) : undefined;
        const digest = compiled ?? context.generateDigest(JSON.stringify([source.data, note ?? null]));
        context.store.set({ id: source.id, data, digest, filePath: source.file, ...(note !== undefined ? { rendered: { html: note } } : {}) });
      }
      for (const id of context.store.keys()) if (!kept.has(id)) context.store.delete(id);
    }
  }

  /** Each entry checked against its schema: every problem collected, the valid entries parsed as Astro parses them. */
  async #validate(collection: Collection, files: readonly SourceFile[], problems: Problem[]): Promise<Checked> {
    const schema = COLLECTION_SCHEMAS[collection]!;
    const context = this.#contexts.get(collection);
    const out: Checked = { valid: [], invalid: [] };
    for (const source of files) {
      const result = schema.safeParse(source.data);
      if (!result.success) {
        for (const issue of result.error.issues) problems.push({ file: source.file, field: fieldOf(issue.path), message: issue.message });
        out.invalid.push(source);
        continue;
      }
      const data = context ? await context.parseData({ id: source.id, data: source.data as Record<string, unknown>, filePath: source.file }) : (result.data as Record<string, unknown>);
      out.valid.push({ source, data });
    }
    return out;
  }

  /**
   * Every section compiled, article by article in reading order (each section's notes are numbered
   * after those of the sections before it), unless its digest is that of the entry already stored.
   */
  async #compileSections(sections: readonly Valid[], mentions: ReadonlyMap<string, PlacedMention[]>, problems: Problem[]): Promise<Map<string, string>> {
    const context = this.#contexts.get('sections');
    const version = await this.#pipelineVersion();
    const digestOf = (value: unknown[]) => (context ? context.generateDigest(JSON.stringify(value)) : cacheKey(value));
    const byArticle = new Map<string, Valid[]>();
    for (const section of sections) {
      const article = (section.data as SectionData).article;
      const list = byArticle.get(article);
      if (list) list.push(section);
      else byArticle.set(article, [section]);
    }
    /** Each section's digest: the name its compilation is kept under. */
    const out = new Map<string, string>();
    /** An article's sections, in reading order: each one's notes are numbered after the ones before. */
    const compileArticle = async (list: Valid[]) => {
      let noteOffset = 0;
      for (const { source, data } of list.sort((a, b) => (a.data as SectionData).order - (b.data as SectionData).order)) {
        const section = data as SectionData;
        const marks = (mentions.get(sectionKey(section.article, section.id)) ?? []).map(({ kind, id, file, index, phrase, markId }) => ({ kind, id, file, index, phrase, markId }));
        const digest = digestOf([version, source.file, source.body, source.data, marks, noteOffset]);
        let notes: number;
        if (context?.store.get(source.id)?.digest === digest && isKept(digest)) {
          notes = keptOutline(digest, source.file).notes;
        } else {
          const input: SectionInput = { file: source.file, id: section.id, label: sectionLabel(section), noteOffset, mentions: mentions.get(sectionKey(section.article, section.id)) ?? [] };
          try {
            notes = (await this.#compileAndKeep(source.body ?? '', input, source.bodyLine ?? 0, digest)).notes;
          } catch (error) {
            problems.push(...asProblems(error, source.file));
            continue;
          }
        }
        noteOffset += notes;
        out.set(source.id, digest);
      }
    };
    // Articles side by side, a few per thread, so every thread always has a section to compile.
    const queue = [...byArticle.values()];
    await Promise.all(Array.from({ length: Math.max(1, availableParallelism() * 2) }, async () => {
      for (let list = queue.shift(); list; list = queue.shift()) await compileArticle(list);
    }));
    return out;
  }
}

function asProblems(error: unknown, file: string): Problem[] {
  return error instanceof ContentError ? [...error.problems] : [{ file, field: 'body', message: (error as Error).message }];
}

/** Every collection's loader, for `src/content.config.ts`. */
export function publicationLoaders(options: PublicationOptions): Record<Collection, Loader> {
  return new Publication(options).loaders();
}
