/**
 * Writes the Content-Security-Policy header into `dist/_headers` from the policy Astro put in the
 * pages' `<meta>` (hashes included), plus the header-only directives (`src/lib/csp.ts`). The
 * header then never allows more than the meta, and never falls out of step with it.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { fillHeadersFile, headerPolicy, metaPolicyOf, type Policy } from '../src/lib/csp.ts';

export default function cspHeadersIntegration(): AstroIntegration {
  return {
    name: 'reader:csp-headers',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const pages = (await readdir(site, { recursive: true })).filter((name) => name.endsWith('.html'));
        const policies: Policy[] = [];
        for (const page of pages) {
          const policy = metaPolicyOf(await readFile(join(site, page), 'utf8'));
          if (!policy) throw new Error(`${page} has no Content-Security-Policy <meta>: every page must carry one.`);
          policies.push(policy);
        }
        const headersPath = join(site, '_headers');
        await writeFile(headersPath, fillHeadersFile(await readFile(headersPath, 'utf8'), headerPolicy(policies)));
        logger.info(`wrote the CSP header for ${pages.length} page(s) into _headers`);
      },
    },
  };
}
