/**
 * Which documents an import reads: the files named, and the .txt and .docx files directly inside
 * the folders named (hidden files and Word's "~$" lock files left out). The default inbox may be
 * missing or empty — then there is simply nothing to import; a path the user named must exist.
 */
import { basename, extname, resolve } from 'node:path';
import type { Effects } from '../effects.ts';
import { problem } from '../errors/catalog/index.ts';
import type { Problem } from '../errors/problem.ts';
import { displayPath } from '../validate/read-records.ts';
import type { DocumentFormat } from './read-document.ts';

export interface DocumentFile {
  /** Absolute path, to read. */
  path: string;
  /** Path as shown to people (relative to the working directory). */
  shown: string;
  /** File name, as recorded in `source.file`. */
  name: string;
  format: DocumentFormat;
}

const formatOf = (name: string): DocumentFormat | undefined => {
  const ext = extname(name).toLowerCase();
  return ext === '.txt' ? 'txt' : ext === '.docx' ? 'docx' : undefined;
};

const isIgnored = (name: string) => name.startsWith('.') || name.startsWith('~$');

export interface DocumentList {
  documents: DocumentFile[];
  problems: Problem[];
}

/** `explicit` is false for the configured inbox, which may be absent or empty without an error. */
export async function listDocuments(
  effects: Effects,
  inputs: readonly string[],
  explicit: boolean,
): Promise<DocumentList> {
  const documents = new Map<string, DocumentFile>();
  const problems: Problem[] = [];
  const add = (path: string, name: string, format: DocumentFormat) =>
    documents.set(path, { path, shown: displayPath(effects.cwd, path), name, format });

  for (const input of inputs) {
    const path = resolve(effects.cwd, input);
    const shown = displayPath(effects.cwd, path);
    let isDirectory: boolean;
    try {
      isDirectory = (await effects.fs.stat(path)).isDirectory();
    } catch {
      if (explicit) problems.push(problem('ACTAS-E004', { path: shown }, { file: shown }));
      continue;
    }
    if (!isDirectory) {
      const format = formatOf(path);
      if (format) add(path, basename(path), format);
      else problems.push(problem('ACTAS-E201', { name: basename(path) }, { file: shown }));
      continue;
    }
    let entries: import('node:fs').Dirent[];
    try {
      entries = await effects.fs.readdir(path, { withFileTypes: true });
    } catch (error) {
      problems.push(
        problem('ACTAS-E006', { path: shown, detail: (error as Error).message }, { file: shown }),
      );
      continue;
    }
    let found = 0;
    for (const entry of entries
      .filter((e) => e.isFile() && !isIgnored(e.name))
      .sort((a, b) => a.name.localeCompare(b.name))) {
      const format = formatOf(entry.name);
      const file = resolve(path, entry.name);
      if (format) {
        add(file, entry.name, format);
        found += 1;
      } else
        problems.push(problem('ACTAS-W213', { name: entry.name }, { file: displayPath(effects.cwd, file) }));
    }
    if (found === 0 && explicit) problems.push(problem('ACTAS-E200', { file: shown }, { file: shown }));
  }
  return { documents: [...documents.values()], problems };
}
