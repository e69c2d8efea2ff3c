/**
 * The `dir` target: a plain folder holding the current version. A new version is written whole
 * to a hidden sibling folder and then swapped in with two renames (old away, new in). The only
 * moment the folder is absent is between those two renames; a run killed exactly there, or
 * anywhere else, is repaired by the next run: an interrupted swap is rolled back to the old
 * version, and half-written siblings are removed. The folder never holds a mix of two versions.
 */
import { basename, dirname, join, resolve } from 'node:path';
import { listFiles } from '../build/tree-files.ts';
import type { Effects } from '../effects.ts';
import { problem } from '../errors/catalog/index.ts';
import { memoryTreeView, type TreeView } from '../release/tree.ts';
import { fileChangeLines, fileChanges } from './file-changes.ts';
import type { PublishedVersion, Release, Target } from './target.ts';
import { assertPlannedOn, TargetError } from './target.ts';
import { versionOf } from './version-of.ts';

export interface DirTargetOptions {
  path: string;
}

/** Every file under a folder, read into memory; hidden top-level entries (.actas-release.json) are not part of it. */
export async function readFolderTree(effects: Effects, root: string): Promise<Map<string, Uint8Array>> {
  const tree = new Map<string, Uint8Array>();
  for (const path of (await listFiles(effects, root)) ?? []) {
    if (path.startsWith('.')) continue;
    tree.set(path, new Uint8Array(await effects.fs.readFile(join(root, path))));
  }
  return tree;
}

/** A folder as a TreeView (its files are read, and hashed, once). */
export const folderTreeView = async (effects: Effects, root: string): Promise<TreeView> =>
  memoryTreeView(await readFolderTree(effects, root));

export function createDirTarget(options: DirTargetOptions, effects: Effects): Target {
  const dir = resolve(effects.cwd, options.path);
  const parent = dirname(dir);
  const incoming = join(parent, `.${basename(dir)}.actas-new`);
  const outgoing = join(parent, `.${basename(dir)}.actas-old`);
  const where = `dir ${options.path}`;
  const exists = (path: string) =>
    effects.fs.stat(path).then(
      () => true,
      () => false,
    );

  /** Finishes or rolls back whatever a killed run left. */
  async function recover(): Promise<void> {
    if (!(await exists(dir)) && (await exists(outgoing))) await effects.fs.rename(outgoing, dir);
    await effects.fs.rm(outgoing, { recursive: true, force: true });
    await effects.fs.rm(incoming, { recursive: true, force: true });
  }

  async function readCurrent(): Promise<PublishedVersion | null> {
    await recover();
    if (!(await exists(join(dir, 'datapackage.json')))) return null;
    const tree = await folderTreeView(effects, dir);
    const version = await versionOf(tree);
    return version ? { version, tree } : null;
  }

  return {
    kind: 'dir',
    describe: () => where,
    async readCurrent() {
      try {
        return await readCurrent();
      } catch (error) {
        throw new TargetError(problem('ACTAS-E401', { target: where, detail: (error as Error).message }));
      }
    },
    async readVersion(version) {
      const current = await readCurrent();
      return current?.version === version ? current : null;
    },
    async listVersions() {
      const current = await readCurrent();
      return current ? [current.version] : [];
    },
    async plan(release) {
      const current = await readCurrent();
      return [
        ...fileChangeLines(fileChanges(current?.tree ?? null, release.tree)),
        `escribir la versión completa en ${incoming} y reemplazar ${options.path} con dos renombres`,
      ];
    },
    async publish(release: Release) {
      try {
        assertPlannedOn(where, release, (await readCurrent())?.version ?? null);
        await effects.fs.mkdir(incoming, { recursive: true });
        for (const [path, content] of release.tree) {
          await effects.fs.mkdir(dirname(join(incoming, path)), { recursive: true });
          await effects.fs.writeFile(join(incoming, path), content);
        }
        if (await exists(dir)) await effects.fs.rename(dir, outgoing);
        await effects.fs.rename(incoming, dir);
        await effects.fs.rm(outgoing, { recursive: true, force: true });
        return { version: release.version, location: dir };
      } catch (error) {
        await recover().catch(() => {});
        if (error instanceof TargetError) throw error;
        throw new TargetError(problem('ACTAS-E400', { target: where, detail: (error as Error).message }));
      }
    },
  };
}
