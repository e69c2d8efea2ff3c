/**
 * Plans a release: compares what the records would publish with what the target holds, and
 * decides whether there is a new version, which number it gets and what its changelog says.
 * Pure apart from the injected `build` (itself deterministic): plan is separate from apply, as in
 * changesets' assemble-release-plan / apply-release-plan.
 */
import type { BumpDecision } from './bump.ts';
import { decideBump, nextVersion } from './bump.ts';
import {
  changelogPath,
  changesPath,
  prependChangelog,
  renderChangelogSection,
  renderChangesJson,
} from './changelog.ts';
import { type DatasetDiff, diffSnapshots } from './diff.ts';
import { readSnapshot } from './snapshot.ts';
import { memoryTreeView, type PublishedTree, readText, sameTree, type TreeView } from './tree.ts';

/** Builds the whole published tree for a version; the same inputs always give the same bytes. */
export type BuildVersion = (
  version: string,
  created: Date,
  history: ReadonlyMap<string, Uint8Array>,
) => Promise<PublishedTree>;

export interface CurrentVersion {
  version: string;
  tree: TreeView;
}

export type ReleasePlan =
  /** Nothing to publish: `tree` is the published version as the records rebuild it, byte for byte. */
  | { kind: 'unchanged'; version: string; tree: PublishedTree }
  | {
      kind: 'release';
      previousVersion: string | null;
      version: string;
      decision: BumpDecision;
      diff: DatasetDiff;
      /** The changelog section of this version (release notes). */
      notes: string;
      tree: PublishedTree;
    };

const encoder = new TextEncoder();
const isHistory = (path: string) => path === changelogPath || path.startsWith('changes/');

/** CHANGELOG.md and changes/*.json of the published version: every version carries its history. */
async function readHistory(tree: TreeView | undefined): Promise<Map<string, Uint8Array>> {
  const history = new Map<string, Uint8Array>();
  for (const path of tree?.paths().filter(isHistory) ?? []) {
    const content = await tree?.read(path);
    if (content) history.set(path, content);
  }
  return history;
}

async function createdOf(tree: TreeView): Promise<Date | null> {
  const text = await readText(tree, 'datapackage.json');
  const created = text ? (JSON.parse(text) as { created?: string }).created : undefined;
  return created ? new Date(created) : null;
}

export async function planRelease(
  current: CurrentVersion | null,
  clock: Date,
  build: BuildVersion,
): Promise<ReleasePlan> {
  // datapackage.json keeps whole seconds: a version rebuilt from its `created` must use the same instant.
  const now = new Date(Math.floor(clock.getTime() / 1000) * 1000);
  const history = await readHistory(current?.tree);
  let candidate: PublishedTree;
  if (current) {
    // Rebuilt as the current version, an unchanged dataset is byte for byte what is published.
    candidate = await build(current.version, (await createdOf(current.tree)) ?? now, history);
    if (sameTree(memoryTreeView(candidate), current.tree)) {
      return { kind: 'unchanged', version: current.version, tree: candidate };
    }
  } else {
    candidate = await build('1.0.0', now, history);
  }

  const diff = diffSnapshots(
    current ? await readSnapshot(current.tree) : null,
    await readSnapshot(memoryTreeView(candidate)),
  );
  // The trees differ; if no row or field did, what changed is metadata or presentation.
  const decision = decideBump(diff, true) as BumpDecision;
  const previousVersion = current?.version ?? null;
  const version = nextVersion(previousVersion, decision.bump);
  const date = now.toISOString().slice(0, 10);
  const notesInput = { version, previousVersion, date, decision, diff };
  const notes = renderChangelogSection(notesInput);
  const changelog = prependChangelog(
    history.has(changelogPath) ? new TextDecoder().decode(history.get(changelogPath)) : undefined,
    notes,
  );
  history.set(changelogPath, encoder.encode(changelog));
  history.set(changesPath(version), encoder.encode(renderChangesJson(notesInput)));
  const tree = await build(version, now, history);
  return { kind: 'release', previousVersion, version, decision, diff, notes, tree };
}
