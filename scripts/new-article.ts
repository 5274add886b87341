/**
 * `npm run new:article -- <slug>`: an empty article folder to write into: metadata stub and an
 * opening section. The build names every field still empty.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { contentDir } from '../src/lib/env.ts';
import { SLUG, SLUG_HINT } from '../src/lib/content/ids.ts';
import { articleYamlStub, sectionFileName, sectionSource } from '../src/lib/content/import-article.ts';

const slug = process.argv[2];
if (!slug || !SLUG.test(slug)) {
  console.error(`Usage: npm run new:article -- <slug>  (${SLUG_HINT})`);
  process.exit(1);
}
const folder = join(contentDir(process.env), 'articles', slug);
if (existsSync(folder)) {
  console.error(`${folder} exists already.`);
  process.exit(1);
}
mkdirSync(folder, { recursive: true });
const opening = { id: 'opening', order: 1, body: 'The first paragraph, verbatim.' };
writeFileSync(join(folder, sectionFileName(opening)), sectionSource(opening, slug));
writeFileSync(join(folder, 'article.yaml'), articleYamlStub(undefined));
console.log(`Wrote ${folder}/ with article.yaml and ${sectionFileName(opening)}. Fill in article.yaml, replace the opening's text, add sections as NN-<id>.mdx.`);
