/**
 * The build stage as `actas build` and `actas run` call it: builds the tree (reusing the cache
 * where keys match), and writes it to config.paths.build atomically, unless the folder already
 * holds exactly this tree. Returns problems; never throws for bad input, never writes on errors.
 */
import { resolve } from 'node:path';
import type { Config } from '../config/config.ts';
import type { Effects } from '../effects.ts';
import { hasErrors, type Problem } from '../errors/problem.ts';
import { mapInBatches } from '../files/in-batches.ts';
import type { SessionRecord } from '../model/index.ts';
import type { OrganizationIndex } from '../organizations/registry.ts';
import { loadBuildCache, saveBuildCache } from './build-cache.ts';
import { buildTreeReport } from './build-tree.ts';
import { sameBytes } from './digest.ts';
import { listBuiltFiles } from './tree-files.ts';
import type { PublishedTree } from './types.ts';
import { writeTree } from './write-tree.ts';

export interface RunBuildOptions {
  records: SessionRecord[];
  organizations: OrganizationIndex;
  version: string;
  extraFiles?: ReadonlyMap<string, Uint8Array>;
  /**
   * The version's creation time; defaults to the effects clock. Rebuilding an already published
   * version with its original time gives the same bytes (and makes the rerun cheap).
   */
  created?: Date;
}

export interface RunBuildResult {
  tree: PublishedTree;
  /** Absolute path of the build folder. */
  dir: string;
  problems: Problem[];
  /** False when nothing was written: errors, or the folder already held this exact tree. */
  written: boolean;
}

/**
 * True when `dir` holds exactly the files of `tree`, byte for byte. The note of the release the
 * folder was planned as (.actas-release.json) sits beside the tree and is not part of it.
 */
export async function holdsTree(
  effects: Effects,
  dir: string,
  tree: ReadonlyMap<string, Uint8Array>,
  alreadyRead: ReadonlyMap<string, Uint8Array>,
): Promise<boolean> {
  const onDisk = await listBuiltFiles(effects, dir);
  if (!onDisk || onDisk.length !== tree.size || onDisk.some((p) => !tree.has(p))) return false;
  const same = await mapInBatches([...tree], async ([path, bytes]) =>
    sameBytes(alreadyRead.get(path) ?? (await effects.fs.readFile(resolve(dir, path))), bytes),
  );
  return !same.includes(false);
}

export async function runBuild(
  config: Config,
  effects: Effects,
  options: RunBuildOptions,
): Promise<RunBuildResult> {
  const dir = resolve(effects.cwd, config.paths.build);
  const cache = await loadBuildCache(effects, dir);
  const report = await buildTreeReport(
    {
      records: options.records,
      organizations: options.organizations,
      config,
      version: options.version,
      created: options.created ?? effects.now(),
      ...(options.extraFiles ? { extraFiles: options.extraFiles } : {}),
    },
    cache.store,
  );
  const problems = [...report.problems];
  if (hasErrors(problems)) return { tree: report.tree, dir, problems, written: false };
  if (await holdsTree(effects, dir, report.tree, cache.read)) {
    effects.log.debug(`${config.paths.build} ya contiene este árbol; no se reescribe.`);
    await saveBuildCache(effects, dir, report, cache.manifest);
    return { tree: report.tree, dir, problems, written: false };
  }
  problems.push(...(await writeTree(report.tree, dir, effects)));
  if (hasErrors(problems)) return { tree: report.tree, dir, problems, written: false };
  await saveBuildCache(effects, dir, report, cache.manifest);
  return { tree: report.tree, dir, problems, written: true };
}
