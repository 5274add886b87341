/**
 * Each article's preview card (`/og/<article>.png`, `src/lib/publish/card.ts`), drawn from the
 * content in a worker thread that starts with the build, before the content layer syncs, and runs
 * at the lowest priority (`card-worker.ts`), in the time the build's own work leaves a core free
 * (its start-up, the bundling, the pages, which render on one thread), then written beside the
 * pages. A card is kept by a hash of its inputs (BUILD_CACHE_DIR), so an unchanged one is read,
 * not drawn. Content the sync rejects stops the build before any card is written.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { Piscina } from 'piscina';
import { buildContent, forgetContent } from './content.ts';
import type { CardInput } from '../src/lib/publish/card.ts';
import { routes, withoutBase } from '../src/lib/routing/routes.ts';
import { SITE_NAME } from '../src/lib/site.ts';

export default function cardsIntegration(): AstroIntegration {
  let drawing: Promise<Array<{ path: string; png: Uint8Array }>> | undefined;
  return {
    name: 'reader:cards',
    hooks: {
      'astro:config:setup': ({ command }) => {
        forgetContent();
        if (command !== 'build') return;
        // Started, not awaited: the cards are drawn while the rest of the build runs.
        drawing = (async () => {
          const { articles, authors } = await buildContent();
          const names = new Map(authors.map((a) => [a.id, a.data.name]));
          // One thread fewer than the machine has: the build's own work runs on the main one.
          const pool = new Piscina({ filename: fileURLToPath(new URL('../src/lib/publish/card-worker.ts', import.meta.url)), maxThreads: Math.max(1, availableParallelism() - 1), minThreads: 1 });
          try {
            return await Promise.all(
              articles.map(async ({ id, data }) => {
                const card: CardInput = { siteName: SITE_NAME, articleTitle: data.title, author: names.get(data.author) ?? data.author, publisher: data.publisher };
                return { path: withoutBase(routes.card(id)), png: (await pool.run(card)) as Uint8Array };
              }),
            );
          } finally {
            await pool.destroy();
          }
        })();
        // Failures are reported when the build is done; this keeps them from going unhandled before.
        drawing.catch(() => undefined);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const cards = await drawing!;
        const site = fileURLToPath(dir);
        await Promise.all(
          cards.map(async ({ path, png }) => {
            const file = join(site, path);
            await mkdir(dirname(file), { recursive: true });
            await writeFile(file, png);
          }),
        );
        logger.info(`wrote ${cards.length} preview card(s)`);
      },
    },
  };
}
