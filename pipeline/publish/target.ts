/**
 * A target is where versions are published. Every target is a small driver behind this one
 * interface (unjs/unstorage's drivers are the model), and every driver runs through the same
 * conformance suite in tests/publish/target-conformance.ts.
 */
import { problem } from '../errors/catalog/index.ts';
import type { Problem } from '../errors/problem.ts';
import type { PublishedTree, TreeView } from '../release/tree.ts';

export interface PublishedVersion {
  version: string;
  tree: TreeView;
}

export interface Release {
  /** The dataset's short name (config dataset.name), for the release asset's file name. */
  datasetName: string;
  version: string;
  previousVersion: string | null;
  /** The whole version: every file of the published tree. */
  tree: PublishedTree;
  /** The changelog section of this version: commit message body and release notes. */
  notes: string;
  /** When it is published (the injected clock). */
  date: Date;
}

export interface PublishOutcome {
  version: string;
  /** Where it can be found: a path, a URL. */
  location: string;
}

export interface Target {
  readonly kind: 'git' | 'github' | 'dir';
  /** Human description without secrets, e.g. "git public/" or "github owner/name (rama main)". */
  describe(): string;
  /** The version currently published, or null before the first publication. */
  readCurrent(): Promise<PublishedVersion | null>;
  /** An earlier version by number, where the target keeps history (git, github). */
  readVersion(version: string): Promise<PublishedVersion | null>;
  /** Every published version, oldest first. */
  listVersions(): Promise<string[]>;
  /** What publishing would do, one line per file operation or API call, for --dry-run. */
  plan(release: Release): Promise<string[]>;
  /** Publishes the whole version atomically; throws TargetError, never leaves half a version. */
  publish(release: Release): Promise<PublishOutcome>;
}

/** A target failure: carries its catalog problem; the CLI turns it into exit code 3. */
export class TargetError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.message);
    this.name = 'TargetError';
  }
}

/** Publishing on top of a version other than the one the release was planned against would lose it. */
export function assertPlannedOn(where: string, release: Release, found: string | null): void {
  if (found !== release.previousVersion) {
    throw new TargetError(
      problem('ACTAS-E410', {
        target: where,
        expected: release.previousVersion ?? 'ninguna',
        found: found ?? 'ninguna',
      }),
    );
  }
}

export const tagName = (version: string) => `v${version}`;
export const semverPattern = /^\d+\.\d+\.\d+$/;

/** Versions sorted by semantic order. */
export function sortVersions(versions: Iterable<string>): string[] {
  const parts = (v: string) => v.split('.').map(Number) as [number, number, number];
  return [...versions]
    .filter((v) => semverPattern.test(v))
    .sort((a, b) => {
      const [x, y] = [parts(a), parts(b)];
      return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
    });
}
