/**
 * Every check that spans more than one content entry, in one place: the content layer runs these
 * over the validated entries (`publication.ts`), so the build and `npm run check` stop on the same
 * problems, and so do the unit tests. Schema-level checks (types, dates, slugs) live in
 * `schemas.ts`; whether a mention's words are in its section is checked where they are marked
 * (`markdown/rehype-marks.ts`). Pure: plain records in, problems out.
 */
import { ANNOTATION_KINDS, KINDS, type AnnotationKind } from './kinds.ts';
import { derivedFrom, RESERVED_PAGE_IDS, RESERVED_TOP_LEVEL } from '../routing/routes.ts';
export interface AuthorRecord {
  id: string;
  file: string;
}

export interface ArticleRecord {
  id: string;
  file: string;
  /** Absent when the article's own data did not validate: it still exists, for what refers to it. */
  author?: string | undefined;
}

export interface SectionRecord {
  file: string;
  id: string;
  order: number;
  article: string;
  aliases: readonly string[];
  body: string;
}

export interface AnnotationRecord {
  kind: AnnotationKind;
  id: string;
  file: string;
  /** The annotations it links to, by the collection they are in (its `issues`, `events`, `people` fields). */
  links: Readonly<Record<string, readonly string[]>>;
  mentions: ReadonlyArray<{ article: string; section: string; phrase: string }>;
}

export interface Problem {
  file: string;
  field: string;
  message: string;
}

export function formatProblem(p: Problem): string {
  return `${p.file}: ${p.field}: ${p.message}`;
}

function listIds(ids: Iterable<string>): string {
  const all = [...ids].sort();
  return all.length ? all.map((id) => `"${id}"`).join(', ') : '(none)';
}

export function checkContent(input: {
  authors: readonly AuthorRecord[];
  articles: readonly ArticleRecord[];
  sections: readonly SectionRecord[];
  annotations?: readonly AnnotationRecord[];
}): Problem[] {
  const problems: Problem[] = [];
  const authorIds = new Set(input.authors.map((a) => a.id));
  const articleIds = new Set(input.articles.map((a) => a.id));

  for (const article of input.articles) {
    const route = RESERVED_TOP_LEVEL[article.id];
    if (route !== undefined) {
      problems.push({
        file: article.file,
        field: 'folder name',
        message: `"/${article.id}/" is already written by ${route}: rename the article's folder (its slug)`,
      });
    }
    if (article.author !== undefined && !authorIds.has(article.author)) {
      problems.push({
        file: article.file,
        field: 'author',
        message: `no author "${article.author}"; known authors: ${listIds(authorIds)}. Fix the id or add content/authors/${article.author}.mdx`,
      });
    }
  }

  const byArticle = new Map<string, SectionRecord[]>();
  for (const section of input.sections) {
    if (!articleIds.has(section.article)) {
      problems.push({
        file: section.file,
        field: 'article',
        message: `no article "${section.article}"; known articles: ${listIds(articleIds)}. Use the article's folder name`,
      });
      continue;
    }
    if (section.body.trim() === '') {
      problems.push({
        file: section.file,
        field: 'body',
        message: 'the section has no text: put its paragraphs below the frontmatter, or delete the file',
      });
    }
    const list = byArticle.get(section.article) ?? [];
    list.push(section);
    byArticle.set(section.article, list);
  }

  for (const article of input.articles) {
    const sections = byArticle.get(article.id) ?? [];
    if (sections.length === 0) {
      problems.push({
        file: article.file,
        field: 'sections',
        message: `no sections refer to "${article.id}": add .mdx files beside article.yaml with article: ${article.id}`,
      });
    }
    // Ids and aliases share one namespace: each must land on exactly one section.
    const fragments = new Map<string, SectionRecord>();
    const orders = new Map<number, SectionRecord>();
    for (const section of sections) {
      const names: Array<[string, string]> = [
        ['id', section.id],
        ...section.aliases.map((alias): [string, string] => ['aliases', alias]),
      ];
      for (const [field, name] of names) {
        const first = fragments.get(name);
        if (first && first !== section) {
          problems.push({
            file: section.file,
            field,
            message: `"${name}" is already used by ${first.file}: section ids and aliases must be unique within an article; choose another`,
          });
        } else if (first === section && field === 'aliases') {
          problems.push({ file: section.file, field, message: `"${name}" repeats this section's own id or alias; remove it` });
        } else {
          fragments.set(name, section);
        }
      }
      for (const [field, name] of names) {
        const reserved = RESERVED_PAGE_IDS[name];
        const base = derivedFrom(name, sections.map((s) => s.id));
        const owner = base === undefined ? undefined : sections.find((s) => s.id === base);
        if (reserved !== undefined) {
          problems.push({ file: section.file, field, message: `"${name}" is an id the article page already uses (${reserved}): choose another` });
        } else if (owner) {
          problems.push({
            file: section.file,
            field,
            message: `"${name}" is an id the build derives from section "${owner.id}" (${owner.file}) for its heading, paragraphs or notes: choose another`,
          });
        }
      }
      const sameOrder = orders.get(section.order);
      if (sameOrder) {
        problems.push({
          file: section.file,
          field: 'order',
          message: `${section.order} is also the order of ${sameOrder.file}: give each section of an article its own number`,
        });
      } else {
        orders.set(section.order, section);
      }
    }
  }
  problems.push(...checkAnnotations(input.annotations ?? [], input.sections, articleIds));
  return problems;
}

function checkAnnotations(
  annotations: readonly AnnotationRecord[],
  sections: readonly SectionRecord[],
  articleIds: ReadonlySet<string>,
): Problem[] {
  const problems: Problem[] = [];
  const ids = Object.fromEntries(KINDS.map((kind) => [kind, new Set<string>()])) as Record<AnnotationKind, Set<string>>;
  for (const a of annotations) ids[a.kind].add(a.id);
  const sectionsByKey = new Map(sections.map((s) => [`${s.article}/${s.id}`, s]));
  for (const a of annotations) {
    const { collection, pages } = ANNOTATION_KINDS[a.kind];
    // A kind with a page per entry has a paged index at /<collection>/<n>/: an id of digits alone is one of its pages.
    if (pages === 'entries' && /^\d+$/.test(a.id)) {
      problems.push({
        file: a.file,
        field: 'file name',
        message: `"/${collection}/${a.id}/" is page ${a.id} of the ${collection} index: an id of digits alone collides with it. Rename the file with a word in it (e.g. "${a.kind}-${a.id}.yaml") and the references to it`,
      });
    }
    for (const other of KINDS) {
      const field = ANNOTATION_KINDS[other].collection;
      (a.links[field] ?? []).forEach((ref, i) => {
        if (other === a.kind) {
          problems.push({ file: a.file, field: `${field}[${i}]`, message: `annotations link to other kinds, not to their own: remove "${ref}", or link both to an entry of another kind` });
        } else if (!ids[other].has(ref)) {
          problems.push({
            file: a.file,
            field: `${field}[${i}]`,
            message: `no ${other} "${ref}"; known: ${listIds(ids[other])}. Fix the id or add content/${field}/${ref}.yaml`,
          });
        }
      });
    }
    a.mentions.forEach((m, i) => {
      if (!articleIds.has(m.article)) {
        problems.push({ file: a.file, field: `mentions[${i}].article`, message: `no article "${m.article}"; known articles: ${listIds(articleIds)}` });
        return;
      }
      if (!sectionsByKey.has(`${m.article}/${m.section}`)) {
        const known = sections.filter((s) => s.article === m.article).map((s) => s.id);
        problems.push({ file: a.file, field: `mentions[${i}].section`, message: `no section "${m.section}" in "${m.article}"; its sections: ${listIds(known)}` });
      }
    });
  }
  return problems;
}

/** One error listing every problem, so an editor fixes them all in one pass. */
export class ContentError extends Error {
  readonly problems: readonly Problem[];
  constructor(problems: readonly Problem[]) {
    super(
      `Content problems (${problems.length}); the build stops so nothing is published wrong:\n` +
        problems.map((p) => `  - ${formatProblem(p)}`).join('\n'),
    );
    this.problems = problems;
    this.name = 'ContentError';
  }
}
