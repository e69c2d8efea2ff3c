/**
 * `.actas/sources.json`: what each remote source gave last time, so the next tick asks only for
 * what changed. For an http source the validators (ETag, Last-Modified); for a file in a GitHub
 * folder its blob sha. Either way also the inbox file it was saved as and that file's sha256, so
 * a document someone edited or replaced in the inbox is never overwritten behind their back.
 */
import { resolve } from 'node:path';
import type { Effects } from '../../effects.ts';
import { problem } from '../../errors/catalog/index.ts';
import type { Problem } from '../../errors/problem.ts';
import { writeFileAtomic } from '../../files/write-file-atomic.ts';
import { stateDir } from '../../state.ts';

export const sourcesStateFile = `${stateDir}/sources.json`;
const stateFormat = 1;

export interface SourceEntry {
  /** The inbox file name it was saved as. */
  file: string;
  /** sha256 of the bytes saved, to recognise the file as ours. */
  sha256: string;
  etag?: string;
  last_modified?: string;
  /** GitHub: the blob sha of the file in the folder. */
  blob_sha?: string;
  saved: string;
}

export interface SourcesState {
  format: number;
  /** Keyed by what the entry is: `http <url>`, `github <owner/name>@<branch>:<path>`. */
  entries: Record<string, SourceEntry>;
}

export async function readSourcesState(
  effects: Effects,
): Promise<{ state: SourcesState; problems: Problem[] }> {
  const path = resolve(effects.cwd, sourcesStateFile);
  const fresh: SourcesState = { format: stateFormat, entries: {} };
  let text: string;
  try {
    text = await effects.fs.readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { state: fresh, problems: [] };
    return { state: fresh, problems: [problem('ACTAS-W523', { path: sourcesStateFile })] };
  }
  try {
    const value = JSON.parse(text) as SourcesState;
    if (value?.format === stateFormat && value.entries && typeof value.entries === 'object')
      return { state: value, problems: [] };
  } catch {
    // Falls through: an unreadable record only costs one full download of each source.
  }
  return { state: fresh, problems: [problem('ACTAS-W523', { path: sourcesStateFile })] };
}

export async function writeSourcesState(effects: Effects, state: SourcesState): Promise<void> {
  await writeFileAtomic(
    effects,
    resolve(effects.cwd, sourcesStateFile),
    `${JSON.stringify(state, null, 2)}\n`,
  );
}
