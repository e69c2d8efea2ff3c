/** Reading a published tree back from disk, through the injected file system. */
import { join } from 'node:path';
import type { Effects } from '../effects.ts';
import { plannedReleaseFile } from '../state.ts';

/** Every file under `dir`, as posix paths relative to it; undefined when `dir` does not exist. */
export async function listFiles(effects: Effects, dir: string): Promise<string[] | undefined> {
  const files: string[] = [];
  const walk = async (relative: string): Promise<void> => {
    const entries = await effects.fs.readdir(join(dir, relative), { withFileTypes: true });
    for (const entry of entries) {
      const path = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) await walk(path);
      else files.push(path);
    }
  };
  try {
    await walk('');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  return files.sort();
}

/**
 * The files of a build folder, without the note of the release it was planned as
 * (.actas-release.json), which sits beside the tree and is not part of it. Undefined when the
 * folder cannot be read.
 */
export async function listBuiltFiles(effects: Effects, dir: string): Promise<string[] | undefined> {
  const paths = await listFiles(effects, dir).catch(() => undefined);
  return paths?.filter((path) => path !== plannedReleaseFile);
}

/** A tree path is relative, uses "/" and never climbs out of the tree. */
export const isSafeTreePath = (path: string): boolean =>
  path !== '' &&
  !path.startsWith('/') &&
  !/^[a-zA-Z]:/.test(path) &&
  !path.includes('\\') &&
  path.split('/').every((s) => s !== '' && s !== '.' && s !== '..');
