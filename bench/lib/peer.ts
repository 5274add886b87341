/**
 * The Starlight peer: the same article, built by Astro Starlight with its defaults, so the bench
 * can put both sites' numbers side by side. Installed here, on demand, never by `npm ci`.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { readSource } from '../../tests/source.ts';

export const PEER_DIR = 'bench/peers/starlight';
export const PEER_ARTICLE = '/south-korea-prepares-future-without-us/';

/** Write the article as one Starlight page: the same words, headings as `##`. */
export function writePeerContent(): void {
  const source = readSource();
  const docs = join(PEER_DIR, 'src', 'content', 'docs');
  mkdirSync(docs, { recursive: true });
  const body = source.body.map((b) => (b.kind === 'heading' ? `## ${b.text}` : b.text)).join('\n\n');
  writeFileSync(
    join(docs, 'south-korea-prepares-future-without-us.md'),
    `---\ntitle: South Korea Prepares for a Future Without the US\n---\n\n${body}\n\n## ${source.authorName}\n\n${source.authorNote}\n`,
  );
  writeFileSync(join(docs, 'index.md'), `---\ntitle: Long Reads (Starlight)\n---\n\n[South Korea Prepares for a Future Without the US](${PEER_ARTICLE})\n`);
}

export function installPeer(): void {
  if (existsSync(join(PEER_DIR, 'node_modules', 'astro'))) return;
  console.log('Installing the Starlight peer (first run only)…');
  const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: PEER_DIR, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`npm ci in ${PEER_DIR} failed`);
}
