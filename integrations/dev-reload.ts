/**
 * `npm run dev`: an edit to an event, an issue or a section reaches every page at once. Marks
 * and footnote numbers are compiled into each section's MDX from the collections, so when the
 * content layer republishes one of those collections (`content-registry.ts`), the compiled
 * sections are invalidated and the browser reloads.
 */
import { resolve, sep } from 'node:path';
import type { AstroIntegration } from 'astro';
import { onPublish } from '../src/lib/content-registry.ts';

const COMPILED_FROM = new Set(['events', 'issues', 'sections']);

export default function devReload(contentRoot: string): AstroIntegration {
  const root = resolve(contentRoot) + sep;
  return {
    name: 'reader:dev-reload',
    hooks: {
      'astro:server:setup': ({ server, logger }) => {
        const stop = onPublish((collection) => {
          if (!COMPILED_FROM.has(collection)) return;
          let invalidated = 0;
          for (const environment of Object.values(server.environments)) {
            for (const mod of environment.moduleGraph.idToModuleMap.values()) {
              if (mod.file?.startsWith(root) && /\.mdx?$/.test(mod.file)) {
                environment.moduleGraph.invalidateModule(mod);
                invalidated++;
              }
            }
          }
          if (invalidated === 0) return;
          logger.info(`${collection} changed: recompiling ${invalidated} section module(s)`);
          server.ws.send({ type: 'full-reload' });
        });
        server.httpServer?.once('close', stop);
      },
    },
  };
}
