/**
 * The up-to-date check of `actas run`, after Gradle's: a run that ends with the target and the
 * build folder holding one version remembers the digest of everything that decided it (the
 * identity of the validation, the configuration, the program) and the files of that version. The
 * next run with the same inputs, whose target still holds exactly those files (compared by git
 * blob id, which every target lists without downloading anything) and whose build folder still
 * holds them untouched (compared by size, times and inode without reading them, as git's index
 * does), has nothing to build: it is unchanged. Anything that differs, or a stamp that cannot be
 * read, sends the run down the full path, which reaches the same answer, only more slowly.
 * Kept in .actas/ (never published); losing it only makes the next run slower.
 *
 * Two limits, both git's too: a file rewritten with the same size within the same clock tick as
 * the snapshot passes for untouched on a file system with coarse times (FAT's 2 s; Linux file
 * systems keep nanoseconds), and the program's fingerprint is taken once per process, so a
 * long-running `actas schedule` must be restarted when the program is updated.
 */
import type { Stats } from 'node:fs';
import { join, resolve } from 'node:path';
import { sha256 } from './build/digest.ts';
import { pipelineFingerprint } from './build/fingerprint.ts';
import { listBuiltFiles } from './build/tree-files.ts';
import type { Config } from './config/config.ts';
import type { Effects } from './effects.ts';
import { mapInBatches } from './files/in-batches.ts';
import { writeFileAtomic } from './files/write-file-atomic.ts';
import type { CurrentVersion } from './release/plan.ts';
import { memoryTreeView, type PublishedTree } from './release/tree.ts';
import { stateDir } from './state.ts';

export const upToDateFile = `${stateDir}/up-to-date.json`;
const stampFormat = 1;

/** One file of the version: its content (git blob id) and how it sits in the build folder. */
interface FileStamp {
  blob: string;
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
}

interface UpToDateStamp {
  format: number;
  inputs: string;
  version: string;
  files: BuildSnapshot;
}

/** Everything a run's outcome depends on: the validation's identity, the configuration, the program. */
export const runInputs = (config: Config, validationDigest: string): string =>
  sha256([pipelineFingerprint(), JSON.stringify(config), validationDigest].join('\0'));

const untouched = (stats: Stats, stamp: FileStamp): boolean =>
  stats.isFile() &&
  stats.size === stamp.size &&
  stats.mtimeMs === stamp.mtimeMs &&
  stats.ctimeMs === stamp.ctimeMs &&
  stats.ino === stamp.ino;

async function readStamp(effects: Effects): Promise<UpToDateStamp | undefined> {
  try {
    const stamp = JSON.parse(
      await effects.fs.readFile(resolve(effects.cwd, upToDateFile), 'utf8'),
    ) as UpToDateStamp;
    return stamp.format === stampFormat && stamp.files && typeof stamp.files === 'object' ? stamp : undefined;
  } catch {
    return undefined;
  }
}

const samePaths = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((path, i) => path === b[i]);

/**
 * True when the last run with these inputs left `current` in the target and the same files,
 * untouched, in the build folder: this run would build exactly that and publish nothing.
 */
export async function isUpToDate(
  effects: Effects,
  buildDir: string,
  inputs: string,
  current: CurrentVersion,
): Promise<boolean> {
  const stamp = await readStamp(effects);
  if (!stamp || stamp.inputs !== inputs || stamp.version !== current.version) return false;
  // Sorted here: an object keeps integer-like keys first, whatever order they were written in.
  const paths = Object.keys(stamp.files).sort();
  const published = current.tree.paths();
  if (!samePaths(published, paths)) return false;
  if (paths.some((path) => current.tree.blobId(path) !== stamp.files[path]?.blob)) return false;
  const built = await listBuiltFiles(effects, buildDir);
  if (!built || !samePaths(built, paths)) return false;
  const same = await mapInBatches(paths, async (path) => {
    try {
      return untouched(await effects.fs.stat(join(buildDir, path)), stamp.files[path] as FileStamp);
    } catch {
      return false;
    }
  });
  return !same.includes(false);
}

/** The build folder as it holds a tree: each file's content and how it sits on disk. */
export type BuildSnapshot = Record<string, FileStamp>;

/**
 * Takes the snapshot of a build folder known to hold `tree` (just written, or just compared byte
 * for byte), before anything else can touch it. Undefined when the folder cannot be read.
 */
export async function snapshotBuild(
  effects: Effects,
  buildDir: string,
  tree: PublishedTree,
): Promise<BuildSnapshot | undefined> {
  try {
    const view = memoryTreeView(tree);
    const paths = view.paths();
    const stats = await mapInBatches(paths, (path) => effects.fs.stat(join(buildDir, path)));
    const files: BuildSnapshot = {};
    paths.forEach((path, i) => {
      const { size, mtimeMs, ctimeMs, ino } = stats[i] as Stats;
      files[path] = { blob: view.blobId(path) as string, size, mtimeMs, ctimeMs, ino };
    });
    return files;
  } catch (error) {
    effects.log.debug(`No se pudo leer la carpeta de construcción: ${(error as Error).message}`);
    return undefined;
  }
}

/**
 * Remembers that the target now holds `version`, made from `inputs`, and the build folder the
 * same files as in `snapshot`. Call it only when that is so.
 */
export async function recordUpToDate(
  effects: Effects,
  snapshot: BuildSnapshot,
  inputs: string,
  version: string,
): Promise<void> {
  const stamp: UpToDateStamp = { format: stampFormat, inputs, version, files: snapshot };
  try {
    await writeFileAtomic(effects, resolve(effects.cwd, upToDateFile), JSON.stringify(stamp));
  } catch (error) {
    effects.log.debug(`No se pudo guardar ${upToDateFile}: ${(error as Error).message}`);
  }
}
