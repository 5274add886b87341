/**
 * A worker thread of the content layer: compiles one section or author note with the one
 * pipeline. A section's HTML and outline are kept here, under its digest, and only its outline
 * goes back: the thread that feeds every worker neither copies nor writes the HTML. A content
 * problem comes back as data (threads pass values, not error classes), and the content layer
 * reports it with every other.
 */
import { keepCompiled } from '../content/compiled.ts';
import { ContentError, type Problem } from '../content/rules.ts';
import type { SectionOutline } from './mentions.ts';
import { compileNote, compileSection, type SectionInput } from './pipeline.ts';

export type Compiled<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

async function settle<T>(work: Promise<T>, file: string): Promise<Compiled<T>> {
  try {
    return { ok: true, value: await work };
  } catch (error) {
    return { ok: false, problems: error instanceof ContentError ? [...error.problems] : [{ file, field: 'body', message: (error as Error).message }] };
  }
}

export function section({ body, input, lines, digest }: { body: string; input: SectionInput; lines: number; digest: string }): Promise<Compiled<SectionOutline>> {
  return settle(
    compileSection(body, input, lines).then(async (compiled) => {
      await keepCompiled(digest, compiled);
      return compiled.outline;
    }),
    input.file,
  );
}

export function note({ body, path, lines }: { body: string; path: string; lines: number }): Promise<Compiled<string>> {
  return settle(compileNote(body, path, lines), path);
}
