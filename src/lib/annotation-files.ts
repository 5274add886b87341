/**
 * The mentions of every event and issue, read straight from the YAML files. The Markdown step
 * runs before content collections are available to pages, so it reads the same files itself;
 * their full shape is still checked by the schemas in `src/content.config.ts`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { Annotation, AnnotationKind, Mention } from './mentions.ts';

const FOLDERS: Array<[AnnotationKind, string, string]> = [
  ['event', 'events', 'title'],
  ['issue', 'issues', 'name'],
];

export function readAnnotations(contentRoot: string): Annotation[] {
  const annotations: Annotation[] = [];
  for (const [kind, folder, titleField] of FOLDERS) {
    const dir = join(contentRoot, folder);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).filter((n) => /\.ya?ml$/.test(n)).sort()) {
      const file = join(dir, name);
      const data = (parse(readFileSync(file, 'utf8')) ?? {}) as Record<string, unknown>;
      const mentions = Array.isArray(data['mentions']) ? (data['mentions'] as Mention[]) : [];
      annotations.push({
        kind,
        id: name.replace(/\.ya?ml$/, ''),
        file,
        title: String(data[titleField] ?? ''),
        mentions: mentions.filter((m) => m && typeof m.phrase === 'string'),
      });
    }
  }
  return annotations;
}
