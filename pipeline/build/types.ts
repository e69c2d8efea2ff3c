import type { Config } from '../config/config.ts';
import type { Problem } from '../errors/problem.ts';
import type { SessionRecord } from '../model/index.ts';
import type { OrganizationIndex } from '../organizations/registry.ts';

/** The published tree: posix paths relative to its root, and each file's bytes. */
export type PublishedTree = Map<string, Uint8Array>;

export interface BuildInput {
  /** Valid records (the validate stage's output); their order does not matter. */
  records: SessionRecord[];
  organizations: OrganizationIndex;
  config: Config;
  /** The semantic version, computed by the release stage. */
  version: string;
  /** The build clock: `created` in datapackage.json, the card's date, the workbook's properties. */
  created: Date;
  /** Files other stages publish (CHANGELOG.md, changes/<v>.json, index.html, assets/, records/<id>.html). */
  extraFiles?: ReadonlyMap<string, Uint8Array>;
}

/**
 * Outputs of earlier builds by key. A key digests everything its files depend on (the builder's
 * code, the rows, the metadata), so a hit is always what a clean build would write.
 */
export interface ArtifactStore {
  get(key: string): Promise<CachedArtifact | undefined>;
}

export interface CachedArtifact {
  files: ReadonlyMap<string, Uint8Array>;
  /** The warnings the step reported when it was built. */
  problems: Problem[];
}

/**
 * Files of the tree that came from one keyed, cacheable step: a CSV, the workbook, the database,
 * or the whole tree (keyed by every input, so an unchanged rerun reads the previous tree back).
 */
export interface BuiltArtifact {
  key: string;
  paths: string[];
  problems: Problem[];
}

export interface BuildReport {
  /** Empty when there are errors. */
  tree: PublishedTree;
  problems: Problem[];
  artifacts: BuiltArtifact[];
}
