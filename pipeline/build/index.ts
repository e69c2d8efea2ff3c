/**
 * The build stage: valid records in, the whole published tree out (CSV, JSON, XLSX, SQLite,
 * datapackage.json, the dataset card, CITATION.cff, the DCAT catalog, SHA256SUMS), byte for byte
 * reproducible from the same records, version and clock.
 */
export { buildCacheFile } from './build-cache.ts';
export { buildTree, buildTreeReport } from './build-tree.ts';
export { memoryStore } from './memory-store.ts';
export { type RunBuildOptions, type RunBuildResult, runBuild } from './run-build.ts';
export { buildTables, type Table } from './tables/build-tables.ts';
export { resources } from './tables/resources.ts';
export type {
  ArtifactStore,
  BuildInput,
  BuildReport,
  BuiltArtifact,
  CachedArtifact,
  PublishedTree,
} from './types.ts';
export { writeTree } from './write-tree.ts';
