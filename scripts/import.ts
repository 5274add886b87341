/**
 * `npm run import -- <file.txt|file.md> [--slug <slug>]`: make an article folder under
 * `$CONTENT_DIR/articles/` (default `content/`) from a plain-text or Markdown article, then say
 * what the editor must still fill in. It never overwrites: an existing folder or author stops it.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { contentDir } from '../src/lib/env.ts';
import { articleYamlStub, importArticle, sectionFileName, sectionSource, slugify } from '../src/lib/content/import-article.ts';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { slug: { type: 'string' } } });
const [file] = positionals;
if (!file || !existsSync(file)) {
  console.error('Usage: npm run import -- <file.txt|file.md> [--slug <slug>]  (the file must exist)');
  process.exit(1);
}
const slug = values.slug ?? slugify(basename(file, extname(file)));
const root = contentDir(process.env);
const folder = join(root, 'articles', slug);
if (existsSync(folder)) {
  console.error(`${folder} exists already: choose another slug with --slug, or remove it first.`);
  process.exit(1);
}

const imported = importArticle(readFileSync(file, 'utf8'));
mkdirSync(folder, { recursive: true });
for (const section of imported.sections) writeFileSync(join(folder, sectionFileName(section)), sectionSource(section, slug));
writeFileSync(join(folder, 'article.yaml'), articleYamlStub(imported.author?.id));
const written = [...imported.sections.map((s) => join(folder, sectionFileName(s))), join(folder, 'article.yaml')];
if (imported.author) {
  const authorFile = join(root, 'authors', `${imported.author.id}.mdx`);
  if (existsSync(authorFile)) {
    console.log(`Author ${imported.author.name}: ${authorFile} exists already, kept as it is.`);
  } else {
    mkdirSync(join(root, 'authors'), { recursive: true });
    writeFileSync(authorFile, `---\nname: ${JSON.stringify(imported.author.name)}\n---\n\n${imported.author.note}\n`);
    written.push(authorFile);
  }
}
console.log(`Wrote ${imported.sections.length} section(s) of /${slug}/:\n${written.map((w) => `  ${w}`).join('\n')}`);
console.log(`\nStill to do:\n${imported.todo.map((t) => `  - ${t}`).join('\n')}\nThen \`npm run check\` (or \`npm run build\`) says what is still missing.`);
