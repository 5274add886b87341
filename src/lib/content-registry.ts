/**
 * The content as the content collections loaded and validated it, for the build steps that run
 * outside pages: the Markdown steps (marks, footnote numbering) and `npm run check`. Each
 * collection's loader publishes its entries here once Astro has checked them against the schema
 * (`published()` in `src/content.config.ts`), and again whenever the dev server re-reads a file.
 * Nothing else reads content files, so every step sees the same, schema-checked data.
 *
 * The registry lives on `globalThis`: the config and the collections are loaded by different
 * module graphs of the same process, and both must see one registry.
 */
import type { Loader, LoaderContext } from 'astro/loaders';

/** One validated entry, as the content layer stores it. */
export interface RegistryEntry {
  id: string;
  data: Record<string, unknown>;
  body?: string | undefined;
  filePath?: string | undefined;
  /** What the content layer rendered (Markdown files); absent where rendering failed. */
  rendered?: unknown;
}

type Listener = (collection: string) => void;

interface Registry {
  collections: Map<string, RegistryEntry[]>;
  /** Bumped on every publish, so derived indexes know when to rebuild. */
  version: number;
  listeners: Set<Listener>;
}

const KEY = Symbol.for('long-reads.content-registry');

function registry(): Registry {
  const global = globalThis as unknown as Record<symbol, Registry | undefined>;
  return (global[KEY] ??= { collections: new Map(), version: 0, listeners: new Set() });
}

function publish(collection: string, store: LoaderContext['store']): void {
  const entries = [...store.values()].map((e) => ({ id: e.id, data: e.data, body: e.body, filePath: e.filePath, rendered: e.rendered }));
  const r = registry();
  r.collections.set(collection, entries);
  r.version++;
  for (const listener of r.listeners) listener(collection);
}

/**
 * A loader that publishes what it loaded: after the wrapped loader has run (and after each change
 * it syncs in dev), the collection's validated entries go to the registry.
 */
export function published(loader: Loader): Loader {
  return {
    ...loader,
    load: async (context) => {
      let pending = false;
      const schedule = () => {
        if (pending) return;
        pending = true;
        queueMicrotask(() => {
          pending = false;
          publish(context.collection, context.store);
        });
      };
      // The dev server's file watcher writes through the same store: publish those writes too.
      const store = new Proxy(context.store, {
        get(target, property) {
          const value = Reflect.get(target, property) as unknown;
          if (typeof value !== 'function') return value;
          if (property === 'set' || property === 'delete' || property === 'clear') {
            return (...args: unknown[]) => {
              const result = (value as (...a: unknown[]) => unknown).apply(target, args);
              schedule();
              return result;
            };
          }
          return (value as (...a: unknown[]) => unknown).bind(target);
        },
      });
      await loader.load({ ...context, store });
      publish(context.collection, context.store);
    },
  };
}

/** A collection's validated entries; throws if the collections have not been loaded in this process. */
export function entriesOf(collection: string): readonly RegistryEntry[] {
  const entries = registry().collections.get(collection);
  if (!entries) {
    throw new Error(
      `The "${collection}" collection has not been loaded in this process: run this step inside astro build, astro dev or npm run check, after the content sync`,
    );
  }
  return entries;
}

/** Changes with every publish: a cheap key for indexes derived from the registry. */
export function registryVersion(): number {
  return registry().version;
}

/** Called after each publish with the collection's name; returns a function that stops listening. */
export function onPublish(listener: Listener): () => void {
  registry().listeners.add(listener);
  return () => registry().listeners.delete(listener);
}

/** A value derived from the registry, computed once per version of it. */
export function derived<T>(compute: () => T): () => T {
  let cached: { version: number; value: T } | undefined;
  return () => {
    const version = registryVersion();
    if (cached?.version !== version) cached = { version, value: compute() };
    return cached.value;
  };
}
