/**
 * An artifact store over builds made earlier in this process. A caller that builds the same data
 * more than once (for the release diff, then with the computed version, then with the landing
 * page as extra files) passes the earlier reports, and only what changed is made again.
 */
import type { ArtifactStore, BuildReport, CachedArtifact } from './types.ts';

export function memoryStore(...reports: readonly BuildReport[]): ArtifactStore {
  const byKey = new Map<string, CachedArtifact>();
  for (const report of reports) {
    for (const artifact of report.artifacts) {
      const files = new Map<string, Uint8Array>();
      for (const path of artifact.paths) {
        const bytes = report.tree.get(path);
        if (bytes) files.set(path, bytes);
      }
      if (files.size === artifact.paths.length)
        byKey.set(artifact.key, { files, problems: artifact.problems });
    }
  }
  return { get: async (key) => byKey.get(key) };
}
