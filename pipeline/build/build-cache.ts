/**
 * The build cache: which keyed artifacts (CSV files, the workbook, the database) the folder built
 * last time holds, with their SHA-256. A rerun reuses an artifact only when its key matches AND
 * the file on disk still has the recorded hash, so the cache can make a build faster but never
 * different. It lives in .actas/ (ignored by git), never inside the published folder.
 */
import { dirname, join, resolve } from 'node:path';
import type { Effects } from '../effects.ts';
import type { Problem } from '../errors/problem.ts';
import { mapInBatches } from '../files/in-batches.ts';
import { sha256 } from './digest.ts';
import type { ArtifactStore, BuildReport } from './types.ts';

export const buildCacheFile = '.actas/build-cache.json';
const cacheFormat = 1;

export interface CacheManifest {
  format: number;
  /** Absolute path of the folder the artifacts are in. */
  dir: string;
  artifacts: Array<{ key: string; files: Record<string, string>; problems: Problem[] }>;
}

export interface LoadedCache {
  store: ArtifactStore;
  /** The manifest as read, to carry its still-valid entries over when the next one is saved. */
  manifest: CacheManifest | undefined;
  /** Files read (and verified) from the folder while serving the store, by path. */
  read: Map<string, Uint8Array>;
}

async function readManifest(effects: Effects, dir: string): Promise<CacheManifest | undefined> {
  try {
    const text = await effects.fs.readFile(resolve(effects.cwd, buildCacheFile), 'utf8');
    const manifest = JSON.parse(text) as CacheManifest;
    if (manifest.format !== cacheFormat || manifest.dir !== dir || !Array.isArray(manifest.artifacts))
      return undefined;
    return manifest;
  } catch {
    // No cache, or one this version cannot read: build everything.
    return undefined;
  }
}

export async function loadBuildCache(effects: Effects, dir: string): Promise<LoadedCache> {
  const manifest = await readManifest(effects, dir);
  const byKey = new Map((manifest?.artifacts ?? []).map((a) => [a.key, a]));
  const read = new Map<string, Uint8Array>();
  const store: ArtifactStore = {
    async get(key) {
      const entry = byKey.get(key);
      if (!entry) return undefined;
      const found = await mapInBatches(Object.entries(entry.files), async ([path, hash]) => {
        try {
          const bytes = read.get(path) ?? (await effects.fs.readFile(join(dir, path)));
          return sha256(bytes) === hash ? ([path, bytes] as const) : undefined;
        } catch {
          return undefined;
        }
      });
      if (found.some((item) => item === undefined)) return undefined;
      const files = new Map(found as Array<readonly [string, Uint8Array]>);
      for (const [path, bytes] of files) read.set(path, bytes);
      return { files, problems: entry.problems ?? [] };
    },
  };
  return { store, read, manifest };
}

/**
 * Records what the folder now holds: the artifacts of this build, and those of earlier builds
 * whose files the folder still holds unchanged (a rerun served whole from the cache reports only
 * the tree, but its tables, workbook and database stay reusable on their own).
 */
export async function saveBuildCache(
  effects: Effects,
  dir: string,
  report: BuildReport,
  previous?: CacheManifest,
): Promise<void> {
  const hashes = new Map([...report.tree].map(([path, bytes]) => [path, sha256(bytes)]));
  const current = report.artifacts.map(({ key, paths, problems }) => ({
    key,
    files: Object.fromEntries(paths.map((p) => [p, hashes.get(p) ?? ''])),
    problems,
  }));
  const keys = new Set(current.map((a) => a.key));
  const carried = (previous?.artifacts ?? []).filter(
    (a) => !keys.has(a.key) && Object.entries(a.files).every(([path, hash]) => hashes.get(path) === hash),
  );
  const manifest: CacheManifest = { format: cacheFormat, dir, artifacts: [...current, ...carried] };
  const file = resolve(effects.cwd, buildCacheFile);
  try {
    await effects.fs.mkdir(dirname(file), { recursive: true });
    await effects.fs.writeFile(file, `${JSON.stringify(manifest, null, 2)}\n`);
  } catch (error) {
    // Without a cache the next build is slower, not wrong.
    effects.log.debug(`No se pudo guardar ${buildCacheFile}: ${(error as Error).message}`);
  }
}
