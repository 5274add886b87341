/**
 * Writes the Content-Security-Policy header into `dist/_headers` from the policy Astro put in the
 * pages' `<meta>` (hashes included), plus the header-only directives (`src/lib/csp.ts`). The
 * header then never allows more than the meta, and never falls out of step with it.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { fillHeadersFile, headerPolicy, metaPolicyOf } from '../src/lib/publish/csp.ts';

/**
 * A page's `<head>`, where Astro puts the policy: read alone, not the whole page, and
 * synchronously: at thousands of pages a promise's round trips cost more than the reading.
 */
function headOf(path: string): string {
  const file = openSync(path, 'r');
  try {
    let text = '';
    const chunk = Buffer.alloc(8192);
    for (let at = 0; !text.includes('</head>'); at += chunk.length) {
      const bytesRead = readSync(file, chunk, 0, chunk.length, at);
      if (bytesRead === 0) break;
      text += chunk.subarray(0, bytesRead).toString('latin1');
    }
    return text;
  } finally {
    closeSync(file);
  }
}

export default function cspHeadersIntegration(): AstroIntegration {
  return {
    name: 'reader:csp-headers',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const pages = (await readdir(site, { recursive: true })).filter((name) => name.endsWith('.html'));
        const policies = pages.map((page) => {
          const policy = metaPolicyOf(headOf(join(site, page)));
          if (!policy) throw new Error(`${page} has no Content-Security-Policy <meta>: every page must carry one.`);
          return policy;
        });
        const headersPath = join(site, '_headers');
        await writeFile(headersPath, fillHeadersFile(await readFile(headersPath, 'utf8'), headerPolicy(policies)));
        logger.info(`wrote the CSP header for ${pages.length} page(s) into _headers`);
      },
    },
  };
}
