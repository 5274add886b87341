/**
 * A worker thread of the content layer: compiles one section or author note with the one
 * pipeline. A content problem comes back as data (threads pass values, not error classes), and
 * the content layer reports it with every other.
 */
import { ContentError, type Problem } from '../content/rules.ts';
import { compileNote, compileSection, type CompiledSection, type SectionInput } from './pipeline.ts';

export type Compiled<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

async function settle<T>(work: Promise<T>, file: string): Promise<Compiled<T>> {
  try {
    return { ok: true, value: await work };
  } catch (error) {
    return { ok: false, problems: error instanceof ContentError ? [...error.problems] : [{ file, field: 'body', message: (error as Error).message }] };
  }
}

export function section({ body, input, lines }: { body: string; input: SectionInput; lines: number }): Promise<Compiled<CompiledSection>> {
  return settle(compileSection(body, input, lines), input.file);
}

export function note({ body, path, lines }: { body: string; path: string; lines: number }): Promise<Compiled<string>> {
  return settle(compileNote(body, path, lines), path);
}
