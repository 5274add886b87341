/**
 * A deterministic synthetic publication of N articles for `npm run bench:scale`: the real
 * article's text and annotations N times, with varied slugs, titles and dates, and words of their
 * own: each section ends with a paragraph of words drawn, by the article's number, from the
 * article's own vocabulary, and a word no other article has ("dispatch0042"), so a search finds
 * different articles for different words. Annotations (events, issues, people) are shared by
 * groups of ten articles, as the pieces of one beat share them; `eventsPerArticle` gives every
 * article its own copy of every event instead, the worst case. The same articles, as plain
 * Markdown pages, for the Starlight peer.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { ANNOTATION_KINDS, KINDS } from '../../src/lib/content/kinds.ts';

const SOURCE = 'content';
const ARTICLE = 'south-korea-prepares-future-without-us';
const GROUP = 10;
// Dates must stay quoted strings ("1953"), as the schema asks.
const QUOTED = { defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN' } as const;

type Yaml = Record<string, unknown> & { mentions?: Array<{ article: string; section: string; phrase: string }> };

export const slugOf = (i: number) => `analysis-${String(i).padStart(5, '0')}`;

/** A small deterministic generator (mulberry32), so every run writes the same words. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One page of the Starlight peer: the same article, with its sections as `##` headings. */
export interface PeerPage {
  slug: string;
  title: string;
  markdown: string;
}

/** Write N articles under `root` (a content folder) and return them as the peer's pages. */
export function generatePublication(root: string, n: number, eventsPerArticle = false): PeerPage[] {
  rmSync(root, { recursive: true, force: true });
  cpSync(join(SOURCE, 'authors'), join(root, 'authors'), { recursive: true });
  const articleDir = join(SOURCE, 'articles', ARTICLE);
  const meta = parse(readFileSync(join(articleDir, 'article.yaml'), 'utf8')) as Yaml;
  const sections = readdirSync(articleDir).filter((f) => f.endsWith('.mdx')).sort();
  const sources = sections.map((file) => readFileSync(join(articleDir, file), 'utf8'));
  const vocabulary = [...new Set(sources.join(' ').toLowerCase().match(/[a-z]{5,}/g) ?? [])].sort();
  const annotations = KINDS.map((kind) => {
    const folder = ANNOTATION_KINDS[kind].collection;
    return { kind, folder, entries: readdirSync(join(SOURCE, folder)).map((f) => [f.replace(/\.yaml$/, ''), parse(readFileSync(join(SOURCE, folder, f), 'utf8')) as Yaml] as const) };
  });
  for (const { folder } of annotations) mkdirSync(join(root, folder), { recursive: true });
  const groupOf = (i: number) => Math.floor(i / GROUP);
  /** A link to an entry of another kind, as the copy of its group (or of this article, for events per article). */
  const linkTo = (folder: string, id: string, i: number) => (eventsPerArticle && folder === 'events' ? `${id}-${i}` : `${id}-g${groupOf(i)}`);
  const peer: PeerPage[] = [];

  for (let i = 0; i < n; i++) {
    const slug = slugOf(i);
    const dir = join(root, 'articles', slug);
    mkdirSync(dir, { recursive: true });
    const next = random(i + 1);
    const words = (count: number) => Array.from({ length: count }, () => vocabulary[Math.floor(next() * vocabulary.length)]!).join(' ');
    const title = `${meta['title']}: ${words(2)} (No. ${i + 1})`;
    const month = String((i % 12) + 1).padStart(2, '0');
    const figures = (meta['figures'] as Array<Record<string, unknown>>).map((f) => ({ ...f, name: `${f['name']}-${i}`, ...(f['issue'] ? { issue: linkTo('issues', String(f['issue']), i) } : {}) }));
    writeFileSync(join(dir, 'article.yaml'), stringify({ ...meta, title, published: `${2000 + (i % 20)}-${month}`, figures }, QUOTED));
    const bodies: string[] = [];
    sections.forEach((file, s) => {
      const own = `Dispatch${String(i).padStart(5, '0')} adds: ${words(24)}.`;
      const text = sources[s]!.replace(`article: ${ARTICLE}`, `article: ${slug}`).replace(/<Figure name="([^"]+)" \/>/g, `<Figure name="$1-${i}" />`).trimEnd();
      writeFileSync(join(dir, file), `${text}\n\n${own}\n`);
      const head = /^---\n[\s\S]*?\ntitle: "?([^"\n]+)"?\n[\s\S]*?---\n/.exec(text);
      const body = text.replace(/^---\n[\s\S]*?\n---\n/, '').replace(/<Figure name="[^"]+" \/>\n*/g, '');
      bodies.push(`${head ? `## ${head[1]}\n\n` : ''}${body.trim()}\n\n${own}`);
    });
    peer.push({ slug, title, markdown: bodies.join('\n\n') });

    if (!eventsPerArticle) continue;
    for (const [id, event] of annotations.find((a) => a.folder === 'events')!.entries) {
      const copy: Yaml = {
        ...event,
        ...Object.fromEntries(annotations.filter((a) => a.folder !== 'events').map((a) => [a.folder, ((event[a.folder] as string[] | undefined) ?? []).map((x) => linkTo(a.folder, x, i))])),
        mentions: (event.mentions ?? []).map((m) => ({ ...m, article: slug })),
      };
      writeFileSync(join(root, 'events', `${id}-${i}.yaml`), stringify(copy, QUOTED));
    }
  }
  for (let g = 0; g * GROUP < n; g++) {
    const members = Array.from({ length: Math.min(GROUP, n - g * GROUP) }, (_, k) => g * GROUP + k);
    for (const { folder, entries } of annotations) {
      if (folder === 'events' && eventsPerArticle) continue;
      for (const [id, entry] of entries) {
        const titled = Object.fromEntries(['title', 'name'].filter((f) => f in entry).map((f) => [f, `${entry[f]} (group ${g + 1})`]));
        const links = Object.fromEntries(
          annotations.filter((a) => a.folder !== folder).map((a) => [a.folder, ((entry[a.folder] as string[] | undefined) ?? []).flatMap((x) => (eventsPerArticle && a.folder === 'events' ? members.map((i) => `${x}-${i}`) : [`${x}-g${g}`]))]),
        );
        const copy: Yaml = { ...entry, ...titled, ...links, mentions: members.flatMap((i) => (entry.mentions ?? []).map((m) => ({ ...m, article: slugOf(i) }))) };
        writeFileSync(join(root, folder, `${id}-g${g}.yaml`), stringify(copy, QUOTED));
      }
    }
  }
  return peer;
}
