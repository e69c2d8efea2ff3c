/**
 * The builder's edge: writes a published tree to a folder atomically. Everything goes to a
 * temporary sibling folder first (same file system, so renames are atomic); only when every file
 * is written is the old folder renamed away, the new one renamed in, and the old one removed. A
 * failure at any step leaves the previous output as it was and is returned as a problem.
 */
import { randomUUID } from 'node:crypto';
import { basename, dirname, join, resolve } from 'node:path';
import type { Effects } from '../effects.ts';
import { problem } from '../errors/catalog/index.ts';
import type { Problem } from '../errors/problem.ts';
import { displayPath } from '../validate/read-records.ts';
import { isSafeTreePath } from './tree-files.ts';

async function exists(effects: Effects, path: string): Promise<boolean> {
  try {
    await effects.fs.lstat(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

export async function writeTree(
  tree: ReadonlyMap<string, Uint8Array>,
  dir: string,
  effects: Effects,
): Promise<Problem[]> {
  const target = resolve(effects.cwd, dir);
  const parent = dirname(target);
  const name = basename(target);
  const shown = displayPath(effects.cwd, target);
  let staging: string | undefined;
  try {
    const unsafe = [...tree.keys()].find((path) => !isSafeTreePath(path));
    if (unsafe !== undefined) throw new Error(`la ruta "${unsafe}" no es una ruta relativa segura`);
    await effects.fs.mkdir(parent, { recursive: true });
    // Not mkdtemp: it creates the folder private (0700), and this folder becomes the published one.
    const suffix = randomUUID().slice(0, 8);
    await effects.fs.mkdir(join(parent, `.${name}.new-${suffix}`));
    staging = join(parent, `.${name}.new-${suffix}`);
    const folders = new Set([...tree.keys()].map((path) => dirname(path)).filter((d) => d !== '.'));
    for (const folder of [...folders].sort())
      await effects.fs.mkdir(join(staging, folder), { recursive: true });
    for (const [path, bytes] of tree) await effects.fs.writeFile(join(staging, path), bytes);

    const old = join(parent, `.${name}.old-${suffix}`);
    const hadPrevious = await exists(effects, target);
    if (hadPrevious) await effects.fs.rename(target, old);
    try {
      await effects.fs.rename(staging, target);
    } catch (error) {
      if (hadPrevious) await effects.fs.rename(old, target);
      throw error;
    }
    staging = undefined;
    if (hadPrevious) {
      // The new tree is in place; a leftover old folder is untidy, not a failure.
      await effects.fs.rm(old, { recursive: true, force: true }).catch((error: Error) => {
        effects.log.debug(`No se pudo borrar ${old}: ${error.message}`);
      });
    }
    return [];
  } catch (error) {
    if (staging) await effects.fs.rm(staging, { recursive: true, force: true }).catch(() => undefined);
    return [problem('ACTAS-E300', { path: shown, detail: (error as Error).message })];
  }
}
